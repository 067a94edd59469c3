//! `export` writes the same bytes the server sends.

use crate::helpers::*;
use axum::body::Body;
use axum::http::Request;

#[tokio::test]
async fn every_exported_page_has_the_same_bytes_the_server_sends() {
    let state = sample_state();
    let loaded = state.current();
    let out = std::env::temp_dir().join(format!("pathways-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    pathways::export::export(&loaded, &out).expect("export works");
    let mut checked = 0;
    for path in loaded.store.paths() {
        let file = out.join(pathways::export::file_for(path));
        let on_disk =
            std::fs::read(&file).unwrap_or_else(|_| panic!("{} exported", file.display()));
        let served_path = if path == "/404" {
            "/no-such-page"
        } else {
            path
        };
        let served = get(served_path).await;
        assert_eq!(on_disk, served.body, "{path} identity bytes");
        for (enc, suffix) in [("br", ".br"), ("gzip", ".gz")] {
            let compressed = std::path::PathBuf::from(format!("{}{suffix}", file.display()));
            if compressed.exists() {
                let served = send(
                    Request::get(served_path)
                        .header("accept-encoding", enc)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
                assert_eq!(
                    std::fs::read(&compressed).unwrap(),
                    served.body,
                    "{path} {enc} bytes"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 15);
    for name in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "_headers",
    ] {
        assert!(out.join(name).exists(), "{name} exported");
    }
    let headers = std::fs::read_to_string(out.join("_headers")).unwrap();
    assert!(headers.contains("content-security-policy: default-src 'self'"));
    assert!(headers.contains("immutable"));
    for url in loaded.assets.urls().values() {
        assert!(
            out.join(url.trim_start_matches('/')).exists(),
            "{url} exported"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}
