//! What annotations add to a picture of the graph: a badge on each
//! annotated node (in the note's colour) and the links the user drew. The
//! window and the exports draw the same overlay.

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;

use super::AnnotationSet;
use crate::graph::AtlasGraph;
use crate::scene::UserLink;
use crate::style::Rgba;

/// Badge colour of a note that has no colour of its own.
pub const DEFAULT_BADGE: Rgba = Rgba::hex(0xff6f00);

/// Badges and user links of a set, resolved against a graph (targets not in
/// the graph are left out here; they stay in the set).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    /// Badge colour per annotated node: the first note's colour that has one.
    pub badges: HashMap<NodeIndex, Rgba>,
    /// User links whose two ends are in the graph, with their labels.
    pub links: Vec<UserLink>,
}

impl Overlay {
    /// The overlay of `set` on `graph`.
    #[must_use]
    pub fn new(set: &AnnotationSet, graph: &AtlasGraph) -> Self {
        let mut badges: HashMap<NodeIndex, Rgba> = HashMap::new();
        for a in set.annotations() {
            let Some(n) = graph.index_of(&a.target) else { continue };
            let colour = a.colour.as_deref().and_then(Rgba::parse_hex);
            match (badges.get(&n), colour) {
                (None, c) => {
                    badges.insert(n, c.unwrap_or(DEFAULT_BADGE));
                }
                (Some(&DEFAULT_BADGE), Some(c)) => {
                    badges.insert(n, c);
                }
                _ => {}
            }
        }
        let links = set
            .links()
            .iter()
            .filter_map(|l| {
                Some(UserLink { from: graph.index_of(&l.from)?, to: graph.index_of(&l.to)?, label: l.label.clone() })
            })
            .collect();
        Overlay { badges, links }
    }

    /// The badge of a node, if annotated.
    #[must_use]
    pub fn badge(&self, node: NodeIndex) -> Option<Rgba> {
        self.badges.get(&node).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_badges_its_targets_and_keeps_its_link() {
        let Ok(graph) = AtlasGraph::bundled() else { panic!("bundled graph") };
        let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");
        let Ok(set) = AnnotationSet::load(std::path::Path::new(example)) else { panic!("example loads") };
        let overlay = Overlay::new(&set, &graph);
        let p51 = graph.index_of("para:wsis10:51");
        assert_eq!(p51.and_then(|n| overlay.badge(n)), Rgba::parse_hex("#d62728"));
        let p48 = graph.index_of("para:wsis10:48");
        assert_eq!(p48.and_then(|n| overlay.badge(n)), Some(DEFAULT_BADGE));
        assert_eq!(overlay.links.len(), set.links().len());
    }
}
