//! The pipeline from files to an analysed graph, each stage run once:
//!
//! ```text
//! files ──document::load──▶ Documents ──graph::build──▶ AtlasGraph (+ mentions) ──analysis::enrich──▶ AtlasGraph
//! ```
//!
//! [`open`] reads the files, [`build`] joins the graph stage and the
//! analysis stage. Used by the command line and the window alike; the
//! window adds a document to an open map with
//! [`AtlasGraph::add_document`] then [`analysis::enrich_added`] (work
//! proportional to that document).

use std::path::PathBuf;

use crate::analysis;
use crate::document::{self, Document, LoadError};
use crate::extract::{self, Catalogue, CatalogueError};
use crate::graph::{self, AtlasGraph, GraphError};

/// Why opening documents failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A bundled lexicon is malformed (a bug, guarded by tests).
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
}

/// The analysed graph of `documents`: [`graph::build`] then
/// [`analysis::enrich`], once each. Documents whose id repeats an earlier
/// one are skipped and reported.
#[must_use]
pub fn build(documents: Vec<Document>, catalogue: &Catalogue) -> (AtlasGraph, Vec<GraphError>) {
    let (mut graph, added, errors) = graph::build(documents, catalogue);
    analysis::enrich(&mut graph, &added);
    (graph, errors)
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
    open_reporting(paths, bundled, &|_| {})
}

/// A step of [`open_reporting`], for a progress indication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Reading file `index` (from 0) of `of`.
    Reading {
        /// Which file.
        index: usize,
        /// How many.
        of: usize,
    },
    /// Building and analysing the graph of this many paragraphs.
    Building {
        /// Paragraphs read.
        paragraphs: usize,
    },
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Reading { index, of } => write!(f, "reading file {} of {of}", index + 1),
            Step::Building { paragraphs } => write!(f, "linking {paragraphs} paragraphs"),
        }
    }
}

/// [`open_with`], telling `report` each step as it starts (the window runs
/// it off its UI thread and shows the step).
///
/// # Errors
///
/// Only [`CorpusError::Catalogue`] (a malformed bundled lexicon).
pub fn open_reporting(
    paths: &[PathBuf],
    bundled: bool,
    report: &dyn Fn(Step),
) -> Result<(AtlasGraph, Vec<LoadError>), CorpusError> {
    let catalogue = Catalogue::bundled()?;
    if paths.is_empty() && bundled {
        let (graph, _) = build(vec![document::bundled()], &catalogue);
        return Ok((graph, Vec::new()));
    }
    let mut docs = Vec::new();
    if bundled {
        docs.push(document::bundled());
    }
    let mut errors = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        report(Step::Reading { index, of: paths.len() });
        match document::load(path) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    document::load::dedup_ids(&mut docs);
    report(Step::Building { paragraphs: docs.iter().map(|d| d.paragraphs.len()).sum() });
    let (graph, _duplicates) = build(docs, &catalogue);
    Ok((graph, errors))
}

/// The pipeline's shortcuts on the graph type itself (an `impl` here, with
/// the stages it joins, so that `graph` needs nothing of `analysis`).
impl AtlasGraph {
    /// The analysed graph of the bundled WSIS+10 outcome document.
    ///
    /// # Errors
    ///
    /// Only if a bundled lexicon is malformed (a test guards against it).
    pub fn bundled() -> Result<Self, extract::CatalogueError> {
        let catalogue = Catalogue::bundled()?;
        Ok(build(vec![document::bundled()], &catalogue).0)
    }

    /// The analysed graph of several documents ([`build`]). Documents whose
    /// id repeats an earlier one are skipped and reported.
    #[must_use]
    pub fn from_documents(documents: Vec<Document>, catalogue: &Catalogue) -> (Self, Vec<GraphError>) {
        build(documents, catalogue)
    }
}
