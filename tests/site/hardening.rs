//! Regression tests for the security review: each case failed before its
//! fix (an open redirect through `/static`, hidden folders published,
//! framework error pages, the asset folder, what the content loader let
//! through, JSON-LD that could end its script element, the base URL).

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use pathways::state::{Loaded, Options};
use pathways::{AppState, util::base_url::BaseUrl};
use std::path::{Path, PathBuf};

fn fixture_state(s: &Scratch, static_dir: &Path) -> AppState {
    let loaded = Loaded::build(&Options {
        content: s.dir.clone(),
        static_dir: static_dir.to_path_buf(),
        base_url: None,
    })
    .unwrap_or_else(|e| panic!("fixture loads: {e}"));
    AppState::new(loaded)
}

#[tokio::test]
async fn the_static_prefix_is_removed_once_and_directories_never_redirect() {
    let s = Scratch::of("minimal");
    let state = fixture_state(&s, Path::new("static"));
    for path in [
        "/static/statichttps://evil.example/.%2F",
        "/static/staticsite.css",
        "/static/static.",
        "/static/static:80",
        "/static/static@x",
        "/static/.",
        "/static//.",
        "/static/",
        "/static",
    ] {
        let got = get_from(&state, path).await;
        assert_eq!(got.status, StatusCode::NOT_FOUND, "{path}");
        assert!(got.header("location").is_empty(), "{path} redirects");
        assert!(
            got.header("content-type").starts_with("text/html"),
            "{path} answers the site's 404 page"
        );
    }
    assert_eq!(
        get_from(&state, "/static/site.css").await.status,
        StatusCode::OK
    );
}

/// A folder of static files with hidden entries, made for one test.
fn static_with_hidden_entries() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pathways-static-hidden-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (rel, text) in [
        ("site.css", "body{}"),
        (".git/config", "[core]\nsecret = 1\n"),
        (".env.d/prod", "TOKEN=x\n"),
        (".env", "TOKEN=y\n"),
        ("fonts/.cache/x.css", "a{}"),
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[tokio::test]
async fn files_in_hidden_folders_are_never_published() {
    let s = Scratch::of("minimal");
    let dir = static_with_hidden_entries();
    let state = fixture_state(&s, &dir);
    for path in [
        "/static/.git/config",
        "/static/.env.d/prod",
        "/static/.env",
        "/static/fonts/.cache/x.css",
    ] {
        assert_eq!(
            get_from(&state, path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let names: Vec<String> = state.current().assets.urls().keys().cloned().collect();
    assert_eq!(names, ["site.css"]);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_path_that_is_not_utf8_gets_the_sites_error_page() {
    let s = Scratch::of("minimal");
    let state = fixture_state(&s, Path::new("static"));
    let got = get_from(&state, "/pathways/%FF/right-for-me").await;
    assert!(got.status.is_client_error(), "{}", got.status);
    assert!(got.header("content-type").starts_with("text/html"));
    let doc = got.html();
    assert_eq!(texts(&doc, "a.skip").len(), 1, "site layout");
    assert!(!got.text().contains("Invalid URL"), "framework text leaks");
}

#[tokio::test]
async fn head_in_editor_mode_with_the_banner_has_the_length_of_get() {
    let s = Scratch::of("minimal");
    let opts = s.options();
    let state = AppState::new(Loaded::build(&opts).unwrap()).for_editors();
    s.edit("pathways/demo/intro.md", "nav_title", "navtitle");
    assert!(!pathways::reload::reload(&state, &opts).await);
    let get = get_from(&state, "/pathways/demo").await;
    assert_eq!(get.html().select(&sel(".editor-banner")).count(), 1);
    let head = send_to(
        state.clone(),
        Request::head("/pathways/demo").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(head.header("content-length"), get.body.len().to_string());
    assert!(head.body.is_empty());
}

#[test]
fn each_asset_folder_is_new_private_and_removed_after_use() {
    let a = pathways::assets::Assets::build(Path::new("static")).unwrap();
    let b = pathways::assets::Assets::build(Path::new("static")).unwrap();
    assert_ne!(a.dir(), b.dir());
    let name = a.dir().file_name().unwrap().to_string_lossy().into_owned();
    let random = name.rsplit('-').next().unwrap();
    assert_eq!(random.len(), 16, "an unpredictable suffix: {name}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(a.dir()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    let dir = a.dir().to_path_buf();
    drop(a);
    assert!(!dir.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn asset_folders_left_by_killed_processes_are_removed() {
    // Larger than any pid Linux hands out, so that process is surely gone.
    let stale = std::env::temp_dir().join("pathways-assets-4194305-00000000deadbeef");
    std::fs::create_dir_all(stale.join("sub")).unwrap();
    let _fresh = pathways::assets::Assets::build(Path::new("static")).unwrap();
    assert!(!stale.exists(), "the stale folder was left behind");
}

#[test]
fn a_pathway_folder_that_links_outside_content_is_refused() {
    let s = Scratch::of("minimal");
    let outside = std::env::temp_dir().join(format!("pathways-outside-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::rename(s.path("pathways/demo"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.path("pathways/demo")).unwrap();
    let errors = s.errors();
    let _ = std::fs::remove_dir_all(&outside);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("pathways/demo:1:1:") && e.contains("outside the content folder")),
        "{errors:#?}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_named_like_a_section_is_refused_without_hanging() {
    let s = Scratch::of("minimal");
    let pay = s.path("pathways/demo/pay.md");
    std::fs::remove_file(&pay).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&pay)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = s.dir.clone();
    std::thread::spawn(move || {
        let r = pathways::content::load(&dir)
            .map(|_| ())
            .map_err(|e| e.to_string());
        let _ = tx.send(r);
    });
    let result = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("check must not hang on a FIFO");
    let err = result.expect_err("a FIFO is not content");
    assert!(
        err.contains("pay.md:1:1:") && err.contains("not a regular file"),
        "{err}"
    );
}

#[test]
fn layout_ids_and_footnote_labels_never_give_a_page_duplicate_ids() {
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/pay.md",
        "## How much?",
        "## Main\n\nNotes[^a b], [^a-b] and [^A_B].\n\n[^a b]: one\n[^a-b]: two\n[^A_B]: three\n\n## Sources\n\n## How much?",
    );
    let loaded = s.built();
    let doc = stored_html(&loaded, "/pathways/demo/pay");
    let ids = attrs(&doc, "[id]", "id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    // The headings named like layout parts got ids of their own.
    for (heading, reserved) in [("Main", "main"), ("Sources", "sources")] {
        let h = doc
            .select(&sel(".prose h2"))
            .find(|h| text_of(*h) == heading)
            .unwrap_or_else(|| panic!("a heading {heading}"));
        let id = h.value().attr("id").expect("the heading has an id");
        assert_ne!(id, reserved, "{heading} took the layout's id");
    }
    assert_eq!(attrs(&doc, "main", "id"), ["main"]);
    let notes: Vec<&String> = ids.iter().filter(|i| i.starts_with("fn-")).collect();
    assert_eq!(notes.len(), 3, "{ids:?}");
}

#[test]
fn an_explicit_layout_id_is_an_error_at_the_heading() {
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/pay.md",
        "## How much?",
        "## Contents {#contents}\n\n## How much?",
    );
    // One error, at the heading: not echoed by the pages that show it.
    let errors = s.errors();
    let at = s.position("pathways/demo/pay.md", "## Contents");
    let prefix = format!("{}:{}:{}: ", s.shown("pathways/demo/pay.md"), at.0, at.1);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&prefix) && errors[0].contains("used by the page layout"),
        "{errors:#?}"
    );
}

#[test]
fn images_are_checked_like_links() {
    for src in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "https://tracker.example/pixel.png",
        "/static/../secret.png",
    ] {
        let s = Scratch::of("minimal");
        s.edit(
            "pathways/demo/intro.md",
            "Text about ABC again.",
            &format!("Text about ABC again.\n\n![a picture]({src})"),
        );
        let errors = s.errors();
        assert!(
            errors
                .iter()
                .any(|e| e.contains("intro.md:") && e.contains("not a file of this site")),
            "{src}: {errors:#?}"
        );
    }
    // A file of this site that is not there is a broken link.
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/intro.md",
        "Text about ABC again.",
        "Text about ABC again.\n\n![a picture](/static/missing.png)",
    );
    let errors = s.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("intro.md:") && e.contains("not a file in static/")),
        "{errors:#?}"
    );
    // One that is there is shown.
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/intro.md",
        "Text about ABC again.",
        "Text about ABC again.\n\n![a picture](/static/icon.svg)",
    );
    let doc = stored_html(&s.built(), "/pathways/demo/intro");
    assert_eq!(attrs(&doc, ".prose img", "src"), ["/static/icon.svg"]);
    assert_eq!(attrs(&doc, ".prose img", "alt"), ["a picture"]);
}

#[test]
fn diagnostics_never_print_control_characters() {
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/pathway.toml",
        "aliases = [\"/dp\"]",
        "aliases = [\"/\\u001b[2J\"]",
    );
    let text = s.errors().join("\n");
    assert!(text.contains("pathway.toml:"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn json_ld_escapes_markup_so_a_description_cannot_blank_the_page() {
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/pathway.toml",
        "description = \"A pathway used by the tests.\"",
        "description = \"<!--<script> A pathway used by the tests.\"",
    );
    let loaded = Loaded::build(&Options {
        content: s.dir.clone(),
        static_dir: "static".into(),
        base_url: None,
    })
    .unwrap();
    let doc = stored_html(&loaded, "/pathways/demo");
    let script = one(&doc, "script[type='application/ld+json']");
    let data = script.inner_html();
    assert!(!data.contains('<') && !data.contains('>'), "{data}");
    let v: serde_json::Value = serde_json::from_str(&data).expect("the data parses");
    let page = v["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == "WebPage")
        .unwrap();
    assert_eq!(
        page["description"],
        "<!--<script> A pathway used by the tests."
    );
    assert_eq!(
        doc.select(&sel("footer.site-footer")).count(),
        1,
        "the page after the data is intact"
    );
}

#[test]
fn every_base_url_is_checked_in_one_place() {
    let s = Scratch::of("minimal");
    let bad = "javascript:alert(document.domain)//";
    assert!(BaseUrl::parse(bad).is_err());
    assert!(pathways::state::build(&s.dir, Path::new("static"), Some(bad)).is_err());
    use clap::Parser as _;
    assert!(
        pathways::config::Cli::try_parse_from(["pathways", "serve", "--base-url", bad]).is_err()
    );
    s.edit(
        "site.toml",
        "base_url = \"https://example.org\"",
        &format!("base_url = \"{bad}\""),
    );
    let errors = s.errors();
    assert!(
        errors.iter().any(|e| e.contains("site.toml:")),
        "{errors:#?}"
    );
}
