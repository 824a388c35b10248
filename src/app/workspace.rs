//! The documents the window has open: their graph and its live layout.

use std::path::PathBuf;

use petgraph::stable_graph::NodeIndex;

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
    /// Files open (empty: the bundled document).
    pub files: Vec<PathBuf>,
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

    /// The documents at `files` (the bundled one when empty). Files that
    /// cannot be read are returned as errors; the rest open.
    ///
    /// # Errors
    ///
    /// Only if a bundled lexicon is malformed.
    pub fn open(files: &[PathBuf]) -> anyhow::Result<(Self, Vec<LoadError>)> {
        let (graph, errors) = corpus::open(files)?;
        let layout = AtlasLayout::new(&graph, LAYOUT_SEED);
        let opened =
            files.iter().filter(|f| !errors.iter().any(|e| error_path(e) == Some(f.as_path()))).cloned().collect();
        Ok((Workspace { graph, layout, files: opened }, errors))
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
        let taken: Vec<String> = self.graph.documents().iter().map(|d| d.id.clone()).collect();
        for (path, mut doc) in docs {
            let base = doc.id.clone();
            let mut n = 2;
            while taken.contains(&doc.id) || self.graph.documents().iter().any(|d| d.id == doc.id) {
                doc.id = format!("{base}-{n}");
                n += 1;
            }
            if self.graph.add_document(doc, &catalogue).is_ok() {
                self.files.push(path);
            }
        }
        self.layout = self.layout.rebuild(&self.graph, LAYOUT_SEED);
        Ok(errors)
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
        LoadError::Io { path, .. } | LoadError::Parse { path, .. } | LoadError::TooLarge { path, .. } => Some(path),
    }
}
