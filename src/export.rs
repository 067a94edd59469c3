//! `pathways export --out DIR`: the same pages the server sends, written to
//! files for any static host or CDN, with `.br` and `.gz` siblings, the
//! fingerprinted assets, and a `_headers` file of cache and security headers.

use crate::state::Loaded;
use crate::store::CachePolicy;
use anyhow::{Context as _, Result};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The file a store path is written to.
pub fn file_for(path: &str) -> PathBuf {
    let rel = path.trim_start_matches('/');
    match path {
        "/" => PathBuf::from("index.html"),
        "/404" => PathBuf::from("404.html"),
        _ if rel.contains('.') && !rel.ends_with('/') => PathBuf::from(rel),
        _ => Path::new(rel).join("index.html"),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Write everything to `out`. Returns the number of files written.
pub fn export(loaded: &Loaded, out: &Path) -> Result<usize> {
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut paths: Vec<&str> = loaded.store.paths().collect();
    paths.sort_unstable();
    let mut headers = String::new();
    let mut security = axum::http::HeaderMap::new();
    crate::http::security_headers(&mut security, loaded.https);
    headers.push_str("/*\n");
    for (name, value) in &security {
        let _ = writeln!(
            headers,
            "  {}: {}",
            name,
            value.to_str().unwrap_or_default()
        );
    }
    headers.push('\n');
    for path in &paths {
        let Some((content_type, cache)) = loaded.store.head(path) else {
            continue;
        };
        let url = if *path == "/404" { "/404.html" } else { path };
        let _ = writeln!(
            headers,
            "{url}\n  Cache-Control: {}\n  Content-Type: {content_type}\n",
            cache.value(),
        );
    }
    // Pages (with their brotli bodies) and share images take time to make:
    // spread them over the cores, each thread taking the next page.
    let mut written = 0;
    let counts = crate::util::par::on_all_cores(&paths, |path| write_page(loaded, path, out))
        .map_err(|p| anyhow::anyhow!("writing {} failed: {}", paths[p.index], p.message))?;
    for count in counts {
        written += count?;
    }
    // Assets: the same folder ServeDir serves.
    let static_out = out.join("static");
    copy_dir(loaded.assets.dir(), &static_out, &mut written)?;
    for url in loaded.assets.urls().values() {
        let _ = writeln!(
            headers,
            "{url}\n  Cache-Control: {}\n",
            CachePolicy::Immutable.value()
        );
    }
    let _ = writeln!(
        headers,
        "/static/*\n  Cache-Control: {}",
        CachePolicy::ShortAsset.value()
    );
    fs::write(out.join("_headers"), headers)?;
    Ok(written + 1)
}

/// Write the pages at `paths`, each with its `.br` and `.gz` when it
/// compresses. Returns the number of files written.
/// Write one stored response (with its `.br` and `.gz` siblings when it
/// compresses); the number of files written.
fn write_page(loaded: &Loaded, path: &str, out: &Path) -> Result<usize> {
    let Some(page) = loaded.store.make_once(path) else {
        return Ok(0);
    };
    // A response that could not be made (a share image that failed to
    // draw) is never written: a static host would serve the empty file
    // for a year under its immutable name.
    let is_404 = loaded
        .editions
        .iter()
        .any(|e| crate::registry::Page::NotFound(&e.site).path() == path);
    let expected = if is_404 {
        axum::http::StatusCode::NOT_FOUND
    } else {
        axum::http::StatusCode::OK
    };
    let plain = page.identity();
    if page.status != expected || plain.is_empty() {
        anyhow::bail!(
            "{path} could not be made ({}, {} bytes); nothing was written for it",
            page.status,
            plain.len()
        );
    }
    let file = out.join(file_for(path));
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(&file, plain).with_context(|| format!("writing {}", file.display()))?;
    if let (Some(gz), Some(br)) = (page.gzip(), page.brotli_now()) {
        fs::write(with_suffix(&file, ".br"), br)?;
        fs::write(with_suffix(&file, ".gz"), gz)?;
        return Ok(3);
    }
    Ok(1)
}

fn copy_dir(from: &Path, to: &Path, written: &mut usize) -> Result<()> {
    fs::create_dir_all(to)?;
    for e in fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target, written)?;
        } else {
            fs::copy(e.path(), &target)?;
            *written += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::file_for;
    use std::path::PathBuf;

    #[test]
    fn pages_become_index_files_and_other_files_keep_their_names() {
        assert_eq!(file_for("/"), PathBuf::from("index.html"));
        assert_eq!(
            file_for("/pathways/x/salary"),
            PathBuf::from("pathways/x/salary/index.html")
        );
        assert_eq!(file_for("/sitemap.xml"), PathBuf::from("sitemap.xml"));
        assert_eq!(
            file_for("/og/x.0123456789.png"),
            PathBuf::from("og/x.0123456789.png")
        );
        assert_eq!(file_for("/404"), PathBuf::from("404.html"));
    }
}
