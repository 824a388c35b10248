//! Why an annotation file could not be opened, saved or edited.

use std::path::PathBuf;

use super::Problem;
use crate::fs::WriteError;

/// A hard error: the file (or the edit) is refused and nothing already open
/// changes. Each variant names the annotation or link it is about, and JSON
/// errors name their line and column.
///
/// Problems that do not stop a file from opening (a target not in the loaded
/// graph, a quote no longer in its paragraph) are [`Problem`]s
/// in a [`Report`](super::Report) instead.
#[derive(Debug, thiserror::Error)]
pub enum AnnotationError {
    /// Reading the file failed.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES).
    #[error("{path} is {size} bytes; annotation files over {limit} bytes (64 MiB) are refused")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Not JSON at all.
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// An object has the same key twice (JSON parsers disagree on which
    /// one counts, so neither is guessed).
    #[error("duplicate key {key} at line {line}, column {column} (each key may appear once in an object)")]
    DuplicateKey {
        /// The key, quoted.
        key: String,
        /// 1-based line (of the second occurrence).
        line: usize,
        /// 1-based column (just after the key).
        column: usize,
    },
    /// JSON, but not a WSIS Atlas annotation file.
    #[error("not a WSIS Atlas annotation file: \"format\" is {found}, expected \"{expected}\"", expected = super::FORMAT)]
    WrongFormat {
        /// What the file has there (`missing`, or the JSON value).
        found: String,
    },
    /// A version this build does not know because it is newer.
    #[error(
        "this annotation file was made by a newer WSIS Atlas (format version {found}; this version reads up to {supported}); update WSIS Atlas to open it",
        supported = super::VERSION
    )]
    NewerVersion {
        /// The file's version.
        found: u64,
    },
    /// A version field that is not a positive whole number.
    #[error("invalid \"version\": {found} (expected a whole number such as 1)")]
    BadVersion {
        /// What the file has there.
        found: String,
    },
    /// A field has the wrong type, or a required field is missing.
    #[error("{item}: {message}")]
    Shape {
        /// `annotation #3 (a-…)`, `link #1`, or `the file`.
        item: String,
        /// What is wrong.
        message: String,
    },
    /// Two annotations or links share an id.
    #[error("duplicate id \"{id}\": used by {first} and {second}")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The first item using it.
        first: String,
        /// The second.
        second: String,
    },
    /// A required text field is empty.
    #[error("{item}: \"{field}\" must not be empty")]
    Empty {
        /// Which annotation or link.
        item: String,
        /// Which field.
        field: &'static str,
    },
    /// A colour that is not `#rrggbb`.
    #[error("{item}: colour \"{value}\" is not of the form #rrggbb")]
    BadColour {
        /// Which annotation.
        item: String,
        /// The value found.
        value: String,
    },
    /// An extra field (kept from another tool or version) has the name of
    /// a native one: the file would hold that key twice.
    #[error("{item}: an extra field is named \"{key}\", like a WSIS Atlas field")]
    ReservedKey {
        /// Which annotation or link.
        item: String,
        /// The key.
        key: String,
    },
    /// A save was stopped because the text about to be written would not
    /// load again; the file on disk is unchanged.
    #[error("not saved: the file would not open again ({0}); the file on disk is unchanged")]
    WouldNotLoad(Box<AnnotationError>),
    /// A time that is not RFC 3339.
    #[error("{item}: \"{field}\" time \"{value}\" is not RFC 3339 (like 2015-12-16T10:00:00Z)")]
    BadTime {
        /// Which annotation or link.
        item: String,
        /// `created` or `modified`.
        field: &'static str,
        /// The value found.
        value: String,
    },
    /// Something the loaded graph does not back up (a target not in the
    /// graph, a quote no longer in its paragraph), refused by a strict
    /// check; loading keeps such annotations and reports the [`Problem`].
    #[error(transparent)]
    Unbacked(#[from] Problem),
    /// An edit names an annotation or link that is not in the set.
    #[error("no annotation or link with id \"{0}\"")]
    NotFound(String),
    /// An edit tried to change an id.
    #[error("annotation or link ids cannot be changed (\"{old}\" → \"{new}\")")]
    IdChanged {
        /// The id before.
        old: String,
        /// The id the edit gave.
        new: String,
    },
    /// Save was asked of a set that has never had a file.
    #[error("these annotations have no file yet: choose where to save them")]
    NoPath,
    /// Writing failed; the file on disk is unchanged.
    #[error("could not save annotations: {0}")]
    Write(#[source] WriteError),
    /// A Hypothesis export that cannot be imported.
    #[error("Hypothesis import, {item}: {message}")]
    Hypothesis {
        /// `annotation #2 (Zx9Ab)` or `the document`.
        item: String,
        /// What is wrong.
        message: String,
    },
    /// A W3C Web Annotation document that cannot be imported.
    #[error("W3C import, {item}: {message}")]
    W3c {
        /// `item #2 (http://…)` or `the document`.
        item: String,
        /// What is wrong.
        message: String,
    },
}

impl AnnotationError {
    /// A syntax error from serde_json, with its line and column.
    pub(crate) fn from_json(error: &serde_json::Error) -> Self {
        // serde_json's Display appends " at line L column C"; keep only the description.
        let full = error.to_string();
        let message = match full.rfind(" at line ") {
            Some(cut) => full.get(..cut).unwrap_or(&full).to_owned(),
            None => full,
        };
        if let Some(key) = message.strip_prefix(super::file::DUPLICATE_KEY) {
            return AnnotationError::DuplicateKey { key: key.to_owned(), line: error.line(), column: error.column() };
        }
        AnnotationError::Syntax { line: error.line(), column: error.column(), message }
    }
}
