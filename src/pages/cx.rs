//! What every page view needs while rendering: the site, its chrome, its
//! rendered sections; the source list as a page shows it; the QR code.

use super::docs::Docs;
use super::layout::Chrome;
use crate::blocks::cite::Cited;
use crate::content::{Pathway, Site};
use crate::markdown::Glossary;
use crate::util::text::fill;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// What rendering needs: the site, its chrome and its rendered sections.
pub(crate) struct Cx<'a> {
    pub(crate) site: &'a Site,
    pub(crate) chrome: &'a Chrome,
    pub(crate) docs: &'a Docs<'a>,
    pub(crate) glossary: &'a Glossary,
}

impl Cx<'_> {
    /// The index of a pathway in the site (`Docs` is keyed by it).
    pub(crate) fn index(&self, p: &Pathway) -> usize {
        self.site
            .pathways
            .iter()
            .position(|x| std::ptr::eq(x, p))
            .unwrap_or(0)
    }
}

/// A source list entry as a page shows it.
pub(crate) struct SourceView {
    pub(crate) id: String,
    pub(crate) n: usize,
    pub(crate) publisher: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) edition: Option<String>,
    pub(crate) years: String,
    pub(crate) stale: String,
}

/// A page's source list, with the data years and, for a source of old
/// figures, how old they are.
pub(crate) fn sources_view(cx: &Cx<'_>, p: &Pathway, cited: &[Cited<'_>]) -> Vec<SourceView> {
    let ui = &cx.site.ui;
    cited
        .iter()
        .map(|c| SourceView {
            id: c.id.clone(),
            n: c.n,
            publisher: c.source.publisher.clone(),
            title: c.source.title.clone(),
            url: c.source.url.clone(),
            edition: c.source.edition.clone(),
            years: if c.years.is_empty() {
                String::new()
            } else {
                fill(&ui.sources.entry_years, &[("years", &c.years.join(", "))])
            },
            stale: c
                .oldest
                .filter(|y| p.last_reviewed.year - y > crate::blocks::fmt::STALE_YEARS)
                .map(|y| fill(&ui.figures.stale, &[("year", &y.to_string())]))
                .unwrap_or_default(),
        })
        .collect()
}

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
