//! One integration-test binary: the app in process through `app(state)`.

mod content_errors;
mod exploration;
mod export;
mod hardening;
mod helpers;
mod http;
mod pages;
mod reload;
mod sharing;
