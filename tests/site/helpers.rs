//! Shared test helpers: build the app in process and send it requests.

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use http_body_util::BodyExt as _;
use pathways::AppState;
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower::ServiceExt as _;

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

/// Send a request to a fresh router over the real site.
pub(crate) async fn send(req: Request<Body>) -> Got {
    send_to(real_state(), req).await
}

pub(crate) fn real_state() -> AppState {
    // AppState owns a Loaded; rebuild cheaply from the shared one's parts is
    // not possible, so share one AppState for the whole binary.
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let loaded = pathways::state::build(
                Path::new("content"),
                Path::new("static"),
                Some("https://pathways.example"),
            )
            .unwrap_or_else(|e| panic!("the real content must load:\n{e}"));
            AppState::new(loaded)
        })
        .clone()
}

/// The HIM pathway of a loaded site.
pub(crate) fn him(loaded: &pathways::Loaded) -> &pathways::content::Pathway {
    loaded
        .site
        .pathway("health-information-management")
        .expect("the HIM pathway is in the bundled content")
}

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

pub(crate) async fn get(path: &str) -> Got {
    send(Request::get(path).body(Body::empty()).unwrap()).await
}

pub(crate) fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Text of every element matching `selector`.
pub(crate) fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Attribute values of every element matching `selector`.
pub(crate) fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
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

    pub(crate) fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        std::fs::write(self.path(rel), text).expect("write fixture file");
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read fixture file")
    }

    /// Replace `from` with `to` in a file; the text must be there.
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Load this content; return every diagnostic line (errors and warnings).
    pub(crate) fn load(&self) -> Result<pathways::content::Site, Vec<String>> {
        pathways::content::load(&self.dir)
            .map_err(|e| e.diagnostics.iter().map(ToString::to_string).collect())
    }

    /// The errors of a load that must fail.
    pub(crate) fn errors(&self) -> Vec<String> {
        match self.load() {
            Ok(_) => panic!(
                "content in {} loaded but should have failed",
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
