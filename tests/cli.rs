//! Integration tests: the `wsis-atlas` command line, run as a user would.

use std::process::{Command, Output};

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wsis-atlas")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn stats_reports_the_bundled_document() {
    let out = atlas(&["stats"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("10 sections, 77 paragraphs"), "{text}");
    assert!(text.contains("1.1 Bridging Digital Divides: 7 paragraphs"), "{text}");
    assert!(text.contains("most cited resolutions"), "{text}");
    assert!(text.contains("res:A/RES/69/166"), "{text}");
    assert!(text.contains("org:CSTD"), "{text}");
}

#[test]
fn export_json_parses_and_keeps_the_contract_fields() {
    let out = atlas(&["export", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let nodes = v["nodes"].as_array().expect("nodes");
    let links = v["links"].as_array().expect("links");
    let p48 = nodes.iter().find(|n| n["id"] == "para:wsis10:48").expect("¶48");
    assert_eq!(p48["kind"], "paragraph");
    assert_eq!(p48["number"], 48);
    let text = p48["text"].as_str().expect("text");
    let hrc = nodes.iter().find(|n| n["id"] == "res:A/HRC/RES/26/13").expect("HRC 26/13");
    assert_eq!(hrc["symbol"], "A/HRC/RES/26/13");
    let sdg5 = nodes.iter().find(|n| n["id"] == "sdg:5").expect("SDG 5");
    assert_eq!(sdg5["goal"], 5);
    assert!(nodes.iter().any(|n| n["id"] == "org:CSTD" && n["acronym"] == "CSTD"));
    let cite = links
        .iter()
        .find(|l| l["source"] == "para:wsis10:48" && l["target"] == "res:A/HRC/RES/26/13")
        .expect("¶48 cites HRC 26/13");
    assert_eq!(cite["kind"], "cites");
    let quote = cite["evidence"][0]["quote"].as_str().expect("quote");
    assert!(text.contains(quote), "{quote}");
}

#[test]
fn export_refuses_to_replace_a_file_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("graph.json");
    std::fs::write(&path, "keep me").expect("write");
    let p = path.to_str().expect("utf-8 path");
    let out = atlas(&["export", "--format", "json", "--out", p]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("keep me"));
    let out = atlas(&["export", "--format", "json", "--out", p, "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with('{'));
}

#[test]
fn a_missing_file_is_one_line_and_a_failure() {
    let out = atlas(&["stats", "/no/such/document.txt"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/document.txt"), "{err}");
}

#[test]
fn a_non_utf8_file_is_one_line_and_a_failure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Preamble\n- 1. R\xe9solution\n").expect("write");
    let out = atlas(&["stats", path.to_str().expect("utf-8 path")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn other_documents_are_read_from_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("small.txt");
    std::fs::write(
        &path,
        "A small resolution\n\n1. Recalling resolution 70/1 and SDG 4;\n2. Invites the CSTD to report.\n",
    )
    .expect("write");
    let out = atlas(&["export", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let ids: Vec<&str> = v["nodes"].as_array().into_iter().flatten().filter_map(|n| n["id"].as_str()).collect();
    assert!(ids.contains(&"para:small:2"), "{ids:?}");
    assert!(ids.contains(&"res:A/RES/70/1"), "{ids:?}");
    assert!(ids.contains(&"org:CSTD"), "{ids:?}");
}

#[test]
fn layout_writes_positions_and_times_the_steps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let graph = dir.path().join("g.json");
    std::fs::write(&graph, r#"{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[{"source":"a","target":"b"}]}"#)
        .expect("write");
    let out = atlas(&["layout", "--input", graph.to_str().expect("path"), "--ticks", "20"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("layout_ms="), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v.as_object().map(|o| o.len()), Some(3));
    assert!(v["a"][0].is_f64() && v["a"][1].is_f64());
}

#[test]
fn layout_reports_a_link_to_an_unknown_node() {
    let dir = tempfile::tempdir().expect("temp dir");
    let graph = dir.path().join("g.json");
    std::fs::write(&graph, r#"{"nodes":[{"id":"a"}],"links":[{"source":"a","target":"zz"}]}"#).expect("write");
    let out = atlas(&["layout", "--input", graph.to_str().expect("path"), "--ticks", "5"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("zz"), "{}", stderr(&out));
}

#[test]
fn check_annotations_accepts_the_example_and_rejects_a_broken_file() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");
    let out = atlas(&["check-annotations", example]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"format\": \"wsis-atlas-annotations\",\n  \"version\": 1,\n  oops\n}").expect("write");
    let out = atlas(&["check-annotations", bad.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 4"), "{}", stderr(&out));
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["stats", "export", "layout", "check-annotations", "annotations"] {
        let out = atlas(&[sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        assert!(stdout(&out).contains("Usage"), "{sub}");
    }
}

#[test]
fn export_draws_the_notes_and_links_of_an_annotation_file() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");
    let plain = atlas(&["export", "--format", "svg"]);
    let noted = atlas(&["export", "--format", "svg", "--annotations", example]);
    assert!(plain.status.success() && noted.status.success(), "{}", stderr(&noted));
    let (plain, noted) = (stdout(&plain), stdout(&noted));
    assert_eq!(plain.matches("class=\"badge\"").count(), 0);
    // The example annotates ¶51, ¶48 and 69/166.
    assert_eq!(noted.matches("class=\"badge\"").count(), 3, "badges");
    assert!(noted.matches("<line").count() > plain.matches("<line").count(), "the user's link is drawn");
    let broken = atlas(&["export", "--format", "svg", "--annotations", "/no/such/notes.json"]);
    assert!(!broken.status.success());
    assert!(stderr(&broken).contains("/no/such/notes.json"), "{}", stderr(&broken));
}

// ---- notes that travel (issue 16) ----

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");
const HYPOTHESIS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hypothesis-export.json");

#[test]
fn annotations_export_w3c_then_import_gives_back_the_same_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let jsonld = dir.path().join("notes.jsonld");
    let p = |p: &std::path::Path| p.to_str().expect("path").to_owned();
    let out = atlas(&["annotations", "export", "--w3c", EXAMPLE, "--out", &p(&jsonld)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&jsonld).expect("written")).expect("JSON");
    assert_eq!(doc["type"], "AnnotationCollection");
    // Not replaced without --force.
    let again = atlas(&["annotations", "export", "--w3c", EXAMPLE, "--out", &p(&jsonld)]);
    assert!(!again.status.success() && stderr(&again).contains("--force"), "{}", stderr(&again));

    let back = dir.path().join("back.json");
    let out = atlas(&["annotations", "import", &p(&jsonld), "--into", &p(&back)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("added 4"), "{}", stdout(&out));
    let original = wsis_atlas::annotations::AnnotationSet::load(std::path::Path::new(EXAMPLE)).expect("example");
    let imported = wsis_atlas::annotations::AnnotationSet::load(&back).expect("written as our format");
    assert_eq!(imported.annotations(), original.annotations());
    assert_eq!(imported.links(), original.links());
    // Importing again skips what is there.
    let out = atlas(&["annotations", "import", &p(&jsonld), "--into", &p(&back)]);
    assert!(out.status.success() && stdout(&out).contains("added 0, skipped 4"), "{}", stdout(&out));
    // Same errors as the rest: one line, naming the file.
    let bad = dir.path().join("bad.jsonld");
    std::fs::write(&bad, "[{\"type\": \"Annotation\"}]").expect("write");
    let out = atlas(&["annotations", "import", &p(&bad), "--into", &p(&back)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bad.jsonld") && stderr(&out).contains("no usable target"), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn a_hypothesis_export_is_imported_checked_and_drawn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let into = dir.path().join("notes.json");
    let into_s = into.to_str().expect("path");
    let out = atlas(&["annotations", "import", HYPOTHESIS, "--into", into_s]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Hypothesis export (2 attached"), "{}", stdout(&out));
    let set = wsis_atlas::annotations::AnnotationSet::load(&into).expect("our format");
    assert_eq!(set.annotations_for("para:wsis10:51").count(), 2);

    // check-annotations reads it too (no more "not a WSIS Atlas annotation file"): the page note
    // on the document's address lands on that document, so nothing is an orphan.
    let out = atlas(&["check-annotations", HYPOTHESIS]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Hypothesis export") && text.contains("1 on the documents their address names"), "{text}");
    assert!(text.contains("3 annotations, 0 links: ok"), "{text}");
    // So does export --annotations: one badge on ¶51 (two notes), one on the document.
    let out = atlas(&["export", "--format", "svg", "--annotations", HYPOTHESIS]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).matches("class=\"badge\"").count(), 2, "¶51 and the document");
}

#[test]
fn check_annotations_with_a_document_still_checks_the_bundled_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("other.txt");
    std::fs::write(&doc, "Another resolution\n\n1. We recall resolution 70/125 on the World Summit.\n").expect("write");
    let doc_s = doc.to_str().expect("path");
    let out = atlas(&["check-annotations", EXAMPLE, doc_s]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("3 annotations, 1 link: ok"), "{}", stdout(&out));
    let out = atlas(&["check-annotations", EXAMPLE, doc_s, "--no-bundled"]);
    assert!(!out.status.success());
    assert!(stdout(&out).contains("is not in the loaded documents"), "{}", stdout(&out));
}

#[test]
fn outline_reports_facts_outline_conservation_and_every_line_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wsis20-outcome.txt");
    std::fs::write(&path, include_str!("../assets/wsis20-outcome.txt")).expect("write");
    let out = atlas(&["outline", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "(A/RES/80/173)",
        "  adopted: 17 December 2025",
        "  from: A/80/L.41",
        "  meeting: 68th plenary meeting",
        "  agenda item: 15",
        "PP1–PP8",
        "  Internet governance",
        "¶88–¶103",
        "  Follow-up and review",
        "¶119–¶127",
        "127 numbered paragraphs, 8 preambular, 17 headings, 0 annexes, 12 footnotes",
        "words of body text, all placed",
        "156 lines set aside as furniture or metadata",
        "      1  masthead        United Nations",
        "     66  page marker     2/20",
        "     60  running header  Outcome document of the high-level meeting of the",
        "   1331  closing         68th plenary meeting",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(!text.contains("warnings:"), "{text}");
    // --brief counts the set-aside lines without listing them.
    let brief = stdout(&atlas(&["outline", "--brief", path.to_str().expect("utf-8 path")]));
    assert!(brief.contains("156 lines set aside") && !brief.contains("masthead        United Nations"), "{brief}");
}

#[test]
fn outline_of_the_bundled_document_and_of_a_missing_file() {
    let out = atlas(&["outline"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("77 numbered paragraphs, 0 preambular, 9 headings"), "{text}");
    assert!(text.contains("5,834 words of body text, all placed"), "{text}");
    let out = atlas(&["outline", "/no/such/file.txt"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("/no/such/file.txt"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

/// The `pos` of each node in a DOT export, in points (y up).
fn dot_positions(dot: &str) -> std::collections::HashMap<String, [f32; 2]> {
    dot.lines()
        .filter_map(|line| {
            let id = line.trim().strip_prefix('"')?.split('"').next()?.to_owned();
            let pos = line.split("pos=\"").nth(1)?.split('!').next()?;
            let (x, y) = pos.split_once(',')?;
            Some((id, [x.parse().ok()?, y.parse().ok()?]))
        })
        .collect()
}

#[test]
fn export_layout_reading_places_the_paragraphs_in_document_order() {
    let out = atlas(&["export", "--format", "dot", "--layout", "reading"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reading = dot_positions(&stdout(&out));
    let map = dot_positions(&stdout(&atlas(&["export", "--format", "dot"])));
    assert!(reading.len() > 150 && reading.len() == map.len(), "{} {}", reading.len(), map.len());
    assert_ne!(reading, map);
    // DOT's y grows upward: reading goes right along a row, then down.
    let at = |k: u32| reading[&format!("para:wsis10:{k}")];
    for k in 1..77 {
        let (a, b) = (at(k), at(k + 1));
        assert!(b[1] < a[1] || (b[1] == a[1] && b[0] > a[0]), "¶{k} {a:?} then ¶{} {b:?}", k + 1);
    }
    let bad = atlas(&["export", "--format", "dot", "--layout", "spiral"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("possible values: map, reading"), "{}", stderr(&bad));
}

#[test]
fn stats_names_unnumbered_headings_once_and_counts_in_words() {
    let out = atlas(&["stats", "bundled:wsis20"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("    Introduction: 14 paragraphs"), "{text}");
    assert!(!text.contains("introduction Introduction"), "{text}");
    assert!(!text.contains(" 1 paragraphs"), "{text}");
}

#[test]
fn export_writes_gexf_and_both_csv_tables() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (format, name, start) in [
        ("gexf", "map.gexf", "<?xml"),
        ("nodes-csv", "map-nodes.csv", "id,label,kind,"),
        ("links-csv", "map-links.csv", "source,target,source_label,"),
    ] {
        let path = dir.path().join(name);
        let out = atlas(&["export", "--format", format, "--out", path.to_str().expect("UTF-8 path")]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let text = std::fs::read_to_string(&path).expect("written");
        assert!(text.starts_with(start), "{format}: {}", &text[..80.min(text.len())]);
    }
}
