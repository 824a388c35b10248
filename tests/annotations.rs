//! Integration tests: annotation files — load, save, validation against the
//! bundled graph, failures that leave files intact, W3C round trips, recovery.

use std::error::Error;
use std::path::{Path, PathBuf};

use wsis_atlas::annotations::{
    self, Annotation, AnnotationError, AnnotationSet, Link, Problem, TextQuote, check, from_w3c_str, to_w3c_string,
};
use wsis_atlas::fs::WriteError;
use wsis_atlas::graph::{AtlasGraph, Node, NodeKind};

type TestResult = Result<(), Box<dyn Error>>;

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/annotations.json")
}

/// The bundled graph's paragraph whose text contains `words` (found by
/// content, so this holds with any paragraph numbering).
fn paragraph_containing<'g>(graph: &'g AtlasGraph, words: &str) -> Option<&'g Node> {
    graph
        .nodes()
        .map(|(_, n)| n)
        .find(|n| n.kind == NodeKind::Paragraph && n.text.as_deref().is_some_and(|t| t.contains(words)))
}

fn message(result: Result<AnnotationSet, AnnotationError>) -> String {
    result.err().map(|e| e.to_string()).unwrap_or_else(|| "(loaded without error)".into())
}

const HEAD: &str = r#""format": "wsis-atlas-annotations", "version": 1"#;
const TIMES: &str = r#""created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z""#;

#[test]
fn example_file_loads_and_saves_byte_for_byte() -> TestResult {
    let original = std::fs::read_to_string(example_path())?;
    let set = AnnotationSet::load(&example_path())?;
    assert_eq!(set.annotations().len(), 3);
    assert_eq!(set.links().len(), 1);
    assert_eq!(set.tags(), ["human-rights", "privacy"]);
    assert_eq!(set.annotations_for("para:wsis10:51").count(), 1);
    assert_eq!(set.with_tag("privacy").count(), 2);
    assert!(!set.is_dirty());
    assert_eq!(set.to_json_string(), original, "the example is written in the canonical form");

    let dir = tempfile::tempdir()?;
    let copy = dir.path().join("copy.json");
    let mut set = set;
    set.save_as(&copy)?;
    assert_eq!(set.path(), Some(copy.as_path()));
    assert_eq!(std::fs::read_to_string(&copy)?, original);
    assert_eq!(AnnotationSet::load(&copy)?.annotations(), set.annotations());
    Ok(())
}

#[test]
fn example_quotes_are_real_words_of_the_bundled_document() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let set = AnnotationSet::load(&example_path())?;
    for a in set.annotations() {
        let Some(q) = &a.quote else { continue };
        let words = format!("{}{}{}", q.prefix, q.exact, q.suffix);
        let node = paragraph_containing(&graph, &words).ok_or(format!("{}: no paragraph has {words:?}", a.id))?;
        let text = node.text.as_deref().unwrap();
        let found = q.locate(text).and_then(|r| text.get(r));
        assert_eq!(found, Some(q.exact.as_str()));
    }
    // Once the real parser numbers paragraphs as printed, the example's
    // targets are exactly those paragraphs and the whole file checks clean
    // of quote problems.
    let report = check(&example_path(), &graph)?;
    assert_eq!(report.annotations, 3);
    assert_eq!(report.lines().len(), report.problems.len() + 1);
    let real_51 = graph
        .node_by_id("para:wsis10:51")
        .and_then(|n| n.text.as_deref())
        .is_some_and(|t| t.starts_with("We recall General Assembly resolution 69/166"));
    if real_51 {
        assert!(!report.problems.iter().any(|p| matches!(p, Problem::MissingQuote { .. })), "{report}");
    }
    Ok(())
}

#[test]
fn annotate_paragraph_51_by_content_on_the_bundled_graph() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let node = paragraph_containing(&graph, "We recall General Assembly resolution 69/166").ok_or("no ¶51")?;
    let text = node.text.as_deref().unwrap();
    let start = text.find("surveillance of communications").ok_or("quote")?;
    let quote = TextQuote::from_span(text, start..start + "surveillance of communications".len()).ok_or("span")?;
    assert!(quote.prefix.ends_with("the "), "{quote:?}");

    let mut set = AnnotationSet::new();
    let mut a = Annotation::new(node.id.clone(), "Surveillance: see also the HRC's reports.");
    a.quote = Some(quote);
    let id = a.id.clone();
    set.add_annotation(a)?;
    assert!(set.validate(&graph).is_valid());

    // The same quote on the wrong paragraph is reported, not dropped.
    let other = paragraph_containing(&graph, "freedom of expression and plurality of information").ok_or("¶49")?;
    set.update_annotation(&id, |a| a.target = other.id.clone())?;
    let report = set.validate(&graph);
    assert_eq!(
        report.problems,
        [Problem::MissingQuote {
            annotation: id.clone(),
            target: other.id.clone(),
            exact: "surveillance of communications".into()
        }]
    );
    assert_eq!(set.annotations().len(), 1);
    Ok(())
}

#[test]
fn unknown_fields_survive_a_round_trip() -> TestResult {
    let text = format!(
        r#"{{{HEAD}, "generator": {{"name": "WSIS Atlas 2.0", "build": 7}},
          "annotations": [{{"id": "a-1", "target": "sdg:5", "quote": {{"exact": "gender", "position": 12}},
                            "note": "n", "pinned": true, "z-order": [3, 1], {TIMES}}}],
          "links": [{{"id": "l-1", "from": "sdg:5", "to": "sdg:4", "style": "dashed", {TIMES}}}]}}"#
    );
    let set = AnnotationSet::from_json_str(&text)?;
    let a = set.annotation("a-1").ok_or("a-1")?;
    assert_eq!(a.extra.keys().collect::<Vec<_>>(), ["pinned", "z-order"], "order kept");
    assert_eq!(a.quote.as_ref().and_then(|q| q.extra.get("position")), Some(&serde_json::json!(12)));
    assert!(set.extra().contains_key("generator"));

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("notes.json");
    let mut first = set.clone();
    first.save_as(&path)?;
    let saved = std::fs::read_to_string(&path)?;
    for key in ["\"generator\"", "\"pinned\"", "\"z-order\"", "\"position\"", "\"style\": \"dashed\""] {
        assert!(saved.contains(key), "{key} lost:\n{saved}");
    }
    let again = AnnotationSet::load(&path)?;
    assert_eq!(again.annotations(), set.annotations());
    assert_eq!(again.links(), set.links());
    assert_eq!(again.extra(), set.extra());
    let mut again = again;
    again.save()?;
    assert_eq!(std::fs::read_to_string(&path)?, saved, "load → save is a fixed point");
    Ok(())
}

#[test]
fn dangling_targets_are_kept_reported_and_saved_back() -> TestResult {
    let mut graph = AtlasGraph::new();
    let mut p = Node::new("para:t:1", NodeKind::Paragraph, "¶1");
    p.text = Some("We recall General Assembly resolution 69/166.".into());
    graph.add_node(p);
    let text = format!(
        r#"{{{HEAD}, "annotations": [
            {{"id": "a-here", "target": "para:t:1", {TIMES}}},
            {{"id": "a-gone", "target": "para:tunis:55", "quote": {{"exact": "enhanced cooperation"}}, {TIMES}}}],
          "links": [{{"id": "l-1", "from": "para:t:1", "to": "para:tunis:55", {TIMES}}}]}}"#
    );
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("notes.json");
    std::fs::write(&path, &text)?;

    let report = check(&path, &graph)?;
    assert!(!report.is_valid());
    assert_eq!(report.orphans().collect::<Vec<_>>(), ["a-gone"]);
    assert_eq!(
        report.lines(),
        [
            "annotation a-gone: target \"para:tunis:55\" is not in the loaded documents",
            "link l-1: \"para:tunis:55\" is not in the loaded documents",
            "2 annotations, 1 link: 2 problems",
        ]
    );

    let mut set = AnnotationSet::load(&path)?;
    set.update_annotation("a-here", |a| a.note = "edited".into())?;
    set.save()?;
    let reloaded = AnnotationSet::load(&path)?;
    assert_eq!(reloaded.annotation("a-gone"), set.annotation("a-gone"));
    assert_eq!(reloaded.annotations().len(), 2);
    assert_eq!(reloaded.links().len(), 1);
    Ok(())
}

#[test]
fn json_syntax_error_names_line_and_column() {
    let text = format!("{{{HEAD},\n  \"annotations\": [\n    {{\"id\": \"a-1\",, }}\n  ]\n}}");
    let err = AnnotationSet::from_json_str(&text).err();
    assert!(matches!(err, Some(AnnotationError::Syntax { line: 3, column: 18, .. })), "{err:?}");
    assert_eq!(
        message(AnnotationSet::from_json_str(&text)),
        "JSON syntax error at line 3, column 18: key must be a string"
    );
    assert!(message(AnnotationSet::from_json_str("")).starts_with("JSON syntax error at line 1, column 0"));
}

#[test]
fn each_malformed_file_gets_its_own_message() {
    let load = |s: &str| message(AnnotationSet::from_json_str(s));
    assert_eq!(
        load(r#"{"format": "hypothesis", "version": 1}"#),
        "not a WSIS Atlas annotation file: \"format\" is \"hypothesis\", expected \"wsis-atlas-annotations\""
    );
    assert_eq!(
        load(r#"{"format": "wsis-atlas-annotations", "version": 2, "annotations": [{"shape": "from the future"}]}"#),
        "this annotation file was made by a newer WSIS Atlas (format version 2; this version reads up to 1); \
         update WSIS Atlas to open it"
    );
    assert_eq!(
        load(&format!(
            r#"{{{HEAD}, "annotations": [{{"id": "a-1", "target": "sdg:5", {TIMES}}}, {{"id": "a-1", "target": "sdg:4", {TIMES}}}]}}"#
        )),
        "duplicate id \"a-1\": used by annotation #1 and annotation #2"
    );
    assert_eq!(
        load(&format!(r#"{{{HEAD}, "annotations": [{{"id": "a-7", "target": "", {TIMES}}}]}}"#)),
        "annotation a-7: \"target\" must not be empty"
    );
}

#[test]
fn missing_target_and_missing_quote_name_the_annotation() -> TestResult {
    let mut graph = AtlasGraph::new();
    let mut p = Node::new("para:t:1", NodeKind::Paragraph, "¶1");
    p.text = Some("We recall General Assembly resolution 69/166.".into());
    graph.add_node(p);
    let set = AnnotationSet::from_json_str(&format!(
        r#"{{{HEAD}, "annotations": [
            {{"id": "a-x", "target": "para:nowhere:1", {TIMES}}},
            {{"id": "a-q", "target": "para:t:1", "quote": {{"exact": "resolution 68/302"}}, {TIMES}}}]}}"#
    ))?;
    let errors: Vec<String> =
        set.validate(&graph).problems.iter().filter_map(Problem::to_error).map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        [
            "annotation a-x: target \"para:nowhere:1\" is not in the loaded documents",
            "annotation a-q: the quote \"resolution 68/302\" does not occur in para:t:1",
        ]
    );
    Ok(())
}

#[test]
fn files_over_64_mib_are_refused_before_reading() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path)?;
    file.set_len(annotations::MAX_FILE_BYTES + 1)?; // sparse: no 64 MiB written
    let err = AnnotationSet::load(&path).err();
    assert!(matches!(err, Some(AnnotationError::TooLarge { size, .. }) if size == annotations::MAX_FILE_BYTES + 1));
    let text = message(AnnotationSet::load(&path));
    assert!(text.contains("huge.json") && text.contains("64 MiB"), "{text}");
    // Exactly at the limit is read (and then fails as JSON, not as too large).
    file.set_len(annotations::MAX_FILE_BYTES)?;
    assert!(!matches!(AnnotationSet::load(&path), Err(AnnotationError::TooLarge { .. })));
    Ok(())
}

#[test]
fn missing_file_is_a_read_error_naming_the_path() {
    let text = message(AnnotationSet::load(Path::new("/nonexistent/wsis/notes.json")));
    assert!(text.starts_with("could not read /nonexistent/wsis/notes.json"), "{text}");
}

/// A set with one unsaved change, saved once to `path`.
fn saved_then_edited(path: &Path) -> Result<(AnnotationSet, Vec<u8>), Box<dyn Error>> {
    let mut set = AnnotationSet::load(&example_path())?;
    set.save_as(path)?;
    let bytes = std::fs::read(path)?;
    set.add_annotation(Annotation::new("sdg:16", "not saved yet"))?;
    Ok((set, bytes))
}

#[test]
fn failed_save_leaves_file_and_set_intact() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("annotations.json");
    let (mut set, before) = saved_then_edited(&path)?;
    let in_memory = set.clone();

    // 1. The folder is gone: nothing can be written.
    let result = set.save_as(dir.path().join("no-such-folder/annotations.json"));
    assert!(matches!(result, Err(AnnotationError::Write(_))), "{result:?}");
    assert_eq!(set, in_memory, "path, dirty flag and contents untouched");

    // 2. Something that is not a regular file sits where the file is (works
    //    as root too): refused, and nothing is written in its place.
    let blocker = dir.path().join("annotations-dir.json");
    std::fs::create_dir(&blocker)?;
    std::fs::write(blocker.join("keep"), b"x")?;
    let result = set.save_as(&blocker);
    assert!(matches!(result, Err(AnnotationError::Write(WriteError::NotRegular { .. }))), "{result:?}");
    assert!(message(result.map(|()| AnnotationSet::new())).starts_with("could not save annotations: "));
    assert_eq!(std::fs::read(blocker.join("keep"))?, b"x");
    assert_eq!(std::fs::read(&path)?, before, "original byte-for-byte intact");
    assert_eq!(set, in_memory);
    assert!(set.is_dirty());
    std::fs::remove_dir_all(&blocker)?;

    // 3. A read-only folder. Root ignores permission bits, so this part only
    //    asserts where the permission actually stops a write.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))?;
        let probe = dir.path().join("probe");
        let enforced = std::fs::write(&probe, b"x").is_err();
        let _ = std::fs::remove_file(&probe);
        let result = set.save();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
        if enforced {
            assert!(matches!(result, Err(AnnotationError::Write(_))), "{result:?}");
            assert_eq!(std::fs::read(&path)?, before);
            assert!(set.is_dirty());
        } else {
            eprintln!("running as root: read-only folder case not enforceable, covered by cases 1 and 2");
            std::fs::write(&path, &before)?;
            set = in_memory.clone();
        }
    }

    // And once the obstacle is gone, saving works and clears the flag.
    set.save()?;
    assert!(!set.is_dirty());
    assert_eq!(AnnotationSet::load(&path)?.annotations(), in_memory.annotations());
    assert!(!dir.path().read_dir()?.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".tmp")));
    Ok(())
}

#[test]
fn save_without_a_path_asks_for_one() -> TestResult {
    let mut set = AnnotationSet::new();
    set.add_annotation(Annotation::new("sdg:5", ""))?;
    assert!(matches!(set.save(), Err(AnnotationError::NoPath)));
    assert!(set.is_dirty());
    Ok(())
}

#[test]
fn w3c_export_then_import_preserves_everything() -> TestResult {
    let mut set = AnnotationSet::load(&example_path())?;
    let mut odd = Annotation::new("stk:civil society/100%", "");
    odd.extra.insert("pinned".into(), serde_json::json!(true));
    set.add_annotation(odd)?;
    let mut link = Link::new("sdg:5", "para:wsis10:51", "");
    link.note = "no label".into();
    set.add_link(link)?;

    let exported = to_w3c_string(&set, &wsis_atlas::graph::AtlasGraph::new());
    let doc: serde_json::Value = serde_json::from_str(&exported)?;
    assert_eq!(doc["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    // The extension prefix is declared, so `wsis-atlas:colour` expands to a real IRI.
    assert_eq!(doc["@context"][1], serde_json::json!({"wsis-atlas": "urn:wsis-atlas:vocab#"}));
    assert_eq!(doc["first"]["items"][0]["wsis-atlas:colour"], "#d62728");
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["total"], 6);
    let first = &doc["first"]["items"][0];
    assert_eq!(first["type"], "Annotation");
    assert_eq!(first["target"]["source"], "urn:wsis-atlas:node:para:wsis10:51");
    assert_eq!(first["target"]["selector"]["type"], "TextQuoteSelector");
    assert_eq!(first["target"]["selector"]["exact"], "the right to privacy");
    assert_eq!(first["body"][0]["purpose"], "commenting");
    assert_eq!(first["body"][1], serde_json::json!({"type": "TextualBody", "value": "privacy", "purpose": "tagging"}));

    let import = from_w3c_str(&exported)?;
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    assert_eq!(import.annotations, set.annotations());
    assert_eq!(import.links, set.links());

    // Also as a bare array of annotations, and merged into an empty set.
    let array = serde_json::to_string(&doc["first"]["items"])?;
    let mut fresh = AnnotationSet::new();
    let outcome = {
        let import = from_w3c_str(&array)?;
        fresh.merge(import.annotations, import.links)?
    };
    assert_eq!(outcome.added.len(), 6);
    assert_eq!(fresh.annotations(), set.annotations());
    assert!(fresh.is_dirty());
    // Importing again adds nothing.
    let again = from_w3c_str(&exported)?;
    assert_eq!(fresh.merge(again.annotations, again.links)?.skipped.len(), 6);
    Ok(())
}

#[test]
fn recovery_copy_brings_back_unsaved_changes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let user_file = dir.path().join("notes.json");
    let (set, on_disk) = saved_then_edited(&user_file)?;
    let recovery = annotations::recovery_path(&dir.path().join("app-data"));
    annotations::write_recovery(&recovery, &set, set.path())?;

    // "Next start": the user's file still has the old content …
    assert_eq!(std::fs::read(&user_file)?, on_disk);
    let found = annotations::read_recovery(&recovery)?.ok_or("no recovery copy")?;
    assert_eq!(found.original.as_deref(), Some(user_file.as_path()));
    assert_eq!(found.set.annotations(), set.annotations());
    // … and restoring means saving the recovered set over it.
    let mut restored = found.set;
    restored.save()?;
    annotations::clear_recovery(&recovery)?;
    assert!(annotations::read_recovery(&recovery)?.is_none());
    assert_eq!(AnnotationSet::load(&user_file)?.annotations().len(), 4);
    Ok(())
}

#[test]
fn format_doc_shows_the_example_file() -> TestResult {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/annotations/FORMAT.md"))?;
    let example = std::fs::read_to_string(example_path())?;
    let block = doc.split("```json\n").nth(1).and_then(|rest| rest.split("```").next()).ok_or("no json block")?;
    assert_eq!(block, example);
    Ok(())
}

mod never_panic {
    use proptest::prelude::*;
    use wsis_atlas::annotations::{AnnotationSet, TextQuote, from_w3c_str};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_text_loads_or_errors(text in "\\PC{0,200}") {
            let _ = AnnotationSet::from_json_str(&text);
            let _ = from_w3c_str(&text);
        }

        #[test]
        fn json_shaped_noise_loads_or_errors(
            fields in proptest::collection::vec(("[a-z]{1,8}", "(null|true|1|-2|\"x\"|\\[\\]|\\{\\}|\"#12ab3g\")"), 0..6)
        ) {
            let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            let text = format!(
                "{{\"format\": \"wsis-atlas-annotations\", \"version\": 1, \"annotations\": [{{{}}}], \"links\": [{{{}}}]}}",
                inner.join(", "), inner.join(", ")
            );
            let _ = AnnotationSet::from_json_str(&text);
            let w3c = format!("[{{\"type\": \"Annotation\", {}}}]", inner.join(", "));
            let _ = from_w3c_str(&w3c);
        }

        #[test]
        fn a_selection_is_found_again(text in "\\PC{1,120}", a in 0usize..200, b in 0usize..200) {
            let (start, end) = (a.min(b) % (text.len() + 1), a.max(b) % (text.len() + 1));
            if let Some(quote) = TextQuote::from_span(&text, start.min(end)..start.max(end)) {
                let found = quote.locate(&text).and_then(|r| text.get(r));
                prop_assert_eq!(found, Some(quote.exact.as_str()));
            }
        }
    }
}

// ---- notes that travel (issue 16) ----

const HYPOTHESIS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hypothesis-export.json");

#[test]
fn a_hypothesis_export_is_attached_to_paragraph_51_by_its_quotes() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let p51 = paragraph_containing(&graph, "surveillance of communications").ok_or("no ¶51")?;
    assert_eq!(p51.id, "para:wsis10:51");
    let (set, imported) = AnnotationSet::load_any(Path::new(HYPOTHESIS), &graph)?;
    let imported = imported.ok_or("read as our own format")?;
    assert_eq!(imported.origin, annotations::Origin::Hypothesis);
    assert_eq!((imported.annotations, imported.attached), (3, 2));
    assert!(set.path().is_none() && set.is_dirty(), "saving asks where: the Hypothesis file is never overwritten");

    let surveillance = set.annotation("hX3bK0pQEe6abc123def456").ok_or("first note")?;
    assert_eq!(surveillance.target, "para:wsis10:51");
    assert_eq!(surveillance.note, "Surveillance of communications: compare HRC 28/16.");
    assert_eq!(surveillance.tags, ["privacy", "surveillance"]);
    assert_eq!(surveillance.author.as_deref(), Some("Ada L."));
    assert_eq!(
        (surveillance.created.as_str(), surveillance.modified.as_str()),
        ("2026-11-29T14:02:11.402871+00:00", "2026-11-29T14:05:40.118204+00:00")
    );
    assert_eq!(surveillance.extra.get("uri").and_then(|u| u.as_str()), Some("https://docs.un.org/en/A/RES/70/125"));
    let quote = surveillance.quote.as_ref().ok_or("quote")?;
    assert!(quote.locate(p51.text.as_deref().unwrap_or_default()).is_some());
    // The same words are in ¶49 and ¶51: the suffix picks ¶51.
    assert_eq!(set.annotation("jR7cL1qSEe6ghi789jkl012").map(|a| a.target.as_str()), Some("para:wsis10:51"));
    // A page note without a quote lands on the document its address names
    // (its `uri` says where it came from).
    let page = set.annotation("kS8dM2rTEe6mno345pqr678").ok_or("page note")?;
    assert_eq!(page.target, "doc:wsis10");
    assert_eq!(page.extra.get("uri").and_then(|u| u.as_str()), Some("https://docs.un.org/en/A/RES/70/125"));
    assert_eq!(imported.on_documents, 1);
    assert!(imported.summary().contains("1 on the documents their address names"), "{}", imported.summary());
    let report = set.validate(&graph);
    assert_eq!(report.orphans().count(), 0);

    // Saved as a WSIS Atlas file and read again, nothing is lost.
    let dir = tempfile::tempdir()?;
    let mut set = set;
    set.save_as(dir.path().join("notes.json"))?;
    let again = AnnotationSet::load(&dir.path().join("notes.json"))?;
    assert_eq!(again.annotations(), set.annotations());
    Ok(())
}

#[test]
fn a_foreign_w3c_annotation_is_attached_by_its_quote_whatever_its_source() -> TestResult {
    let graph = AtlasGraph::bundled()?;
    let text = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "http://example.org/a1",
        "body": {"type": "TextualBody", "value": "privacy again"},
        "target": {"source": "https://undocs.org/A/RES/70/125",
                   "selector": {"type": "TextQuoteSelector", "exact": "mass surveillance"}}}"#;
    let (import, imported) = annotations::import::read_any(text, &graph)?;
    assert_eq!((imported.origin, imported.attached), (annotations::Origin::W3c, 1));
    let a = &import.annotations[0];
    assert_eq!(a.target, "para:wsis10:51");
    assert_eq!(a.extra.get("source").and_then(|s| s.as_str()), Some("https://undocs.org/A/RES/70/125"));
    Ok(())
}

#[test]
fn the_colour_is_read_back_under_its_prefix_or_its_full_iri() -> TestResult {
    for key in ["wsis-atlas:colour", "urn:wsis-atlas:vocab#colour"] {
        let text = format!(r##"[{{"type": "Annotation", "target": "sdg:5", "{key}": "#00ff00"}}]"##);
        let import = from_w3c_str(&text)?;
        assert_eq!(import.annotations[0].colour.as_deref(), Some("#00ff00"), "{key}");
        assert!(import.annotations[0].extra.is_empty(), "{key} is mapped, not kept as unknown");
    }
    Ok(())
}

#[test]
fn a_hand_written_file_without_times_is_accepted_and_they_are_written_on_save() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hand.json");
    std::fs::write(
        &path,
        format!(
            r#"{{{HEAD}, "annotations": [{{"id": "a-1", "target": "sdg:5", "note": "by hand"}},
                {{"id": "a-2", "target": "sdg:4", "modified": "2025-05-05T05:05:05Z"}}],
              "links": [{{"id": "l-1", "from": "sdg:5", "to": "sdg:4"}}]}}"#
        ),
    )?;
    let mut set = AnnotationSet::load(&path)?;
    assert!(!set.is_dirty());
    let a1 = set.annotation("a-1").ok_or("a-1")?;
    assert!(annotations::clock::is_rfc3339(&a1.created) && a1.modified == a1.created);
    let a2 = set.annotation("a-2").ok_or("a-2")?;
    assert_eq!((a2.created.as_str(), a2.modified.as_str()), ("2025-05-05T05:05:05Z", "2025-05-05T05:05:05Z"));
    assert!(set.link("l-1").is_some_and(|l| annotations::clock::is_rfc3339(&l.created)));
    set.save()?;
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    assert!(written["annotations"][0]["created"].as_str().is_some_and(annotations::clock::is_rfc3339));
    assert!(written["links"][0]["modified"].as_str().is_some_and(annotations::clock::is_rfc3339));
    Ok(())
}

#[test]
fn hypothesis_quotes_attach_whatever_their_apostrophes() -> TestResult {
    // WSIS+10's text has straight apostrophes, WSIS+20's (the UN's PDF) curly
    // ones; notes made on the other typography still find their words.
    let (graph, errors) = wsis_atlas::corpus::open(&["bundled:wsis10".into(), "bundled:wsis20".into()])?;
    assert!(errors.is_empty());
    let note = |id: &str, exact: &str| {
        serde_json::json!({
            "id": id, "created": "2026-11-29T14:02:11+00:00", "updated": "2026-11-29T14:02:11+00:00",
            "user": "acct:ada@hypothes.is", "uri": "https://docs.un.org/en/A/RES/70/125", "text": "typography",
            "tags": [], "target": [{"source": "https://docs.un.org/en/A/RES/70/125",
                "selector": [{"type": "TextQuoteSelector", "exact": exact}]}]
        })
    };
    let export = serde_json::json!({
        "export_date": "2026-11-30T09:15:02.118Z",
        "annotations": [
            note("curly-on-straight", "highlighting ICT\u{2019}s cross-cutting"),
            note("straight-on-curly", "A third of the world's population"),
            note("straight-on-straight", "women's access to new"),
        ]
    });
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hypothesis.json");
    std::fs::write(&path, serde_json::to_vec(&export)?)?;
    let (set, imported) = AnnotationSet::load_any(&path, &graph)?;
    let imported = imported.ok_or("read as Hypothesis")?;
    assert_eq!((imported.annotations, imported.attached), (3, 3), "every note attached");
    let on = |id: &str| set.annotation(id).map(|a| a.target.clone()).unwrap_or_default();
    assert!(on("curly-on-straight").starts_with("para:wsis10:"), "{}", on("curly-on-straight"));
    assert!(on("straight-on-curly").starts_with("para:wsis20:"), "{}", on("straight-on-curly"));
    let kept = set.annotation("curly-on-straight").and_then(|a| a.quote.as_ref()).map(|q| q.exact.clone());
    assert_eq!(kept.as_deref(), Some("highlighting ICT\u{2019}s cross-cutting"), "the exact quote is kept");
    Ok(())
}
