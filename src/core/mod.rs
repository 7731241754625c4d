//! The pure core: everything the bot knows and decides, as data in and data out
//! ([`bot::Bot::handle`]: events in, effects out). Nothing here reads a clock, a socket or a
//! file, imports the async runtime or the Discord library, or writes Discord markup: the front
//! ends do that, and `tests/layers.rs` checks it.

pub mod bot;
pub mod catalogue;
pub mod diagnostic;
pub mod eval;
pub mod faq;
pub mod ids;
pub mod inbox;
pub mod lang;
pub mod limits;
pub mod matcher;
pub mod memory;
pub mod names;
pub mod pipeline;
pub mod reply;
pub mod schedule;
pub mod text;
pub mod vocabulary;
