//! Writing the graph out: data formats (JSON, GraphML, DOT) and pictures
//! (SVG, PNG) of a [`Scene`](crate::scene::Scene).

pub mod json;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output file exists and overwriting was not allowed.
    #[error("{0} already exists (use --force to replace it)")]
    Exists(PathBuf),
    /// Writing failed; the target, if it existed, is unchanged.
    #[error("could not write {path}: {source}")]
    Io {
        /// The target file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// Serialisation failed.
    #[error("could not encode {what}: {message}")]
    Encode {
        /// Which format.
        what: &'static str,
        /// The encoder's message.
        message: String,
    },
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed and synced, then renamed over the target. On any failure the
/// temporary file is removed and an existing target is untouched.
///
/// # Errors
///
/// [`ExportError::Exists`] when `path` exists and `overwrite` is false;
/// [`ExportError::Io`] when the folder is not writable, the disk is full, …
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    if !overwrite && path.exists() {
        return Err(ExportError::Exists(path.to_owned()));
    }
    let io = |source| ExportError::Io { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}
