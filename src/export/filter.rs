//! Which nodes an export shows: a kind filter and a focus (a node and its
//! neighbourhood up to a depth), with user-facing errors that list what
//! exists — every kind, or the ids closest to a mistyped one.

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use super::ExportError;
use crate::graph::{AtlasGraph, NodeKind};

/// How many close matches an unknown id error suggests.
const SUGGESTIONS: usize = 5;

/// The part of the graph to export. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these kinds; `None`: every kind.
    pub kinds: Option<BTreeSet<NodeKind>>,
    /// Only this node and its neighbours within `depth` edges.
    pub focus: Option<NodeIndex>,
    /// Neighbourhood depth around `focus` (ignored without one).
    pub depth: usize,
}

impl Selection {
    /// The visible nodes of `graph`, in index order.
    ///
    /// # Complexity
    ///
    /// Linear in the graph (or in the focus neighbourhood's edges).
    #[must_use]
    pub fn visible(&self, graph: &AtlasGraph) -> BTreeSet<NodeIndex> {
        let kind_ok = |n: NodeIndex| {
            self.kinds.as_ref().is_none_or(|ks| graph.node(n).is_some_and(|node| ks.contains(&node.kind)))
        };
        match self.focus {
            Some(f) => graph.neighbourhood(f, self.depth).into_iter().filter(|&n| kind_ok(n)).collect(),
            None => graph.node_indices().filter(|&n| kind_ok(n)).collect(),
        }
    }
}

/// Parses kind names (`paragraph`, `resolution`, …, as in
/// [`NodeKind::as_str`]); also accepts `-` for `_` and any letter case.
///
/// # Errors
///
/// [`ExportError::UnknownKind`], naming the first unknown kind and listing all.
pub fn parse_kinds<S: AsRef<str>>(names: &[S]) -> Result<BTreeSet<NodeKind>, ExportError> {
    names
        .iter()
        .map(|name| {
            let raw = name.as_ref().trim();
            let normal = raw.to_lowercase().replace('-', "_");
            NodeKind::parse(&normal).ok_or_else(|| ExportError::UnknownKind {
                name: raw.to_owned(),
                known: NodeKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "),
            })
        })
        .collect()
}

/// The node with id `id`.
///
/// # Errors
///
/// [`ExportError::UnknownNode`] with up to five close matches (by id, by
/// label, or by edit distance).
pub fn find_node(graph: &AtlasGraph, id: &str) -> Result<NodeIndex, ExportError> {
    graph.index_of(id).ok_or_else(|| ExportError::UnknownNode { id: id.to_owned(), suggestions: suggest(graph, id) })
}

/// Ids close to `query`: exact label matches first, then ids containing it
/// (or its last `:`-part), then the nearest by edit distance.
#[must_use]
pub fn suggest(graph: &AtlasGraph, query: &str) -> Vec<String> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let tail = q.rsplit(':').next().unwrap_or(&q).to_owned();
    let limit = (q.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, usize, &str)> = graph
        .nodes()
        .filter_map(|(_, node)| {
            let id = node.id.to_lowercase();
            let score = if node.label.to_lowercase() == q {
                0
            } else if id.contains(&q) {
                1
            } else if !tail.is_empty() && id.rsplit(':').next() == Some(tail.as_str()) {
                2
            } else {
                let d = levenshtein(&q, &id, limit + 1);
                if d > limit {
                    return None;
                }
                3 + d
            };
            Some((score, node.id.len(), node.id.as_str()))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(SUGGESTIONS).map(|(_, _, id)| id.to_owned()).collect()
}

/// Edit distance between `a` and `b`, giving up (returning `cap`) once every
/// path exceeds `cap`.
fn levenshtein(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) >= cap {
        return cap;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min >= cap {
            return cap;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, Node};

    fn chain() -> AtlasGraph {
        let mut g = AtlasGraph::new();
        let a = g.add_node(Node::new("para:t:1", NodeKind::Paragraph, "¶1"));
        let b = g.add_node(Node::new("para:t:2", NodeKind::Paragraph, "¶2"));
        let c = g.add_node(Node::new("res:A/RES/68/302", NodeKind::Resolution, "68/302"));
        let d = g.add_node(Node::new("sdg:5", NodeKind::Sdg, "SDG 5"));
        g.add_edge(a, b, EdgeKind::Follows, Vec::new());
        g.add_edge(b, c, EdgeKind::Cites, Vec::new());
        g.add_edge(c, d, EdgeKind::Cites, Vec::new());
        g
    }

    #[test]
    fn focus_depth_and_kinds_narrow_the_selection() {
        let g = chain();
        let all = Selection::default().visible(&g);
        assert_eq!(all.len(), 4);
        let b = g.index_of("para:t:2");
        let one = Selection { focus: b, depth: 1, kinds: None }.visible(&g);
        let ids: Vec<_> = one.iter().filter_map(|&n| g.node(n)).map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["para:t:1", "para:t:2", "res:A/RES/68/302"]);
        let paras = Selection { focus: b, depth: 2, kinds: Some(parse_kinds(&["Paragraph"]).expect("known kind")) };
        assert_eq!(paras.visible(&g).len(), 2);
    }

    #[test]
    fn unknown_kind_lists_every_kind() {
        let err = parse_kinds(&["paragraph", "resolutoin"]).expect_err("must fail").to_string();
        assert!(err.contains("resolutoin") && err.contains("action_line") && err.contains("sdg"), "{err}");
        assert!(parse_kinds(&["action-line"]).is_ok_and(|k| k.contains(&NodeKind::ActionLine)));
    }

    #[test]
    fn unknown_id_suggests_close_matches() {
        let g = chain();
        let err = find_node(&g, "para:t:3").expect_err("must fail");
        let ExportError::UnknownNode { suggestions, .. } = &err else { panic!("{err}") };
        assert!(suggestions.contains(&"para:t:1".to_owned()), "{suggestions:?}");
        assert_eq!(suggest(&g, "SDG 5"), ["sdg:5"]);
        assert_eq!(suggest(&g, "68/302").first().map(String::as_str), Some("res:A/RES/68/302"));
        assert!(suggest(&g, "zzzzzzzzzzzzzzzz").is_empty());
        assert!(find_node(&g, "sdg:5").is_ok());
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("kitten", "sitting", 10), 3);
        assert_eq!(levenshtein("abc", "abc", 10), 0);
        assert_eq!(levenshtein("abc", "xyzxyzxyz", 3), 3);
    }
}
