//! Static assets: fingerprinted by content hash at load and written, with
//! brotli and gzip siblings, to a folder outside the source tree that
//! tower-http's `ServeDir` serves. Templates ask for a URL by the file's
//! plain name through [`Assets::url`].

use crate::store::{brotli, gzip, hash_hex};
use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The asset folder and the plain-name → fingerprinted-URL map.
#[derive(Debug)]
pub struct Assets {
    dir: PathBuf,
    urls: BTreeMap<String, String>,
    /// Remove `dir` when dropped (a folder we created).
    owned: bool,
}

impl Assets {
    /// Fingerprint everything in `src` into a fresh temporary folder.
    pub fn build(src: &Path) -> Result<Self> {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("pathways-assets-{}-{n}", std::process::id()));
        let mut assets = Self::build_into(src, &dir)?;
        assets.owned = true;
        Ok(assets)
    }

    /// Fingerprint everything in `src` into `dir`.
    pub fn build_into(src: &Path, dir: &Path) -> Result<Self> {
        if dir.exists() {
            fs::remove_dir_all(dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let mut urls = BTreeMap::new();
        let mut files = Vec::new();
        collect(src, src, &mut files)?;
        for rel in files {
            let bytes = fs::read(src.join(&rel))
                .with_context(|| format!("reading {}", src.join(&rel).display()))?;
            let name = rel.to_string_lossy().replace('\\', "/");
            let hashed = fingerprinted(&name, &hash_hex(&bytes)[..10]);
            let compressed = compressible(&name).then(|| (brotli(&bytes), gzip(&bytes)));
            for out_name in [&name, &hashed] {
                let out = dir.join(out_name);
                if let Some(parent) = out.parent() {
                    fs::create_dir_all(parent)?;
                }
                fs::write(&out, &bytes)?;
                if let Some((br, gz)) = &compressed {
                    fs::write(with_suffix(&out, "br"), br)?;
                    fs::write(with_suffix(&out, "gz"), gz)?;
                }
            }
            urls.insert(name, format!("/static/{hashed}"));
        }
        Ok(Self {
            dir: dir.to_path_buf(),
            urls,
            owned: false,
        })
    }

    /// The fingerprinted URL of a file in `static/`, by its plain name.
    /// An unknown name falls back to the plain URL (and a test catches it).
    pub fn url(&self, name: &str) -> String {
        self.urls
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("/static/{name}"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Plain name → fingerprinted URL, for export and tests.
    pub fn urls(&self) -> &BTreeMap<String, String> {
        &self.urls
    }
}

impl Drop for Assets {
    fn drop(&mut self) {
        if self.owned {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Is this request path a fingerprinted name (`site.0123456789.css`)?
pub fn is_fingerprinted(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let parts: Vec<&str> = file.split('.').collect();
    parts.len() >= 3
        && parts[parts.len() - 2].len() == 10
        && parts[parts.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
}

fn fingerprinted(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}.{hash}.{ext}"),
        _ => format!("{name}.{hash}"),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

fn compressible(name: &str) -> bool {
    [".css", ".js", ".svg", ".txt", ".json", ".xml"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(std::result::Result::ok)
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        let ft = e.file_type()?;
        if ft.is_symlink() {
            anyhow::bail!(
                "{}: symbolic links are not served from static/; copy the file in",
                path.display()
            );
        }
        if ft.is_dir() {
            collect(root, &path, out)?;
        } else if !e.file_name().to_string_lossy().starts_with('.') {
            out.push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprinted_names_keep_their_extension() {
        assert_eq!(
            fingerprinted("site.css", "0123456789"),
            "site.0123456789.css"
        );
        assert!(is_fingerprinted("/static/site.0123456789.css"));
        assert!(!is_fingerprinted("/static/site.css"));
    }
}
