//! The sitemap: every page of every edition, each with `xhtml:link`
//! alternates to its twins in the other languages.

use crate::content::Site;
use crate::registry;
use crate::util::html::escape;

/// `/sitemap.xml` for all editions (the default one first).
pub(crate) fn sitemap(sites: &[Site]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for site in sites {
        for page in registry::all(site).into_iter().filter(|p| p.in_sitemap()) {
            let path = page.path();
            out.push_str("  <url><loc>");
            out.push_str(&escape(&site.url(&path)));
            out.push_str("</loc>");
            if let Some(p) = page.pathway() {
                out.push_str("<lastmod>");
                out.push_str(&p.last_reviewed.iso());
                out.push_str("</lastmod>");
            }
            if sites.len() > 1 {
                for other in sites {
                    let href = registry::twin(&path, &site.prefix, &other.prefix);
                    out.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        escape(&other.ui.lang),
                        escape(&other.url(&href))
                    ));
                }
                let first = registry::twin(&path, &site.prefix, &sites[0].prefix);
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&sites[0].url(&first))
                ));
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}
