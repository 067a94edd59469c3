//! Shared test helpers: the sample site built once, requests through the
//! router in process, reading pages with `scraper`, and scratch copies of
//! fixtures for tests that change content.
//!
//! Behaviour tests use `tests/fixtures/sample` (a frozen copy of the HIM
//! content), never `content/`: an editorial change to the real content must
//! not fail them. The real content has its own module, `real_content`.

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use http_body_util::BodyExt as _;
use pathways::AppState;
use pathways::state::{BuildError, Loaded, Options};
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower::ServiceExt as _;

/// The base URL the sample is built with (https, so HSTS is sent).
pub(crate) const BASE: &str = "https://pathways.example";
/// The sample's pathway.
pub(crate) const HIM: &str = "/pathways/health-information-management";
/// The sample fixture.
pub(crate) const SAMPLE: &str = "tests/fixtures/sample";

/// A response with its body collected.
pub(crate) struct Got {
    pub(crate) status: StatusCode,
    pub(crate) headers: axum::http::HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Got {
    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("body is UTF-8")
    }

    pub(crate) fn html(&self) -> Html {
        Html::parse_document(&self.text())
    }

    pub(crate) fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// The sample site, built once for the whole binary (an `AppState` holds
/// no runtime resources, so every test's runtime can use it), with its
/// brotli bodies made, as `serve` makes them right after start.
pub(crate) fn sample_state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let loaded = pathways::state::build(Path::new(SAMPLE), Path::new("static"), Some(BASE))
                .unwrap_or_else(|e| panic!("the sample fixture must build:\n{e}"));
            loaded.store.warm(|| true);
            AppState::new(loaded)
        })
        .clone()
}

/// `$50,250`: money as the sample's English edition writes it.
pub(crate) fn money(n: u32) -> String {
    sample_state().peek().edition(0).site.ui.numbers.money(n)
}

/// `24.16` as the sample's English edition writes it.
pub(crate) fn cents(x: f64) -> String {
    sample_state().peek().edition(0).site.ui.numbers.cents(x)
}

/// `12,345` as the sample's English edition writes it.
pub(crate) fn number(n: u64) -> String {
    sample_state().peek().edition(0).site.ui.numbers.number(n)
}

/// `3.1%` as the sample's English edition writes it.
pub(crate) fn percent(p: f64) -> String {
    sample_state().peek().edition(0).site.ui.numbers.percent(p)
}

/// The HIM pathway of a built site.
pub(crate) fn him(loaded: &Loaded) -> &pathways::content::Pathway {
    loaded
        .default_edition()
        .site
        .pathway("health-information-management")
        .expect("the HIM pathway is in the sample")
}

/// Send a request to the sample site.
pub(crate) async fn send(req: Request<Body>) -> Got {
    send_to(sample_state(), req).await
}

/// Send a request to a router over `state`.
pub(crate) async fn send_to(state: AppState, req: Request<Body>) -> Got {
    let res: Response<Body> = pathways::app(state).oneshot(req).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let body = res
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Got {
        status,
        headers,
        body,
    }
}

/// GET a path of the sample site.
pub(crate) async fn get(path: &str) -> Got {
    send(Request::get(path).body(Body::empty()).unwrap()).await
}

/// GET a path of a site.
pub(crate) async fn get_from(state: &AppState, path: &str) -> Got {
    send_to(
        state.clone(),
        Request::get(path).body(Body::empty()).unwrap(),
    )
    .await
}

/// Every stored HTML page of a built site (not images, not XML), sorted.
pub(crate) fn html_pages(loaded: &Loaded) -> Vec<String> {
    let mut out: Vec<String> = loaded
        .store
        .paths()
        // Share images are drawn on first use: never draw them just to skip them.
        .filter(|p| !p.starts_with("/og/"))
        .filter(|p| {
            loaded
                .store
                .head(p)
                .is_some_and(|(t, _)| t.starts_with("text/html"))
        })
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

/// The stored HTML of a page.
pub(crate) fn stored_html(loaded: &Loaded, path: &str) -> Html {
    let page = loaded
        .store
        .get(path)
        .unwrap_or_else(|| panic!("{path} is stored"));
    Html::parse_document(std::str::from_utf8(&page.identity()).expect("UTF-8"))
}

pub(crate) fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Text of an element, whitespace collapsed.
pub(crate) fn text_of(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of every element matching `selector`.
pub(crate) fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector)).map(text_of).collect()
}

/// Attribute values of every element matching `selector`.
pub(crate) fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Asserts `html` is one of the site's styled pages: parsed, it has one
/// `h1` in its `main` and links the site's stylesheet.
#[track_caller]
pub(crate) fn assert_styled_page(html: &str, what: &str) {
    let doc = Html::parse_document(html);
    let h1 = doc.select(&sel("main h1")).count();
    assert_eq!(h1, 1, "{what}: not a styled page (h1 in main: {h1})");
    let css = attrs(&doc, "head link[rel=stylesheet]", "href");
    assert!(
        css.iter().any(|href| href.starts_with("/static/")),
        "{what}: not a styled page (stylesheets: {css:?})"
    );
}

/// The one element matching `selector`.
#[track_caller]
pub(crate) fn one<'a>(doc: &'a Html, selector: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef<'a>> = doc.select(&sel(selector)).collect();
    assert_eq!(found.len(), 1, "one `{selector}`, found {}", found.len());
    found[0]
}

/// A scratch copy of a fixture content tree, removed when dropped.
pub(crate) struct Scratch {
    pub(crate) dir: PathBuf,
}

impl Scratch {
    pub(crate) fn of(fixture: &str) -> Self {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("pathways-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&Path::new("tests/fixtures").join(fixture), &dir);
        Self { dir }
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// The path of a file as diagnostics print it.
    pub(crate) fn shown(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }

    pub(crate) fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create fixture folder");
        }
        std::fs::write(path, text).expect("write fixture file");
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read fixture file")
    }

    pub(crate) fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).expect("remove fixture file");
    }

    /// Replace `from` with `to` in a file; the text must be there.
    #[track_caller]
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// `line:col` (1-based, columns in characters) of the first `needle`
    /// in a file, as diagnostics count them.
    #[track_caller]
    pub(crate) fn position(&self, rel: &str, needle: &str) -> (usize, usize) {
        let text = self.read(rel);
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{rel} does not contain {needle:?}"));
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        (line, col)
    }

    pub(crate) fn options(&self) -> Options {
        Options {
            content: self.dir.clone(),
            static_dir: "static".into(),
            base_url: None,
        }
    }

    /// Build this content as the server does (load, render, check the
    /// rendered pages); on failure, every diagnostic line.
    pub(crate) fn load(&self) -> Result<Loaded, Vec<String>> {
        match pathways::state::build(&self.dir, Path::new("static"), None) {
            Ok(loaded) => Ok(loaded),
            Err(BuildError::Content(e)) => {
                Err(e.diagnostics.iter().map(ToString::to_string).collect())
            }
            Err(other) => panic!("the build failed for another reason than content: {other}"),
        }
    }

    /// The built site, which must build.
    #[track_caller]
    pub(crate) fn built(&self) -> Loaded {
        self.load()
            .unwrap_or_else(|e| panic!("{} should build:\n{}", self.dir.display(), e.join("\n")))
    }

    /// A server state over this content.
    pub(crate) fn state(&self) -> AppState {
        AppState::new(self.built())
    }

    /// The diagnostics of a build that must fail.
    #[track_caller]
    pub(crate) fn errors(&self) -> Vec<String> {
        match self.load() {
            Ok(_) => panic!(
                "content in {} built but should have failed",
                self.dir.display()
            ),
            Err(e) => e,
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, recursively.
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            out.extend(files_under(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out.sort();
    out
}

/// The path of a pathway's self-check page: the section whose Markdown
/// shows `{{ self-check }}` (the store marks it), whatever it is called.
pub(crate) fn self_check_path(loaded: &Loaded, pathway: &str) -> Option<String> {
    let prefix = format!("/pathways/{pathway}/");
    html_pages(loaded).into_iter().find(|p| {
        p.starts_with(&prefix)
            && loaded
                .store
                .get(p)
                .is_some_and(|s| matches!(s.kind, pathways::store::Kind::SelfCheck(..)))
    })
}
