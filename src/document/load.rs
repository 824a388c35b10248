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
    /// The file is larger than [`MAX_DOCUMENT_BYTES`].
    #[error("{path} is {size} bytes; documents over {max} bytes are refused", max = MAX_DOCUMENT_BYTES)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
}

/// Reads and parses a text or PDF document. Its id is made from the file name
/// (`A-RES-70-125.txt` → `a-res-70-125`).
///
/// # Errors
///
/// [`LoadError`] naming the path when the file is missing, unreadable, too
/// large, not UTF-8, or a PDF without a readable text layer.
pub fn load(path: &Path) -> Result<Document, LoadError> {
    let io = |source| LoadError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size });
    }
    let bytes = std::fs::read(path).map_err(io)?;
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
    fn missing_file_names_the_path() {
        let err = load(Path::new("/no/such/file.txt")).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("/no/such/file.txt"), "{err}");
    }
}
