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
    let mut written = 0;
    let mut paths: Vec<&String> = loaded.store.paths().collect();
    paths.sort();
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
    for path in paths {
        let page = loaded.store.get(path).expect("listed path exists");
        let file = out.join(file_for(path));
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&file, &page.body).with_context(|| format!("writing {}", file.display()))?;
        written += 1;
        if !page.br.is_empty() {
            fs::write(with_suffix(&file, ".br"), &page.br)?;
            fs::write(with_suffix(&file, ".gz"), &page.gzip)?;
            written += 2;
        }
        let url = if path == "/404" {
            "/404.html"
        } else {
            path.as_str()
        };
        let _ = writeln!(
            headers,
            "{url}\n  Cache-Control: {}\n  Content-Type: {}\n",
            page.cache.header().to_str().unwrap_or_default(),
            page.content_type
        );
    }
    // Assets: the same folder ServeDir serves.
    let static_out = out.join("static");
    copy_dir(loaded.assets.dir(), &static_out, &mut written)?;
    for url in loaded.assets.urls().values() {
        let _ = writeln!(
            headers,
            "{url}\n  Cache-Control: {}\n",
            CachePolicy::Immutable.header().to_str().unwrap_or_default()
        );
    }
    let _ = writeln!(
        headers,
        "/static/*\n  Cache-Control: {}",
        CachePolicy::ShortAsset
            .header()
            .to_str()
            .unwrap_or_default()
    );
    fs::write(out.join("_headers"), headers)?;
    Ok(written + 1)
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
