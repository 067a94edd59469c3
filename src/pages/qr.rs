//! QR codes for print pages, as inline SVG, drawn once per address.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// QR codes drawn so far, by address and label. Choosing the mask of a code
/// (eight tried, the least confusing for a scanner kept) was a fifth of
/// the time to load a thousand pathways when every print page drew its own.
#[derive(Debug, Default)]
pub(crate) struct QrCodes {
    drawn: std::sync::Mutex<HashMap<(String, String), Drawing>>,
}

/// One QR code, drawn by the first page that asks for it.
type Drawing = Arc<OnceLock<String>>;

impl QrCodes {
    /// The QR code of `url` as inline SVG, drawn once: a second page with
    /// the same address waits for the first drawing instead of repeating it.
    pub(crate) fn svg(&self, url: &str, label: &str) -> String {
        let cell = {
            let mut drawn = self
                .drawn
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            Arc::clone(
                drawn
                    .entry((url.to_string(), label.to_string()))
                    .or_default(),
            )
        };
        cell.get_or_init(|| qr_svg(url, label)).clone()
    }
}

/// A QR code of `url` as inline SVG.
fn qr_svg(url: &str, label: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(148, 148)
            .quiet_zone(true)
            .build()
            .replace("<?xml version=\"1.0\" standalone=\"yes\"?>", "")
            .replacen(
                "<svg ",
                &format!(
                    "<svg class=\"qr-code\" role=\"img\" aria-label=\"{}\" ",
                    crate::util::html::escape(label)
                ),
                1,
            ),
        Err(_) => String::new(),
    }
}
