//! faqbot answers questions about ISO on Discord from ISO's published FAQ.
//!
//! Three layers, one folder each (ARCHITECTURE.md draws the map):
//! - [`core`]: what the bot knows and decides — the FAQ, its commands, `/ask` matching, office
//!   hours, the replies — as plain Rust with no IO, no serenity and no Discord markup;
//! - [`frontends`]: the ways in and out — the Discord gateway bot and HTTP endpoint, and the
//!   command line — each translating its input for the core and the core's reply for its output;
//! - [`ops`]: what running it takes — configuration, live reload, insight, metrics, the memory
//!   of recent answers, logging — fed by the front ends, never reached from the core.
#![warn(rust_2018_idioms, missing_debug_implementations)]

pub mod core;
pub mod frontends;
pub mod ops;
