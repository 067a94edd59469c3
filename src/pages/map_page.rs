//! The career map page: the diagram twice (levels as columns for wide
//! screens and print, as rows for phones), a legend, and every level and
//! title as text, which is the diagram's accessible equivalent.

use super::cx::Cx;
use super::layout::{Chrome, Menu, Meta, Share};
use super::pathway::{meta_for, reviewed};
use crate::blocks::html;
use crate::career_map::{
    self as diagram, LevelIn, MapInput, MoveIn, Orientation, SvgOpts, TitleIn,
};
use crate::content::{CareerMap, MoveKind, Pathway};
use crate::registry::Page;
use crate::util::text::fill;
use askama::Template;

struct MoveView {
    class: &'static str,
    label: String,
    to: String,
    name: String,
}

struct TitleView {
    id: String,
    name: String,
    anchor: String,
    summary: String,
    occupation: String,
    credentials: String,
    moves: Vec<MoveView>,
}

struct LevelView {
    id: String,
    name: String,
    anchor: String,
    length: String,
    prepares: String,
    titles: Vec<TitleView>,
}

#[derive(Template)]
#[template(path = "career_map.html")]
struct MapPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    menu: Menu,
    heading: String,
    lead: String,
    svg_wide: String,
    svg_narrow: String,
    levels: Vec<LevelView>,
    reviewed: String,
    share: Share,
}

/// The diagram's input from the career map.
pub(crate) fn input(map: &CareerMap) -> MapInput<'_> {
    let levels: Vec<_> = map.levels.iter().collect();
    let titles: Vec<TitleIn<'_>> = map
        .titles
        .iter()
        .map(|t| TitleIn {
            id: &t.id,
            name: &t.name,
            level: levels.iter().position(|l| l.id == t.education).unwrap_or(0),
        })
        .collect();
    let index = |id: &str| map.titles.iter().position(|t| t.id == id);
    let mut moves = Vec::new();
    for (from, t) in map.titles.iter().enumerate() {
        for m in &t.moves {
            if let Some(to) = index(&m.to) {
                moves.push(MoveIn {
                    from,
                    to,
                    kind: match m.kind {
                        MoveKind::Advance => diagram::MoveKind::Advance,
                        MoveKind::Lateral => diagram::MoveKind::Lateral,
                    },
                });
            }
        }
    }
    MapInput {
        levels: levels.iter().map(|l| LevelIn { name: &l.name }).collect(),
        titles,
        moves,
    }
}

pub(crate) fn career_map(cx: &Cx<'_>, p: &Pathway) -> Result<String, String> {
    let site = cx.site;
    let ui = &site.ui;
    let u = &ui.map;
    let map = p
        .career_map
        .as_ref()
        .ok_or("this pathway has no career map")?;
    let page = Page::CareerMap(p);
    let path = page.path();
    let heading = fill(&u.title, &[("short", &p.short_title)]);
    let description = fill(&u.description, &[("short", &p.short_title)]);
    let input = input(map);
    let href = |id: &str| format!("#{id}");
    let draw = |orient, prefix| {
        let l = diagram::layout(&input, orient);
        diagram::svg(
            &l,
            &input,
            &SvgOpts {
                id_prefix: prefix,
                title: &u.diagram,
                desc: &u.diagram_desc,
                href: &href,
            },
        )
    };
    let title_name = |id: &str| map.title(id).map(|t| t.name.clone()).unwrap_or_default();
    let levels = map
        .used_levels()
        .map(|l| LevelView {
            id: l.id.clone(),
            name: l.name.clone(),
            anchor: fill(&ui.chrome.anchor, &[("name", &l.name)]),
            length: fill(&u.length, &[("length", &l.length)]),
            prepares: l.prepares.clone(),
            titles: map
                .titles_at(&l.id)
                .map(|t| TitleView {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    anchor: fill(&ui.chrome.anchor, &[("name", &t.name)]),
                    summary: t.summary.clone(),
                    occupation: p
                        .group(&t.occupation)
                        .map(|g| {
                            let soc = g.soc.as_deref().unwrap_or_default();
                            fill(
                                &u.occupation,
                                &[(
                                    "occupation",
                                    &format!(
                                        "{} ({})",
                                        g.title,
                                        fill(&ui.figures.soc, &[("code", soc)])
                                    ),
                                )],
                            )
                        })
                        .unwrap_or_default(),
                    credentials: if t.credentials.is_empty() {
                        String::new()
                    } else {
                        fill(&u.credentials, &[("list", &t.credentials.join(", "))])
                    },
                    moves: t
                        .moves
                        .iter()
                        .map(|m| MoveView {
                            class: match m.kind {
                                MoveKind::Advance => "advance",
                                MoveKind::Lateral => "lateral",
                            },
                            label: match m.kind {
                                MoveKind::Advance => u.advance.clone(),
                                MoveKind::Lateral => u.lateral.clone(),
                            },
                            to: m.to.clone(),
                            name: title_name(&m.to),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let meta = meta_for(cx, page, p, &heading, &description, &[]);
    html(&MapPage {
        share: Share::new(site, &path, &heading, &description),
        menu: Menu::new(ui, p, cx.chrome.menu(p), &path),
        meta,
        chrome: cx.chrome,
        lead: fill(&u.lead, &[("field", &p.title.to_lowercase())]),
        heading,
        svg_wide: draw(Orientation::Horizontal, "mh-"),
        svg_narrow: draw(Orientation::Vertical, "mv-"),
        levels,
        reviewed: reviewed(cx, p),
    })
}

#[cfg(test)]
mod tests {
    use crate::career_map::{Orientation, check, crossings, layout};

    /// The bundled content's maps, in every language: the invariants hold,
    /// and the desktop drawing has at most four crossings.
    #[test]
    fn bundled_content_maps() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let sites = crate::content::load_all(&dir).expect("the bundled content loads");
        let mut maps = 0;
        for site in &sites {
            for p in &site.pathways {
                let Some(map) = &p.career_map else { continue };
                let input = super::input(map);
                let wide = layout(&input, Orientation::Horizontal);
                check(&wide, &input);
                let c = crossings(&wide);
                assert!(c <= 4, "{} ({}): {c} crossings", p.slug, site.ui.lang);
                check(&layout(&input, Orientation::Vertical), &input);
                maps += 1;
            }
        }
        assert!(maps >= 2, "English and Spanish maps were checked");
    }
}
