//! Link-preview images per page: the registry says which pages have one;
//! the card shows the page's key figure (from its front matter, else the
//! pathway's), or, for median pay, every occupation's median as bars, the
//! same story as the pay picture. Images are drawn lazily (a background
//! thread draws them right after load).

use super::layout::{Chrome, Image};
use crate::blocks::{Citations, Fmt};
use crate::content::figures::{self, Field, FigureName, Subject};
use crate::content::{Pathway, Site};
use crate::registry::{self, Page};
use crate::share::{self, Card};
use crate::store::{CachePolicy, Lazy, Store, Stored};
use crate::util::text::fill;
use axum::http::StatusCode;

/// The words of a key figure: "Medical records specialists: $50,250 a year (May 2024)".
fn fact(site: &Site, p: &Pathway, name: &FigureName) -> String {
    let cites = Citations::new(site, "");
    let f = Fmt {
        ui: &site.ui,
        cites: &cites,
        review_year: None,
    };
    match figures::find(name, p, &site.baseline) {
        Ok(fig) => {
            let who = match fig.subject {
                Subject::Group(g) => g.title.clone(),
                Subject::AllOccupations => String::new(),
            };
            let text = f.figure(&fig).text;
            let out = if who.is_empty() {
                text
            } else {
                format!("{who}: {text}")
            };
            out.chars().take(60).collect()
        }
        Err(_) => String::new(),
    }
}

/// Each occupation's newest median pay, as bars.
fn pay_bars(site: &Site, p: &Pathway) -> Vec<(String, String, f64)> {
    let ui = &site.ui;
    let rows: Vec<_> = p
        .occupations()
        .filter_map(|g| g.pay.first().map(|x| (g, x)))
        .collect();
    let max = rows.iter().map(|(_, x)| x.annual).max().unwrap_or(1).max(1);
    rows.into_iter()
        .map(|(g, x)| {
            let label: String = g.title.chars().take(26).collect();
            let when = fill(&ui.figures.may, &[("year", &x.year.to_string())]);
            (
                label,
                format!("{} ({when})", ui.numbers.money(x.annual)),
                f64::from(x.annual) / f64::from(max),
            )
        })
        .collect()
}

/// Add every card to the store (drawn lazily) and its image to the chrome.
pub(crate) fn add(site: &Site, chrome: &mut Chrome, store: &mut Store) {
    let host = site
        .base_url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .to_string();
    let mut cards = vec![Card {
        page: String::new(),
        site: site.name.clone(),
        kicker: site.ui.list.title.clone(),
        title: site.tagline.clone(),
        fact: String::new(),
        bars: Vec::new(),
        footer: host.clone(),
    }];
    let on_demand = registry::states_on_demand(site);
    for page in registry::all(site).into_iter().filter(Page::has_card) {
        if on_demand && matches!(page, Page::StatePay(..)) {
            // Made on demand: they share their pathway's pay-by-state card.
            continue;
        }
        let Some(p) = page.pathway() else { continue };
        let pathway = format!("{} ({})", p.title, p.short_title);
        let (kicker, title, key) = match page {
            Page::Overview(_) => (site.name.clone(), pathway, Some(&p.key_figure)),
            Page::Section(_, i) => {
                let s = &p.sections[i];
                (
                    pathway,
                    s.title.clone(),
                    Some(s.key_figure.as_ref().unwrap_or(&p.key_figure)),
                )
            }
            _ => (
                pathway,
                fill(&site.ui.map.title, &[("short", &p.short_title)]),
                None,
            ),
        };
        let bars = match key {
            Some(k) if k.field == Field::MedianPay && k.group != figures::ALL => pay_bars(site, p),
            _ => Vec::new(),
        };
        let fact = key.map(|k| fact(site, p, k)).unwrap_or_default();
        let path = page.path();
        cards.push(Card {
            page: path.clone(),
            site: site.name.clone(),
            kicker,
            title,
            fact,
            bars,
            footer: format!("{host}{path}"),
        });
    }
    for card in cards {
        let url_path = card.url_path();
        let image = Image {
            url: site.url(&url_path),
            width: share::WIDTH,
            height: share::HEIGHT,
            alt: card.alt(),
        };
        if card.page.is_empty() {
            chrome.site_image = Some(image);
        } else {
            chrome.images.insert(card.page.clone(), image);
        }
        store.insert_lazy(
            url_path,
            Lazy::new(
                "image/png",
                CachePolicy::Immutable,
                move || match share::render_png(&card.svg()) {
                    Ok(png) => {
                        Stored::new(StatusCode::OK, "image/png", CachePolicy::Immutable, png)
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "share image failed to render");
                        Stored::new(
                            StatusCode::NOT_FOUND,
                            "text/plain; charset=utf-8",
                            CachePolicy::NoStore,
                            Vec::new(),
                        )
                    }
                },
            ),
        );
    }
}
