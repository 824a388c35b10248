//! The crash-recovery copy: while a set has unsaved changes the window
//! writes it every few seconds to a file in the app's data folder, and at
//! the next start offers to restore it. The copy records which file the
//! changes belong to.
//!
//! The recovery file is an ordinary annotation file with one extra
//! top-level field, `"recovery": {"original": path or null, "written": time}`,
//! so it can also be opened by hand.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::AnnotationError;
use super::clock;
use super::file::read_limited;
use super::model::AnnotationSet;

/// The name of the recovery file inside the app data folder.
pub const RECOVERY_FILE_NAME: &str = "annotations-recovery.json";

/// The top-level key holding the recovery details.
const KEY: &str = "wsis-atlas-recovery";

/// A recovered set and what it belonged to.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The file the unsaved changes belong to (`None` for a set never saved).
    pub original: Option<PathBuf>,
    /// When the copy was written, RFC 3339.
    pub written: String,
    /// The recovered annotations: path = `original`, dirty (not saved there yet).
    pub set: AnnotationSet,
}

/// Where the recovery copy lives inside the app data folder.
#[must_use]
pub fn recovery_path(app_data_dir: &Path) -> PathBuf {
    app_data_dir.join(RECOVERY_FILE_NAME)
}

/// Writes the recovery copy of `set` to `recovery_file` atomically,
/// recording `original` (normally `set.path()`), creating the folder if
/// needed. The set itself is not touched (it stays dirty).
///
/// # Errors
///
/// [`AnnotationError::Write`] if the copy could not be written; an older
/// copy is then left intact.
pub fn write_recovery(
    recovery_file: &Path,
    set: &AnnotationSet,
    original: Option<&Path>,
) -> Result<(), AnnotationError> {
    let mut copy = set.clone();
    copy.extra.insert(
        KEY.into(),
        json!({
            "original": original.map(|p| p.to_string_lossy().into_owned()),
            "written": clock::now_rfc3339(),
        }),
    );
    if let Some(dir) = recovery_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| {
            AnnotationError::Write(crate::fs::WriteError::Io { path: recovery_file.to_owned(), source })
        })?;
    }
    crate::fs::write_atomic(recovery_file, copy.to_json_string().as_bytes(), true).map_err(AnnotationError::Write)
}

/// Reads the recovery copy, if there is one.
///
/// # Errors
///
/// Any load error of the copy (a damaged copy is reported, not deleted).
pub fn read_recovery(recovery_file: &Path) -> Result<Option<Recovery>, AnnotationError> {
    if !recovery_file.exists() {
        return Ok(None);
    }
    let mut set = AnnotationSet::from_json_str(&read_limited(recovery_file)?)?;
    let details = set.extra.shift_remove(KEY).unwrap_or(Value::Null);
    let original = details.get("original").and_then(Value::as_str).map(PathBuf::from);
    let written = details.get("written").and_then(Value::as_str).unwrap_or_default().to_owned();
    set.path = original.clone();
    set.dirty = true;
    Ok(Some(Recovery { original, written, set }))
}

/// Deletes the recovery copy (after a save, or when the user declines it).
/// A missing copy is not an error.
///
/// # Errors
///
/// [`AnnotationError::Read`] if the file exists but cannot be removed.
pub fn clear_recovery(recovery_file: &Path) -> Result<(), AnnotationError> {
    match std::fs::remove_file(recovery_file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(AnnotationError::Read { path: recovery_file.to_owned(), source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Annotation;

    #[test]
    fn write_read_clear() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let app_data = dir.path().join("wsis-atlas");
        let file = recovery_path(&app_data);
        assert_eq!(read_recovery(&file)?, None);

        let mut set = AnnotationSet::new();
        set.add_annotation(Annotation::new("para:wsis10:51", "unsaved thought"))?;
        let original = dir.path().join("notes.json");
        set.set_path(&original);
        write_recovery(&file, &set, set.path())?;
        assert!(set.is_dirty(), "writing a recovery copy is not a save");

        let recovered = read_recovery(&file)?.ok_or("no recovery")?;
        assert_eq!(recovered.original.as_deref(), Some(original.as_path()));
        assert!(clock::is_rfc3339(&recovered.written));
        assert_eq!(recovered.set.annotations(), set.annotations());
        assert_eq!(recovered.set.path(), Some(original.as_path()));
        assert!(recovered.set.is_dirty());
        assert!(recovered.set.extra().is_empty(), "the recovery details are not carried into the set");

        clear_recovery(&file)?;
        assert_eq!(read_recovery(&file)?, None);
        clear_recovery(&file)?;
        Ok(())
    }

    #[test]
    fn never_saved_set_recovers_without_a_path() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = recovery_path(dir.path());
        let mut set = AnnotationSet::new();
        set.add_annotation(Annotation::new("sdg:5", ""))?;
        write_recovery(&file, &set, None)?;
        let recovered = read_recovery(&file)?.ok_or("no recovery")?;
        assert_eq!(recovered.original, None);
        assert_eq!(recovered.set.path(), None);
        Ok(())
    }
}
