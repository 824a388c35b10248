//! W3C Web Annotation (JSON-LD) import and export, so notes travel to and
//! from other annotation tools.
//!
//! Export writes one `AnnotationCollection` (with an `id`) whose first page
//! embeds every item. An annotation becomes:
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
//!     "type": "SpecificResource",
//!     "source": "https://docs.un.org/en/A/RES/70/125",
//!     "wsis-atlas:node": "para:wsis10:51",
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
//! A target's `source` is the public address of the node's UN document
//! ([`document_address`]), so Hypothesis and other tools anchor the note by
//! its `TextQuoteSelector` (a note on a whole paragraph quotes the
//! paragraph, marked [`WHOLE_KEY`]); [`NODE_KEY`] names the node for WSIS
//! Atlas. Nodes without a document address become
//! `urn:wsis-atlas:node:<id>`. A link becomes an annotation with motivation
//! `linking`, two targets, its label as a `describing` body and its note as
//! a `commenting` body.
//!
//! What WSIS Atlas does not own it keeps: foreign ids and sources are
//! written back verbatim; `bodyValue` is read (and written as a
//! `TextualBody`); a body's `format`, `language` and `purpose`, a
//! `motivation` other than `commenting`, a creator that is more than a
//! name, and the annotation a reply answers are kept on the note
//! ([`KEPT_BODY`] and the other `KEPT_` fields) and written back. Import
//! reads a collection (with embedded pages), a page, an array or a single
//! annotation; fields it does not map are kept in `extra` and exported
//! again.

use serde_json::{Map, Value, json};

use super::AnnotationError;
use super::clock;
use super::model::{ANNOTATION_FIELDS, Annotation, AnnotationSet, LINK_FIELDS, Link, QUOTE_FIELDS, TextQuote};
use super::validate;
use crate::graph::{AtlasGraph, NodeKind};

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

/// The target property naming the node a target is on (`para:wsis10:51`),
/// beside the document's public address as its `source`.
pub const NODE_KEY: &str = "wsis-atlas:node";
/// [`NODE_KEY`] expanded, also read.
pub const NODE_IRI: &str = "urn:wsis-atlas:vocab#node";
/// The selector property marking a quote of a whole paragraph, written so
/// that other tools can anchor a note on a paragraph (read back as no quote).
pub const WHOLE_KEY: &str = "wsis-atlas:whole";
/// [`WHOLE_KEY`] expanded, also read.
pub const WHOLE_IRI: &str = "urn:wsis-atlas:vocab#whole";
/// Prefix of the collection's id.
pub const COLLECTION_URI: &str = "urn:wsis-atlas:collection:";

/// An imported annotation's `motivation` other than `commenting`
/// (`tagging`, `replying`, `questioning`…), kept on the note and written back.
pub const KEPT_MOTIVATION: &str = "w3c:motivation";
/// An imported `creator` that is more than a person's name (an IRI, an
/// agent with an `id`, several agents), written back while it still names
/// the note's author.
pub const KEPT_CREATOR: &str = "w3c:creator";
/// The imported note body's own fields (`format`, `language`, `id`,
/// `purpose`…), its `value` left out: the note is written back in that body.
pub const KEPT_BODY: &str = "w3c:body";
/// The annotation a reply answers (its W3C id, as the reply's target said).
pub const KEPT_REPLY_TO: &str = "w3c:replyTo";
/// The note fields that are the mapping's memory of an imported item.
const KEPT_KEYS: [&str; 4] = [KEPT_MOTIVATION, KEPT_CREATOR, KEPT_BODY, KEPT_REPLY_TO];

/// Keys the mapping consumes; any other key is kept in `extra`.
const MAPPED: [&str; 13] = [
    EXTRA_KEY,
    "bodyValue",
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
const SELECTOR_MAPPED: [&str; 7] = ["type", "exact", "prefix", "suffix", EXTRA_KEY, WHOLE_KEY, WHOLE_IRI];

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

/// Whether `s` is an absolute IRI (`https://…`, `urn:…`, `tag:…`): a scheme
/// (a letter, then letters, digits, `+`, `-` or `.`), a colon and at least
/// one more character, with nothing an IRI cannot hold (white space,
/// `<>"{}|\^` and the backquote). Such ids and sources are foreign and
/// written back verbatim; WSIS Atlas's own ids (`a-1`, `para:wsis10:51`)
/// are written under its URN prefixes.
#[must_use]
pub fn is_absolute_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

/// The IRI of an item: a foreign absolute IRI verbatim, a native id under
/// `prefix` (percent-encoded).
fn item_iri(prefix: &str, id: &str) -> String {
    if is_absolute_iri(id) && !id.starts_with(NODE_URI) { id.to_owned() } else { format!("{prefix}{}", encode(id)) }
}

/// An item's id from its W3C IRI: under `prefix` decoded, anything else
/// verbatim (the inverse of [`item_iri`]).
fn item_id(prefix: &str, iri: &str) -> String {
    iri.strip_prefix(prefix).map_or_else(|| iri.to_owned(), decode)
}

/// An annotation's id from its W3C id (the inverse of how export writes it).
#[must_use]
pub fn annotation_id(iri: &str) -> String {
    item_id(ANNOTATION_URI, iri)
}

/// Whether a target is one of WSIS Atlas's node ids (as opposed to a
/// foreign source kept on an orphan: `https://…`, `urn:…`). Node ids
/// (`para:wsis10:51`, `res:A/RES/70/125`) never hold `://` and never start
/// with `urn:`.
fn is_node_id(target: &str) -> bool {
    !(target.contains("://") || target.starts_with("urn:") || target.starts_with("tag:"))
}

/// The public address of a UN document: `https://docs.un.org/en/` and its
/// symbol (characters outside the URI set percent-encoded).
#[must_use]
pub fn document_address(symbol: &str) -> String {
    format!("{UN_DOCUMENTS}{}", encode(symbol.trim()))
}

/// Where the UN publishes its documents by symbol (the Official Document
/// System).
pub const UN_DOCUMENTS: &str = "https://docs.un.org/en/";

/// The UN document a public address names: its symbol, for
/// `https://docs.un.org/en/A/RES/70/125` and the older forms
/// (`docs.un.org/A/RES/…`, `undocs.org/…`, `undocs.org/en/…`, over
/// `http` or `https`, with `www.`). `None` for any other address.
#[must_use]
pub fn symbol_of_address(address: &str) -> Option<String> {
    let rest = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let path = rest.strip_prefix("docs.un.org/").or_else(|| rest.strip_prefix("undocs.org/"))?;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let languages = ["en/", "fr/", "es/", "ar/", "ru/", "zh/"];
    let path = languages.iter().find_map(|l| path.strip_prefix(l)).unwrap_or(path);
    let symbol = decode(path.trim_end_matches('/'));
    (symbol.contains('/') && !symbol.trim().is_empty()).then_some(symbol)
}

/// What the graph says about a node for the W3C target: the public address
/// of the document it is in (or is), and a paragraph's own words (footnote
/// lines and `[n]` markers left out), to anchor a note on the whole
/// paragraph in tools that find text by quote.
fn anchor_of(graph: &AtlasGraph, node_id: &str) -> (Option<String>, Option<String>) {
    let Some(node) = graph.node_by_id(node_id) else { return (None, None) };
    let symbol = node.symbol.clone().or_else(|| {
        let doc = graph.node_by_id(node.document.as_deref()?)?;
        doc.symbol.clone()
    });
    let words = (node.kind == NodeKind::Paragraph).then(|| node.text.as_deref().map(own_words)).flatten();
    (symbol.map(|s| document_address(&s)), words.filter(|w| !w.is_empty()))
}

/// A paragraph's own words from its display text: footnote lines
/// (`[2] Resolution 217 A (III).`) and markers (`[2]`) left out.
fn own_words(text: &str) -> String {
    let is_marker = |s: &str| {
        s.strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let body: Vec<&str> = text.lines().take_while(|l| !is_marker(l)).collect();
    let mut out = String::new();
    let joined = body.join("\n");
    let mut rest = joined.as_str();
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match after.find(']') {
            Some(j) if is_marker(&after[..=j]) => rest = &after[j + 1..],
            _ => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// The W3C target of a note or link end on `node_id`.
///
/// A node of the graph is written as a `SpecificResource` whose `source` is
/// the public address of its document (`https://docs.un.org/en/A/RES/70/125`,
/// when the document has a symbol), the node id under `wsis-atlas:node`,
/// and a `TextQuoteSelector`: the note's quote, or for a note on a whole
/// paragraph the paragraph's words, marked `wsis-atlas:whole` — so
/// Hypothesis and other W3C tools can anchor it, and WSIS Atlas reads back
/// the very node. `source` keeps a foreign address the note was imported
/// from (`original`) over the public one. A target that is not a node id
/// (an orphan's foreign source) is written verbatim.
fn target_value(node_id: &str, quote: Option<&TextQuote>, original: Option<&str>, graph: &AtlasGraph) -> Value {
    if !is_node_id(node_id) {
        return match quote {
            None => Value::String(node_id.to_owned()),
            Some(q) => json!({"source": node_id, "selector": selector_value(q, false)}),
        };
    }
    let (address, words) = anchor_of(graph, node_id);
    let source = original.map(str::to_owned).or(address).unwrap_or_else(|| node_uri(node_id));
    let mut target = Map::new();
    target.insert("type".into(), "SpecificResource".into());
    target.insert("source".into(), source.into());
    target.insert(NODE_KEY.into(), node_id.into());
    match (quote, words) {
        (Some(q), _) => {
            target.insert("selector".into(), selector_value(q, false));
        }
        (None, Some(words)) => {
            target.insert("selector".into(), selector_value(&TextQuote::new(words), true));
        }
        (None, None) => {}
    }
    Value::Object(target)
}

fn selector_value(q: &TextQuote, whole: bool) -> Value {
    let mut selector = Map::new();
    selector.insert("type".into(), "TextQuoteSelector".into());
    selector.insert("exact".into(), q.exact.clone().into());
    if !q.prefix.is_empty() {
        selector.insert("prefix".into(), q.prefix.clone().into());
    }
    if !q.suffix.is_empty() {
        selector.insert("suffix".into(), q.suffix.clone().into());
    }
    if whole {
        selector.insert(WHOLE_KEY.into(), true.into());
    }
    put_extra(&mut selector, &q.extra, &SELECTOR_MAPPED);
    Value::Object(selector)
}

/// The creator as written: the one imported (an IRI, an agent with an
/// `id`, several agents) while it still names the author, else a `Person`.
fn creator_value(author: Option<&str>, kept: Option<&Value>) -> Option<Value> {
    match (author, kept) {
        (Some(a), Some(original)) if read_creator(Some(original)).as_deref() == Some(a) => Some(original.clone()),
        (Some(a), _) => Some(json!({"type": "Person", "name": a})),
        (None, _) => None,
    }
}

/// The note's body: the imported body's own fields (`format`, `language`,
/// `id`, `purpose`, `creator`, …) with the note as its `value`; a native
/// note is `text/markdown` with purpose `commenting`.
fn note_body(note: &str, kept: Option<&Value>) -> Value {
    match kept.and_then(Value::as_object) {
        Some(template) => {
            let mut body = template.clone();
            body.insert("value".into(), note.into());
            body.entry("type").or_insert_with(|| "TextualBody".into());
            Value::Object(body)
        }
        None => text_body(note, "commenting", true),
    }
}

/// The fields of `extra` that are the W3C mapping's own memory of an
/// imported item ([`KEPT_KEYS`]), taken out; the rest is written as extra.
fn split_kept(extra: &Map<String, Value>) -> (Map<String, Value>, Map<String, Value>) {
    extra.iter().map(|(k, v)| (k.clone(), v.clone())).partition(|(k, _)| KEPT_KEYS.contains(&k.as_str()))
}

fn annotation_to_w3c(a: &Annotation, graph: &AtlasGraph) -> Value {
    let (kept, extra) = split_kept(&a.extra);
    let mut extra = extra;
    let mut out = Map::new();
    out.insert("id".into(), item_iri(ANNOTATION_URI, &a.id).into());
    out.insert("type".into(), "Annotation".into());
    out.insert("motivation".into(), kept.get(KEPT_MOTIVATION).cloned().unwrap_or_else(|| "commenting".into()));
    out.insert("created".into(), a.created.clone().into());
    out.insert("modified".into(), a.modified.clone().into());
    if let Some(creator) = creator_value(a.author.as_deref(), kept.get(KEPT_CREATOR)) {
        out.insert("creator".into(), creator);
    }
    let mut bodies = Vec::new();
    if !a.note.is_empty() {
        bodies.push(note_body(&a.note, kept.get(KEPT_BODY)));
    }
    bodies.extend(a.tags.iter().map(|t| text_body(t, "tagging", false)));
    if !bodies.is_empty() {
        out.insert("body".into(), Value::Array(bodies));
    }
    let target = match kept.get(KEPT_REPLY_TO).and_then(Value::as_str) {
        // A reply targets the annotation it answers, as it did.
        Some(parent) => Value::String(parent.to_owned()),
        None => {
            // The address a foreign note was imported from goes back on its target.
            // (`source`, taken off the note; or a Hypothesis note's `uri`, kept).
            let original = match extra.get("source") {
                Some(Value::String(s)) if is_absolute_iri(s) => Some(s.clone()),
                _ => None,
            };
            let original = match original {
                Some(s) => {
                    extra.remove("source");
                    Some(s)
                }
                None => extra.get("uri").and_then(Value::as_str).filter(|u| is_absolute_iri(u)).map(str::to_owned),
            };
            target_value(&a.target, a.quote.as_ref(), original.as_deref(), graph)
        }
    };
    out.insert("target".into(), target);
    if let Some(colour) = &a.colour {
        out.insert(COLOUR_KEY.into(), colour.clone().into());
    }
    put_extra(&mut out, &extra, &MAPPED);
    Value::Object(out)
}

fn link_to_w3c(l: &Link, graph: &AtlasGraph) -> Value {
    let (kept, extra) = split_kept(&l.extra);
    let mut out = Map::new();
    out.insert("id".into(), item_iri(LINK_URI, &l.id).into());
    out.insert("type".into(), "Annotation".into());
    out.insert("motivation".into(), "linking".into());
    out.insert("created".into(), l.created.clone().into());
    out.insert("modified".into(), l.modified.clone().into());
    if let Some(creator) = creator_value(l.author.as_deref(), kept.get(KEPT_CREATOR)) {
        out.insert("creator".into(), creator);
    }
    let mut bodies = Vec::new();
    if !l.label.is_empty() {
        bodies.push(text_body(&l.label, "describing", false));
    }
    if !l.note.is_empty() {
        bodies.push(note_body(&l.note, kept.get(KEPT_BODY)));
    }
    if !bodies.is_empty() {
        out.insert("body".into(), Value::Array(bodies));
    }
    let ends = [&l.from, &l.to].map(|end| target_value(end, None, None, graph));
    out.insert("target".into(), Value::Array(ends.into()));
    put_extra(&mut out, &extra, &MAPPED);
    Value::Object(out)
}

/// The set as a W3C `AnnotationCollection` (JSON value). `graph` gives the
/// public addresses and paragraph words of the targets (see
/// [`target_value`]); with an empty graph targets are `urn:wsis-atlas:node:`
/// addresses with the node id.
///
/// The collection's id is derived from the ids of its items (the same notes
/// give the same id on every export); its one page's id is the
/// collection's with `:page-1`.
#[must_use]
pub fn to_w3c_value(set: &AnnotationSet, graph: &AtlasGraph) -> Value {
    let items: Vec<Value> = set
        .annotations()
        .iter()
        .map(|a| annotation_to_w3c(a, graph))
        .chain(set.links().iter().map(|l| link_to_w3c(l, graph)))
        .collect();
    let ids = set.annotations().iter().map(|a| a.id.as_str()).chain(set.links().iter().map(|l| l.id.as_str()));
    let collection = format!("{COLLECTION_URI}{}", clock::derived_id("c", ids));
    json!({
        "@context": context(),
        "id": collection,
        "type": "AnnotationCollection",
        "label": "WSIS Atlas annotations",
        "total": items.len(),
        "first": {"id": format!("{collection}:page-1"), "type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

/// The set as a W3C `AnnotationCollection`, pretty JSON with a final newline
/// (see [`to_w3c_value`]).
#[must_use]
pub fn to_w3c_string(set: &AnnotationSet, graph: &AtlasGraph) -> String {
    let mut text = serde_json::to_string_pretty(&to_w3c_value(set, graph)).unwrap_or_default();
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

/// One target as read: the node (or foreign source) it is on, its quote,
/// and the foreign address it named beside a WSIS Atlas node.
struct ReadTarget {
    id: String,
    quote: Option<TextQuote>,
    source: Option<String>,
}

/// A target's node id (from [`NODE_KEY`], else its source), its
/// TextQuoteSelector (none when marked [`WHOLE_KEY`]) and, beside a node,
/// a foreign `source` worth keeping (not a node URN, not a UN document's
/// public address, which export writes again).
fn read_target(target: &Value, name: &str, warnings: &mut Vec<String>) -> Option<ReadTarget> {
    let (source, node) = match target {
        Value::String(s) => return Some(ReadTarget { id: node_id_from_uri(s), quote: None, source: None }),
        Value::Object(map) => (
            map.get("source").or_else(|| map.get("id")).and_then(Value::as_str),
            map.get(NODE_KEY).or_else(|| map.get(NODE_IRI)).and_then(Value::as_str).filter(|n| !n.trim().is_empty()),
        ),
        _ => return None,
    };
    let quote = as_list(target.get("selector")).into_iter().find(|s| has_type(s, "TextQuoteSelector")).and_then(|s| {
        let map = s.as_object()?;
        let whole = [WHOLE_KEY, WHOLE_IRI].iter().any(|k| map.get(*k).and_then(Value::as_bool) == Some(true));
        if whole && node.is_some() {
            return None;
        }
        let text = |k: &str| map.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        let extra = kept_fields(map, &SELECTOR_MAPPED, &QUOTE_FIELDS, name, warnings);
        Some(TextQuote { exact: text("exact"), prefix: text("prefix"), suffix: text("suffix"), extra })
    });
    // A selector without words is no quote (a quote's words are never empty).
    let quote = quote.filter(|q| !q.exact.is_empty());
    match node {
        Some(node) => {
            let kept = source.filter(|s| !s.starts_with(NODE_URI) && symbol_of_address(s).is_none());
            Some(ReadTarget { id: node.to_owned(), quote, source: kept.map(str::to_owned) })
        }
        None => Some(ReadTarget { id: node_id_from_uri(source?), quote, source: None }),
    }
}

fn read_creator(v: Option<&Value>) -> Option<String> {
    let first = as_list(v).into_iter().next()?;
    match first {
        Value::String(s) => Some(s.clone()),
        other => other
            .get("name")
            .or_else(|| other.get("nickname"))
            .or_else(|| other.get("id"))
            .and_then(Value::as_str)
            .map(str::to_owned),
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
    let items = items_of(&doc)?;
    // The ids of the file's items, to tell a reply (a target that is
    // another annotation) from a note on a page.
    let ids: std::collections::HashSet<&str> =
        items.iter().filter_map(|i| i.get("id").and_then(Value::as_str)).collect();
    for (index, item) in items.into_iter().enumerate() {
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
        let motivation = map.get("motivation");
        let motivations: Vec<&str> = as_list(motivation).into_iter().filter_map(Value::as_str).collect();
        let linking = motivations == ["linking"];

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

        let bodies = read_bodies(map, &motivations, linking, &name, &mut out.warnings);
        let reads: Vec<ReadTarget> = as_list(map.get("target"))
            .into_iter()
            .filter_map(|t| read_target(t, &name, &mut out.warnings))
            .filter(|t| !t.id.trim().is_empty())
            .collect();
        let author = read_creator(map.get("creator")).filter(|a| !a.trim().is_empty());
        // What the native fields cannot say, kept to be written back.
        let mut memory = Map::new();
        if let Some(m) = motivation.filter(|_| !linking && motivations != ["commenting"]) {
            memory.insert(KEPT_MOTIVATION.into(), m.clone());
        }
        if let (Some(creator), Some(a)) = (map.get("creator"), &author)
            && *creator != json!({"type": "Person", "name": a})
        {
            memory.insert(KEPT_CREATOR.into(), creator.clone());
        }
        if let Some(template) = bodies.template {
            memory.insert(KEPT_BODY.into(), Value::Object(template));
        }

        if linking && reads.len() == 2 {
            let mut extra = kept_fields(map, &MAPPED, &LINK_FIELDS, &name, &mut out.warnings);
            let ends: Vec<&str> = reads.iter().map(|t| t.id.as_str()).collect();
            let id = match w3c_id {
                Some(i) => item_id(LINK_URI, i),
                None => derived.next(
                    "l",
                    &[
                        group(&ends),
                        group(&bodies.labels),
                        group(&bodies.notes),
                        author.clone().unwrap_or_default(),
                        raw_created,
                    ],
                ),
            };
            if let Some(colour) = map.get(COLOUR_KEY).or_else(|| map.get(COLOUR_IRI)) {
                extra.entry(COLOUR_KEY).or_insert_with(|| colour.clone());
            }
            memory.remove(KEPT_MOTIVATION);
            extra.extend(memory);
            let [from, to] = <[_; 2]>::try_from(reads).map_err(|_| fail("two targets".into()))?;
            let link = Link {
                id,
                from: from.id,
                to: to.id,
                label: bodies.labels.join(" "),
                note: bodies.notes.join("\n\n"),
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
        let mut reads = reads.into_iter();
        let Some(first) = reads.next() else { return Err(fail("it has no usable target".into())) };
        if reads.len() > 0 {
            out.warnings.push(format!("{name}: only the first of {} targets was kept", reads.len() + 1));
        }
        let ReadTarget { id: mut target, quote, source } = first;
        // A reply: its target is the annotation it answers.
        let raw_target = match map.get("target") {
            Some(Value::String(t)) => Some(t.as_str()),
            Some(Value::Object(t)) if t.get("selector").is_none() => {
                t.get("id").or_else(|| t.get("source")).and_then(Value::as_str)
            }
            _ => None,
        };
        if let Some(parent) = raw_target.filter(|t| ids.contains(t) || motivations == ["replying"]) {
            memory.insert(KEPT_REPLY_TO.into(), parent.into());
            target = item_id(ANNOTATION_URI, parent);
        }
        if let Some(source) = source {
            extra.entry("source").or_insert(Value::String(source));
        }
        extra.extend(memory);
        let id = match w3c_id {
            Some(i) => item_id(ANNOTATION_URI, i),
            None => {
                let quoted = quote.as_ref().map(|q| group(&[&q.exact, &q.prefix, &q.suffix])).unwrap_or_default();
                derived.next(
                    "a",
                    &[
                        target.clone(),
                        quoted,
                        group(&bodies.notes),
                        group(&bodies.tags),
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
        let annotation = Annotation {
            id,
            target,
            quote,
            note: bodies.notes.join("\n\n"),
            tags: bodies.tags,
            colour,
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

/// The bodies of an item, sorted by purpose.
#[derive(Default)]
struct Bodies {
    notes: Vec<String>,
    tags: Vec<String>,
    labels: Vec<String>,
    /// The first note body's own fields, when they are not those of a
    /// native note (`TextualBody`, `text/markdown`, `commenting`).
    template: Option<Map<String, Value>>,
}

/// Reads `body` and `bodyValue`. A body's purpose is its own `purpose`,
/// else the annotation's one motivation (a `tagging` annotation's bodies
/// are tags); `bodyValue` is a plain-text note.
fn read_bodies(
    map: &Map<String, Value>,
    motivations: &[&str],
    linking: bool,
    name: &str,
    warnings: &mut Vec<String>,
) -> Bodies {
    let mut out = Bodies::default();
    let native = json!({"type": "TextualBody", "format": "text/markdown", "purpose": "commenting"});
    let implied = match motivations {
        [one] => Some(*one),
        _ => None,
    };
    for body in as_list(map.get("body")) {
        let value = body.as_str().or_else(|| body.get("value").and_then(Value::as_str));
        let purpose = body.get("purpose").and_then(Value::as_str).or(implied);
        match (value, purpose) {
            (Some(v), Some("tagging")) => out.tags.push(v.to_owned()),
            (Some(v), Some("describing")) if linking => out.labels.push(v.to_owned()),
            (Some(v), _) => {
                if out.notes.is_empty()
                    && let Some(fields) = body.as_object()
                {
                    let mut template = fields.clone();
                    template.remove("value");
                    if Value::Object(template.clone()) != native {
                        out.template = Some(template);
                    }
                }
                out.notes.push(v.to_owned());
            }
            (None, _) => warnings.push(format!("{name}: a body without a text value was left out")),
        }
    }
    if let Some(value) = map.get("bodyValue").and_then(Value::as_str) {
        if out.notes.is_empty() {
            let mut template = Map::new();
            template.insert("type".into(), "TextualBody".into());
            template.insert("format".into(), "text/plain".into());
            out.template = Some(template);
        }
        out.notes.push(value.to_owned());
    }
    out.tags.retain(|t| !t.trim().is_empty());
    out
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
