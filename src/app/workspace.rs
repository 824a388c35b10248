//! The documents the window has open: their graph and its live layout.

use std::path::PathBuf;

use petgraph::stable_graph::NodeIndex;

use crate::analysis::{self, SimilarLinks};
use crate::corpus;
use crate::document::{self, LoadError};
use crate::extract::Catalogue;
use crate::graph::AtlasGraph;
use crate::layout::atlas::AtlasLayout;

/// Seed of every layout the window starts: the same map each time it opens.
pub const LAYOUT_SEED: u64 = 0x5715_a71a5;

/// Graph + layout of the open documents.
pub struct Workspace {
    /// The cross-reference graph.
    pub graph: AtlasGraph,
    /// Positions, moving until they settle.
    pub layout: AtlasLayout,
    /// Files open (empty: the bundled document); bundled documents opened by
    /// name are here as `bundled:wsis20`.
    pub files: Vec<PathBuf>,
    /// The open paragraphs, indexed so that an added document is compared
    /// with them without a pass over the whole map.
    similar: SimilarLinks,
}

impl Workspace {
    /// The bundled WSIS+10 outcome document.
    ///
    /// # Errors
    ///
    /// Only if a bundled lexicon is malformed (guarded by tests).
    pub fn bundled() -> anyhow::Result<Self> {
        let (workspace, _) = Self::open(&[])?;
        Ok(workspace)
    }

    /// No document at all.
    #[must_use]
    pub fn empty() -> Self {
        let graph = AtlasGraph::new();
        let layout = AtlasLayout::new(&graph, LAYOUT_SEED);
        Self::new(graph, layout, Vec::new())
    }

    /// A workspace of an analysed graph and its layout (the graph's
    /// paragraphs are indexed for documents added later).
    #[must_use]
    pub fn new(graph: AtlasGraph, layout: AtlasLayout, files: Vec<PathBuf>) -> Self {
        let similar = SimilarLinks::new(&graph);
        Workspace { graph, layout, files, similar }
    }

    /// The documents at `files` (the bundled one when empty). Files that
    /// cannot be read are returned as errors; the rest open.
    ///
    /// # Errors
    ///
    /// Only if a bundled lexicon is malformed.
    pub fn open(files: &[PathBuf]) -> anyhow::Result<(Self, Vec<LoadError>)> {
        Self::open_reporting(files, &|_| {})
    }

    /// [`Workspace::open`], telling `report` each step as it starts
    /// ([`corpus::open_reporting`]).
    ///
    /// # Errors
    ///
    /// Only if a bundled lexicon is malformed.
    pub fn open_reporting(files: &[PathBuf], report: &dyn Fn(corpus::Step)) -> anyhow::Result<(Self, Vec<LoadError>)> {
        let (graph, errors) = corpus::open_reporting(files, files.is_empty(), report)?;
        let layout = AtlasLayout::new(&graph, LAYOUT_SEED);
        let opened =
            files.iter().filter(|f| !errors.iter().any(|e| error_path(e) == Some(f.as_path()))).cloned().collect();
        Ok((Self::new(graph, layout, opened), errors))
    }

    /// Adds documents to the map, keeping every existing position (a warm
    /// start). Returns the files that could not be read.
    ///
    /// # Errors
    ///
    /// Only if a bundled lexicon is malformed.
    pub fn add(&mut self, files: &[PathBuf]) -> anyhow::Result<Vec<LoadError>> {
        let catalogue = Catalogue::bundled()?;
        let mut errors = Vec::new();
        let mut docs = Vec::new();
        for path in files {
            match document::load(path) {
                Ok(doc) => docs.push((path.clone(), doc)),
                Err(e) => errors.push(e),
            }
        }
        for (path, mut doc) in docs {
            doc.id = crate::id::unique(&doc.id, |c| self.graph.documents().iter().any(|d| d.id == c));
            if let Ok(added) = self.graph.add_document(doc, &catalogue) {
                analysis::enrich_added(&mut self.graph, &added, &mut self.similar);
                self.files.push(path);
            }
        }
        self.layout = self.layout.rebuild(&self.graph, LAYOUT_SEED);
        Ok(errors)
    }

    /// Closes one document (by id), keeping every other position. Returns
    /// whether it was open.
    pub fn close(&mut self, id: &str) -> bool {
        let Some(source) = self.graph.documents().iter().find(|d| d.id == id).map(|d| d.source.clone()) else {
            return false;
        };
        let doc_id = crate::id::document(id);
        let paragraphs: Vec<NodeIndex> = self
            .graph
            .nodes()
            .filter(|(_, n)| n.document.as_deref() == Some(doc_id.as_str()))
            .map(|(i, _)| i)
            .collect();
        self.graph.remove_document(id);
        self.similar.forget(&mut self.graph, &paragraphs);
        // A bundled document is open under its `bundled:` name.
        self.files.retain(|f| {
            f.display().to_string() != source && !document::bundled_path(f).is_some_and(|b| b.is_ok_and(|b| b.id == id))
        });
        self.layout = self.layout.rebuild(&self.graph, LAYOUT_SEED);
        true
    }

    /// A node's current position.
    #[must_use]
    pub fn position(&self, node: NodeIndex) -> Option<[f32; 2]> {
        self.layout.position(node)
    }

    /// Key under which pinned positions are remembered for this set of documents.
    #[must_use]
    pub fn pin_key(&self) -> String {
        let ids: Vec<&str> = self.graph.documents().iter().map(|d| d.id.as_str()).collect();
        ids.join("+")
    }
}

fn error_path(e: &LoadError) -> Option<&std::path::Path> {
    match e {
        LoadError::Io { path, .. }
        | LoadError::Parse { path, .. }
        | LoadError::TooLarge { path, .. }
        | LoadError::UnknownBundled { path, .. } => Some(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_added_and_closed_leaves_the_map_as_it_was() {
        let mut ws = Workspace::bundled().expect("bundled workspace");
        let (nodes, edges) = (ws.graph.node_count(), ws.graph.edge_count());
        let p51 = ws.graph.index_of("para:wsis10:51");
        let before = p51.and_then(|n| ws.position(n));
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("second.txt");
        std::fs::write(&path, "Second\n\n1. Recalling resolution 99/999 and the CSTD.\n").expect("a document written");
        let errors = ws.add(std::slice::from_ref(&path)).expect("bundled lexicons");
        assert!(errors.is_empty());
        assert_eq!(ws.graph.documents().len(), 2);
        assert!(ws.graph.index_of("res:A/RES/99/999").is_some());
        // Warm start: existing nodes keep their place.
        assert_eq!(p51.and_then(|n| ws.position(n)), before);
        assert!(ws.close("second"));
        assert_eq!((ws.graph.node_count(), ws.graph.edge_count()), (nodes, edges));
        assert!(ws.graph.index_of("res:A/RES/99/999").is_none());
        assert!(!ws.close("second"));
    }

    #[test]
    fn bundled_documents_open_and_close_by_name() {
        let paths: Vec<PathBuf> = document::BUNDLED_DOCUMENTS.iter().map(document::BundledDocument::path).collect();
        let Ok((mut ws, errors)) = Workspace::open(&paths) else { panic!("bundled workspace") };
        assert!(errors.is_empty());
        assert_eq!(ws.files, paths);
        assert_eq!(ws.pin_key(), "wsis10+wsis20");
        assert_eq!(ws.graph.node_by_id("para:wsis20:53").map(|n| n.label.as_str()), Some("WSIS+20 ¶53"));
        assert!(ws.close("wsis20"));
        assert_eq!(ws.files, [PathBuf::from("bundled:wsis10")]);
        assert_eq!(ws.graph.node_by_id("para:wsis10:53").map(|n| n.label.as_str()), Some("¶53"));
    }
}
