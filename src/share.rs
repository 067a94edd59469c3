//! Link-preview images: one 1200x630 PNG per pathway, per section and for
//! the site, drawn at load from an SVG template by `resvg` with a bundled
//! open-licence font (DejaVu Sans, see `share/DEJAVU-LICENSE.txt`), so they
//! look the same everywhere. Names carry a content hash, so they are cached
//! for a year.

use crate::util::hash::hash_hex;
use crate::util::text::wrap;
use std::fmt::Write as _;

/// Text escaped for the SVG, without control characters: XML cannot hold
/// them, and one would leave the image undrawable.
fn escape(text: &str) -> String {
    crate::util::html::escape(&text.replace(|c: char| c.is_control(), " "))
}

pub(crate) const WIDTH: u32 = 1200;
pub(crate) const HEIGHT: u32 = 630;

static FONT_REGULAR: &[u8] = include_bytes!("share/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("share/DejaVuSans-Bold.ttf");

/// What one preview image shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Card {
    /// The page the image belongs to (`""` for the site-wide image).
    pub page: String,
    pub site: String,
    pub kicker: String,
    pub title: String,
    pub fact: String,
    /// A small bar chart instead of the fact: (label, value, 0..=1).
    pub bars: Vec<(String, String, f64)>,
    pub footer: String,
}

impl Card {
    /// Bars under the title: label, bar, value (drawn in place of the fact).
    fn draw_bars(&self, s: &mut String) {
        let top = 372.0;
        let row = 180.0 / self.bars.len().max(3) as f64;
        for (i, (label, value, frac)) in self.bars.iter().enumerate() {
            let y = top + i as f64 * row;
            let w = (620.0 * frac.clamp(0.02, 1.0)).round();
            let _ = write!(
                s,
                r##"<text x="64" y="{:.0}" font-family="sans-serif" font-size="24" fill="#4d5b60">{}</text><rect x="430" y="{:.0}" width="{w}" height="30" rx="5" fill="#0a5c68"/><text x="{:.0}" y="{:.0}" font-family="sans-serif" font-weight="bold" font-size="26" fill="#1b2427">{}</text>"##,
                y + 24.0,
                escape(label),
                y + 2.0,
                430.0 + w + 14.0,
                y + 26.0,
                escape(value)
            );
        }
    }

    /// Where the image is served (see [`crate::registry::card_path`]).
    pub(crate) fn url_path(&self) -> String {
        crate::registry::card_path(&self.page, &hash_hex(self.svg().as_bytes())[..10])
    }

    /// Words for `og:image:alt`.
    pub(crate) fn alt(&self) -> String {
        let mut alt = format!("{}: {}", self.site, self.title);
        if !self.fact.is_empty() {
            let _ = write!(alt, ". {}", self.fact);
        }
        for (label, value, _) in &self.bars {
            let _ = write!(alt, ". {label}: {value}");
        }
        alt
    }

    /// The SVG source of the card.
    pub(crate) fn svg(&self) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#f3f6f7"/>
<rect width="{WIDTH}" height="96" fill="#0a5c68"/>
<rect y="{}" width="{WIDTH}" height="12" fill="#0a5c68"/>
<circle cx="76" cy="48" r="20" fill="#ffffff"/>
<path d="M62 56 C70 40 80 36 92 34" stroke="#0a5c68" stroke-width="5" fill="none" stroke-linecap="round"/>
<text x="112" y="60" font-family="sans-serif" font-weight="bold" font-size="34" fill="#ffffff">{}</text>
<text x="64" y="168" font-family="sans-serif" font-size="30" fill="#4d5b60">{}</text>"##,
            HEIGHT - 12,
            escape(&self.site),
            escape(&self.kicker)
        );
        // DejaVu Sans Bold runs about 0.62em a character: 66px fits about
        // 26 characters in the 1,072px text column, 54px about 31.
        let max_small = if self.bars.is_empty() { 3 } else { 2 };
        let (lines, size) = match wrap(&self.title, 25, 2) {
            l if !l.last().is_some_and(|x| x.ends_with('…')) => (l, 66),
            _ => (wrap(&self.title, 30, max_small), 54),
        };
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                s,
                r##"<text x="64" y="{}" font-family="sans-serif" font-weight="bold" font-size="{size}" fill="#1b2427">{}</text>"##,
                250 + i as u32 * (size + 12),
                escape(line)
            );
        }
        if !self.bars.is_empty() {
            self.draw_bars(&mut s);
        } else if !self.fact.is_empty() {
            let _ = write!(
                s,
                r##"<rect x="64" y="468" width="{}" height="64" rx="12" fill="#e3f1f3" stroke="#0a5c68" stroke-width="2"/><text x="88" y="511" font-family="sans-serif" font-size="30" fill="#06434c">{}</text>"##,
                (self.fact.chars().count() as u32 * 18 + 52).min(WIDTH - 128),
                escape(&self.fact)
            );
        }
        let _ = write!(
            s,
            r##"<text x="64" y="590" font-family="sans-serif" font-size="24" fill="#4d5b60">{}</text></svg>"##,
            escape(&self.footer)
        );
        s
    }
}

/// Parser options with the bundled fonts, made once.
fn options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: std::sync::OnceLock<resvg::usvg::Options<'static>> = std::sync::OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut opt = resvg::usvg::Options::default();
        opt.fontdb_mut().load_font_data(FONT_REGULAR.to_vec());
        opt.fontdb_mut().load_font_data(FONT_BOLD.to_vec());
        opt.fontdb_mut().set_sans_serif_family("DejaVu Sans");
        opt
    })
}

/// Render SVG to PNG with the bundled fonts.
pub(crate) fn render_png(svg: &str) -> Result<Vec<u8>, String> {
    let tree = resvg::usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate the image")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_renders_to_a_png_of_1200_by_630() {
        let card = Card {
            page: "/pathways/x".into(),
            site: "Pathways".into(),
            kicker: "Career pathway".into(),
            title: "Health Information Management".into(),
            fact: "Median pay: $58,250 a year (May 2022)".into(),
            bars: vec![("Certificate".into(), "$50,250".into(), 0.5)],
            footer: "example.org/pathways/x".into(),
        };
        let png = render_png(&card.svg()).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (1200, 630));
    }
}
