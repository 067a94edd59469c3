//! Live reload: a new site is swapped in whole, a bad edit keeps the old
//! site, and requests during reloads always get a complete page.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt as _;
use pathways::state::Options;
use pathways::{AppState, Loaded};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use tower::ServiceExt as _;

/// The interface words of the fixture.
fn state_words() -> pathways::content::Ui {
    pathways::content::load(Path::new("tests/fixtures/minimal"))
        .unwrap()
        .ui
}

fn options(dir: &Path) -> Options {
    Options {
        content: dir.to_path_buf(),
        static_dir: "static".into(),
        base_url: Some(pathways::util::base_url::BaseUrl::parse("https://example.org").unwrap()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_during_many_reloads_always_get_a_whole_page_from_the_old_or_new_site() {
    let s = Scratch::of("minimal");
    let opts = options(&s.dir);
    let state = AppState::new(Loaded::build(&opts).expect("fixture loads")).for_editors();
    let pathway = format!("{}/pathways/demo/pathway.toml", s.dir.display());
    let original = std::fs::read_to_string(&pathway).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let served = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for _ in 0..4 {
        let app = pathways::app(state.clone());
        let stop = stop.clone();
        let served = served.clone();
        clients.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let res = app
                    .clone()
                    .oneshot(Request::get("/pathways/demo").body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                assert_eq!(res.status(), StatusCode::OK);
                let body =
                    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec())
                        .unwrap();
                assert!(body.trim_end().ends_with("</html>"), "a whole page");
                let version = body
                    .split("A pathway for tests")
                    .nth(1)
                    .and_then(|rest| rest.split('<').next())
                    .expect("the summary is on the page");
                assert!(
                    version == "." || version.starts_with(", version "),
                    "{version:?}"
                );
                served.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    let mut good = 0;
    for round in 0..12 {
        if round % 2 == 0 {
            let text = original.replace(
                "summary = \"A pathway for tests.\"",
                &format!("summary = \"A pathway for tests, version {round}.\""),
            );
            std::fs::write(&pathway, text).unwrap();
            assert!(
                pathways::reload::reload(&state, &opts).await,
                "good edit {round} goes live"
            );
            good += 1;
            assert!(state.editor_notice().is_none());
        } else {
            std::fs::write(&pathway, original.replace("title = ", "title == ")).unwrap();
            assert!(
                !pathways::reload::reload(&state, &opts).await,
                "bad edit {round} is refused"
            );
            let notice = state.editor_notice().expect("the editor is told");
            assert!(notice.contains("pathway.toml:1:"), "{notice}");
            let page = state.current();
            let html = String::from_utf8(
                page.store
                    .get("/pathways/demo")
                    .unwrap()
                    .identity()
                    .to_vec(),
            )
            .unwrap();
            assert!(
                html.contains(&format!("version {}", round - 1)),
                "the last good site stays"
            );
        }
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.expect("no client saw a broken response");
    }
    assert_eq!(good, 6);
    assert!(
        served.load(Ordering::Relaxed) > 20,
        "requests ran during the reloads"
    );
}

#[tokio::test]
async fn in_editor_mode_a_rejected_edit_shows_a_banner_and_in_production_it_does_not() {
    let s = Scratch::of("minimal");
    let opts = options(&s.dir);
    let production = AppState::new(Loaded::build(&opts).unwrap());
    let editor = AppState::new(Loaded::build(&opts).unwrap()).for_editors();
    s.edit("pathways/demo/intro.md", "nav_title", "navtitle");
    assert!(!pathways::reload::reload(&production, &opts).await);
    assert!(!pathways::reload::reload(&editor, &opts).await);
    let shown = send_to(
        editor,
        Request::get("/pathways/demo")
            .header("accept-encoding", "br")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(shown.status, StatusCode::OK);
    let doc = shown.html();
    let banner = one(&doc, ".editor-banner");
    assert_eq!(banner.value().attr("role"), Some("alert"));
    let banner = text_of(banner);
    let ui = &state_words().errors;
    assert!(banner.contains(&ui.editor), "{banner}");
    assert!(banner.contains("intro.md:3:1"), "{banner}");
    let quiet = send_to(
        production,
        Request::get("/pathways/demo").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(quiet.html().select(&sel(".editor-banner")).count(), 0);
}

/// The title of the pay section, as served.
async fn pay_title(state: &AppState) -> String {
    let got = get_from(state, "/pathways/demo/pay").await;
    assert_eq!(got.status, StatusCode::OK);
    texts(&got.html(), "h1").join(" ")
}

/// Reloads run one at a time, in the order they were asked for: a build
/// that started first can never finish last and put older content back.
/// The first build here is made slow (a long section to render, index and
/// compress) and the second fast, so without that order the older build
/// would land last.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_reloads_land_in_order_and_the_newest_content_wins() {
    let s = Scratch::of("minimal");
    let opts = options(&s.dir);
    let state = AppState::new(Loaded::build(&opts).expect("fixture loads"));
    let pay = "pathways/demo/pay.md";
    let original = s.read(pay);
    let paragraph = "Workers check records, talk with teams and keep data safe every day. ";
    let long = format!(
        "{}\n\n{}",
        original.replace("title = \"Pay\"", "title = \"Version A\""),
        format!("{}\n\n", paragraph.repeat(12)).repeat(400)
    );
    s.write(pay, &long);
    let first = tokio::spawn({
        let (state, opts) = (state.clone(), opts.clone());
        async move { pathways::reload::reload(&state, &opts).await }
    });
    // Let the first build read version A before B is written.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    s.write(
        pay,
        original.replace("title = \"Pay\"", "title = \"Version B\""),
    );
    let second = tokio::spawn({
        let (state, opts) = (state.clone(), opts.clone());
        async move { pathways::reload::reload(&state, &opts).await }
    });
    let (a, b) = tokio::join!(first, second);
    assert!(a.unwrap() && b.unwrap(), "both reloads went live");
    assert_eq!(pay_title(&state).await, "Version B");
    // And it stays so: nothing older lands afterwards.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(pay_title(&state).await, "Version B");
}

/// Every file under `dir`, read whole (as `git status` or an editor's
/// file tree would).
fn read_all(dir: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            n += read_all(&path);
        } else {
            let _ = std::fs::read(&path).unwrap();
            n += 1;
        }
    }
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_reloads_on_an_edit_and_never_on_reads() {
    let s = Scratch::of("minimal");
    let opts = options(&s.dir);
    let state = AppState::new(Loaded::build(&opts).expect("fixture loads")).for_editors();
    let first = state.current();
    let _watch = pathways::reload::watch(state.clone(), opts).expect("watching");
    // Reads alone, for two seconds: the watcher's debounce is 250 ms, so a
    // reload triggered by reading (the site's own load reads every file)
    // would have swapped the site several times.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(2);
    while std::time::Instant::now() < until {
        assert!(read_all(&s.dir) > 3);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        Arc::ptr_eq(&first, &state.current()),
        "reading the content must not reload it"
    );
    // One real edit reloads once.
    let pathway = s.dir.join("pathways/demo/pathway.toml");
    let text = std::fs::read_to_string(&pathway).unwrap();
    std::fs::write(
        &pathway,
        text.replace("A pathway for tests", "An edited pathway"),
    )
    .unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while Arc::ptr_eq(&first, &state.current()) && std::time::Instant::now() < until {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let edited = state.current();
    assert!(!Arc::ptr_eq(&first, &edited), "an edit reloads the site");
    // And the reload's own reads do not start another.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert!(
        Arc::ptr_eq(&edited, &state.current()),
        "a reload must not start the next one"
    );
}
