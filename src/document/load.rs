//! Reading documents from disk: a path → [`Document`], with errors that name
//! the file. A `.pdf` (or any file starting `%PDF-`) is read through its text
//! layer ([`pdf`]); anything else as UTF-8 text. Both then go
//! through the same parser.

use std::path::{Path, PathBuf};

use super::pdf;
use super::{Document, ParseError, parse, parse_bytes};

/// Largest document file accepted (a UN outcome document is well under 1 MiB).
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a document file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not text this program can read (not UTF-8, or a PDF
    /// without a readable text layer: [`ParseError::Pdf`]).
    #[error("cannot read {path}: {source}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong with its bytes.
        #[source]
        source: ParseError,
    },
    /// A `bundled:` path names no bundled document.
    #[error("there is no bundled document `{name}`; the bundled documents are {known}", known = bundled_names())]
    UnknownBundled {
        /// The path as given (`bundled:wsis30`).
        path: PathBuf,
        /// The name after `bundled:`.
        name: String,
    },
    /// The file is larger than [`MAX_DOCUMENT_BYTES`] (or a device, pipe or
    /// FIFO that gave more than that).
    #[error("{path} is {}: documents over {max} bytes (64 MiB) are refused", describe_size(*.size), max = MAX_DOCUMENT_BYTES)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, or `MAX_DOCUMENT_BYTES + 1` when it is not a file with
        /// a size (a device, FIFO or pipe) and gave more than the limit.
        size: u64,
    },
}

/// `1234 bytes`, or `larger` when only the first limit + 1 bytes were read.
fn describe_size(size: u64) -> String {
    if size == MAX_DOCUMENT_BYTES + 1 { "larger".to_owned() } else { format!("{size} bytes") }
}

/// Why [`read_bounded`] stopped.
#[derive(Debug)]
pub enum Bounded {
    /// The system refused.
    Io(std::io::Error),
    /// More than the limit: the reported size, or limit + 1 when the source
    /// reports none (a device, FIFO, pipe) or grew while being read.
    TooLarge(u64),
}

/// Reads all of `path`, refusing more than `limit` bytes whatever it is: a
/// file whose reported size is over the limit is refused before reading,
/// and any source (`/dev/zero`, a FIFO, a pipe from process substitution)
/// is read through `take(limit + 1)`, so never more than that is held.
///
/// # Errors
///
/// [`Bounded::Io`] when it cannot be opened or read, [`Bounded::TooLarge`]
/// past the limit.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Bounded> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(Bounded::Io)?;
    let size = file.metadata().map_err(Bounded::Io)?.len();
    if size > limit {
        return Err(Bounded::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(Bounded::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Bounded::TooLarge(if size > limit { size } else { limit.saturating_add(1) }));
    }
    Ok(bytes)
}

/// Reads and parses a text or PDF document. Its id is made from the file name
/// (`A-RES-70-125.txt` → `a-res-70-125`). A path `bundled:wsis10` or
/// `bundled:wsis20` names a bundled document instead
/// ([`BUNDLED_DOCUMENTS`](super::BUNDLED_DOCUMENTS)), read by the same reader,
/// with its own id (`wsis20`).
///
/// # Errors
///
/// [`LoadError`] naming the path when the file is missing, unreadable, too
/// large, not UTF-8, or a PDF without a readable text layer;
/// [`LoadError::UnknownBundled`] (listing the names) for an unknown
/// `bundled:` name.
pub fn load(path: &Path) -> Result<Document, LoadError> {
    match super::bundled_path(path) {
        Some(Ok(bundled)) => return Ok(bundled.document()),
        Some(Err(name)) => return Err(LoadError::UnknownBundled { path: path.to_owned(), name }),
        None => {}
    }
    let bytes = read_bounded(path, MAX_DOCUMENT_BYTES).map_err(|e| match e {
        Bounded::Io(source) => LoadError::Io { path: path.to_owned(), source },
        Bounded::TooLarge(size) => LoadError::TooLarge { path: path.to_owned(), size },
    })?;
    let id = id_from_path(path);
    let is_pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) || bytes.starts_with(b"%PDF-");
    if is_pdf {
        let text =
            pdf::text(&bytes).map_err(|e| LoadError::Parse { path: path.to_owned(), source: ParseError::Pdf(e) })?;
        return Ok(parse(&id, &path.display().to_string(), &text));
    }
    parse_bytes(&id, &path.display().to_string(), &bytes)
        .map_err(|source| LoadError::Parse { path: path.to_owned(), source })
}

/// The names `bundled:` accepts, for messages: `bundled:wsis10, bundled:wsis20`.
fn bundled_names() -> String {
    let names: Vec<String> =
        super::BUNDLED_DOCUMENTS.iter().map(|b| format!("{}{}", super::BUNDLED_PREFIX, b.id)).collect();
    names.join(", ")
}

/// A node-id-safe document id from a file name: lower-case letters, digits
/// and `-`; never empty.
#[must_use]
pub fn id_from_path(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() { "doc".to_owned() } else { id }
}

/// Makes every id in `docs` unique by suffixing `-2`, `-3`… to repeats, in order.
pub fn dedup_ids(docs: &mut [Document]) {
    let mut seen = std::collections::HashSet::new();
    for doc in docs {
        doc.id = crate::id::unique(&doc.id, |c| seen.contains(c));
        seen.insert(doc.id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_file_names() {
        assert_eq!(id_from_path(Path::new("/x/A-RES-70-125.txt")), "a-res-70-125");
        assert_eq!(id_from_path(Path::new("WSIS+20 outcome.txt")), "wsis-20-outcome");
        assert_eq!(id_from_path(Path::new("...")), "doc");
        assert_eq!(id_from_path(Path::new("üé.txt")), "doc");
    }

    #[test]
    fn bundled_paths_open_the_bundled_documents() {
        let Ok(ten) = load(Path::new("bundled:wsis10")) else { panic!("bundled:wsis10") };
        assert_eq!(ten, crate::document::bundled());
        let Ok(twenty) = load(Path::new("bundled:wsis20")) else { panic!("bundled:wsis20") };
        assert_eq!((twenty.id.as_str(), twenty.symbol.as_deref()), ("wsis20", Some("A/RES/80/173")));
        assert_eq!(crate::document::short_name(&twenty), "WSIS+20");
        let err = load(Path::new("bundled:wsis30")).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("`wsis30`") && err.contains("bundled:wsis10, bundled:wsis20"), "{err}");
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = load(Path::new("/no/such/file.txt")).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("/no/such/file.txt"), "{err}");
    }
}
