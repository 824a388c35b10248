//! Which documents are open: the bundled one, or files named by the user,
//! turned into one graph. Used by the command line and the window alike.

use std::path::PathBuf;

use crate::document::{self, LoadError};
use crate::extract::{Catalogue, CatalogueError};
use crate::graph::AtlasGraph;

/// Why opening documents failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A bundled lexicon is malformed (a bug, guarded by tests).
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
}

/// The graph of `paths`, or of the bundled document when `paths` is empty.
/// A file that cannot be read is reported in the second value and the rest
/// are still opened.
///
/// # Errors
///
/// Only [`CorpusError::Catalogue`] (a malformed bundled lexicon).
pub fn open(paths: &[PathBuf]) -> Result<(AtlasGraph, Vec<LoadError>), CorpusError> {
    open_with(paths, paths.is_empty())
}

/// The graph of the bundled document (when `bundled`) and `paths`, in that
/// order; files that cannot be read are reported as in [`open`].
///
/// # Errors
///
/// Only [`CorpusError::Catalogue`] (a malformed bundled lexicon).
pub fn open_with(paths: &[PathBuf], bundled: bool) -> Result<(AtlasGraph, Vec<LoadError>), CorpusError> {
    let catalogue = Catalogue::bundled()?;
    if paths.is_empty() && bundled {
        let (graph, _) = AtlasGraph::from_documents(vec![document::bundled()], &catalogue);
        return Ok((graph, Vec::new()));
    }
    let mut docs = Vec::new();
    if bundled {
        docs.push(document::bundled());
    }
    let mut errors = Vec::new();
    for path in paths {
        match document::load(path) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    document::load::dedup_ids(&mut docs);
    let (graph, _duplicates) = AtlasGraph::from_documents(docs, &catalogue);
    Ok((graph, errors))
}
