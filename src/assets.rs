//! Static assets: fingerprinted by content hash at load and written, with
//! brotli and gzip siblings, to a folder outside the source tree that
//! tower-http's `ServeDir` serves. Templates ask for a URL by the file's
//! plain name through [`Assets::url`].

use crate::util::compress::{brotli, gzip};
use crate::util::hash::hash_hex;
use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use std::fs;
use std::hash::{BuildHasher as _, Hasher as _};
use std::path::{Path, PathBuf};

/// Names of asset folders start with this, then `<pid>-<random>`.
const PREFIX: &str = "pathways-assets-";

/// The asset folder and the plain-name → fingerprinted-URL map.
#[derive(Debug)]
pub struct Assets {
    dir: PathBuf,
    urls: BTreeMap<String, String>,
}

impl Assets {
    /// Fingerprint everything in `src` into a new private folder in the
    /// system's temporary directory. The folder gets an unpredictable name
    /// and is created in one step (it cannot already exist, as a folder or
    /// as a link), readable only by this user, and removed when the
    /// `Assets` is dropped. Folders left by processes that were killed are
    /// removed first.
    pub fn build(src: &Path) -> Result<Self> {
        let tmp = std::env::temp_dir();
        remove_stale(&tmp);
        let dir = create_private_dir(&tmp)?;
        let assets = Self {
            dir,
            urls: BTreeMap::new(),
        };
        assets.fill(src)
    }

    fn fill(mut self, src: &Path) -> Result<Self> {
        let dir = self.dir.clone();
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
            self.urls.insert(name, format!("/static/{hashed}"));
        }
        Ok(self)
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
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A random 64-bit number from the OS-seeded hasher keys.
fn random() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

/// Create `<tmp>/pathways-assets-<pid>-<random>` in one step, mode 0700.
fn create_private_dir(tmp: &Path) -> Result<PathBuf> {
    let mut last = None;
    for _ in 0..8 {
        let dir = tmp.join(format!("{PREFIX}{}-{:016x}", std::process::id(), random()));
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => {
                return Err(e).with_context(|| format!("creating {}", dir.display()));
            }
        }
    }
    Err(last.map_or_else(
        || anyhow::anyhow!("cannot create an asset folder"),
        anyhow::Error::from,
    ))
    .with_context(|| format!("creating an asset folder in {}", tmp.display()))
}

/// Remove asset folders whose process is gone (it was killed before it
/// could clean up). Only real folders of this user are touched.
fn remove_stale(tmp: &Path) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt as _;
        let Ok(entries) = fs::read_dir(tmp) else {
            return;
        };
        let me = fs::metadata("/proc/self").map(|m| m.uid()).ok();
        for e in entries.filter_map(std::result::Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(pid) = name
                .strip_prefix(PREFIX)
                .and_then(|rest| rest.split('-').next())
                .and_then(|p| p.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(meta) = fs::symlink_metadata(e.path()) else {
                continue;
            };
            if meta.is_dir()
                && Some(meta.uid()) == me
                && pid != std::process::id()
                && !Path::new(&format!("/proc/{pid}")).exists()
            {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = tmp;
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
        // Hidden entries (`.git/`, `.env`, editor files) are never published,
        // nor anything inside a hidden folder.
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if ft.is_dir() {
            collect(root, &path, out)?;
        } else if ft.is_file() {
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
