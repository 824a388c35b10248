//! Questions the window and the command line ask of the graph: neighbours,
//! k-hop neighbourhoods, degree, who cites an entity, full-text search.

use std::collections::{BTreeSet, VecDeque};

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::{AtlasGraph, Edge, EdgeKind, NodeKind};
use crate::analysis::roles::Role;

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The node found.
    pub index: NodeIndex,
    /// Higher is better: label matches beat name matches beat text matches.
    pub score: u32,
    /// Byte range of the first match in the paragraph text, for text matches.
    pub text_match: Option<std::ops::Range<usize>>,
}

/// One edge seen from one of its ends.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    /// The edge.
    pub edge: EdgeIndex,
    /// The node at the other end.
    pub other: NodeIndex,
    /// `Outgoing` if the edge starts at the node asked about.
    pub direction: Direction,
    /// Kind and evidence.
    pub weight: &'a Edge,
}

/// How many nodes of each kind there are, and paragraphs of each clause
/// role: what filters and legends list, counted in one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Census {
    /// Nodes per kind, indexed by [`NodeKind::index`].
    pub kinds: [usize; NodeKind::ALL.len()],
    /// Paragraphs per clause role (a paragraph counts once for each of its
    /// roles), indexed by [`Role::index`].
    pub roles: [usize; Role::ALL.len()],
}

impl Census {
    /// Nodes of `kind`.
    #[must_use]
    pub fn kind(&self, kind: NodeKind) -> usize {
        self.kinds.get(kind.index()).copied().unwrap_or(0)
    }

    /// Paragraphs with `role` among their roles.
    #[must_use]
    pub fn role(&self, role: Role) -> usize {
        self.roles.get(role.index()).copied().unwrap_or(0)
    }
}

impl AtlasGraph {
    /// Counts nodes by kind and paragraphs by role, in one pass.
    #[must_use]
    pub fn census(&self) -> Census {
        let mut census = Census::default();
        for (_, node) in self.nodes() {
            if let Some(count) = census.kinds.get_mut(node.kind.index()) {
                *count += 1;
            }
            for role in &node.roles {
                if let Some(count) = census.roles.get_mut(role.index()) {
                    *count += 1;
                }
            }
        }
        census
    }

    /// Every edge touching `index`, outgoing first, each in insertion order.
    #[must_use]
    pub fn links(&self, index: NodeIndex) -> Vec<Link<'_>> {
        let mut out = Vec::new();
        for direction in [Direction::Outgoing, Direction::Incoming] {
            let mut edges: Vec<_> = self
                .graph
                .edges_directed(index, direction)
                .map(|e| Link {
                    edge: e.id(),
                    other: if direction == Direction::Outgoing { e.target() } else { e.source() },
                    direction,
                    weight: e.weight(),
                })
                .collect();
            edges.sort_by_key(|l| l.edge.index());
            out.extend(edges);
        }
        out
    }

    /// Neighbours in either direction, optionally only along edges of one kind.
    #[must_use]
    pub fn neighbors(&self, index: NodeIndex, kind: Option<EdgeKind>) -> BTreeSet<NodeIndex> {
        self.links(index).into_iter().filter(|l| kind.is_none_or(|k| l.weight.kind == k)).map(|l| l.other).collect()
    }

    /// Number of edges touching a node, in either direction.
    #[must_use]
    pub fn degree(&self, index: NodeIndex) -> usize {
        self.graph.edges_directed(index, Direction::Outgoing).count()
            + self.graph.edges_directed(index, Direction::Incoming).count()
    }

    /// Every node within `hops` edges of `index` (ignoring direction),
    /// including `index` itself.
    ///
    /// # Complexity
    ///
    /// Linear in the size of the neighbourhood's edges.
    #[must_use]
    pub fn neighbourhood(&self, index: NodeIndex, hops: usize) -> BTreeSet<NodeIndex> {
        let mut seen = BTreeSet::new();
        if self.node(index).is_none() {
            return seen;
        }
        seen.insert(index);
        let mut queue = VecDeque::from([(index, 0usize)]);
        while let Some((at, depth)) = queue.pop_front() {
            if depth == hops {
                continue;
            }
            for next in self.graph.neighbors_undirected(at) {
                if seen.insert(next) {
                    queue.push_back((next, depth + 1));
                }
            }
        }
        seen
    }

    /// The paragraphs that refer to an entity (`cites`, `mentions`,
    /// `thematic`), with the edge that says so, in reading order. The target
    /// may also be an open document or one of its paragraphs, cited by
    /// another open document (`doc:wsis10` by WSIS+20's "resolution 70/125").
    #[must_use]
    pub fn citing_paragraphs(&self, entity: NodeIndex) -> Vec<(NodeIndex, &Edge)> {
        let mut out: Vec<(NodeIndex, &Edge)> = self
            .graph
            .edges_directed(entity, Direction::Incoming)
            .filter(|e| matches!(e.weight().kind, EdgeKind::Cites | EdgeKind::Mentions | EdgeKind::Thematic))
            .filter(|e| self.node(e.source()).is_some_and(|n| n.kind == NodeKind::Paragraph))
            .map(|e| (e.source(), e.weight()))
            .collect();
        out.sort_by_key(|(i, e)| (i.index(), e.kind));
        out
    }

    /// Case-insensitive search over labels, names, titles, acronyms, symbols,
    /// ids and paragraph text. Best first; ties in graph order.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (index, node) in self.nodes() {
            let label = node.label.to_lowercase();
            let mut score = 0;
            if label == needle {
                score = 100;
            } else if label.starts_with(&needle) {
                score = 80;
            } else if label.contains(&needle) {
                score = 60;
            }
            for field in [&node.name, &node.title, &node.acronym, &node.symbol].into_iter().flatten() {
                if field.to_lowercase().contains(&needle) {
                    score = score.max(50);
                }
            }
            if node.id.to_lowercase().contains(&needle) {
                score = score.max(40);
            }
            let mut text_match = None;
            if let Some(text) = &node.text
                && let Some(range) = find_case_insensitive(text, &needle)
            {
                score = score.max(20);
                text_match = Some(range);
            }
            if score > 0 {
                hits.push(SearchHit { index, score, text_match });
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.index().cmp(&b.index.index())));
        hits
    }
}

/// Byte range of the first case-insensitive occurrence of `needle` (already
/// lower-case) in `haystack`, on character boundaries.
pub(crate) fn find_case_insensitive(haystack: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    // Lower-casing can change byte lengths, so compare char by char from each start.
    let needle: Vec<char> = needle.chars().collect();
    let first = *needle.first()?;
    for (start, c) in haystack.char_indices() {
        if !c.to_lowercase().eq(std::iter::once(first)) && c.to_lowercase().next() != Some(first) {
            continue;
        }
        let mut chars = haystack[start..].char_indices();
        let mut end = start;
        let mut matched = true;
        for &n in &needle {
            match chars.next() {
                Some((offset, h)) if h.to_lowercase().next() == Some(n) => end = start + offset + h.len_utf8(),
                _ => {
                    matched = false;
                    break;
                }
            }
        }
        if matched {
            return Some(start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_roles_index_their_all_lists() {
        for (i, kind) in NodeKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i, "{kind:?}");
        }
        for (i, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role.index(), i, "{role:?}");
        }
    }

    #[test]
    fn the_census_of_the_bundled_document() {
        let Ok(graph) = AtlasGraph::bundled() else { panic!("bundled document") };
        let census = graph.census();
        assert_eq!(census.kind(NodeKind::Paragraph), 77);
        assert_eq!(census.kind(NodeKind::Section), 10);
        assert_eq!(census.kinds.iter().sum::<usize>(), graph.node_count());
        for role in Role::ALL {
            let slow = graph.nodes().filter(|(_, n)| n.roles.contains(&role)).count();
            assert_eq!(census.role(role), slow, "{role:?}");
        }
        assert!(census.role(Role::Recalls) >= 1 && census.role(Role::Calls) >= 1);
    }

    #[test]
    fn finds_case_insensitively_on_char_boundaries() {
        assert_eq!(find_case_insensitive("We recall PRIVACY", "privacy"), Some(10..17));
        assert_eq!(find_case_insensitive("“Privacy” now", "privacy"), Some(3..10));
        assert_eq!(find_case_insensitive("nothing", "privacy"), None);
    }
}
