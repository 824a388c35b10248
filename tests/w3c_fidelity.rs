//! Integration tests: W3C Web Annotation files keep their meaning through
//! WSIS Atlas (issue 27) — a foreign collection with ids, `bodyValue`,
//! HTML and French bodies, tags, replies and creators comes back out of an
//! import → export with those fields equal; WSIS Atlas's own notes are
//! written with the document's public address and a quote other tools
//! anchor, and read back as the very nodes.

use std::error::Error;
use std::path::Path;

use serde_json::{Value, json};
use wsis_atlas::annotations::{self, Annotation, AnnotationSet, Link, TextQuote, from_w3c_str, to_w3c_string};
use wsis_atlas::graph::AtlasGraph;

type TestResult = Result<(), Box<dyn Error>>;

const FOREIGN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/w3c-foreign.jsonld");

fn items(doc: &Value) -> Vec<Value> {
    doc["first"]["items"].as_array().cloned().unwrap_or_default()
}

fn as_list(v: &Value) -> Vec<Value> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a.clone(),
        one => vec![one.clone()],
    }
}

/// Each body as (value, format, language, purpose), its purpose implied by
/// a single motivation, `bodyValue` as a plain-text body: the same meaning
/// whichever way it is written.
fn bodies(item: &Value) -> Vec<(Value, Value, Value, Value)> {
    let motivations = as_list(&item["motivation"]);
    let implied = if motivations.len() == 1 { motivations[0].clone() } else { Value::Null };
    let mut out: Vec<_> = as_list(&item["body"])
        .iter()
        .map(|b| {
            let purpose = if b["purpose"].is_null() { implied.clone() } else { b["purpose"].clone() };
            (b["value"].clone(), b["format"].clone(), b["language"].clone(), purpose)
        })
        .collect();
    if let Some(v) = item.get("bodyValue") {
        out.push((v.clone(), json!("text/plain"), Value::Null, implied));
    }
    out.sort_by_key(|b| b.0.to_string());
    out
}

/// A target's source (or, for a reply, the annotation it answers) and its
/// quote selector's words.
fn target(item: &Value) -> (Value, Value) {
    let t = &as_list(&item["target"])[0];
    match t {
        Value::String(s) => (json!(s), Value::Null),
        _ => {
            let source = if t["source"].is_null() { t["id"].clone() } else { t["source"].clone() };
            let selector = as_list(&t["selector"]).into_iter().find(|s| s["type"] == "TextQuoteSelector");
            let words = selector.map(|s| json!([s["exact"], s["prefix"], s["suffix"]])).unwrap_or(Value::Null);
            (source, words)
        }
    }
}

#[test]
fn a_foreign_collection_survives_import_and_export_with_its_fields_equal() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let text = std::fs::read_to_string(FOREIGN)?;
    let original: Value = serde_json::from_str(&text)?;
    let (set, imported) = AnnotationSet::load_any(Path::new(FOREIGN), &graph)?;
    let imported = imported.ok_or("read as a WSIS Atlas file")?;
    assert_eq!((imported.annotations, imported.links), (6, 0));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);

    let exported: Value = serde_json::from_str(&to_w3c_string(&set, &graph))?;
    let out = items(&exported);
    assert_eq!(out.len(), 6);
    for o in items(&original) {
        let id = o["id"].as_str().ok_or("an id")?;
        let e = out.iter().find(|e| e["id"] == id).ok_or_else(|| format!("{id} is exported under its own id"))?;
        assert_eq!(as_list(&e["motivation"]), as_list(&o["motivation"]), "{id}: motivation");
        assert_eq!(e["creator"], o["creator"], "{id}: creator");
        assert_eq!(e["created"], o["created"], "{id}: created");
        if !o["modified"].is_null() {
            assert_eq!(e["modified"], o["modified"], "{id}: modified");
        }
        assert_eq!(bodies(e), bodies(&o), "{id}: bodies");
        assert!(e.get("bodyValue").is_none() || e.get("body").is_none(), "{id}: never both body and bodyValue");
        let (source, words) = target(&o);
        let (e_source, e_words) = target(e);
        assert_eq!(e_source, source, "{id}: target source");
        if !words.is_null() {
            assert_eq!(e_words, words, "{id}: quote");
        }
        assert_eq!(e["generator"], o["generator"], "{id}: a field WSIS Atlas does not know");
        assert!(e.get("source").is_none() && e.get("w3c:body").is_none(), "{id}: nothing of ours on the annotation");
    }
    // The collection and its page have ids of their own.
    assert!(exported["id"].as_str().is_some_and(|i| i.starts_with("urn:wsis-atlas:collection:")));
    assert!(exported["first"]["id"].as_str().is_some_and(|i| i.ends_with(":page-1")));
    Ok(())
}

#[test]
fn foreign_notes_land_where_their_words_their_document_and_their_parents_are() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let (set, imported) = AnnotationSet::load_any(Path::new(FOREIGN), &graph)?;
    let imported = imported.ok_or("read as a WSIS Atlas file")?;
    assert_eq!((imported.attached, imported.on_documents, imported.replies), (3, 1, 2), "{}", imported.summary());
    let on = |id: &str| set.annotation(id).map(|a| a.target.clone()).unwrap_or_default();
    assert_eq!(on("https://annotations.example.org/anno/1"), "para:wsis10:51");
    // A reply, and a reply to the reply, sit with the note they answer.
    assert_eq!(on("https://annotations.example.org/anno/2"), "para:wsis10:51");
    assert_eq!(on("https://annotations.example.org/anno/6"), "para:wsis10:51");
    // A tagging annotation's bodies are tags.
    let tagged = set.annotation("https://annotations.example.org/anno/3").ok_or("tagged")?;
    assert_eq!(tagged.tags, ["privacy", "surveillance"]);
    assert_eq!(tagged.note, "");
    assert_eq!(tagged.author.as_deref(), Some("amara"));
    // A page note on the document's public address lands on that document.
    assert_eq!(on("urn:uuid:6f1c3a52-0d0e-4b8e-9c57-2f5d4f0d7a11"), "doc:wsis10");
    // bodyValue is the note; a creator IRI names the author.
    let reply = set.annotation("https://annotations.example.org/anno/2").ok_or("reply")?;
    assert_eq!(reply.note, "Agreed; the Tunis Agenda says less.");
    assert_eq!(reply.author.as_deref(), Some("https://annotations.example.org/users/jonas"));
    // A quote from a copy elsewhere is found by its words, its source kept.
    let mirrored = set.annotation("https://annotations.example.org/anno/5").ok_or("mirrored")?;
    assert_eq!(mirrored.target, "para:wsis10:68");
    assert_eq!(mirrored.extra.get("source"), Some(&json!("https://example.org/mirror/wsis10.html")));
    assert_eq!(set.validate(&graph).orphans().count(), 0);
    Ok(())
}

/// Notes of the user's: one on a quote, one on a whole paragraph, one on a
/// cited resolution, one on an SDG, and a link.
fn own_notes() -> Result<AnnotationSet, Box<dyn Error>> {
    let mut set = AnnotationSet::new();
    let mut quoted = Annotation::new("para:wsis10:51", "Privacy");
    quoted.id = "a-quoted".into();
    quoted.quote = Some(TextQuote::new("mass surveillance"));
    let mut whole = Annotation::new("para:wsis10:51", "The whole paragraph");
    whole.id = "a-whole".into();
    let mut cited = Annotation::new("res:A/RES/69/166", "The privacy resolution");
    cited.id = "a-cited".into();
    let mut goal = Annotation::new("sdg:5", "Gender");
    goal.id = "a-goal".into();
    let mut link = Link::new("para:wsis10:51", "res:A/RES/69/166", "recalls");
    link.id = "l-1".into();
    for a in [quoted, whole, cited, goal] {
        set.add_annotation(a)?;
    }
    set.add_link(link)?;
    Ok(set)
}

#[test]
fn own_notes_are_written_with_the_documents_public_address_and_read_back_as_themselves() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let set = own_notes()?;
    let text = to_w3c_string(&set, &graph);
    let doc: Value = serde_json::from_str(&text)?;
    let by_id = |id: &str| items(&doc).into_iter().find(|i| i["id"] == id).unwrap_or(Value::Null);

    let quoted = by_id("urn:wsis-atlas:annotation:a-quoted");
    assert_eq!(quoted["target"]["source"], "https://docs.un.org/en/A/RES/70/125");
    assert_eq!(quoted["target"]["wsis-atlas:node"], "para:wsis10:51");
    assert_eq!(quoted["target"]["selector"]["exact"], "mass surveillance");
    // A whole paragraph is anchored by its words, marked as the whole.
    let whole = by_id("urn:wsis-atlas:annotation:a-whole");
    let exact = whole["target"]["selector"]["exact"].as_str().ok_or("the paragraph's words")?;
    assert!(exact.starts_with("We recall General Assembly resolution 69/166") && exact.ends_with("human rights law."));
    assert_eq!(whole["target"]["selector"]["wsis-atlas:whole"], true);
    // A cited resolution is its own document at the UN.
    assert_eq!(by_id("urn:wsis-atlas:annotation:a-cited")["target"]["source"], "https://docs.un.org/en/A/RES/69/166");
    // An SDG has no UN document: its node address.
    assert_eq!(by_id("urn:wsis-atlas:annotation:a-goal")["target"]["source"], "urn:wsis-atlas:node:sdg:5");
    let link = by_id("urn:wsis-atlas:link:l-1");
    assert_eq!(link["target"][1]["source"], "https://docs.un.org/en/A/RES/69/166");

    // Read back: the very notes, nothing added.
    let back = from_w3c_str(&text)?;
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.annotations, set.annotations());
    assert_eq!(back.links, set.links());
    // And the export of the import is the same file.
    let mut again = AnnotationSet::new();
    again.merge(back.annotations, back.links)?;
    assert_eq!(to_w3c_string(&again, &graph), text);
    Ok(())
}

#[test]
fn a_hypothesis_style_w3c_file_anchors_in_the_document_its_address_names() -> TestResult {
    // Both outcomes open: "the right to privacy" is in each; the address decides.
    let (graph, errors) = wsis_atlas::corpus::open(&["bundled:wsis10".into(), "bundled:wsis20".into()])?;
    assert!(errors.is_empty(), "{errors:?}");
    for (symbol, doc) in [("A/RES/70/125", "wsis10"), ("A/RES/80/173", "wsis20")] {
        let text = json!({"type": "Annotation", "id": format!("https://x.example/{doc}"),
            "target": {"source": format!("https://docs.un.org/en/{symbol}"),
                       "selector": {"type": "TextQuoteSelector", "exact": "the right to privacy"}}})
        .to_string();
        let (import, imported) = annotations::import::read_any(&text, &graph)?;
        assert_eq!(imported.attached, 1);
        let target = &import.annotations[0].target;
        assert!(target.starts_with(&format!("para:{doc}:")), "{symbol}: {target}");
    }
    Ok(())
}

#[test]
fn public_addresses_name_their_documents() {
    use wsis_atlas::annotations::w3c::{document_address, is_absolute_iri, symbol_of_address};
    assert_eq!(document_address("A/RES/70/125"), "https://docs.un.org/en/A/RES/70/125");
    for address in [
        "https://docs.un.org/en/A/RES/70/125",
        "http://docs.un.org/A/RES/70/125",
        "https://undocs.org/A/RES/70/125",
        "https://undocs.org/en/A/RES/70/125?lang=en",
        "https://www.undocs.org/fr/A/RES/70/125/",
    ] {
        assert_eq!(symbol_of_address(address).as_deref(), Some("A/RES/70/125"), "{address}");
    }
    assert_eq!(symbol_of_address("https://example.org/A/RES/70/125"), None);
    assert_eq!(symbol_of_address("https://docs.un.org/en/"), None);
    for iri in ["https://example.org/anno/1", "urn:uuid:6f1c3a52", "tag:example.org,2026:1"] {
        assert!(is_absolute_iri(iri), "{iri}");
    }
    for not in ["a-674a1b2c", "1:2", "a b:c", "x:", ":y"] {
        assert!(!is_absolute_iri(not), "{not}");
    }
}
