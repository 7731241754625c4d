//! What running the bot takes beside answering: configuration, live FAQ reload, what is
//! remembered (insight, votes, recent answers: SQLite, or PostgreSQL shared by replicas),
//! Prometheus metrics, logging, keeping secrets out of every output, and speaking to systemd. The front ends feed them; the core never reaches them.

pub mod config;
pub mod faq_file;
pub mod heap;
pub mod insights;
pub mod keeper;
pub mod live;
pub mod logging;
pub mod metrics;
pub mod postgres;
pub mod secrets;
pub mod service;
pub mod store;
pub mod tasks;
