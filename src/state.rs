//! The loaded site as one immutable value, and the shared state that swaps
//! it atomically (for content reload). No locks on the request path.

use crate::assets::Assets;
use crate::content::Site;
use crate::diag::LoadError;
use crate::pages::Chrome;
use crate::store::Store;
use arc_swap::ArcSwap;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Everything one version of the site needs to answer requests.
#[derive(Debug)]
pub struct Loaded {
    /// Every language edition, each under its own prefix. The first is
    /// the default: the one a redirect or `x-default` must choose.
    pub editions: Vec<Edition>,
    pub store: Store,
    pub assets: Assets,
    /// Lowercased alias → canonical path.
    pub aliases: HashMap<String, String>,
    /// Send HSTS (the base URL is https).
    pub https: bool,
    /// Every edition's content warnings and the rendered pages' warnings.
    pub warnings: Vec<crate::diag::Diagnostic>,
}

/// One language edition of the site: its content, chrome and search.
#[derive(Debug)]
pub struct Edition {
    pub site: Site,
    pub chrome: Chrome,
    pub search: crate::search::Index,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{0}")]
    Content(#[from] LoadError),
    #[error("static assets: {0:#}")]
    Assets(anyhow::Error),

    #[error("building the search index: {0}")]
    Search(#[from] crate::search::IndexError),
    #[error("{0}")]
    Internal(&'static str),
    #[error("the base URL: {0}")]
    BaseUrl(String),
}

/// Where to load from.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: std::path::PathBuf,
    pub static_dir: std::path::PathBuf,
    /// Overrides `base_url` in site.toml.
    pub base_url: Option<crate::util::base_url::BaseUrl>,
}

impl Loaded {
    /// Load, validate and render everything: a complete site or an error.
    pub fn build(opts: &Options) -> Result<Self, BuildError> {
        let t = std::time::Instant::now();
        let mut sites = crate::content::load_all(&opts.content)?;
        tracing::debug!(elapsed = ?t.elapsed(), "content loaded and checked");
        if let Some(base) = &opts.base_url {
            for site in &mut sites {
                site.base_url = base.to_string();
            }
        }
        let assets = Assets::build(&opts.static_dir).map_err(BuildError::Assets)?;
        tracing::debug!(elapsed = ?t.elapsed(), "assets fingerprinted");
        let loaded = Self::from_parts(sites, assets);
        tracing::debug!(elapsed = ?t.elapsed(), "pages rendered and compressed, index built");
        crate::util::mem::release_free();
        if let Ok(l) = &loaded
            && tracing::enabled!(tracing::Level::DEBUG)
        {
            let (plain, gzip) = l.store.bytes();
            tracing::debug!(elapsed = ?t.elapsed(), plain, gzip, "freed memory returned");
        }
        loaded
    }

    /// Render loaded editions (the default one first) with built assets.
    /// The search indexes build on one core while pages render and
    /// compress on the others.
    pub fn from_parts(mut sites: Vec<Site>, assets: Assets) -> Result<Self, BuildError> {
        let (built, indexes) = crate::build::build(&sites, &assets, |site, sections| {
            let t = std::time::Instant::now();
            let index = crate::search::Index::build(site, sections);
            tracing::debug!(elapsed = ?t.elapsed(), lang = %site.ui.lang, "search index built");
            index
        })?;
        let indexes: Vec<crate::search::Index> = indexes.into_iter().collect::<Result<_, _>>()?;
        if sites.is_empty() || built.chromes.len() != sites.len() || indexes.len() != sites.len() {
            return Err(BuildError::Internal("an edition was not rendered"));
        }
        let mut warnings: Vec<_> = sites
            .iter_mut()
            .flat_map(|site| std::mem::take(&mut site.warnings))
            .collect();
        warnings.extend(built.warnings);
        // At most 100 per file, as errors (1,600 unused terms are one
        // file's 100 lines and a summary, not 1,600 lines).
        warnings.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        warnings.dedup();
        crate::diag::cap_per_file(&mut warnings);
        let editions: Vec<Edition> = sites
            .into_iter()
            .zip(built.chromes)
            .zip(indexes)
            .map(|((site, chrome), search)| Edition {
                site,
                chrome,
                search,
            })
            .collect();
        // Aliases redirect to the default edition's pages.
        let default = &editions[0].site;
        let aliases = default
            .pathways
            .iter()
            .flat_map(|p| {
                p.aliases.iter().map(move |a| {
                    (
                        a.href.to_ascii_lowercase(),
                        crate::registry::pathway_path(p),
                    )
                })
            })
            .collect();
        let https = default.base_url.starts_with("https://");
        Ok(Self {
            editions,
            store: built.store,
            assets,
            aliases,
            https,
            warnings,
        })
    }

    /// The default edition (the first): what a redirect or `x-default`
    /// chooses when nothing says which language.
    pub fn default_edition(&self) -> &Edition {
        &self.editions[0]
    }

    /// Edition `i`, or the default one when there is no such edition.
    pub fn edition(&self, i: usize) -> &Edition {
        self.editions
            .get(i)
            .unwrap_or_else(|| self.default_edition())
    }

    /// The edition a request path belongs to (by its prefix).
    pub fn edition_index(&self, path: &str) -> usize {
        let prefixes: Vec<&str> = self
            .editions
            .iter()
            .map(|e| e.site.prefix.as_str())
            .collect();
        crate::registry::edition_of(path, &prefixes)
    }

    /// Where a near-miss path should go: an alias, a trailing slash, or a
    /// difference in letter case.
    pub fn redirect_for(&self, path: &str) -> Option<String> {
        let trimmed = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        let lower = trimmed.to_ascii_lowercase();
        if let Some(to) = self.aliases.get(&lower) {
            return Some(to.clone());
        }
        if trimmed != path && self.store.contains(trimmed) && trimmed != "/404" {
            return Some(trimmed.to_string());
        }
        if let Some(found) = self
            .store
            .find_case_insensitive(trimmed)
            .filter(|p| *p != "/404" && *p != path)
        {
            return Some(found.to_string());
        }
        // Paths the router answers without a stored page: each edition's
        // search page and the health check.
        self.editions
            .iter()
            .map(|e| crate::registry::Page::Search(&e.site).path())
            .chain(std::iter::once(crate::registry::HEALTHZ.to_string()))
            .find(|p| p.eq_ignore_ascii_case(trimmed) && p != path)
    }
}

/// Shared state: the current site, swapped whole on reload.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<ArcSwap<Loaded>>,
    /// Why the last reload was refused (shown to editors in watch mode).
    rejected: Arc<arc_swap::ArcSwapOption<String>>,
    /// Editor mode: show a banner when an edit is rejected.
    editor: bool,
    /// Held for a whole reload (build and swap), so reloads run one at a
    /// time in the order they were asked for and the newest content wins.
    reloading: Arc<tokio::sync::Mutex<()>>,
}

impl AppState {
    pub fn new(loaded: Loaded) -> Self {
        Self {
            inner: Arc::new(ArcSwap::from_pointee(loaded)),
            rejected: Arc::new(arc_swap::ArcSwapOption::empty()),
            editor: false,
            reloading: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// Editor mode (`serve --watch`): pages say when an edit was rejected.
    pub fn for_editors(mut self) -> Self {
        self.editor = true;
        self
    }

    /// The current site; requests hold it for their whole life.
    pub fn current(&self) -> Arc<Loaded> {
        self.inner.load_full()
    }

    /// The current site, for a request answered at once (no reference
    /// count taken; do not hold it across an await).
    pub fn peek(&self) -> arc_swap::Guard<Arc<Loaded>> {
        self.inner.load()
    }

    /// Editor mode: pages are rendered per request (with the banner).
    pub fn is_editor(&self) -> bool {
        self.editor
    }

    /// Swap in a new site; returns it.
    pub fn replace(&self, loaded: Loaded) -> Arc<Loaded> {
        let loaded = Arc::new(loaded);
        self.inner.store(loaded.clone());
        loaded
    }

    /// Wait for the reload lock (see `reloading`).
    pub async fn reload_lock(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.reloading.clone().lock_owned().await
    }

    /// Record (or clear) why the last reload was refused.
    pub fn set_rejected(&self, why: Option<String>) {
        self.rejected.store(why.map(Arc::new));
    }

    /// The message for the editor banner, in editor mode only.
    pub fn editor_notice(&self) -> Option<Arc<String>> {
        if self.editor {
            self.rejected.load_full()
        } else {
            None
        }
    }

    /// In editor mode with a rejected edit: the chrome with the banner.
    pub fn editor_chrome(&self, chrome: &Chrome) -> Option<Chrome> {
        self.editor_notice().map(|why| {
            let mut chrome = chrome.clone();
            chrome.banner = Some(why);
            chrome
        })
    }

    /// The chrome for a page rendered now (with the banner when there is one).
    pub fn chrome<'a>(&self, chrome: &'a Chrome) -> std::borrow::Cow<'a, Chrome> {
        match self.editor_chrome(chrome) {
            Some(c) => std::borrow::Cow::Owned(c),
            None => std::borrow::Cow::Borrowed(chrome),
        }
    }
}

/// Load from a content folder and a static folder (for tests and tools).
/// A base URL that is not a plain http(s) address is an error.
pub fn build(
    content: &Path,
    static_dir: &Path,
    base_url: Option<&str>,
) -> Result<Loaded, BuildError> {
    let base_url = base_url
        .map(crate::util::base_url::BaseUrl::parse)
        .transpose()
        .map_err(BuildError::BaseUrl)?;
    Loaded::build(&Options {
        content: content.to_path_buf(),
        static_dir: static_dir.to_path_buf(),
        base_url,
    })
}
