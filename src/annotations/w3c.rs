//! W3C Web Annotation (JSON-LD) import and export, so notes travel to and
//! from other annotation tools.
//!
//! Export writes one `AnnotationCollection` whose first page embeds every
//! item. An annotation becomes:
//!
//! ```json
//! {
//!   "id": "urn:wsis-atlas:annotation:a-1",
//!   "type": "Annotation",
//!   "motivation": "commenting",
//!   "created": "2026-11-28T17:00:00Z",
//!   "modified": "2026-11-28T17:05:00Z",
//!   "creator": {"type": "Person", "name": "Ada"},
//!   "body": [
//!     {"type": "TextualBody", "value": "The note", "format": "text/markdown", "purpose": "commenting"},
//!     {"type": "TextualBody", "value": "privacy", "purpose": "tagging"}
//!   ],
//!   "target": {
//!     "source": "urn:wsis-atlas:node:para:wsis10:51",
//!     "selector": {"type": "TextQuoteSelector", "exact": "privacy", "prefix": "his or her ", "suffix": ", family"}
//!   },
//!   "wsis-atlas:colour": "#d62728"
//! }
//! ```
//!
//! The collection's `@context` is the Web Annotation context and a
//! declaration of the `wsis-atlas` prefix ([`VOCAB`]), so a JSON-LD processor
//! expands `wsis-atlas:colour` to `urn:wsis-atlas:vocab#colour`.
//!
//! Node ids become `urn:wsis-atlas:node:<id>` (characters outside the URI
//! set percent-encoded); a link becomes an annotation with motivation
//! `linking`, two targets, its label as a `describing` body and its note as
//! a `commenting` body. Import reads a collection (with embedded pages), a
//! page, an array or a single annotation; sources that are not
//! `urn:wsis-atlas:node:` URIs are kept verbatim as target ids (they show
//! as orphans); fields it does not map are kept in `extra` and exported
//! again.

use serde_json::{Map, Value, json};

use super::AnnotationError;
use super::clock;
use super::model::{ANNOTATION_FIELDS, Annotation, AnnotationSet, LINK_FIELDS, Link, QUOTE_FIELDS, TextQuote};
use super::validate;

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Prefix of node ids as target sources.
pub const NODE_URI: &str = "urn:wsis-atlas:node:";
/// Prefix of annotation ids.
pub const ANNOTATION_URI: &str = "urn:wsis-atlas:annotation:";
/// Prefix of link ids.
pub const LINK_URI: &str = "urn:wsis-atlas:link:";
/// The namespace of WSIS Atlas's extension properties, declared in the
/// `@context` under the prefix [`PREFIX`].
pub const VOCAB: &str = "urn:wsis-atlas:vocab#";
/// The prefix of extension properties.
pub const PREFIX: &str = "wsis-atlas";
/// The extension property carrying an annotation's colour.
pub const COLOUR_KEY: &str = "wsis-atlas:colour";
/// [`COLOUR_KEY`] expanded (what a JSON-LD processor writes), also read.
pub const COLOUR_IRI: &str = "urn:wsis-atlas:vocab#colour";

/// The extension property holding, on export, the fields of a note that
/// the W3C mapping would otherwise read as its own (a native extra field
/// named `motivation`, `body`, `wsis-atlas:colour`, …); import puts them
/// back among the note's fields.
pub const EXTRA_KEY: &str = "wsis-atlas:extra";

/// The namespace of foreign fields that collide with native ones (`note`
/// becomes `w3c:note`).
pub const NAMESPACE: &str = "w3c";

/// Keys the mapping consumes; any other key is kept in `extra`.
const MAPPED: [&str; 12] = [
    EXTRA_KEY,
    "@context",
    "id",
    "type",
    "motivation",
    "created",
    "modified",
    "creator",
    "body",
    "target",
    COLOUR_KEY,
    COLOUR_IRI,
];

/// The `@context` of an export: the Web Annotation context, then the
/// extension prefix.
#[must_use]
pub fn context() -> Value {
    let mut prefix = Map::new();
    prefix.insert(PREFIX.into(), VOCAB.into());
    Value::Array(vec![CONTEXT.into(), Value::Object(prefix)])
}

/// What an import produced: new items to [`merge`](AnnotationSet::merge),
/// and notes on what could not be mapped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct W3cImport {
    /// Annotations, in document order.
    pub annotations: Vec<Annotation>,
    /// Links (annotations with motivation `linking` and two targets).
    pub links: Vec<Link>,
    /// One line per thing left out or replaced (extra targets, external
    /// bodies, invalid times).
    pub warnings: Vec<String>,
}

/// Percent-encodes what is not allowed unescaped in a URN.
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/@!$&'()*+,;=".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`]; malformed escapes are kept as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (b, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// Node id → target source URI.
#[must_use]
pub fn node_uri(node_id: &str) -> String {
    format!("{NODE_URI}{}", encode(node_id))
}

/// Target source URI → node id (foreign URIs unchanged).
#[must_use]
pub fn node_id_from_uri(uri: &str) -> String {
    uri.strip_prefix(NODE_URI).map_or_else(|| uri.to_owned(), decode)
}

fn text_body(value: &str, purpose: &str, markdown: bool) -> Value {
    let mut body = json!({"type": "TextualBody", "value": value});
    if markdown && let Some(map) = body.as_object_mut() {
        map.insert("format".into(), "text/markdown".into());
    }
    if let Some(map) = body.as_object_mut() {
        map.insert("purpose".into(), purpose.into());
    }
    body
}

/// Writes a note's extra fields into its W3C object; those the import
/// would read as something else (a key of `mapped`, or one already
/// written) go under [`EXTRA_KEY`] instead.
fn put_extra(out: &mut Map<String, Value>, extra: &Map<String, Value>, mapped: &[&str]) {
    let mut aside = Map::new();
    for (k, v) in extra {
        if out.contains_key(k) || mapped.contains(&k.as_str()) {
            aside.insert(k.clone(), v.clone());
        } else {
            out.insert(k.clone(), v.clone());
        }
    }
    if !aside.is_empty() {
        out.insert(EXTRA_KEY.into(), Value::Object(aside));
    }
}

/// Keys of a TextQuoteSelector the mapping consumes.
const SELECTOR_MAPPED: [&str; 5] = ["type", "exact", "prefix", "suffix", EXTRA_KEY];

/// The fields of a W3C object (or selector) kept on a note: those not in
/// `mapped`, then those set aside under [`EXTRA_KEY`] on export; a key of
/// the native format's own (`note`, `colour`, …) goes under the `w3c:`
/// namespace. Renamings are reported in `warnings`.
fn kept_fields(
    map: &Map<String, Value>,
    mapped: &[&str],
    native: &[&str],
    name: &str,
    warnings: &mut Vec<String>,
) -> Map<String, Value> {
    let restored = match map.get(EXTRA_KEY) {
        Some(Value::Object(aside)) => aside.clone(),
        _ => Map::new(),
    };
    let fields = map
        .iter()
        .filter(|(k, _)| !mapped.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .chain(restored)
        .collect::<Vec<_>>();
    let (kept, renamed) = super::model::keep_foreign(fields, native, NAMESPACE);
    for r in renamed {
        warnings.push(format!("{name}: field kept under another name ({r}), as WSIS Atlas uses that name itself"));
    }
    kept
}

fn annotation_to_w3c(a: &Annotation) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), format!("{ANNOTATION_URI}{}", encode(&a.id)).into());
    out.insert("type".into(), "Annotation".into());
    out.insert("motivation".into(), "commenting".into());
    out.insert("created".into(), a.created.clone().into());
    out.insert("modified".into(), a.modified.clone().into());
    if let Some(author) = &a.author {
        out.insert("creator".into(), json!({"type": "Person", "name": author}));
    }
    let mut bodies = Vec::new();
    if !a.note.is_empty() {
        bodies.push(text_body(&a.note, "commenting", true));
    }
    bodies.extend(a.tags.iter().map(|t| text_body(t, "tagging", false)));
    if !bodies.is_empty() {
        out.insert("body".into(), Value::Array(bodies));
    }
    let mut target = Map::new();
    target.insert("source".into(), node_uri(&a.target).into());
    if let Some(q) = &a.quote {
        let mut selector = Map::new();
        selector.insert("type".into(), "TextQuoteSelector".into());
        selector.insert("exact".into(), q.exact.clone().into());
        if !q.prefix.is_empty() {
            selector.insert("prefix".into(), q.prefix.clone().into());
        }
        if !q.suffix.is_empty() {
            selector.insert("suffix".into(), q.suffix.clone().into());
        }
        put_extra(&mut selector, &q.extra, &SELECTOR_MAPPED);
        target.insert("selector".into(), Value::Object(selector));
    }
    out.insert("target".into(), Value::Object(target));
    if let Some(colour) = &a.colour {
        out.insert(COLOUR_KEY.into(), colour.clone().into());
    }
    put_extra(&mut out, &a.extra, &MAPPED);
    Value::Object(out)
}

fn link_to_w3c(l: &Link) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), format!("{LINK_URI}{}", encode(&l.id)).into());
    out.insert("type".into(), "Annotation".into());
    out.insert("motivation".into(), "linking".into());
    out.insert("created".into(), l.created.clone().into());
    out.insert("modified".into(), l.modified.clone().into());
    if let Some(author) = &l.author {
        out.insert("creator".into(), json!({"type": "Person", "name": author}));
    }
    let mut bodies = Vec::new();
    if !l.label.is_empty() {
        bodies.push(text_body(&l.label, "describing", false));
    }
    if !l.note.is_empty() {
        bodies.push(text_body(&l.note, "commenting", true));
    }
    if !bodies.is_empty() {
        out.insert("body".into(), Value::Array(bodies));
    }
    out.insert("target".into(), json!([node_uri(&l.from), node_uri(&l.to)]));
    put_extra(&mut out, &l.extra, &MAPPED);
    Value::Object(out)
}

/// The set as a W3C `AnnotationCollection` (JSON value).
#[must_use]
pub fn to_w3c_value(set: &AnnotationSet) -> Value {
    let items: Vec<Value> =
        set.annotations().iter().map(annotation_to_w3c).chain(set.links().iter().map(link_to_w3c)).collect();
    json!({
        "@context": context(),
        "type": "AnnotationCollection",
        "label": "WSIS Atlas annotations",
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

/// The set as a W3C `AnnotationCollection`, pretty JSON with a final newline.
#[must_use]
pub fn to_w3c_string(set: &AnnotationSet) -> String {
    let mut text = serde_json::to_string_pretty(&to_w3c_value(set)).unwrap_or_default();
    text.push('\n');
    text
}

fn has_type(v: &Value, name: &str) -> bool {
    match v.get("type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    }
}

/// The annotation objects of a collection, page, array or single annotation.
fn items_of(doc: &Value) -> Result<Vec<&Value>, AnnotationError> {
    let fail = |message: &str| AnnotationError::W3c { item: "the document".into(), message: message.into() };
    if let Value::Array(items) = doc {
        return Ok(items.iter().collect());
    }
    if has_type(doc, "Annotation") {
        return Ok(vec![doc]);
    }
    if has_type(doc, "AnnotationPage") {
        return Ok(as_list(doc.get("items")));
    }
    if has_type(doc, "AnnotationCollection") {
        let mut items = Vec::new();
        let mut page = doc.get("first");
        while let Some(p) = page {
            if p.is_string() {
                return Err(fail("the collection's pages are not embedded (\"first\" is a link); download them first"));
            }
            items.extend(as_list(p.get("items")));
            page = p.get("next").filter(|n| n.is_object());
        }
        return Ok(items);
    }
    Err(fail("expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of annotations"))
}

/// A target's source id and its TextQuoteSelector, if any.
fn read_target(target: &Value, name: &str, warnings: &mut Vec<String>) -> Option<(String, Option<TextQuote>)> {
    let source = match target {
        Value::String(s) => return Some((node_id_from_uri(s), None)),
        Value::Object(map) => map.get("source").or_else(|| map.get("id")).and_then(Value::as_str)?,
        _ => return None,
    };
    let quote = as_list(target.get("selector")).into_iter().find(|s| has_type(s, "TextQuoteSelector")).and_then(|s| {
        let map = s.as_object()?;
        let text = |k: &str| map.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        let extra = kept_fields(map, &SELECTOR_MAPPED, &QUOTE_FIELDS, name, warnings);
        Some(TextQuote { exact: text("exact"), prefix: text("prefix"), suffix: text("suffix"), extra })
    });
    // A selector without words is no quote (a quote's words are never empty).
    let quote = quote.filter(|q| !q.exact.is_empty());
    Some((node_id_from_uri(source), quote))
}

fn read_creator(v: Option<&Value>) -> Option<String> {
    let first = as_list(v).into_iter().next()?;
    match first {
        Value::String(s) => Some(s.clone()),
        other => other.get("name").or_else(|| other.get("nickname")).and_then(Value::as_str).map(str::to_owned),
    }
}

/// Parses a W3C Web Annotation document.
///
/// # Errors
///
/// [`AnnotationError::Syntax`] for bad JSON (line and column),
/// [`AnnotationError::W3c`] for a document or item that is not a Web
/// Annotation or has no usable target, and the model's rules
/// ([`AnnotationError::DuplicateId`], [`AnnotationError::Empty`],
/// [`AnnotationError::BadColour`]) naming the item.
pub fn from_w3c_str(text: &str) -> Result<W3cImport, AnnotationError> {
    let doc = super::file::strict_value(text)?;
    let mut out = W3cImport::default();
    let mut derived = DerivedIds::default();
    for (index, item) in items_of(&doc)?.into_iter().enumerate() {
        let w3c_id = item.get("id").and_then(Value::as_str).filter(|i| !i.trim().is_empty());
        let name = match w3c_id {
            Some(id) => format!("item #{} ({})", index + 1, validate::short(id)),
            None => format!("item #{}", index + 1),
        };
        let fail = |message: String| AnnotationError::W3c { item: name.clone(), message };
        let Some(map) = item.as_object() else { return Err(fail("not an object".into())) };
        if !has_type(item, "Annotation") {
            return Err(fail("its \"type\" is not \"Annotation\"".into()));
        }
        let linking = map.get("motivation").and_then(Value::as_str) == Some("linking");

        let mut time = |key: &str| match map.get(key).and_then(Value::as_str) {
            Some(t) if clock::is_rfc3339(t) => Some(t.to_owned()),
            Some(bad) => {
                out.warnings.push(format!("{name}: \"{key}\" {} is not RFC 3339; replaced", validate::excerpt(bad)));
                None
            }
            None => None,
        };
        let (created, modified) = (time("created"), time("modified"));
        let raw_created = created.clone().unwrap_or_default();
        let created = created.or_else(|| modified.clone()).unwrap_or_else(clock::now_rfc3339);
        let modified = modified.unwrap_or_else(|| created.clone());

        let mut notes = Vec::new();
        let mut tags = Vec::new();
        let mut labels = Vec::new();
        for body in as_list(map.get("body")) {
            let value = body.get("value").and_then(Value::as_str);
            let purpose = body.get("purpose").and_then(Value::as_str);
            match (value, purpose) {
                (Some(v), Some("tagging")) => tags.push(v.to_owned()),
                (Some(v), Some("describing")) if linking => labels.push(v.to_owned()),
                (Some(v), _) => notes.push(v.to_owned()),
                (None, _) => out.warnings.push(format!("{name}: a body without a text value was left out")),
            }
        }
        tags.retain(|t| !t.trim().is_empty());
        let targets: Vec<(String, Option<TextQuote>)> = as_list(map.get("target"))
            .into_iter()
            .filter_map(|t| read_target(t, &name, &mut out.warnings))
            .filter(|(source, _)| !source.trim().is_empty())
            .collect();
        let author = read_creator(map.get("creator")).filter(|a| !a.trim().is_empty());

        if linking && targets.len() == 2 {
            let mut extra = kept_fields(map, &MAPPED, &LINK_FIELDS, &name, &mut out.warnings);
            let ends: Vec<&str> = targets.iter().map(|(t, _)| t.as_str()).collect();
            let id = match w3c_id {
                Some(i) => i.strip_prefix(LINK_URI).map_or(i.to_owned(), decode),
                None => derived.next(
                    "l",
                    &[group(&ends), group(&labels), group(&notes), author.clone().unwrap_or_default(), raw_created],
                ),
            };
            if let Some(colour) = map.get(COLOUR_KEY).or_else(|| map.get(COLOUR_IRI)) {
                extra.entry(COLOUR_KEY).or_insert_with(|| colour.clone());
            }
            let [(from, _), (to, _)] = <[_; 2]>::try_from(targets).map_err(|_| fail("two targets".into()))?;
            let link = Link {
                id,
                from,
                to,
                label: labels.join(" "),
                note: notes.join("\n\n"),
                created,
                modified,
                author,
                extra,
            };
            validate::link(&link)?;
            out.links.push(link);
            continue;
        }
        let mut extra = kept_fields(map, &MAPPED, &ANNOTATION_FIELDS, &name, &mut out.warnings);
        let mut targets = targets.into_iter();
        let Some((target, quote)) = targets.next() else { return Err(fail("it has no usable target".into())) };
        if targets.len() > 0 {
            out.warnings.push(format!("{name}: only the first of {} targets was kept", targets.len() + 1));
        }
        let id = match w3c_id {
            Some(i) => i.strip_prefix(ANNOTATION_URI).map_or(i.to_owned(), decode),
            None => {
                let quoted = quote.as_ref().map(|q| group(&[&q.exact, &q.prefix, &q.suffix])).unwrap_or_default();
                derived.next(
                    "a",
                    &[
                        target.clone(),
                        quoted,
                        group(&notes),
                        group(&tags),
                        author.clone().unwrap_or_default(),
                        raw_created,
                    ],
                )
            }
        };
        let colour = match map.get(COLOUR_KEY).or_else(|| map.get(COLOUR_IRI)) {
            None => None,
            Some(Value::String(c)) if validate::is_colour(c) => Some(c.clone()),
            Some(other) => {
                let shown = other.as_str().map_or_else(|| validate::excerpt(&other.to_string()), validate::excerpt);
                out.warnings.push(format!(
                    "{name}: colour {shown} is not of the form #rrggbb; kept aside as the field {COLOUR_KEY}"
                ));
                extra.insert(COLOUR_KEY.into(), other.clone());
                None
            }
        };
        let annotation =
            Annotation { id, target, quote, note: notes.join("\n\n"), tags, colour, created, modified, author, extra };
        validate::annotation(&annotation)?;
        out.annotations.push(annotation);
    }
    validate::unique_ids(&out.annotations, &out.links)?;
    Ok(out)
}

/// Ids for imported notes that have none, derived from their content (see
/// [`clock::derived_id`]): the same note gets the same id on every import.
/// `content` holds one string per field (see [`group`] for lists).
/// Identical notes in one file are numbered (`…-2`, `…-3`) in file order,
/// so they stay distinct and keep their ids from import to import.
/// A list as one string for [`DerivedIds::next`] (items apart, so
/// `["ab"]` and `["a", "b"]` differ).
pub(crate) fn group(items: &[impl AsRef<str>]) -> String {
    items.iter().map(|i| format!("{}\u{1}", i.as_ref())).collect()
}

#[derive(Debug, Default)]
pub(crate) struct DerivedIds {
    seen: std::collections::HashMap<String, usize>,
}

impl DerivedIds {
    /// The id of the next id-less item with this content.
    pub(crate) fn next(&mut self, prefix: &str, content: &[String]) -> String {
        let id = clock::derived_id(prefix, content.iter().map(String::as_str));
        let n = self.seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { id } else { format!("{id}-{n}") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_survive_the_uri_round_trip() {
        for id in ["para:wsis10:51", "res:A/RES/69/166", "stk:civil society", "inst:naïve%", "sec:x:1.1#a?b"] {
            let uri = node_uri(id);
            assert!(uri.is_ascii() && !uri.contains(' ') && !uri.contains('#') && !uri.contains('?'), "{uri}");
            assert_eq!(node_id_from_uri(&uri), id);
        }
        assert_eq!(node_uri("res:A/RES/69/166"), "urn:wsis-atlas:node:res:A/RES/69/166");
        assert_eq!(node_id_from_uri("https://example.org/doc#p3"), "https://example.org/doc#p3");
        assert_eq!(decode("100%zz%4"), "100%zz%4");
    }

    #[test]
    fn imports_a_foreign_annotation() -> Result<(), AnnotationError> {
        let foreign = r#"{
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://example.org/anno1",
          "type": "Annotation",
          "creator": [{"type": "Person", "nickname": "pat"}],
          "body": {"type": "TextualBody", "value": "Compare with Tunis Agenda"},
          "target": [
            {"source": "http://example.org/page1", "selector": [
              {"type": "FragmentSelector", "value": "p3"},
              {"type": "TextQuoteSelector", "exact": "digital divides"}]},
            "http://example.org/page2"
          ],
          "generator": "some tool"
        }"#;
        let import = from_w3c_str(foreign)?;
        let a = import.annotations.first().ok_or(AnnotationError::NotFound("none".into()))?;
        assert_eq!(a.id, "http://example.org/anno1");
        assert_eq!(a.target, "http://example.org/page1");
        assert_eq!(a.quote.as_ref().map(|q| q.exact.as_str()), Some("digital divides"));
        assert_eq!(a.note, "Compare with Tunis Agenda");
        assert_eq!(a.author.as_deref(), Some("pat"));
        assert_eq!(a.extra.get("generator"), Some(&Value::from("some tool")));
        assert!(clock::is_rfc3339(&a.created) && a.modified == a.created);
        assert_eq!(import.warnings.len(), 1, "{:?}", import.warnings);
        Ok(())
    }

    #[test]
    fn missing_or_bad_times_are_filled_in_and_warned() -> Result<(), AnnotationError> {
        let only_modified = r#"[{"type": "Annotation", "target": "sdg:5", "modified": "2024-05-06T07:08:09Z"}]"#;
        let import = from_w3c_str(only_modified)?;
        let a = import.annotations.first().ok_or(AnnotationError::NotFound("none".into()))?;
        assert_eq!((a.created.as_str(), a.modified.as_str()), ("2024-05-06T07:08:09Z", "2024-05-06T07:08:09Z"));
        assert!(a.id.starts_with("a-"), "a fresh id when the item has none");
        assert!(import.warnings.is_empty());
        let bad = r#"[{"type": "Annotation", "target": "sdg:5", "created": "May 2024"}]"#;
        let import = from_w3c_str(bad)?;
        assert_eq!(import.warnings, ["item #1: \"created\" \"May 2024\" is not RFC 3339; replaced"]);
        Ok(())
    }

    #[test]
    fn refuses_what_is_not_a_web_annotation() {
        let err = |t: &str| from_w3c_str(t).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err(r#"{"type": "Note"}"#).starts_with("W3C import, the document: expected"));
        assert!(err(r#"[{"type": "Note"}]"#).contains("item #1: its \"type\" is not \"Annotation\""));
        assert!(err(r#"[{"type": "Annotation", "id": "x"}]"#).contains("item #1 (x): it has no usable target"));
        assert!(err(r#"{"type": "AnnotationCollection", "first": "http://x/page1"}"#).contains("not embedded"));
        assert!(err("[1,").starts_with("JSON syntax error at line 1"));
        let dup = r#"[{"type": "Annotation", "id": "a", "target": "sdg:1"}, {"type": "Annotation", "id": "a", "target": "sdg:2"}]"#;
        assert!(err(dup).starts_with("duplicate id \"a\""));
    }
}
