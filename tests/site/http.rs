//! HTTP behaviour: routes, redirects, errors, methods, caching, encodings.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};

#[tokio::test]
async fn every_stored_page_answers_200_with_html() {
    let loaded = sample_state().current();
    let pages = html_pages(&loaded);
    // Home, list, glossary, resources, about, the 404; the overview, each
    // section, the career map and the two handouts.
    // Pay by state, and a page for each state of the fixture's OEWS files.
    let sections = him(&loaded).sections.len();
    let states = loaded
        .default_edition()
        .site
        .oews
        .as_ref()
        .map_or(0, |o| o.states().len());
    assert_eq!(states, 6, "the fixture's files hold six states");
    assert_eq!(pages.len(), 6 + 1 + sections + 3 + 1 + states, "{pages:?}");
    for path in pages.into_iter().filter(|p| p != "/404") {
        let got = get(&path).await;
        assert_eq!(got.status, StatusCode::OK, "{path}");
        assert_eq!(
            got.header("content-type"),
            "text/html; charset=utf-8",
            "{path}"
        );
        let doc = got.html();
        assert_eq!(texts(&doc, "h1").len(), 1, "{path} has one h1");
        assert_eq!(attrs(&doc, "html", "lang"), ["en"], "{path}");
        assert_eq!(doc.select(&sel("main#main")).count(), 1, "{path} has main");
        assert_eq!(
            attrs(&doc, "a.skip", "href"),
            ["#main"],
            "{path} has a skip link"
        );
        let title = texts(&doc, "title");
        assert!(
            title[0].ends_with(&format!("| {}", loaded.default_edition().site.name)) || path == "/",
            "{path}: {title:?}"
        );
        assert!(!attrs(&doc, "meta[name=description]", "content")[0].is_empty());
    }
}

#[tokio::test]
async fn machine_pages_answer() {
    let got = get("/healthz").await;
    assert_eq!(got.status, StatusCode::OK);
    let robots = get("/robots.txt").await;
    assert!(
        robots
            .text()
            .contains("Sitemap: https://pathways.example/sitemap.xml")
    );
    let sitemap = get("/sitemap.xml").await;
    assert_eq!(
        sitemap.header("content-type"),
        "application/xml; charset=utf-8"
    );
    assert!(
        sitemap
            .text()
            .contains(&format!("<loc>https://pathways.example{HIM}/salary</loc>"))
    );
}

#[tokio::test]
async fn the_him_alias_redirects_permanently_to_the_overview() {
    for alias in ["/him", "/HIM", "/him/"] {
        let got = get(alias).await;
        assert_eq!(got.status, StatusCode::MOVED_PERMANENTLY, "{alias}");
        assert_eq!(got.header("location"), HIM, "{alias}");
    }
}

#[tokio::test]
async fn trailing_slashes_and_case_variants_redirect_to_the_canonical_path() {
    let got = get(&format!("{HIM}/salary/")).await;
    assert_eq!(got.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(got.header("location"), format!("{HIM}/salary"));
    for variant in [
        "/Pathways/Health-Information-Management/Salary",
        "/PATHWAYS/HEALTH-INFORMATION-MANAGEMENT/SALARY",
    ] {
        let got = get(variant).await;
        assert_eq!(got.status, StatusCode::MOVED_PERMANENTLY, "{variant}");
        assert_eq!(got.header("location"), format!("{HIM}/salary"), "{variant}");
    }
    let got = get("/Pathways/Health-Information-Management").await;
    assert_eq!(got.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(got.header("location"), HIM);
    let got = get("/glossary/?x=1").await;
    assert_eq!(got.header("location"), "/glossary?x=1");
    // A self-check link in another case keeps its answers.
    let got = get(&format!("{}/Right-For-Me?a=1", HIM.to_uppercase())).await;
    assert_eq!(got.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(got.header("location"), format!("{HIM}/right-for-me?a=1"));
}

#[tokio::test]
async fn an_unknown_page_gets_the_404_page_with_the_site_layout_and_ways_back() {
    let loaded = sample_state().current();
    let got = get("/pathways/nursing").await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
    assert!(got.header("content-type").starts_with("text/html"));
    let doc = got.html();
    assert_eq!(
        texts(&doc, "h1"),
        std::slice::from_ref(&loaded.default_edition().site.ui.errors.not_found)
    );
    // The layout: skip link, header with the site's navigation and search,
    // the main region, the footer.
    assert_eq!(attrs(&doc, "a.skip", "href"), ["#main"]);
    assert_eq!(
        doc.select(&sel("header.site-header nav.site-nav")).count(),
        1
    );
    assert_eq!(doc.select(&sel("header form.site-search")).count(), 1);
    assert_eq!(doc.select(&sel("main#main")).count(), 1);
    assert_eq!(doc.select(&sel("footer.site-footer")).count(), 1);
    let links = attrs(&doc, "main a", "href");
    assert!(links.contains(&"/pathways".to_string()), "{links:?}");
    assert!(links.contains(&HIM.to_string()), "{links:?}");
    assert_eq!(attrs(&doc, "meta[name=robots]", "content"), ["noindex"]);
    // Any other unknown path gets the same page.
    let other = get("/no/such/page.html").await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert_eq!(other.body, got.body);
}

#[tokio::test]
async fn other_methods_get_405_with_allow_and_a_page() {
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let got = send(
            Request::builder()
                .method(method)
                .uri(HIM)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(got.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(got.header("allow"), "GET, HEAD");
        assert_styled_page(&got.text(), &format!("{method} gets a page"));
    }
}

#[tokio::test]
async fn head_returns_headers_and_no_body() {
    let full = get(HIM).await;
    let got = send(Request::head(HIM).body(Body::empty()).unwrap()).await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.is_empty());
    assert_eq!(got.header("content-length"), full.body.len().to_string());
    assert_eq!(got.header("etag"), full.header("etag"));
}

#[tokio::test]
async fn pages_revalidate_with_304_for_every_encoding() {
    for enc in ["br", "gzip", "identity"] {
        let first = send(
            Request::get(HIM)
                .header("accept-encoding", enc)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        let etag = first.header("etag").to_string();
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "strong etag: {etag}"
        );
        let again = send(
            Request::get(HIM)
                .header("accept-encoding", enc)
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{enc}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), etag);
    }
    let stale = send(
        Request::get(HIM)
            .header("if-none-match", "\"nope\"")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(stale.status, StatusCode::OK);
}

#[tokio::test]
async fn encoding_follows_accept_encoding() {
    let plain = get(HIM).await;
    let cases = [
        ("br", "br"),
        ("gzip", "gzip"),
        ("gzip, br", "br"),
        ("br;q=0.1, gzip", "gzip"),
        ("identity", ""),
        ("*;q=0", ""),
        ("garbage,,;q=", ""),
    ];
    for (accept, want) in cases {
        let got = send(
            Request::get(HIM)
                .header("accept-encoding", accept)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(got.header("content-encoding"), want, "{accept}");
        assert_eq!(got.header("vary"), "Accept-Encoding");
        assert_eq!(got.header("content-length"), got.body.len().to_string());
        let decoded = match want {
            "br" => {
                let mut out = Vec::new();
                brotli::BrotliDecompress(&mut &got.body[..], &mut out).unwrap();
                out
            }
            "gzip" => {
                use std::io::Read as _;
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&got.body[..])
                    .read_to_end(&mut out)
                    .unwrap();
                out
            }
            _ => got.body.clone(),
        };
        assert_eq!(decoded, plain.body, "{accept} decodes to the page");
    }
}

#[tokio::test]
async fn cache_headers_depend_on_the_kind_of_response() {
    let page = get(HIM).await;
    assert_eq!(
        page.header("cache-control"),
        "public, max-age=300, stale-while-revalidate=86400"
    );
    let doc = page.html();
    let css = attrs(&doc, "link[rel=stylesheet]", "href").remove(0);
    assert!(pathways::assets::is_fingerprinted(&css), "{css}");
    let asset = get(&css).await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(
        asset.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let plain = get("/static/site.css").await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.header("cache-control"), "public, max-age=300");
    assert_eq!(plain.body, asset.body);
    let missing = get("/nope").await;
    assert_eq!(missing.header("cache-control"), "no-store");
    let search = get("/search?q=coder").await;
    assert_eq!(search.header("cache-control"), "no-cache");
    let health = get("/healthz").await;
    assert_eq!(health.header("cache-control"), "no-store");
}

#[tokio::test]
async fn a_handler_cannot_set_cache_control_itself() {
    use axum::response::IntoResponse as _;
    use pathways::store::CachePolicy;
    // One handler sets the header by hand, one asks for a policy and then
    // sets another header by hand, one asks for a year on an error.
    let by_hand = || async { ([("cache-control", "public, max-age=999999")], "x\n") };
    let asked = || async {
        let mut res = ([("cache-control", "public, max-age=999999")], "x\n").into_response();
        CachePolicy::ShortAsset.ask(&mut res);
        res
    };
    let error = || async {
        let mut res = (StatusCode::GONE, "gone\n").into_response();
        CachePolicy::Immutable.ask(&mut res);
        res
    };
    let routes = axum::Router::new()
        .route("/by-hand", axum::routing::get(by_hand))
        .route("/asked", axum::routing::get(asked))
        .route("/error", axum::routing::get(error));
    let app = pathways::http::with_layers(routes, sample_state());
    for (path, want) in [
        ("/by-hand", "no-store"),
        ("/asked", "public, max-age=300"),
        ("/error", "no-store"),
    ] {
        let res = tower::ServiceExt::oneshot(
            app.clone(),
            Request::get(path).body(Body::empty()).unwrap(),
        )
        .await
        .unwrap();
        let all: Vec<_> = res.headers().get_all("cache-control").iter().collect();
        assert_eq!(all, [want], "{path}");
    }
}

#[tokio::test]
async fn every_asset_a_page_refers_to_resolves() {
    let doc = get("/").await.html();
    let mut urls = attrs(&doc, "link[href^='/static/']", "href");
    urls.extend(attrs(&doc, "script[src]", "src"));
    assert!(urls.len() >= 3, "{urls:?}");
    for u in urls {
        assert!(pathways::assets::is_fingerprinted(&u), "{u}");
        assert_eq!(get(&u).await.status, StatusCode::OK, "{u}");
    }
}

#[tokio::test]
async fn assets_are_served_precompressed() {
    let doc = get("/").await.html();
    let css = attrs(&doc, "link[rel=stylesheet]", "href").remove(0);
    let got = send(
        Request::get(&css)
            .header("accept-encoding", "br")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(got.header("content-encoding"), "br");
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let ok = get(HIM).await;
    let missing = get("/nope").await;
    let post = send(Request::post(HIM).body(Body::empty()).unwrap()).await;
    let asset = get("/static/site.css").await;
    for got in [&ok, &missing, &post, &asset] {
        let csp = got.header("content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("base-uri 'self'"));
        assert!(csp.contains("form-action 'self'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(got.header("x-content-type-options"), "nosniff");
        assert_eq!(
            got.header("referrer-policy"),
            "strict-origin-when-cross-origin"
        );
        assert_eq!(got.header("cross-origin-opener-policy"), "same-origin");
        assert!(got.header("permissions-policy").contains("camera=()"));
        assert!(
            got.header("strict-transport-security").contains("max-age"),
            "https base URL sends HSTS"
        );
    }
}

#[tokio::test]
async fn over_long_uris_get_414_and_bodies_get_413() {
    let long = format!("/search?q={}", "a".repeat(9000));
    let got = get(&long).await;
    assert_eq!(got.status, StatusCode::URI_TOO_LONG);
    assert_styled_page(&got.text(), "the 414 page");
    let got = send(
        Request::get(HIM)
            .header("content-length", "5")
            .body(Body::from("hello"))
            .unwrap(),
    )
    .await;
    assert_eq!(got.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn path_traversal_never_escapes_the_asset_folder() {
    for path in [
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/..%2fCargo.toml",
        "/static/%252e%252e%252fCargo.toml",
        "/static/..%5cCargo.toml",
        "//etc/passwd",
    ] {
        let got = get(path).await;
        assert!(
            got.status == StatusCode::NOT_FOUND || got.status.is_redirection(),
            "{path}: {}",
            got.status
        );
        assert!(!got.text().contains("[package]"), "{path} leaked a file");
    }
}
