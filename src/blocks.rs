//! The data-driven parts of pages: figures as readers see them (with their
//! source markers), same-year comparisons, figure tables, the self-check
//! form, the job titles list, the first-steps card and the pay picture.
//! Every figure comes from the content's data, so tables, prose, quick
//! facts and the handout always agree; every word comes from the `Ui`
//! table; every piece of HTML comes from an askama template.
//!
//! - `cite`: numbered source markers and the page's source list.
//! - `fmt`: a figure, or a comparison, in words.
//! - `tables`: the figure tables.
//! - `facts`: the quick facts of a pathway.
//! - `parts`: the self-check form, job titles, first steps.
//! - `picture`: the pay picture (server-drawn SVG).

pub(crate) mod cite;
pub(crate) mod facts;
pub(crate) mod fmt;
pub(crate) mod parts;
pub(crate) mod picture;
pub(crate) mod tables;

pub(crate) use cite::Citations;
pub(crate) use fmt::Fmt;

/// Render an askama template; a template error is an error of the load.
pub(crate) fn html(t: &impl askama::Template) -> Result<String, String> {
    t.render()
        .map_err(|e| format!("a page template failed: {e}"))
}
