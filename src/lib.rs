//! faqbot answers questions about ISO on Discord from ISO's published FAQ.
//!
//! The core (`faq`, `catalogue`, `schedule`) is plain Rust that knows nothing of Discord; the
//! `discord` adapter and the command line are thin layers over it, so every front end says the
//! same thing.
#![warn(rust_2018_idioms, missing_debug_implementations)]

pub mod answers;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discord;
pub mod eval;
pub mod faq;
pub mod insights;
pub mod limits;
pub mod live;
pub mod logging;
pub mod matcher;
pub mod metrics;
pub mod recent;
pub mod reply;
pub mod schedule;
