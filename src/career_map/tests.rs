//! Invariant tests on the real data and on a generated map.

use super::geometry::{crossings, flatten};
use super::model::{
    CHAR_WIDTH, LINE_HEIGHT, Layout, LevelIn, MapInput, MoveIn, MoveKind, Rect, TEXT_PADDING,
    TitleIn, text_width,
};
use super::tests_data::{gen_names, generated, real};
use super::{Orientation, SvgOpts, layout, svg};

/// Whether two rectangles come closer than `m`.
fn overlap(a: &Rect, b: &Rect, m: f64) -> bool {
    a.x < b.x + b.w + m && b.x < a.x + a.w + m && a.y < b.y + b.h + m && b.y < a.y + a.h + m
}

/// Asserts the layout's invariants: boxes inside and apart, text fits, labels
/// clear, edges inside and off other boxes and labels.
pub(crate) fn check(l: &Layout, input: &MapInput<'_>) {
    assert_eq!(l.boxes.len(), input.titles.len());
    assert!(l.font >= 14.0);
    for (i, a) in l.boxes.iter().enumerate() {
        let r = a.rect;
        assert!(
            r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= l.width && r.y + r.h <= l.height,
            "box {i} outside"
        );
        for line in &a.lines {
            assert!(
                text_width(line, l.font) <= r.w - 2.0 * TEXT_PADDING + 1e-9,
                "text {line:?} too wide"
            );
        }
        assert!(a.lines.len() as f64 * LINE_HEIGHT <= r.h, "text too tall");
        for b in &l.boxes[i + 1..] {
            assert!(!overlap(&r, &b.rect, 4.0), "boxes overlap");
        }
    }
    // Level labels (semi-bold, ~0.6 em per char) clear of boxes and edges.
    let labels: Vec<Rect> = (l.levels.iter())
        .map(|lv| {
            let w = lv
                .lines
                .iter()
                .map(|s| text_width(s, l.font) * 0.6 / CHAR_WIDTH)
                .fold(0.0, f64::max);
            let x = if lv.centered { lv.x - w / 2.0 } else { lv.x };
            Rect::new(
                x,
                lv.y - 0.8 * l.font,
                w,
                (lv.lines.len() - 1) as f64 * LINE_HEIGHT + l.font,
            )
        })
        .collect();
    for r in &labels {
        assert!(r.x >= 0.0 && r.x + r.w <= l.width, "label outside");
        assert!(
            l.boxes.iter().all(|b| !overlap(r, &b.rect, 2.0)),
            "label on a box"
        );
    }
    for e in &l.edges {
        let pts = flatten(&e.points);
        for w in pts.windows(2) {
            assert!(
                labels.iter().all(|r| !r.hits(w[0], w[1], 2.0)),
                "edge over a label"
            );
        }
        for w in pts.windows(2) {
            for p in w {
                assert!(
                    p.0 >= 0.0 && p.1 >= 0.0 && p.0 <= l.width && p.1 <= l.height,
                    "edge outside"
                );
            }
            for (t, b) in l.boxes.iter().enumerate() {
                // Other boxes: keep 4 units clear. Own boxes: touch the border only.
                let m = if t == e.from || t == e.to { -0.5 } else { 4.0 };
                assert!(
                    !b.rect.hits(w[0], w[1], m),
                    "edge {}->{} hits box {t}",
                    e.from,
                    e.to
                );
            }
        }
    }
}

#[test]
fn real_horizontal() {
    let input = real();
    let l = layout(&input, Orientation::Horizontal);
    check(&l, &input);
    assert_eq!(l.edges.len(), 23);
    assert_eq!(l.edges.iter().filter(|e| e.two_way).count(), 7);
    assert_eq!(l.levels.len(), 3, "master has no titles");
    let c = crossings(&l);
    println!(
        "horizontal crossings: {c}, size {:.0}x{:.0}",
        l.width, l.height
    );
    assert!(c <= 4, "{c} crossings");
    for (t, b) in l.boxes.iter().enumerate() {
        assert!(b.rect.w >= 180.0 && b.rect.w <= 200.0);
        for (u, c) in l.boxes.iter().enumerate() {
            if input.titles[t].level < input.titles[u].level {
                assert!(b.rect.x + b.rect.w < c.rect.x, "levels run left to right");
            }
        }
    }
}

#[test]
fn real_vertical() {
    let input = real();
    let l = layout(&input, Orientation::Vertical);
    check(&l, &input);
    println!(
        "vertical crossings: {}, size {:.0}x{:.0}",
        crossings(&l),
        l.width,
        l.height
    );
    assert!(l.width <= 300.0);
    for (t, b) in l.boxes.iter().enumerate() {
        for (u, c) in l.boxes.iter().enumerate() {
            if input.titles[t].level < input.titles[u].level {
                assert!(b.rect.y + b.rect.h < c.rect.y, "levels run top to bottom");
            }
        }
    }
    let top = l.boxes.iter().map(|b| b.rect.y).fold(f64::MAX, f64::min);
    assert_eq!(
        l.boxes.iter().filter(|b| b.rect.y == top).count(),
        2,
        "two boxes per sub-row"
    );
}

#[test]
fn generated_both() {
    let names = gen_names();
    let input = generated(&names);
    for o in [Orientation::Horizontal, Orientation::Vertical] {
        let l = layout(&input, o);
        check(&l, &input);
        println!(
            "generated {o:?}: {} edges, {} crossings",
            l.edges.len(),
            crossings(&l)
        );
    }
}

#[test]
fn edge_cases() {
    let levels = || vec![LevelIn { name: "A" }, LevelIn { name: "B" }];
    let empty = MapInput {
        levels: levels(),
        titles: Vec::new(),
        moves: Vec::new(),
    };
    let names = ["One", "Two", "Three", "Four"];
    let titles = names
        .iter()
        .map(|&n| TitleIn {
            id: n,
            name: n,
            level: 1,
        })
        .collect();
    let mv = |from, to, kind| MoveIn { from, to, kind };
    let (a, l) = (MoveKind::Advance, MoveKind::Lateral);
    let moves = vec![
        mv(0, 2, l),
        mv(2, 0, l),
        mv(0, 2, l),
        mv(1, 3, a),
        mv(0, 3, a),
        mv(1, 1, a),
        mv(0, 9, a),
    ];
    let one_level = MapInput {
        levels: levels(),
        titles,
        moves,
    };
    let href = |id: &str| format!("/t/{id}");
    for o in [Orientation::Horizontal, Orientation::Vertical] {
        for input in [&empty, &one_level] {
            let l = layout(input, o);
            check(&l, input);
            let opts = SvgOpts {
                id_prefix: "x",
                title: "t",
                desc: "d",
                href: &href,
            };
            assert!(svg(&l, input, &opts).ends_with("</svg>"));
        }
        let l = layout(&one_level, o);
        assert_eq!(
            (l.edges.len(), l.levels.len(), l.levels[0].level),
            (3, 1, 1)
        );
        assert!(
            l.edges
                .iter()
                .any(|e| e.two_way && e.kind == l.edges[0].kind)
        );
    }
}

#[test]
fn svg_markup() {
    let input = real();
    let href = |id: &str| format!("#{id}");
    for (o, pre) in [(Orientation::Horizontal, "h"), (Orientation::Vertical, "v")] {
        let l = layout(&input, o);
        let opts = SvgOpts {
            id_prefix: pre,
            title: "Career map",
            desc: "Moves between titles",
            href: &href,
        };
        let s = svg(&l, &input, &opts);
        assert_eq!(s, svg(&layout(&input, o), &input, &opts), "deterministic");
        assert_eq!(s.matches("<a ").count(), 13);
        for t in &input.titles {
            // One link per title; its text (the accessible name) is the
            // title's words, with spaces between the wrapped lines.
            let open = format!(r##"<a href="#{}">"##, t.id);
            assert_eq!(s.matches(&open).count(), 1);
            let inner = s.split(&open).nth(1).and_then(|r| r.split("</a>").next());
            let text: String = inner
                .unwrap_or_default()
                .split('<')
                .filter_map(|part| part.split_once('>').map(|(_, t)| t))
                .collect();
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(words.replace("&#39;", "'"), t.name);
        }
        assert!(!s.contains("style=") && !s.contains("<style"));
        assert!(
            s.starts_with("<svg")
                && s.contains(r#"role="group""#)
                && !s.contains(r#"role="img""#)
                && s.contains(&format!(r#"aria-labelledby="{pre}-title""#))
        );
        for part in s.split(" id=\"").skip(1) {
            assert!(part.starts_with(&format!("{pre}-")), "id {}", &part[..20]);
        }
        for part in s.split("url(#").skip(1) {
            assert!(part.starts_with(&format!("{pre}-")));
        }
    }
}

/// The real map is searched to the end: its budget (a bound on the work
/// for large maps) never cuts it short, so its drawing is the one the full
/// search finds. A map past any budget is cut short, and still whole.
#[test]
fn the_real_map_is_searched_to_the_end_and_a_dense_one_is_cut_short_but_whole() {
    use super::order::layout_within_budget;
    let input = real();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let (_, left) = layout_within_budget(&input, orientation);
        assert!(left > 0, "{orientation:?}: the search ran out");
    }
    // 8 levels of 12 titles, 4 moves each (the most the loader allows).
    let names: Vec<String> = (0..96).map(|i| format!("Title number {i}")).collect();
    let mut dense = MapInput {
        levels: (0..8).map(|_| LevelIn { name: "Level" }).collect(),
        titles: names
            .iter()
            .enumerate()
            .map(|(i, n)| TitleIn {
                id: n,
                name: n,
                level: i / 12,
            })
            .collect(),
        moves: Vec::new(),
    };
    for i in 0..96 {
        let level = i / 12;
        for k in 0..4 {
            let to_level = if k < 2 {
                (level + 1 + k * (i % 3)).min(7)
            } else {
                level
            };
            let kind = if to_level > level {
                MoveKind::Advance
            } else {
                MoveKind::Lateral
            };
            dense.moves.push(MoveIn {
                from: i,
                to: to_level * 12 + (i * 5 + k * 7 + level) % 12,
                kind,
            });
        }
    }
    let (wide, left) = layout_within_budget(&dense, Orientation::Horizontal);
    assert_eq!(left, 0, "a dense map should use up its budget");
    assert_eq!(wide.boxes.len(), 96);
}
