//! Import of Hypothesis annotations (<https://web.hypothes.is>): the JSON
//! file its client exports (`{"export_date", "export_userid",
//! "client_version", "annotations": [...]}`), an API search result
//! (`{"total", "rows": [...]}`), a list of annotations or a single one.
//!
//! A Hypothesis annotation maps as: `text` → note, `tags` → tags,
//! `created` / `updated` → created / modified, `user_info.display_name`
//! (else `user` without `acct:`) → author, the first target's
//! `TextQuoteSelector` → quote, and its `source` (else `uri`) → target (an
//! orphan until [`attach`](super::import::attach) finds the quote in a
//! paragraph). Every other field (`uri`, `group`, `permissions`,
//! `document`, `links`, …) is kept in `extra` and written back.

use serde_json::Value;

use super::AnnotationError;
use super::clock;
use super::model::{ANNOTATION_FIELDS, Annotation, QUOTE_FIELDS, TextQuote, keep_foreign};
use super::validate;
use super::w3c::{DerivedIds, W3cImport, group};

/// The namespace of Hypothesis fields that collide with native ones (`colour`
/// becomes `hypothesis:colour`).
pub const NAMESPACE: &str = "hypothesis";

/// Keys of a Hypothesis annotation the mapping consumes.
const MAPPED: [&str; 6] = ["id", "created", "updated", "text", "tags", "target"];

/// Whether a JSON document looks like Hypothesis's (an export, a search
/// result, or annotations with a `uri` and no Web Annotation `type`).
#[must_use]
pub fn looks_like(doc: &Value) -> bool {
    let item = |v: &Value| v.get("type").is_none() && (v.get("uri").is_some() || v.get("user").is_some());
    match doc {
        Value::Array(items) => items.first().is_some_and(item),
        Value::Object(map) => {
            !map.contains_key("format")
                && (map.contains_key("export_date")
                    || map.get("rows").is_some_and(Value::is_array)
                    || map.get("annotations").is_some_and(Value::is_array)
                    || item(doc))
        }
        _ => false,
    }
}

fn items_of(doc: &Value) -> Vec<&Value> {
    match doc {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("annotations").or_else(|| map.get("rows")) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![doc],
        },
        _ => Vec::new(),
    }
}

fn quote_of(target: &Value) -> Option<TextQuote> {
    let selectors = match target.get("selector") {
        Some(Value::Array(s)) => s.iter().collect::<Vec<_>>(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let s = selectors.into_iter().find(|s| s.get("type").and_then(Value::as_str) == Some("TextQuoteSelector"))?;
    let map = s.as_object()?;
    let text = |k: &str| map.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let fields = map
        .iter()
        .filter(|(k, _)| !["type", "exact", "prefix", "suffix"].contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()));
    let (extra, _) = keep_foreign(fields, &QUOTE_FIELDS, NAMESPACE);
    Some(TextQuote { exact: text("exact"), prefix: text("prefix"), suffix: text("suffix"), extra })
        .filter(|q| !q.exact.is_empty())
}

/// Parses a Hypothesis document (see the module documentation).
///
/// # Errors
///
/// [`AnnotationError::Syntax`] for bad JSON, [`AnnotationError::Hypothesis`]
/// (naming the item) for an item that is not an object or has neither a
/// target nor a `uri`, and the model's rules.
pub fn from_hypothesis_str(text: &str) -> Result<W3cImport, AnnotationError> {
    let doc = super::file::strict_value(text)?;
    from_hypothesis_value(&doc)
}

/// [`from_hypothesis_str`] on parsed JSON.
///
/// # Errors
///
/// As [`from_hypothesis_str`].
pub fn from_hypothesis_value(doc: &Value) -> Result<W3cImport, AnnotationError> {
    let mut out = W3cImport::default();
    let mut derived = DerivedIds::default();
    for (index, item) in items_of(doc).into_iter().enumerate() {
        let hid = item.get("id").and_then(Value::as_str).filter(|i| !i.trim().is_empty());
        let name = match hid {
            Some(id) => format!("annotation #{} ({})", index + 1, validate::short(id)),
            None => format!("annotation #{}", index + 1),
        };
        let fail = |message: &str| AnnotationError::Hypothesis { item: name.clone(), message: message.into() };
        let Some(map) = item.as_object() else { return Err(fail("not an object")) };
        let first_target = match map.get("target") {
            Some(Value::Array(t)) => t.first(),
            Some(t @ Value::Object(_)) => Some(t),
            _ => None,
        };
        let source = first_target
            .and_then(|t| t.get("source"))
            .and_then(Value::as_str)
            .or_else(|| map.get("uri").and_then(Value::as_str))
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| fail("it has neither a target source nor a \"uri\""))?;
        let quote = first_target.and_then(quote_of);
        let mut time = |key: &str| match map.get(key).and_then(Value::as_str) {
            Some(t) if clock::is_rfc3339(t) => Some(t.to_owned()),
            Some(bad) => {
                out.warnings.push(format!("{name}: \"{key}\" {} is not RFC 3339; replaced", validate::excerpt(bad)));
                None
            }
            None => None,
        };
        let (mut created, mut modified) = (time("created").unwrap_or_default(), time("updated").unwrap_or_default());
        let raw_created = created.clone();
        validate::fill_times(&mut created, &mut modified);
        let tags: Vec<String> = match map.get("tags") {
            Some(Value::Array(tags)) => {
                tags.iter().filter_map(Value::as_str).filter(|t| !t.trim().is_empty()).map(str::to_owned).collect()
            }
            _ => Vec::new(),
        };
        let author = map
            .get("user_info")
            .and_then(|u| u.get("display_name"))
            .and_then(Value::as_str)
            .or_else(|| map.get("user").and_then(Value::as_str).map(|u| u.strip_prefix("acct:").unwrap_or(u)))
            .filter(|a| !a.trim().is_empty())
            .map(str::to_owned);
        let fields = map.iter().filter(|(k, _)| !MAPPED.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone()));
        let (extra, renamed) = keep_foreign(fields, &ANNOTATION_FIELDS, NAMESPACE);
        for r in renamed {
            out.warnings
                .push(format!("{name}: field kept under another name ({r}), as WSIS Atlas uses that name itself"));
        }
        let note = map.get("text").and_then(Value::as_str).unwrap_or_default().to_owned();
        let id = match hid {
            Some(id) => id.to_owned(),
            None => {
                let quoted = quote.as_ref().map(|q| group(&[&q.exact, &q.prefix, &q.suffix])).unwrap_or_default();
                let content = [
                    source.to_owned(),
                    quoted,
                    note.clone(),
                    group(&tags),
                    author.clone().unwrap_or_default(),
                    raw_created,
                ];
                derived.next("a", &content)
            }
        };
        let annotation = Annotation {
            id,
            target: source.to_owned(),
            quote,
            note,
            tags,
            colour: None,
            created,
            modified,
            author,
            extra,
        };
        validate::annotation(&annotation)?;
        out.annotations.push(annotation);
    }
    validate::unique_ids(&out.annotations, &out.links)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_api_row_maps_to_a_note() -> Result<(), AnnotationError> {
        let row = r#"{"total": 1, "rows": [{
            "id": "Zx9Ab", "created": "2024-02-03T04:05:06.789012+00:00", "updated": "2024-02-03T04:06:00.000000+00:00",
            "user": "acct:pat@hypothes.is", "uri": "https://example.org/doc.pdf", "text": "A note", "tags": ["x", ""],
            "group": "__world__",
            "target": [{"source": "https://example.org/doc.pdf", "selector": [
                {"type": "TextPositionSelector", "start": 3, "end": 9},
                {"type": "TextQuoteSelector", "exact": "digital divides", "prefix": "the ", "suffix": " between"}]}]
        }]}"#;
        let doc: Value = serde_json::from_str(row).map_err(|e| AnnotationError::from_json(&e))?;
        assert!(looks_like(&doc));
        let import = from_hypothesis_value(&doc)?;
        let a = &import.annotations[0];
        assert_eq!(
            (a.id.as_str(), a.target.as_str(), a.note.as_str()),
            ("Zx9Ab", "https://example.org/doc.pdf", "A note")
        );
        assert_eq!(a.tags, ["x"]);
        assert_eq!(a.author.as_deref(), Some("pat@hypothes.is"));
        assert_eq!(a.quote.as_ref().map(|q| (q.exact.as_str(), q.prefix.as_str())), Some(("digital divides", "the ")));
        assert_eq!(a.modified, "2024-02-03T04:06:00.000000+00:00");
        assert_eq!(a.extra.get("group"), Some(&Value::from("__world__")));
        assert!(!a.extra.contains_key("target"));
        Ok(())
    }

    #[test]
    fn refuses_an_item_without_a_place() {
        let err = from_hypothesis_str(r#"[{"id": "q", "user": "acct:a@b", "text": "x"}]"#).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("Hypothesis import, annotation #1 (q): it has neither a target source nor a \"uri\"")
        );
    }
}
