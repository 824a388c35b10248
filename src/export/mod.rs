//! Writing the graph out: data formats (JSON, GraphML, DOT) and pictures
//! (SVG, PNG) of a [`Scene`](crate::scene::Scene), and tables and Gephi's
//! own format (CSV, GEXF).
//!
//! Pictures: [`whole_graph_scene`] fits a camera to the visible nodes and
//! builds the scene (the window builds its own from its camera), then
//! [`render_svg`] / [`render_png`] draw it. Data: [`json`], [`to_graphml`],
//! [`to_dot`], [`gexf`], [`csv`] (the node attributes they share are
//! [`fields`]). [`export`] does any format in one call, [`write_atomic`]
//! puts the bytes on disk safely, and [`Selection`] (kinds, focus) says
//! which nodes are visible.

pub mod csv;
pub mod dot;
pub mod fields;
pub mod filter;
pub mod gexf;
pub mod graphml;
pub mod image;
pub mod json;
pub mod png;
pub mod svg;
pub mod xml;

pub use dot::{to_dot, to_dot_with};
pub use filter::{Selection, find_node, parse_kinds, suggest};
pub use graphml::{to_graphml, to_graphml_with};
pub use image::{ImageOptions, ImageTheme, whole_graph_scene, whole_graph_scene_with};
pub use png::render_png;
pub use svg::render_svg;

use std::collections::BTreeSet;
use std::path::Path;

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
    /// GEXF 1.3 (Gephi), with positions, colours and sizes.
    #[value(help = "GEXF 1.3 (Gephi), with positions, colours and sizes")]
    Gexf,
    /// The nodes as a CSV table (spreadsheets, Cytoscape).
    #[value(help = "The nodes as a CSV table (spreadsheets, Cytoscape node table)")]
    NodesCsv,
    /// The links as a CSV table with their evidence.
    #[value(help = "The links as a CSV table with their evidence (spreadsheets, Cytoscape network)")]
    LinksCsv,
    /// A picture as SVG.
    #[value(help = "SVG picture")]
    Svg,
    /// A picture as PNG.
    #[value(help = "PNG picture (needs --out)")]
    Png,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 8] = [
        Format::Json,
        Format::Graphml,
        Format::Dot,
        Format::Gexf,
        Format::NodesCsv,
        Format::LinksCsv,
        Format::Svg,
        Format::Png,
    ];

    /// The data formats, in the order the export dialog offers them.
    pub const DATA: [Format; 6] =
        [Format::Json, Format::Graphml, Format::Gexf, Format::Dot, Format::NodesCsv, Format::LinksCsv];

    /// Usual file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Dot => "dot",
            Format::Gexf => "gexf",
            Format::NodesCsv | Format::LinksCsv => "csv",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// Its name for people (`GraphML`, `CSV (links)`).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Graphml => "GraphML",
            Format::Dot => "DOT",
            Format::Gexf => "GEXF",
            Format::NodesCsv => "CSV (nodes)",
            Format::LinksCsv => "CSV (links)",
            Format::Svg => "SVG",
            Format::Png => "PNG",
        }
    }

    /// The format a file name's extension says (`.gv` is DOT; `.csv` the
    /// links table, or the nodes table when the name ends in `nodes.csv`),
    /// if any.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gv" => Some(Format::Dot),
            "xml" => Some(Format::Graphml),
            "csv" => {
                let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
                Some(if stem.ends_with("nodes") { Format::NodesCsv } else { Format::LinksCsv })
            }
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
        Format::Json => json::write_node_link_where(graph, position, is_visible),
        Format::Graphml => Ok(to_graphml(graph, position, &is_visible).into_bytes()),
        Format::Dot => Ok(to_dot(graph, position, &is_visible).into_bytes()),
        Format::Gexf => Ok(gexf::to_gexf(graph, position, &is_visible, None).into_bytes()),
        Format::NodesCsv => csv::nodes(graph, position, &is_visible, None),
        Format::LinksCsv => csv::links(graph, &is_visible, None),
        Format::Svg => {
            Ok(render_svg(&whole_graph_scene_with(graph, position, &is_visible, image, overlay), image).into_bytes())
        }
        Format::Png => render_png(&whole_graph_scene_with(graph, position, &is_visible, image, overlay), image),
    }
}

/// [`export`] carrying an annotation set: pictures draw its badges and
/// links; JSON gets an `annotations` list and the user's links as
/// `annotation` links; GraphML and DOT get the user's links as `annotation`
/// edges with their label, and each node's notes in a `notes` attribute.
/// Only notes and links on exported nodes are written
/// ([`annotations_left_out`] counts the others).
///
/// # Errors
///
/// As [`export`].
pub fn export_annotated(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &BTreeSet<NodeIndex>,
    format: Format,
    image: &ImageOptions,
    notes: &crate::annotations::AnnotationSet,
) -> Result<Vec<u8>, ExportError> {
    let is_visible = |n: NodeIndex| visible.contains(&n);
    match format {
        Format::Json => {
            let mut value = json::node_link_where(graph, position, is_visible);
            value.with_annotations(notes);
            json::to_json_value(&value).map(String::into_bytes)
        }
        Format::Graphml => Ok(to_graphml_with(graph, position, &is_visible, Some(notes)).into_bytes()),
        Format::Dot => Ok(to_dot_with(graph, position, &is_visible, Some(notes)).into_bytes()),
        Format::Gexf => Ok(gexf::to_gexf(graph, position, &is_visible, Some(notes)).into_bytes()),
        Format::NodesCsv => csv::nodes(graph, position, &is_visible, Some(notes)),
        Format::LinksCsv => csv::links(graph, &is_visible, Some(notes)),
        Format::Svg | Format::Png => {
            let overlay = crate::annotations::Overlay::new(notes, graph);
            export_with(graph, position, visible, format, image, &overlay)
        }
    }
}

/// How many notes and links of `notes` an export of the `visible` nodes
/// leaves out, because their node (or an end) is not among them.
#[must_use]
pub fn annotations_left_out(
    graph: &AtlasGraph,
    visible: &BTreeSet<NodeIndex>,
    notes: &crate::annotations::AnnotationSet,
) -> (usize, usize) {
    let shown = |id: &str| graph.index_of(id).is_some_and(|n| visible.contains(&n));
    let a = notes.annotations().iter().filter(|a| !shown(&a.target)).count();
    let l = notes.links().iter().filter(|l| !(shown(&l.from) && shown(&l.to))).count();
    (a, l)
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output file could not be written (it exists, is not a regular
    /// file, the disk is full, …); the target, if it existed, is unchanged.
    #[error(transparent)]
    Write(#[from] crate::fs::WriteError),
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
/// Most node-steps (nodes laid out × steps) a headless export spends on its
/// layout: a map of a few thousand nodes still runs to rest, a very large
/// one gets a few steps, so that the export costs about what reading the
/// documents did (a layout step costs a little more than linear time).
pub const LAYOUT_WORK: usize = 3_000_000;

/// The layout steps a headless export of `nodes` nodes runs at most: up to
/// [`MAX_LAYOUT_STEPS`], within [`LAYOUT_WORK`], at least one.
#[must_use]
pub fn layout_steps(nodes: usize) -> usize {
    (LAYOUT_WORK / nodes.max(1)).clamp(1, MAX_LAYOUT_STEPS)
}

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

/// A node's disc radius on the map in layout units, rounded to a tenth (the
/// `size` of data exports: JSON, GraphML, GEXF, CSV).
#[must_use]
pub fn node_size(graph: &AtlasGraph, n: NodeIndex) -> f32 {
    (crate::layout::atlas::node_radius(graph, n) * 10.0).round() / 10.0
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; see `wsis-atlas export --format json` for every id".to_owned()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}

/// Writes `bytes` to `path` atomically, refusing to replace an existing
/// file unless `replace`: [`crate::fs::write_atomic`] (only regular files,
/// links followed, permissions kept).
pub use crate::fs::write_atomic;
