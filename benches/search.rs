//! Search speed: query latency on the HIM content and on a generated corpus
//! of 1,000 pathways, and the time to build the HIM index. Index memory and
//! the corpus's build time are printed once before the measurements.
//!
//! `cargo bench --bench search`; medians are in
//! `target/criterion/<group>/<query>/new/estimates.json`.

use criterion::{Criterion, criterion_group, criterion_main};
use pathways::markdown::Rendered;
use pathways::search::{Index, Sections};
use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

/// Every section of a site, rendered for its page (what the index reads).
struct Rendering(HashMap<(usize, usize), Rendered>);

impl Sections for Rendering {
    fn rendered(&self, pathway: usize, section: usize) -> Option<&Rendered> {
        self.0.get(&(pathway, section))
    }
}

/// Render every page of `site` (as a build does) and keep its sections.
fn render(site: &pathways::content::Site) -> Rendering {
    let assets = pathways::assets::Assets::build(Path::new("static")).expect("assets");
    let (_, mut sections) =
        pathways::build::build(std::slice::from_ref(site), &assets, |site, sections| {
            let mut out = HashMap::new();
            for (pi, p) in site.pathways.iter().enumerate() {
                for si in 0..p.sections.len() {
                    if let Some(r) = sections.rendered(pi, si) {
                        out.insert((pi, si), r.clone());
                    }
                }
            }
            Rendering(out)
        })
        .expect("the site builds");
    sections.remove(0)
}

/// Ten representative queries: short, long, misspelt, phrase, code, none.
const QUERIES: [&str; 10] = [
    "coder salary",
    "rhit exam",
    "cerification",
    "how much do they make",
    "29-2072",
    "\"medical records\"",
    "certified coding specialist",
    "where do technicians work",
    "licence requirements",
    "xylophone",
];

fn report(name: &str, site: &pathways::content::Site, sections: &Rendering) -> Index {
    let start = Instant::now();
    let index = Index::build(site, sections).expect("index builds");
    eprintln!(
        "{name}: {} documents, index built in {:.1} ms, memory {:.2} MiB (index files {:.2} MiB)",
        index.len(),
        start.elapsed().as_secs_f64() * 1e3,
        index.memory_bytes() as f64 / 1048576.0,
        index.index_bytes() as f64 / 1048576.0,
    );
    index
}

fn queries(c: &mut Criterion, group: &str, index: &Index) {
    let mut g = c.benchmark_group(group);
    for q in QUERIES {
        g.bench_function(q, |b| b.iter(|| black_box(index.search(black_box(q), 1))));
    }
    g.finish();
}

fn him(c: &mut Criterion) {
    let site = pathways::content::load(Path::new("content")).expect("content loads");
    let sections = render(&site);
    let index = report("HIM", &site, &sections);
    queries(c, "query-him", &index);
    c.bench_function("build-him", |b| {
        b.iter(|| black_box(Index::build(black_box(&site), &sections).expect("builds")))
    });
}

fn corpus(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("pathways-bench-corpus-1000");
    let _ = std::fs::remove_dir_all(&dir);
    pathways::cli::corpus::write(&dir, 1000, 42).expect("corpus written");
    let start = Instant::now();
    let site = pathways::content::load(&dir).expect("generated corpus loads");
    let sections = render(&site);
    eprintln!(
        "1,000 pathways: content loaded and rendered in {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let index = report("1,000 pathways", &site, &sections);
    queries(c, "query-1000", &index);
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = him, corpus
}
criterion_main!(benches);
