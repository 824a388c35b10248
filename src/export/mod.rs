//! Writing the graph out: data formats (JSON, GraphML, DOT) and pictures
//! (SVG, PNG) of a [`Scene`](crate::scene::Scene).
//!
//! Pictures: [`whole_graph_scene`] fits a camera to the visible nodes and
//! builds the scene (the window builds its own from its camera), then
//! [`render_svg`] / [`render_png`] draw it. Data: [`json`], [`to_graphml`],
//! [`to_dot`]. [`export`] does any format in one call, [`write_atomic`]
//! puts the bytes on disk safely, and [`Selection`] (kinds, focus) says
//! which nodes are visible.

pub mod dot;
pub mod filter;
pub mod graphml;
pub mod image;
pub mod json;
pub mod png;
pub mod svg;
pub mod xml;

pub use dot::to_dot;
pub use filter::{Selection, find_node, parse_kinds, suggest};
pub use graphml::to_graphml;
pub use image::{ImageOptions, ImageTheme, whole_graph_scene, whole_graph_scene_with};
pub use png::render_png;
pub use svg::render_svg;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use petgraph::stable_graph::NodeIndex;

use crate::graph::AtlasGraph;

/// What to write. The command line's `--format` values are these
/// (`clap::ValueEnum`, with its help texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Node-link JSON (d3, networkx).
    Json,
    /// GraphML (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// Graphviz DOT.
    #[value(help = "Graphviz DOT, with layout positions")]
    Dot,
    /// A picture as SVG.
    #[value(help = "SVG picture")]
    Svg,
    /// A picture as PNG.
    #[value(help = "PNG picture (needs --out)")]
    Png,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [Format::Json, Format::Graphml, Format::Dot, Format::Svg, Format::Png];

    /// Usual file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The format a file name's extension says (`.gv` is DOT), if any.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gv" => Some(Format::Dot),
            "xml" => Some(Format::Graphml),
            _ => Format::ALL.into_iter().find(|f| f.extension() == ext),
        }
    }

    /// Whether this is a picture (SVG, PNG) rather than data.
    #[must_use]
    pub fn is_image(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }
}

/// The bytes of an export of the `visible` nodes of `graph` (and the edges
/// between them) in `format`; `position` gives layout positions. Pictures
/// frame every visible node ([`whole_graph_scene`]) with `image`'s options;
/// data formats ignore them.
///
/// # Errors
///
/// [`ExportError::Encode`] when a picture would be too large or encoding fails.
pub fn export(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &BTreeSet<NodeIndex>,
    format: Format,
    image: &ImageOptions,
) -> Result<Vec<u8>, ExportError> {
    export_with(graph, position, visible, format, image, &crate::annotations::Overlay::default())
}

/// [`export`] with an annotation overlay drawn into pictures (badges, the
/// user's links).
///
/// # Errors
///
/// As [`export`].
pub fn export_with(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &BTreeSet<NodeIndex>,
    format: Format,
    image: &ImageOptions,
    overlay: &crate::annotations::Overlay,
) -> Result<Vec<u8>, ExportError> {
    let is_visible = |n: NodeIndex| visible.contains(&n);
    match format {
        Format::Json => {
            json::to_json_value(&json::node_link_where(graph, position, is_visible)).map(String::into_bytes)
        }
        Format::Graphml => Ok(to_graphml(graph, position, &is_visible).into_bytes()),
        Format::Dot => Ok(to_dot(graph, position, &is_visible).into_bytes()),
        Format::Svg => {
            Ok(render_svg(&whole_graph_scene_with(graph, position, &is_visible, image, overlay), image).into_bytes())
        }
        Format::Png => render_png(&whole_graph_scene_with(graph, position, &is_visible, image, overlay), image),
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output file exists and overwriting was not allowed.
    #[error("{0} already exists (use --force to replace it)")]
    Exists(PathBuf),
    /// Writing failed; the target, if it existed, is unchanged.
    #[error("could not write {path}: {source}")]
    Io {
        /// The target file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A kind name that does not exist.
    #[error("unknown node kind `{name}`; the kinds are: {known}")]
    UnknownKind {
        /// What was asked for.
        name: String,
        /// Every kind, comma-separated.
        known: String,
    },
    /// A node id that does not exist.
    #[error("no node has the id `{id}`{}", did_you_mean(.suggestions))]
    UnknownNode {
        /// What was asked for.
        id: String,
        /// The closest ids, best first (may be empty).
        suggestions: Vec<String>,
    },
    /// Serialisation failed.
    #[error("could not encode {what}: {message}")]
    Encode {
        /// Which format.
        what: &'static str,
        /// The encoder's message.
        message: String,
    },
}

/// Layout seed of headless exports: same input, same picture.
pub const SEED: u64 = 0x5715_2015;
/// Most layout steps a headless export runs before it writes anyway.
pub const MAX_LAYOUT_STEPS: usize = 5000;

/// The layout of `graph` run to rest (at most `max_steps` steps) with only
/// the `visible` nodes taking part, as the window does with filters on, so
/// a focused export is laid out for itself.
#[must_use]
pub fn settled_layout(
    graph: &AtlasGraph,
    visible: &BTreeSet<NodeIndex>,
    seed: u64,
    max_steps: usize,
) -> crate::layout::AtlasLayout {
    let mut layout = crate::layout::AtlasLayout::new(graph, seed);
    for n in graph.node_indices() {
        if !visible.contains(&n) {
            layout.set_active(n, false);
        }
    }
    layout.sim.run_to_rest(max_steps);
    layout
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; see `wsis-atlas export --format json` for every id".to_owned()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed and synced, then renamed over the target. On any failure the
/// temporary file is removed and an existing target is untouched.
///
/// # Errors
///
/// [`ExportError::Exists`] when `path` exists and `overwrite` is false;
/// [`ExportError::Io`] when the folder is not writable, the disk is full, …
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    if !overwrite && path.exists() {
        return Err(ExportError::Exists(path.to_owned()));
    }
    let io = |source| ExportError::Io { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}
