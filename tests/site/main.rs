//! One integration-test binary: the app in process through `app(state)`,
//! and the real server on 127.0.0.1 where raw connections matter.
//!
//! Behaviour tests use the frozen sample (`tests/fixtures/sample`) or a
//! scratch copy of a small fixture; only `real_content` reads `content/`.

mod content_errors;
mod editions;
mod engine;
mod exploration;
mod export;
mod fast;
mod figures;
mod hardening;
mod helpers;
mod hostile;
mod http;
mod languages;
mod large_content;
mod pages;
mod real_content;
mod reload;
mod review;
mod search;
mod server;
mod sharing;
mod states;
