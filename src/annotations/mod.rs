//! A user's annotations: notes on nodes of the graph (optionally on a quoted
//! span of a paragraph) and links drawn between nodes, kept in their own
//! local JSON file, never inside a document.
//!
//! - [`model`]: [`Annotation`], [`TextQuote`], [`Link`] and the
//!   [`AnnotationSet`] the window edits;
//! - `file`: load (size limit, JSON line and column, format, version,
//!   per-item rules) and atomic save, checked by loading the text back,
//!   under an advisory lock ([`lock_file`]), merging what another writer
//!   changed meanwhile ([`AnnotationSet::merge_changes`]);
//! - [`validate`]: the rules, and the [`Report`] of a set checked against a
//!   graph (orphans and lost quotes are reported, never dropped);
//! - [`w3c`]: W3C Web Annotation (JSON-LD) import and export;
//! - [`hypothesis`]: import of Hypothesis exports;
//! - [`import`]: reading any of these formats, and attaching imported notes
//!   to paragraphs by their quote;
//! - [`recovery`]: the crash-recovery copy the window writes while dirty;
//! - [`clock`]: ids and RFC 3339 times without a dependency.
//!
//! The file format is described in `FORMAT.md` beside this file (and the
//! README); `assets/examples/annotations.json` is a complete example.

pub mod clock;
mod error;
mod file;
pub mod hypothesis;
pub mod import;
pub mod model;
pub mod overlay;
pub mod recovery;
pub mod validate;
pub mod w3c;

pub use error::AnnotationError;
pub use file::{Merged, lock_file};
pub use import::{Imported, Origin, file_origin};
pub use model::{
    ANNOTATION_FIELDS, Annotation, AnnotationSet, LINK_FIELDS, Link, MergeOutcome, QUOTE_CONTEXT_CHARS, QUOTE_FIELDS,
    TextQuote, keep_foreign,
};
pub use overlay::Overlay;
pub use recovery::{Recovery, clear_recovery, read_recovery, recovery_path, write_recovery};
pub use validate::{Problem, Report, check};
pub use w3c::{W3cImport, from_w3c_str, to_w3c_string};

/// The `format` field of every annotation file.
pub const FORMAT: &str = "wsis-atlas-annotations";

/// The newest format version this build reads and the one it writes.
pub const VERSION: u32 = 1;

/// Files larger than this (64 MiB) are refused before being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
