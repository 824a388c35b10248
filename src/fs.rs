//! Writing files without surprises: every file this program writes (exports,
//! `layout` output, annotation saves, the crash-recovery copy) goes through
//! [`write_atomic`].
//!
//! The bytes go to a fresh temporary file beside the target (created with
//! exclusive create and an unpredictable name, so nothing planted there in
//! advance is followed or truncated), are synced to disk, and the temporary
//! file then takes the target's name in one step:
//!
//! - without `replace`, with no-replace semantics (`link`/`renameat2`
//!   `RENAME_NOREPLACE`, through `tempfile`'s `persist_noclobber`): a target
//!   that exists — even one created a moment before — is a conflict,
//!   [`WriteError::Exists`], and is never touched;
//! - with `replace`, by rename over the old file, which keeps its permission
//!   bits (and, where the system allows, its owner and group).
//!
//! Only regular files are written. A directory, FIFO, device or socket at
//! the target is refused ([`WriteError::NotRegular`]), even when replacing.
//! A symbolic link at the target is followed to the file it names, and that
//! file is written (atomically, in its own folder); the link stays a link.
//! A link whose target does not exist is a conflict without `replace`
//! ([`WriteError::DanglingLink`]); with it, the file the link names is
//! created. A replaced file that had other hard links is replaced under
//! this name only: the other names keep the old contents.
//!
//! Whatever fails, the target is left as it was (old contents, or absent)
//! and the temporary file is removed.

use std::fs::{File, Metadata};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Most symbolic links followed from the target (as the system's own limit).
const MAX_LINKS: usize = 40;

/// Why a file could not be written. In every case the target is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and replacing it was not asked for.
    #[error("{0} already exists (use --force to replace it)")]
    Exists(PathBuf),
    /// The target is a symbolic link to a file that does not exist, and
    /// replacing was not asked for.
    #[error("{path} is a symbolic link to {target}, which does not exist (use --force to create it)")]
    DanglingLink {
        /// The path given.
        path: PathBuf,
        /// Where the link leads.
        target: PathBuf,
    },
    /// The target is not a regular file (nor a link to one).
    #[error("{path} is {kind}, not a regular file; only regular files are written (use standard output instead)")]
    NotRegular {
        /// The path given.
        path: PathBuf,
        /// `a directory`, `a FIFO`, `a character device`, …
        kind: &'static str,
    },
    /// The system refused (no such folder, disk full, permission, …).
    #[error("could not write {path}: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: io::Error,
    },
}

impl WriteError {
    /// Whether this is a refusal to replace something (`--force` would
    /// write it) rather than a failure.
    #[must_use]
    pub fn is_conflict(&self) -> bool {
        matches!(self, WriteError::Exists(_) | WriteError::DanglingLink { .. })
    }
}

/// Where a write to a path lands.
#[derive(Debug)]
struct Target {
    /// The file to create or replace: the path itself, or where its links lead.
    path: PathBuf,
    /// The regular file there now, if any.
    existing: Option<Metadata>,
    /// Whether `path` was reached through a symbolic link.
    via_link: bool,
}

/// What a non-regular file is, for messages.
fn kind_of(meta: &Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Follows symbolic links at `path` (not in its folders, which the system
/// follows itself) to the file a write should create or replace.
fn resolve(path: &Path) -> Result<Target, WriteError> {
    let io_err = |source| WriteError::Io { path: path.to_owned(), source };
    // What the system sees through every link (this also catches links the
    // kernel resolves itself, like /proc/self/fd/1 to a pipe).
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return Err(WriteError::NotRegular { path: path.to_owned(), kind: kind_of(&meta) });
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_err(e)),
    }
    let mut current = path.to_owned();
    for hops in 0..=MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Target { path: current, existing: None, via_link: hops > 0 });
            }
            Err(e) => return Err(io_err(e)),
        };
        if !meta.file_type().is_symlink() {
            if !meta.is_file() {
                return Err(WriteError::NotRegular { path: path.to_owned(), kind: kind_of(&meta) });
            }
            return Ok(Target { path: current, existing: Some(meta), via_link: hops > 0 });
        }
        let link = std::fs::read_link(&current).map_err(io_err)?;
        current = if link.is_absolute() { link } else { folder_of(&current).join(link) };
    }
    Err(io_err(io::Error::other("too many levels of symbolic links")))
}

/// The folder a path's file lives in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Checks, before any work is done, that a write to `path` would not be
/// refused: the answer [`write_atomic`] would give now, without writing.
/// (It is checked again at the write itself, which alone is decisive.)
///
/// # Errors
///
/// [`WriteError::Exists`], [`WriteError::DanglingLink`] (without `replace`),
/// [`WriteError::NotRegular`], or [`WriteError::Io`] when the path cannot be
/// examined or its folder does not exist.
pub fn check(path: &Path, replace: bool) -> Result<(), WriteError> {
    let target = resolve(path)?;
    admit(path, &target, replace)?;
    let folder = folder_of(&target.path);
    match std::fs::metadata(&folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(WriteError::Io { path: path.to_owned(), source: io::Error::from(io::ErrorKind::NotADirectory) }),
        Err(source) => Err(WriteError::Io { path: path.to_owned(), source }),
    }
}

/// Whether `target` (resolved from `path`) may be written.
fn admit(path: &Path, target: &Target, replace: bool) -> Result<(), WriteError> {
    if replace {
        return Ok(());
    }
    if target.existing.is_some() {
        return Err(WriteError::Exists(path.to_owned()));
    }
    if target.via_link {
        return Err(WriteError::DanglingLink { path: path.to_owned(), target: target.path.clone() });
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically; see the [module](self) for what
/// happens with existing files, links and special files.
///
/// # Errors
///
/// As [`write_atomic_with`].
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    write_atomic_with(path, replace, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the contents written by `fill` into the
/// temporary file (which is synced afterwards). If `fill` fails, nothing
/// changes and its error is reported.
///
/// # Errors
///
/// [`WriteError::Exists`] or [`WriteError::DanglingLink`] when the target
/// exists (or a link at it leads nowhere) and `replace` is false — also when
/// it appeared while the file was being written; [`WriteError::NotRegular`]
/// for a directory, FIFO, device or socket; [`WriteError::Io`] when the
/// folder is missing or not writable, the disk is full, `fill` failed, ….
pub fn write_atomic_with(
    path: &Path,
    replace: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io { path: path.to_owned(), source };
    let target = resolve(path)?;
    admit(path, &target, replace)?;
    let Some(name) = target.path.file_name() else {
        return Err(io_err(io::Error::new(io::ErrorKind::InvalidInput, "not a file name")));
    };
    let folder = folder_of(&target.path);
    // `.<name>.XXXXXX.tmp`, so a leftover (after a power cut) says what it was.
    // At most 100 bytes of the name (whole characters): with the dot, the
    // random part and `.tmp`, far within the systems' 255-byte limit, for
    // a name of 4-byte characters too.
    let name = name.to_string_lossy();
    let cut = name.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|&end| end <= 100).last().unwrap_or(0);
    let prefix = format!(".{}.", name.get(..cut).unwrap_or_default());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(10);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // As a newly created file: 0666 less the umask (tempfile's own default is 0600).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&folder).map_err(|e| io_err(without_temp_path(e)))?;
    fill(tmp.as_file_mut()).map_err(io_err)?;
    if let Some(old) = &target.existing {
        keep_owner_and_mode(tmp.as_file(), old).map_err(io_err)?;
    }
    tmp.as_file().sync_all().map_err(io_err)?;
    if replace {
        // Something else may have taken the target's place while the file
        // was written (a FIFO, a directory): still only a regular file is replaced.
        match std::fs::symlink_metadata(&target.path) {
            Ok(meta) if !meta.is_file() => {
                return Err(WriteError::NotRegular { path: path.to_owned(), kind: kind_of(&meta) });
            }
            _ => {}
        }
    }
    let persisted = if replace { tmp.persist(&target.path) } else { tmp.persist_noclobber(&target.path) };
    // On error the PersistError (and with it the temporary file) is dropped: removed.
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists && !replace {
            WriteError::Exists(path.to_owned())
        } else {
            io_err(e.error)
        }
    })?;
    // The new name is durable once its folder is synced; not every file system can.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// tempfile's error less its `at path "…/.name.XXXX.tmp"`: a file that was
/// never created means nothing to the user.
fn without_temp_path(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.split_once(" at path ") {
        Some((reason, _)) => io::Error::new(e.kind(), reason.to_owned()),
        None => e,
    }
}

/// Gives the new file the replaced file's permission bits and, where the
/// system allows it (as root, or for the group), its owner and group.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    // Best effort: a user may not give a file away, nor always keep its group.
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
    // Permission bits only: set-user-id and the like are not carried over.
    file.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o777))
}

/// Gives the new file the replaced file's read-only flag.
#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn creates_refuses_and_replaces() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        write_atomic(&path, b"old", false)?;
        assert_eq!(std::fs::read(&path)?, b"old");
        let err = write_atomic(&path, b"new", false).err().ok_or("replaced without asking")?;
        assert!(err.is_conflict());
        assert_eq!(err.to_string(), format!("{} already exists (use --force to replace it)", path.display()));
        assert_eq!(std::fs::read(&path)?, b"old");
        write_atomic(&path, b"new", true)?;
        assert_eq!(std::fs::read(&path)?, b"new");
        assert_eq!(entries(dir.path()), ["out.json"]);
        Ok(())
    }

    #[test]
    fn a_failing_fill_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        std::fs::write(&path, b"old")?;
        let result = write_atomic_with(&path, true, |f| {
            f.write_all(b"half")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        });
        let err = result.err().ok_or("a failed fill succeeded")?;
        assert!(err.to_string().starts_with(&format!("could not write {}: disk full", path.display())), "{err}");
        assert_eq!(std::fs::read(&path)?, b"old");
        assert_eq!(entries(dir.path()), ["out.json"]);
        Ok(())
    }

    #[test]
    fn a_long_name_still_gets_a_temporary_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(format!("{}.json", "n".repeat(240)));
        write_atomic(&path, b"x", false)?;
        assert_eq!(std::fs::read(&path)?, b"x");
        Ok(())
    }

    #[test]
    fn a_long_name_of_four_byte_characters_still_gets_a_temporary_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        // 62 four-byte characters and `.json`: a 253-byte name (issue 28).
        let path = dir.path().join(format!("{}.json", "𝔘".repeat(62)));
        write_atomic(&path, b"x", false)?;
        assert_eq!(std::fs::read(&path)?, b"x");
        assert_eq!(entries(dir.path()).len(), 1);
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_an_io_error_naming_the_path() {
        let path = Path::new("/nonexistent/wsis/out.json");
        let err = write_atomic(path, b"x", true).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("could not write /nonexistent/wsis/out.json: "), "{err}");
        assert!(!err.contains("at path"), "no word of a temporary file never made: {err}");
        let err = check(path, false).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("could not write /nonexistent/wsis/out.json: "), "{err}");
    }

    #[test]
    fn a_directory_is_refused_even_with_replace() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub)?;
        for replace in [false, true] {
            let err = write_atomic(&sub, b"x", replace).err().ok_or("wrote over a directory")?;
            assert!(matches!(err, WriteError::NotRegular { kind: "a directory", .. }), "{err}");
            assert!(check(&sub, replace).is_err());
        }
        assert_eq!(entries(dir.path()), ["sub"]);
        Ok(())
    }
}
