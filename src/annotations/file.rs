//! Reading and writing annotation files (format version 1): size check,
//! JSON syntax with line and column, format and version, per-item shape and
//! rules, and atomic saves.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::clock;
use super::error::AnnotationError;
use super::model::{Annotation, AnnotationSet, Link};
use super::validate;
use super::{FORMAT, MAX_FILE_BYTES, VERSION};
pub(crate) use strict::DUPLICATE_KEY;

/// The file as written: known fields first, then preserved unknown ones.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    annotations: &'a [Annotation],
    links: &'a [Link],
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

/// Reads at most [`MAX_FILE_BYTES`] of a file, refusing larger ones before
/// reading them.
pub(crate) fn read_limited(path: &Path) -> Result<String, AnnotationError> {
    let read_err = |source| AnnotationError::Read { path: path.to_owned(), source };
    let too_large = |size| AnnotationError::TooLarge { path: path.to_owned(), size, limit: MAX_FILE_BYTES };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may grow between the check and the read: never read past the limit.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map_err(|e| read_err(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8 text: {e}"))))
}

/// Parses JSON (a leading byte-order mark allowed), refusing an object with
/// the same key twice, as every reader of notes does.
pub(crate) fn strict_value(text: &str) -> Result<Value, AnnotationError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    strict::from_str(text).map_err(|e| AnnotationError::from_json(&e))
}

/// A JSON value as a short human string for messages.
fn show(value: &Value) -> String {
    let s = value.to_string();
    if s.chars().count() > 60 { format!("{}…", s.chars().take(60).collect::<String>()) } else { s }
}

/// `annotation #3 (a-…)`: how messages name the `index`th item.
fn item_name(kind: &str, index: usize, value: &Value) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) => format!("{kind} #{} ({id})", index + 1),
        None => format!("{kind} #{}", index + 1),
    }
}

/// Takes the array under `key` (absent = empty) and decodes each element.
fn items<T: serde::de::DeserializeOwned>(
    top: &mut Map<String, Value>,
    key: &str,
    kind: &str,
) -> Result<Vec<T>, AnnotationError> {
    let values = match top.remove(key) {
        None => return Ok(Vec::new()),
        Some(Value::Array(values)) => values,
        Some(other) => {
            return Err(AnnotationError::Shape {
                item: "the file".into(),
                message: format!("\"{key}\" must be a list, found {}", show(&other)),
            });
        }
    };
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let item = item_name(kind, i, &value);
            if !value.is_object() {
                return Err(AnnotationError::Shape {
                    item,
                    message: format!("expected an object, found {}", show(&value)),
                });
            }
            serde_json::from_value(value).map_err(|e| AnnotationError::Shape { item, message: e.to_string() })
        })
        .collect()
}

impl AnnotationSet {
    /// Parses an annotation file's text. The set has no path and is clean.
    ///
    /// # Errors
    ///
    /// [`AnnotationError::Syntax`] (with line and column),
    /// [`AnnotationError::DuplicateKey`] (a key twice in one object, with line and column),
    /// [`AnnotationError::WrongFormat`], [`AnnotationError::NewerVersion`],
    /// [`AnnotationError::BadVersion`], [`AnnotationError::Shape`],
    /// [`AnnotationError::DuplicateId`], and the per-item rules
    /// ([`AnnotationError::Empty`], [`AnnotationError::BadColour`],
    /// [`AnnotationError::BadTime`]).
    pub fn from_json_str(text: &str) -> Result<Self, AnnotationError> {
        // A byte-order mark, as some editors write, is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value = strict::from_str(text).map_err(|e| AnnotationError::from_json(&e))?;
        let Value::Object(mut top) = value else {
            return Err(AnnotationError::WrongFormat { found: format!("missing (the file is {})", show(&value)) });
        };
        match top.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => return Err(AnnotationError::WrongFormat { found: show(other) }),
            None => return Err(AnnotationError::WrongFormat { found: "missing".into() }),
        }
        match top.get("version") {
            Some(v) => match v.as_u64() {
                Some(n) if n > u64::from(VERSION) => return Err(AnnotationError::NewerVersion { found: n }),
                Some(n) if n >= 1 => {}
                _ => return Err(AnnotationError::BadVersion { found: show(v) }),
            },
            None => return Err(AnnotationError::BadVersion { found: "missing".into() }),
        }
        top.remove("format");
        top.remove("version");
        let mut annotations: Vec<Annotation> = items(&mut top, "annotations", "annotation")?;
        let mut links: Vec<Link> = items(&mut top, "links", "link")?;
        // Times left out are filled in (and written on the next save), not refused.
        for a in &mut annotations {
            validate::fill_times(&mut a.created, &mut a.modified);
        }
        for l in &mut links {
            validate::fill_times(&mut l.created, &mut l.modified);
        }
        for a in &annotations {
            validate::annotation(a)?;
        }
        for l in &links {
            validate::link(l)?;
        }
        validate::unique_ids(&annotations, &links)?;
        Ok(AnnotationSet { annotations, links, extra: top, path: None, dirty: false, synced: None })
    }

    /// Loads a file. Files over 64 MiB are refused before being read. The
    /// set remembers `path` and is clean.
    ///
    /// # Errors
    ///
    /// [`AnnotationError::Read`], [`AnnotationError::TooLarge`], or any
    /// error of [`from_json_str`](Self::from_json_str).
    pub fn load(path: &Path) -> Result<Self, AnnotationError> {
        // The stamp first: a change after it shows as a change.
        let stamp = stamp(path);
        let text = read_limited(path)?;
        let mut set = Self::from_json_str(&text)?;
        set.path = Some(path.to_owned());
        set.synced = Some(Synced::of(&set, &text, stamp));
        Ok(set)
    }

    /// The file's text: pretty JSON, two-space indents, a final newline.
    /// Orphans and unknown fields are written as they were read.
    #[must_use]
    pub fn to_json_string(&self) -> String {
        let out = FileOut {
            format: FORMAT,
            version: VERSION,
            annotations: &self.annotations,
            links: &self.links,
            extra: &self.extra,
        };
        // Strings, numbers, lists and string-keyed maps always serialise.
        let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Saves to [`path`](Self::path) atomically and clears the dirty flag.
    /// Another writer's changes to the file since it was read are merged
    /// in first (see [`save_as`](Self::save_as)).
    ///
    /// # Errors
    ///
    /// [`AnnotationError::NoPath`] if the set has no file yet; the errors
    /// of [`save_as`](Self::save_as).
    pub fn save(&mut self) -> Result<(), AnnotationError> {
        let path = self.path.clone().ok_or(AnnotationError::NoPath)?;
        self.save_as(path)
    }

    /// Saves to `path` atomically (temporary file beside it, fsync,
    /// rename), then remembers `path` and clears the dirty flag.
    ///
    /// The file is locked for the while ([`lock_file`]: other saves, the
    /// window's and the command line's, wait). When `path` is the file the
    /// set was read from and another writer changed it since, its changes
    /// are merged in first ([`merge_changes`](Self::merge_changes)). The
    /// text is then loaded back before it is written: a set that would not
    /// load again is never saved.
    ///
    /// # Errors
    ///
    /// [`AnnotationError::WouldNotLoad`] when the text would not load;
    /// the errors of [`merge_changes`](Self::merge_changes);
    /// [`AnnotationError::Write`] if writing failed. The file at `path` (if
    /// any) is then byte-for-byte unchanged and so is the set, path and
    /// dirty flag included, except for another writer's changes merged in.
    pub fn save_as(&mut self, path: impl Into<PathBuf>) -> Result<(), AnnotationError> {
        let path = path.into();
        let _lock = lock_file(&path);
        if self.path.as_deref() == Some(path.as_path()) {
            self.merge_changes()?;
        }
        self.write_locked(&path)
    }

    /// Writes the set to `path` (whose lock the caller holds), after
    /// checking that the text loads again.
    fn write_locked(&mut self, path: &Path) -> Result<(), AnnotationError> {
        let text = self.to_json_string();
        let written = Self::from_json_str(&text).map_err(|e| AnnotationError::WouldNotLoad(Box::new(e)))?;
        crate::fs::write_atomic(path, text.as_bytes(), true).map_err(AnnotationError::Write)?;
        self.synced = Some(Synced::of(&written, &text, stamp(path)));
        self.path = Some(path.to_owned());
        self.dirty = false;
        Ok(())
    }

    /// Read–change–write of the annotation file at `path` under its lock
    /// (see [`lock_file`]), so that two programs adding notes to one file
    /// at once lose nothing: loads it (an empty set if there is none yet),
    /// applies `change`, checks and saves. Returns the saved set and what
    /// `change` returned.
    ///
    /// # Errors
    ///
    /// The errors of [`load`](Self::load), of
    /// `change` (its own error type, into which the others convert) and of
    /// saving; the file is then unchanged.
    pub fn update_file<T, E: From<AnnotationError>>(
        path: &Path,
        change: impl FnOnce(&mut AnnotationSet) -> Result<T, E>,
    ) -> Result<(AnnotationSet, T), E> {
        let _lock = lock_file(path);
        let mut set = if path.exists() {
            Self::load(path)?
        } else {
            AnnotationSet { path: Some(path.to_owned()), ..AnnotationSet::new() }
        };
        let value = change(&mut set)?;
        set.write_locked(path)?;
        Ok((set, value))
    }

    /// Whether the file the set was read from has changed on disk since
    /// it was last read or written here (its size or modification time).
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        match (&self.synced, &self.path) {
            (Some(synced), Some(path)) => stamp(path) != synced.stamp,
            _ => false,
        }
    }

    /// Merges into the set what another writer changed in its file since
    /// it was last read or written here, by id, against the file as it was
    /// then: notes and links added there are added; changed there and not
    /// here, updated; deleted there and not changed here, deleted. What
    /// changed here wins over what changed there; nothing changed here is
    /// lost. A clean set stays clean (it is then the file's contents).
    /// `None` when the file did not change (or the set was not read from a
    /// file, or the file is gone: the next save writes it again).
    ///
    /// # Errors
    ///
    /// The errors of [`load`](Self::load) when the changed file no longer
    /// loads, and [`AnnotationError::DuplicateId`] when the two sides gave
    /// one id to different kinds of item; the set is then unchanged.
    pub fn merge_changes(&mut self) -> Result<Option<Merged>, AnnotationError> {
        let (Some(synced), Some(path)) = (&self.synced, &self.path) else { return Ok(None) };
        let stamp = stamp(path);
        let text = match read_limited(path) {
            Ok(text) => text,
            Err(AnnotationError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if text_hash(&text) == synced.text_hash {
            self.synced = self.synced.take().map(|s| Synced { stamp, ..s });
            return Ok(None);
        }
        let disk = Self::from_json_str(&text)?;
        let mut merged = Merged::default();
        let annotations = merge3(&self.annotations, disk.annotations.clone(), &synced.items, &mut merged);
        let links = merge3(&self.links, disk.links.clone(), &synced.items, &mut merged);
        validate::unique_ids(&annotations, &links)?;
        self.annotations = annotations;
        self.links = links;
        for (k, v) in &disk.extra {
            if !self.extra.contains_key(k) {
                self.extra.insert(k.clone(), v.clone());
            }
        }
        if !self.dirty {
            // Nothing of the window's own: the set is now the file's contents.
            self.annotations.clone_from(&disk.annotations);
            self.links.clone_from(&disk.links);
            self.extra.clone_from(&disk.extra);
        }
        self.synced = Some(Synced::of(&disk, &text, stamp));
        Ok(Some(merged))
    }
}

/// What [`AnnotationSet::merge_changes`] took from the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    /// Notes and links added there.
    pub added: usize,
    /// Changed there (and not here).
    pub updated: usize,
    /// Deleted there (and not changed here).
    pub removed: usize,
}

impl Merged {
    /// `2 added, 1 updated, 0 removed`.
    #[must_use]
    pub fn summary(&self) -> String {
        format!("{} added, {} updated, {} removed", self.added, self.updated, self.removed)
    }
}

/// The file as the set last saw it: its size and time, a hash of its text
/// and of each item by id.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Synced {
    stamp: Option<Stamp>,
    text_hash: u64,
    items: HashMap<String, u64>,
}

impl Synced {
    fn of(set: &AnnotationSet, text: &str, stamp: Option<Stamp>) -> Self {
        let items = set
            .annotations
            .iter()
            .map(|a| (a.id.clone(), item_hash(a)))
            .chain(set.links.iter().map(|l| (l.id.clone(), item_hash(l))))
            .collect();
        Synced { stamp, text_hash: text_hash(text), items }
    }
}

/// A file's size and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp { len: meta.len(), modified: meta.modified().ok() })
}

fn text_hash(text: &str) -> u64 {
    clock::stable_hash([text])
}

fn item_hash(item: &impl Serialize) -> u64 {
    text_hash(&serde_json::to_string(item).unwrap_or_default())
}

/// An item with an id, for [`merge3`].
trait Identified: Serialize + Clone {
    fn id(&self) -> &str;
}

impl Identified for Annotation {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Link {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Three-way merge by id of our items and theirs against `base` (item
/// hashes of the version both started from); ours first, in our order,
/// then theirs that are new.
fn merge3<T: Identified>(ours: &[T], theirs: Vec<T>, base: &HashMap<String, u64>, merged: &mut Merged) -> Vec<T> {
    let order: Vec<String> = theirs.iter().map(|t| t.id().to_owned()).collect();
    let mut theirs: HashMap<String, T> = theirs.into_iter().map(|t| (t.id().to_owned(), t)).collect();
    let mut out = Vec::with_capacity(ours.len());
    for item in ours {
        let theirs_now = theirs.remove(item.id());
        let Some(&was) = base.get(item.id()) else {
            out.push(item.clone()); // added here
            continue;
        };
        let changed_here = item_hash(item) != was;
        match theirs_now {
            Some(t) if !changed_here && item_hash(&t) != was => {
                merged.updated += 1;
                out.push(t);
            }
            None if !changed_here => merged.removed += 1,
            _ => out.push(item.clone()),
        }
    }
    for id in order {
        let Some(t) = theirs.remove(&id) else { continue };
        match base.get(&id) {
            // Deleted here and left alone there: stays deleted.
            Some(&was) if item_hash(&t) == was => {}
            // Added there, or changed there after it was deleted here: kept.
            _ => {
                merged.added += 1;
                out.push(t);
            }
        }
    }
    out
}

/// Takes the advisory lock of the annotation file at `path`, waiting while
/// another program holds it; released when the returned file is dropped.
///
/// The lock is on a file beside it, `.<name>.lock` (the annotation file
/// itself is replaced at every save, so a lock on it would not last),
/// created when first needed and left in place. A symbolic link is
/// followed first, so every name of one file shares one lock.
///
/// `None` when no lock can be had: the folder is missing or cannot be
/// written (then the save cannot be either, and says why), or the file
/// system has no locks (then the save goes ahead unlocked, as before
/// locks existed, and a warning is logged).
#[must_use]
pub fn lock_file(path: &Path) -> Option<std::fs::File> {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let name = real.file_name()?.to_string_lossy().into_owned();
    // Within the system's 255-byte limit on names, whatever the file's.
    let cut = name.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|&end| end <= 200).last().unwrap_or(0);
    let folder = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let lock_path = folder.join(format!(".{}.lock", name.get(..cut).unwrap_or_default()));
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).ok()?;
    match file.lock() {
        Ok(()) => Some(file),
        Err(e) => {
            log::warn!("{}: saved without a lock ({e})", path.display());
            None
        }
    }
}

/// JSON to a [`Value`], refusing an object with the same key twice (serde_json
/// alone keeps the last one silently).
mod strict {
    use std::fmt;

    use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Number, Value};

    /// The message of a duplicate key error; [`AnnotationError::from_json`](super::AnnotationError::from_json) recognises it.
    pub(crate) const DUPLICATE_KEY: &str = "duplicate key ";

    pub(super) fn from_str(text: &str) -> Result<Value, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let value = de.deserialize_any(Strict)?;
        de.end()?;
        Ok(value)
    }

    struct Strict;

    impl<'de> de::Deserialize<'de> for Wrapped {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(Strict).map(Wrapped)
        }
    }

    struct Wrapped(Value);

    impl<'de> Visitor<'de> for Strict {
        type Value = Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }

        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }

        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::Number(v.into()))
        }

        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::Number(v.into()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
            Number::from_f64(v).map(Value::Number).ok_or_else(|| E::custom("number out of range"))
        }

        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }

        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }

        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }

        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(Wrapped(item)) = seq.next_element()? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format!("{DUPLICATE_KEY}{}", Value::String(key))));
                }
                let Wrapped(value) = map.next_value()?;
                out.insert(key, value);
            }
            Ok(Value::Object(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(annotations: &str) -> String {
        format!(r#"{{"format": "wsis-atlas-annotations", "version": 1, "annotations": [{annotations}]}}"#)
    }

    const GOOD: &str = r#"{"id": "a-1", "target": "para:wsis10:51", "created": "2025-01-02T03:04:05Z", "modified": "2025-01-02T03:04:05Z"}"#;

    #[test]
    fn minimal_file_loads() -> Result<(), AnnotationError> {
        let set = AnnotationSet::from_json_str(&file(GOOD))?;
        assert_eq!(set.annotations().len(), 1);
        assert_eq!(set.annotations()[0].note, "");
        assert!(set.links().is_empty() && !set.is_dirty() && set.path().is_none());
        Ok(())
    }

    #[test]
    fn each_error_names_its_item() {
        let err = |text: &str| AnnotationSet::from_json_str(text).err().map(|e| e.to_string()).unwrap_or_default();
        let no_target = r#"{"id": "a-2", "created": "2025-01-02T03:04:05Z", "modified": "2025-01-02T03:04:05Z"}"#;
        assert_eq!(err(&file(no_target)), "annotation #1 (a-2): missing field `target`");
        let bad_tags = GOOD.replace("\"id\"", "\"tags\": 5, \"id\"");
        assert!(err(&file(&bad_tags)).starts_with("annotation #1 (a-1): invalid type: integer `5`"));
        assert_eq!(err(&file("3")), "annotation #1: expected an object, found 3");
        let bad_time = GOOD.replace("\"modified\": \"2025-01-02T03:04:05Z\"", "\"modified\": \"yesterday\"");
        assert_eq!(
            err(&file(&bad_time)),
            "annotation a-1: \"modified\" time \"yesterday\" is not RFC 3339 (like 2015-12-16T10:00:00Z)"
        );
        let bad_colour = GOOD.replace("\"id\"", "\"colour\": \"#12345\", \"id\"");
        assert_eq!(err(&file(&bad_colour)), "annotation a-1: colour \"#12345\" is not of the form #rrggbb");
        let empty_quote = GOOD.replace("\"id\"", "\"quote\": {\"exact\": \"\"}, \"id\"");
        assert_eq!(err(&file(&empty_quote)), "annotation a-1: \"quote.exact\" must not be empty");
        assert_eq!(
            err(r#"{"format": "wsis-atlas-annotations", "version": 1, "annotations": {}}"#),
            "the file: \"annotations\" must be a list, found {}"
        );
        assert!(err(r#"{"format": "wsis-atlas-annotations", "version": 0}"#).starts_with("invalid \"version\": 0"));
        assert!(err(r#"{"format": "wsis-atlas-annotations", "version": "1"}"#).starts_with("invalid \"version\""));
        assert!(err(r#"{"format": "wsis-atlas-annotations"}"#).starts_with("invalid \"version\": missing"));
        assert!(err("[]").starts_with("not a WSIS Atlas annotation file: \"format\" is missing"));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() -> Result<(), AnnotationError> {
        let set = AnnotationSet::from_json_str(&format!("\u{feff}{}", file(GOOD)))?;
        assert_eq!(set.annotations().len(), 1);
        Ok(())
    }

    #[test]
    fn a_duplicate_key_is_an_error_with_line_and_column() {
        let text = "{\n  \"format\": \"wsis-atlas-annotations\",\n  \"version\": 1,\n  \"version\": 2\n}";
        let e = AnnotationSet::from_json_str(text).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("duplicate key \"version\" at line 4, column 11 (each key may appear once in an object)")
        );
        // Deep inside an annotation too, and the same key in two objects is fine.
        let inner = GOOD.replace("\"id\"", "\"note\": \"a\", \"note\": \"b\", \"id\"");
        let e = AnnotationSet::from_json_str(&file(&inner)).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("duplicate key \"note\" at line 1, column "), "{e}");
        let two = format!("{GOOD}, {}", GOOD.replace("a-1", "a-2"));
        assert!(AnnotationSet::from_json_str(&file(&two)).is_ok());
    }

    #[test]
    fn link_and_annotation_ids_collide() {
        let text = format!(
            r#"{{"format": "wsis-atlas-annotations", "version": 1, "annotations": [{GOOD}],
               "links": [{{"id": "a-1", "from": "sdg:5", "to": "sdg:4", "created": "2025-01-02T03:04:05Z", "modified": "2025-01-02T03:04:05Z"}}]}}"#
        );
        let e = AnnotationSet::from_json_str(&text).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("duplicate id \"a-1\": used by annotation #1 and link #1"));
    }

    #[test]
    fn output_is_stable() -> Result<(), AnnotationError> {
        let set = AnnotationSet::from_json_str(&file(GOOD))?;
        let once = set.to_json_string();
        let twice = AnnotationSet::from_json_str(&once)?.to_json_string();
        assert_eq!(once, twice);
        assert!(once.starts_with("{\n  \"format\": \"wsis-atlas-annotations\",\n  \"version\": 1,"));
        Ok(())
    }
}
