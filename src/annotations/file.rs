//! Reading and writing annotation files (format version 1): size check,
//! JSON syntax with line and column, format and version, per-item shape and
//! rules, and atomic saves.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

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
        Ok(AnnotationSet { annotations, links, extra: top, path: None, dirty: false })
    }

    /// Loads a file. Files over 64 MiB are refused before being read. The
    /// set remembers `path` and is clean.
    ///
    /// # Errors
    ///
    /// [`AnnotationError::Read`], [`AnnotationError::TooLarge`], or any
    /// error of [`from_json_str`](Self::from_json_str).
    pub fn load(path: &Path) -> Result<Self, AnnotationError> {
        let text = read_limited(path)?;
        let mut set = Self::from_json_str(&text)?;
        set.path = Some(path.to_owned());
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
    ///
    /// # Errors
    ///
    /// [`AnnotationError::NoPath`] if the set has no file yet;
    /// [`AnnotationError::Write`] if writing failed — the file on disk and
    /// the set (still dirty) are then unchanged.
    pub fn save(&mut self) -> Result<(), AnnotationError> {
        let path = self.path.clone().ok_or(AnnotationError::NoPath)?;
        self.save_as(path)
    }

    /// Saves to `path` atomically (temporary file beside it, fsync,
    /// rename), then remembers `path` and clears the dirty flag.
    ///
    /// # Errors
    ///
    /// [`AnnotationError::Write`] if writing failed: the file at `path` (if
    /// any) is byte-for-byte unchanged and so is the set, path and dirty
    /// flag included.
    pub fn save_as(&mut self, path: impl Into<PathBuf>) -> Result<(), AnnotationError> {
        let path = path.into();
        crate::fs::write_atomic(&path, self.to_json_string().as_bytes(), true).map_err(AnnotationError::Write)?;
        self.path = Some(path);
        self.dirty = false;
        Ok(())
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
