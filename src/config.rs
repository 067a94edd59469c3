//! The command line. Every flag also reads a `PATHWAYS_*` environment variable.

use crate::util::base_url::BaseUrl;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// A fast, server-rendered career-pathway website.
#[derive(Debug, Parser)]
#[command(name = "pathways", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for `serve` when no subcommand is given.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve(ServeArgs),
    /// Load and validate all content; print every problem as path:line:col.
    Check(ContentArgs),
    /// Write every page, its .br and .gz, the assets, sitemap, robots.txt,
    /// 404.html and a _headers file to a folder, for a static host or CDN.
    Export(ExportArgs),
    /// Trim BLS's full OEWS files to what the content needs: the SOC codes
    /// its pathway.toml files name, and all occupations (00-0000). Writes
    /// them, in BLS's layout, to content/oews/.
    TrimOews(TrimArgs),
    /// Write a generated content tree of N pathways (for benchmarks).
    #[command(hide = true)]
    GenCorpus {
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1000)]
        pathways: usize,
        /// Give the corpus BLS OEWS files for a catalogue of this many
        /// occupations, shared by the pathways (about 800 makes a file the
        /// size of BLS's own); 0 for none.
        #[arg(long, default_value_t = 0)]
        oews: usize,
        /// Instead, one pathway with a hostile pattern (issue 25: content
        /// that once loaded slowly).
        #[arg(long, value_enum)]
        hostile: Option<crate::cli::corpus::hostile::Hostile>,
        /// The hostile pattern's size (default: the size issue 25 measured).
        #[arg(long)]
        size: Option<usize>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct TrimArgs {
    /// The folder holding BLS's files (oe.data.0.Current, oe.area,
    /// oe.occupation, oe.industry, oe.datatype, oe.footnote).
    #[arg(long)]
    pub from: PathBuf,
    /// The content folder (its pathways say which occupations to keep).
    #[arg(long, env = "PATHWAYS_CONTENT", default_value = "content")]
    pub content: PathBuf,
    /// Keep only these states (FIPS codes, comma-separated) with their
    /// areas, and the nation: for small test fixtures.
    #[arg(long, value_delimiter = ',')]
    pub states: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The folder to write to (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Canonical base URL (default: base_url in site.toml).
    #[arg(long, env = "PATHWAYS_BASE_URL")]
    pub base_url: Option<BaseUrl>,
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Where content lives.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The content folder.
    #[arg(long, env = "PATHWAYS_CONTENT", default_value = "content")]
    pub content: PathBuf,
    /// The static assets folder.
    #[arg(long = "static", env = "PATHWAYS_STATIC", default_value = "static")]
    pub static_dir: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PATHWAYS_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Canonical base URL for links, previews and the sitemap
    /// (default: base_url in site.toml).
    #[arg(long, env = "PATHWAYS_BASE_URL")]
    pub base_url: Option<BaseUrl>,
    /// For editors: reload when content/ or static/ change, and show a
    /// banner on every page when an edit is rejected. (SIGHUP reloads in
    /// any mode.)
    #[arg(long, env = "PATHWAYS_WATCH")]
    pub watch: bool,
    /// Most connections open at once; more are answered 503 and closed.
    #[arg(long, env = "PATHWAYS_MAX_CONNECTIONS", default_value_t = 2048)]
    pub max_connections: usize,
    #[command(flatten)]
    pub content: ContentArgs,
}
