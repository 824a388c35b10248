//! Headless layout of any node-link JSON graph (the d3/networkx shape):
//! `{"nodes": [{"id": …}], "links": [{"source": …, "target": …}]}` in,
//! `{"<id>": [x, y], …}` out. Backs `wsis-atlas layout`.
//!
//! Node ids may be strings or numbers (networkx writes numbers). A link end
//! that is a string names a node id; a number names the node with that id if
//! there is one, else the node at that index (as d3 allows). `edges` is
//! accepted for `links` (networkx ≥ 3.4). Nodes without an id are named by
//! their index.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::graph::{DEFAULT_LENGTH, LayoutGraph};
use super::params::LayoutParams;
use super::simulation::Simulation;

/// Why a graph file could not be laid out.
#[derive(Debug, thiserror::Error)]
pub enum LayoutIoError {
    /// The file could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_INPUT_BYTES`] (or a device or pipe that
    /// gave more).
    #[error("{path} is larger than {limit} bytes (64 MiB); refused")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// The text is not JSON of the node-link shape.
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        /// The file (`-` for text given directly).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Two nodes share an id.
    #[error("nodes {first} and {second} have the same id {id}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Index of the first node with it.
        first: usize,
        /// Index of the second.
        second: usize,
    },
    /// A link names a node that does not exist.
    #[error("link {link} has {end} {name}, which is not a node id (nor a node index)")]
    UnknownNode {
        /// Index of the link in `links`.
        link: usize,
        /// `source` or `target`.
        end: &'static str,
        /// The value given, as JSON.
        name: String,
    },
    /// A node id or link end is neither a string nor a number.
    #[error("{what} must be a string or a number, not {value}")]
    BadId {
        /// Which value (`node 3 id`, `link 5 source`).
        what: String,
        /// The value given, as JSON.
        value: String,
    },
    /// A position came out non-finite (a bug; never expected).
    #[error("node {0} ended at a non-finite position")]
    NonFinite(String),
}

#[derive(Deserialize)]
struct NodeIn {
    #[serde(default)]
    id: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct LinkIn {
    source: serde_json::Value,
    target: serde_json::Value,
}

#[derive(Deserialize)]
struct GraphIn {
    nodes: Vec<NodeIn>,
    #[serde(default, alias = "edges")]
    links: Vec<LinkIn>,
}

/// A number or string id as text; `None` for other JSON values.
fn id_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses node-link JSON into a layout graph (default radius and rest
/// length) and the node names, in node order.
///
/// # Errors
///
/// [`LayoutIoError::Json`] with line and column, [`LayoutIoError::DuplicateId`],
/// [`LayoutIoError::UnknownNode`] naming the link, [`LayoutIoError::BadId`].
pub fn parse_node_link(text: &str, path: &Path) -> Result<(LayoutGraph, Vec<String>), LayoutIoError> {
    let parsed: GraphIn = serde_json::from_str(text).map_err(|e| LayoutIoError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_owned(),
    })?;
    let mut names = Vec::with_capacity(parsed.nodes.len());
    let mut by_name: HashMap<String, usize> = HashMap::with_capacity(parsed.nodes.len());
    for (i, node) in parsed.nodes.iter().enumerate() {
        let name = match &node.id {
            None | Some(serde_json::Value::Null) => i.to_string(),
            Some(v) => {
                id_text(v).ok_or_else(|| LayoutIoError::BadId { what: format!("node {i} id"), value: v.to_string() })?
            }
        };
        if let Some(&first) = by_name.get(&name) {
            return Err(LayoutIoError::DuplicateId { id: name, first, second: i });
        }
        by_name.insert(name.clone(), i);
        names.push(name);
    }
    let mut graph = LayoutGraph::new(names.len());
    for (l, link) in parsed.links.iter().enumerate() {
        let resolve = |value: &serde_json::Value, end: &'static str| -> Result<usize, LayoutIoError> {
            let unknown = || LayoutIoError::UnknownNode { link: l, end, name: value.to_string() };
            match value {
                serde_json::Value::String(s) => by_name.get(s).copied().ok_or_else(unknown),
                serde_json::Value::Number(n) => by_name
                    .get(&n.to_string())
                    .copied()
                    .or_else(|| n.as_u64().and_then(|k| usize::try_from(k).ok()).filter(|&k| k < names.len()))
                    .ok_or_else(unknown),
                other => Err(LayoutIoError::BadId { what: format!("link {l} {end}"), value: other.to_string() }),
            }
        };
        let s = resolve(&link.source, "source")?;
        let t = resolve(&link.target, "target")?;
        // Both resolved to existing nodes.
        let _ = graph.add_edge(s, t, DEFAULT_LENGTH, 1.0);
    }
    Ok((graph, names))
}

/// How many layout steps to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Steps {
    /// Until the layout has settled, at most this many (settling takes a few
    /// hundred steps whatever the graph, so any bound is reached quickly).
    AtMost(usize),
    /// Exactly this many, even after the layout has settled.
    Exactly(usize),
}

/// A layout run: the positions and what it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    /// `{"<id>": [x, y], …}` in node order, as JSON text.
    pub positions: String,
    /// Steps run.
    pub steps: usize,
    /// Whether the layout settled (always true for [`Steps::AtMost`] short of its bound).
    pub settled: bool,
    /// The time of the step loop alone.
    pub elapsed: Duration,
}

/// Lays out node-link JSON text from the seeded start, for `steps`.
///
/// # Errors
///
/// As [`parse_node_link`]; `path` is only used in messages.
pub fn run_layout_json(text: &str, path: &Path, steps: Steps, seed: u64) -> Result<Laid, LayoutIoError> {
    let (graph, names) = parse_node_link(text, path)?;
    let mut sim = Simulation::new(graph, LayoutParams::default(), seed);
    let started = Instant::now();
    let taken = match steps {
        Steps::AtMost(n) => sim.run_to_rest(n),
        Steps::Exactly(n) => {
            for _ in 0..n {
                sim.tick();
            }
            n
        }
    };
    let elapsed = started.elapsed();
    let mut out = String::with_capacity(names.len() * 32 + 2);
    out.push('{');
    for (i, (name, p)) in names.iter().zip(sim.positions()).enumerate() {
        if !p[0].is_finite() || !p[1].is_finite() {
            return Err(LayoutIoError::NonFinite(name.clone()));
        }
        if i > 0 {
            out.push(',');
        }
        out.push_str("\n  ");
        out.push_str(&serde_json::Value::String(name.clone()).to_string());
        // f32 Display is the shortest text that reads back to the same f32.
        let _ = write!(out, ": [{}, {}]", p[0], p[1]);
    }
    out.push_str(if names.is_empty() { "}\n" } else { "\n}\n" });
    Ok(Laid { positions: out, steps: taken, settled: sim.is_settled(), elapsed })
}

/// Largest graph file read (any source: the cap holds for devices and pipes too).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a node-link JSON file (at most [`MAX_INPUT_BYTES`]) and lays it
/// out; see [`run_layout_json`].
///
/// # Errors
///
/// [`LayoutIoError::Read`] if the file cannot be read (or is not UTF-8),
/// [`LayoutIoError::TooLarge`], then as [`parse_node_link`].
pub fn run_layout_file(input: &Path, steps: Steps, seed: u64) -> Result<Laid, LayoutIoError> {
    use crate::document::load::{Bounded, read_bounded};
    let read = |source| LayoutIoError::Read { path: input.to_owned(), source };
    let bytes = read_bounded(input, MAX_INPUT_BYTES).map_err(|e| match e {
        Bounded::Io(source) => read(source),
        Bounded::TooLarge(_) => LayoutIoError::TooLarge { path: input.to_owned(), limit: MAX_INPUT_BYTES },
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|e| read(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8 text: {e}"))))?;
    run_layout_json(&text, input, steps, seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_stops_once_settled_and_exactly_does_not() {
        let json = r#"{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[{"source":"a","target":"b"}]}"#;
        let p = Path::new("-");
        let early = run_layout_json(json, p, Steps::AtMost(1_000_000_000), 1).expect("valid");
        assert!(early.settled && early.steps > 0 && early.steps < 2000, "{} steps", early.steps);
        let exact = run_layout_json(json, p, Steps::Exactly(early.steps + 50), 1).expect("valid");
        assert_eq!(exact.steps, early.steps + 50);
        let short = run_layout_json(json, p, Steps::AtMost(3), 1).expect("valid");
        assert_eq!((short.steps, short.settled), (3, false));
    }

    #[test]
    fn numbers_are_ids_first_then_indices() {
        let p = Path::new("-");
        let (g, names) = parse_node_link(
            r#"{"nodes":[{"id":"a"},{"id":"b"},{}],"links":[{"source":0,"target":"b"},{"source":2,"target":1}]}"#,
            p,
        )
        .expect("valid");
        assert_eq!(names, vec!["a", "b", "2"]);
        assert_eq!(g.edge_count(), 2);
        assert_eq!((g.edges()[1].source, g.edges()[1].target), (2, 1));
        let (g, _) =
            parse_node_link(r#"{"nodes":[{"id":5},{"id":7}],"edges":[{"source":7,"target":5}]}"#, p).expect("ok");
        assert_eq!((g.edges()[0].source, g.edges()[0].target), (1, 0));
    }

    #[test]
    fn output_is_json_with_one_entry_per_node() {
        let out =
            run_layout_json(r#"{"nodes":[{"id":"x\"y"},{"id":"b"}],"links":[]}"#, Path::new("-"), Steps::Exactly(3), 1)
                .expect("valid")
                .positions;
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(v.as_object().map(|o| o.len()), Some(2));
        assert!(v["x\"y"][0].is_number());
        let out = run_layout_json(r#"{"nodes":[],"links":[]}"#, Path::new("-"), Steps::Exactly(3), 1).expect("valid");
        assert_eq!(out.positions.trim(), "{}");
    }
}
