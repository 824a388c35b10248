//! Integration tests: `wsis_atlas::fs`, the one way files are written —
//! races, planted temporary files and links, special files, permissions,
//! and a property test that a write leaves old-or-new and nothing else.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use wsis_atlas::fs::{WriteError, check, write_atomic, write_atomic_with};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_file_created_while_writing_is_not_replaced_without_force() -> TestResult {
    // The old check came before the write: a file appearing during a slow
    // write (a delayed fsync) was replaced. Now the final step refuses.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("graph.json");
    let result = write_atomic_with(&path, false, |file| {
        std::fs::write(&path, b"theirs")?;
        file.write_all(b"ours")
    });
    assert!(matches!(result, Err(WriteError::Exists(ref p)) if p == &path), "{result:?}");
    assert_eq!(std::fs::read(&path)?, b"theirs");
    assert_eq!(names(dir.path()), ["graph.json"], "no temporary file left");
    Ok(())
}

#[test]
fn two_writers_to_one_path_never_both_win() -> TestResult {
    let dir = tempfile::tempdir()?;
    for round in 0..100 {
        let path = dir.path().join(format!("out-{round}.json"));
        let results: Vec<(Vec<u8>, Result<(), WriteError>)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2u8)
                .map(|t| {
                    let path = &path;
                    s.spawn(move || {
                        let bytes = vec![b'a' + t; 4096];
                        let r = write_atomic(path, &bytes, false);
                        (bytes, r)
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        assert_eq!(results.len(), 2);
        let winners: Vec<&Vec<u8>> = results.iter().filter(|(_, r)| r.is_ok()).map(|(b, _)| b).collect();
        assert_eq!(winners.len(), 1, "round {round}: {:?}", results.iter().map(|(_, r)| r).collect::<Vec<_>>());
        assert!(results.iter().any(|(_, r)| matches!(r, Err(WriteError::Exists(_)))));
        assert_eq!(&std::fs::read(&path)?, winners[0], "round {round}: the file is the winner's, whole");
    }
    assert_eq!(names(dir.path()).len(), 100, "no temporary files left");
    Ok(())
}

#[cfg(unix)]
#[test]
fn planted_links_at_the_old_temporary_name_are_not_followed() -> TestResult {
    // The temporary name used to be `.<name>.<pid>.tmp`, opened with
    // create-and-truncate: a symlink or hard link planted there had its
    // victim overwritten.
    let dir = tempfile::tempdir()?;
    let victims = tempfile::tempdir()?;
    let path = dir.path().join("graph.json");
    let planted = dir.path().join(format!(".graph.json.{}.tmp", std::process::id()));
    let victim = victims.path().join("victim");
    std::fs::write(&victim, b"precious")?;
    std::os::unix::fs::symlink(&victim, &planted)?;
    write_atomic(&path, b"export", false)?;
    assert_eq!(std::fs::read(&victim)?, b"precious", "symlink plant");
    assert_eq!(std::fs::read(&path)?, b"export");
    std::fs::remove_file(&planted)?;
    std::fs::hard_link(&victim, &planted)?;
    write_atomic(&path, b"again", true)?;
    assert_eq!(std::fs::read(&victim)?, b"precious", "hard-link plant");
    assert_eq!(std::fs::read(&path)?, b"again");
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_a_conflict_and_force_creates_its_target() -> TestResult {
    let dir = tempfile::tempdir()?;
    let link = dir.path().join("out.svg");
    let target = dir.path().join("real.svg");
    std::os::unix::fs::symlink("real.svg", &link)?;
    let err = write_atomic(&link, b"svg", false).err().ok_or("wrote through a dangling link")?;
    assert!(err.is_conflict(), "{err}");
    assert!(matches!(err, WriteError::DanglingLink { .. }), "{err}");
    assert!(err.to_string().contains("--force"), "{err}");
    assert!(check(&link, false).is_err());
    assert!(!target.exists());
    assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink());
    write_atomic(&link, b"svg", true)?;
    assert_eq!(std::fs::read(&target)?, b"svg");
    assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink(), "the link stays a link");
    assert_eq!(names(dir.path()), ["out.svg", "real.svg"]);
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_is_followed_and_its_permissions_kept() -> TestResult {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir()?;
    let other = tempfile::tempdir()?;
    let target = other.path().join("notes.json");
    std::fs::write(&target, b"old")?;
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600))?;
    let link = dir.path().join("notes.json");
    std::os::unix::fs::symlink(&target, &link)?;
    assert!(matches!(write_atomic(&link, b"new", false), Err(WriteError::Exists(_))));
    assert_eq!(std::fs::read(&target)?, b"old");
    write_atomic(&link, b"new", true)?;
    assert_eq!(std::fs::read(&target)?, b"new");
    assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::metadata(&target)?.permissions().mode() & 0o777, 0o600);
    assert_eq!(names(dir.path()), ["notes.json"]);
    assert_eq!(names(other.path()), ["notes.json"], "written in the target's own folder, no leftovers");
    Ok(())
}

#[cfg(unix)]
#[test]
fn force_keeps_mode_and_owner_and_new_files_follow_the_umask() -> TestResult {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("private.json");
    std::fs::write(&path, b"old")?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))?;
    // As root, give the file away first: --force must not make it root's.
    let given_away = std::os::unix::fs::chown(&path, Some(4242), Some(4343)).is_ok();
    write_atomic(&path, b"new", true)?;
    let meta = std::fs::metadata(&path)?;
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    if given_away {
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343), "owner and group kept");
    }
    // A new file: as `File::create` makes it (0666 less the umask), not 0600.
    let fresh = dir.path().join("fresh.json");
    write_atomic(&fresh, b"x", false)?;
    let plain = dir.path().join("plain");
    std::fs::File::create(&plain)?;
    assert_eq!(
        std::fs::metadata(&fresh)?.permissions().mode() & 0o777,
        std::fs::metadata(&plain)?.permissions().mode() & 0o777
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_links_to_them_are_never_replaced() -> TestResult {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir()?;
    let mut specials: Vec<PathBuf> = vec![PathBuf::from("/dev/null")];
    let link = dir.path().join("to-null");
    std::os::unix::fs::symlink("/dev/null", &link)?;
    specials.push(link);
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    if made {
        specials.push(fifo.clone());
    }
    for path in &specials {
        for force in [false, true] {
            let err = write_atomic(path, b"data", force).err().ok_or("wrote over a special file")?;
            assert!(matches!(err, WriteError::NotRegular { .. }), "{}: {err}", path.display());
            assert!(!err.is_conflict());
            assert!(err.to_string().contains("not a regular file"), "{err}");
            assert!(check(path, force).is_err());
        }
    }
    assert!(std::fs::metadata("/dev/null")?.file_type().is_char_device());
    if made {
        assert!(std::fs::symlink_metadata(&fifo)?.file_type().is_fifo());
    }
    assert!(names(dir.path()).iter().all(|n| !n.ends_with(".tmp")));
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_target_and_no_temporary_file() -> TestResult {
    // /dev/full cannot hold a temporary file beside it; the fill fails like a full disk.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("graph.png");
    std::fs::write(&path, b"old")?;
    let result = write_atomic_with(&path, true, |file| {
        let mut full = std::fs::OpenOptions::new().write(true).open("/dev/full")?;
        full.write_all(b"x")?;
        file.write_all(b"never")
    });
    let err = result.err().ok_or("a full disk succeeded")?;
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert_eq!(std::fs::read(&path)?, b"old");
    assert_eq!(names(dir.path()), ["graph.png"]);
    Ok(())
}

/// How a property-test write goes.
#[derive(Debug, Clone)]
struct Case {
    old: Option<Vec<u8>>,
    new: Vec<u8>,
    replace: bool,
    /// Fail after writing this many bytes of `new` (None: succeed).
    fail_after: Option<usize>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..2048)),
        proptest::collection::vec(any::<u8>(), 0..2048),
        any::<bool>(),
        proptest::option::of(0usize..2048),
    )
        .prop_map(|(old, new, replace, fail_after)| Case { old, new, replace, fail_after })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever happens, the target holds its old bytes (or stays absent)
    /// or the new ones, whole; an error always means old; nothing else is
    /// left in the folder.
    #[test]
    fn a_write_leaves_old_or_new_and_no_temporary_file(c in case()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("target.bin");
        if let Some(old) = &c.old {
            std::fs::write(&path, old).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let result = write_atomic_with(&path, c.replace, |file| match c.fail_after {
            Some(k) => {
                file.write_all(&c.new[..k.min(c.new.len())])?;
                Err(std::io::Error::other("injected failure"))
            }
            None => file.write_all(&c.new),
        });
        let now = std::fs::read(&path).ok();
        match &result {
            Ok(()) => {
                prop_assert!(c.fail_after.is_none());
                prop_assert!(c.replace || c.old.is_none());
                prop_assert_eq!(now.as_ref(), Some(&c.new));
            }
            Err(e) => {
                prop_assert_eq!(&now, &c.old, "{}", e);
                prop_assert!(c.fail_after.is_some() || (!c.replace && c.old.is_some()));
            }
        }
        let expected: Vec<String> =
            if now.is_some() { vec!["target.bin".to_owned()] } else { Vec::new() };
        prop_assert_eq!(names(dir.path()), expected);
    }
}
