//! The ways in and out: Discord (the gateway bot and the HTTP interactions endpoint) and the
//! command line. Each converts its input for the core once and renders the core's reply once.

pub mod cli;
pub mod desk;
pub mod discord;
pub mod terminal;
