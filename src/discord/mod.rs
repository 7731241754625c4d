//! The Discord adapter: turns the core's plain data into serenity's types and back. Nothing
//! about what the bot says is decided here.

pub mod commands;
