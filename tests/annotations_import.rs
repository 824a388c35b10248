//! Integration tests: notes that survive every import (issue 28) — foreign
//! fields that collide with native ones, invalid foreign values, stable ids
//! for id-less notes, concurrent writers of one notes file, the window's
//! merge of changes made on disk, and terminal-safe messages.

use std::error::Error;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};
use wsis_atlas::annotations::{Annotation, AnnotationError, AnnotationSet, from_w3c_str, to_w3c_string};
use wsis_atlas::graph::AtlasGraph;

type TestResult = Result<(), Box<dyn Error>>;

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wsis-atlas")).env_remove("RUST_LOG").args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A notes file holding two notes of the user's, saved; its text.
fn users_notes(path: &Path) -> Result<String, Box<dyn Error>> {
    let mut set = AnnotationSet::new();
    let mut a = Annotation::new("para:wsis10:51", "My own note on privacy");
    a.id = "a-mine-1".into();
    a.colour = Some("#d62728".into());
    a.tags = vec!["privacy".into()];
    set.add_annotation(a)?;
    let mut b = Annotation::new("sdg:5", "Gender");
    b.id = "a-mine-2".into();
    set.add_annotation(b)?;
    set.save_as(path)?;
    Ok(std::fs::read_to_string(path)?)
}

/// The user's two notes, as they are in `set`.
fn mine(set: &AnnotationSet) -> Vec<Annotation> {
    set.annotations().iter().filter(|a| a.id.starts_with("a-mine-")).cloned().collect()
}

/// Issue 28, case 1: each native key carried by a W3C or Hypothesis note,
/// imported from the command line, once wrote a file that never loaded
/// again. Now the foreign value is kept under `w3c:` / `hypothesis:`.
#[test]
fn foreign_keys_that_collide_with_native_ones_are_kept_under_a_namespace() -> TestResult {
    let dir = tempfile::tempdir()?;
    let notes = dir.path().join("NOTES.json");
    let before = users_notes(&notes)?;
    let before = mine(&AnnotationSet::from_json_str(&before)?);
    let values = [
        ("note", json!("a foreign note field")),
        ("author", json!({"name": "someone"})),
        ("quote", json!("not a quote object")),
        ("modified", json!(12)),
        ("colour", json!("red")),
        ("tags", json!("one string")),
    ];
    // The keys each format does not map itself (W3C maps `modified`, Hypothesis `tags`).
    for (kind, keys) in [
        ("w3c", ["note", "author", "quote", "colour", "tags"]),
        ("hypothesis", ["note", "author", "quote", "modified", "colour"]),
    ] {
        for (i, key) in keys.iter().enumerate() {
            let value = values.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
            let (id, doc) = if kind == "w3c" {
                let id = format!("http://ex.org/w{i}");
                (id.clone(), json!([{ "type": "Annotation", "id": id, "target": "sdg:4", *key: value }]))
            } else {
                let id = format!("h{i}");
                (id.clone(), json!([{ "id": id, "uri": "https://ex.org/d", "text": "t", *key: value }]))
            };
            let file = dir.path().join(format!("{kind}-{key}.json"));
            std::fs::write(&file, serde_json::to_string_pretty(&doc)?)?;
            let out = atlas(&[
                "annotations",
                "import",
                file.to_str().unwrap_or_default(),
                "--into",
                notes.to_str().unwrap_or_default(),
            ]);
            assert!(out.status.success(), "{kind} {key}: {}", text(&out.stderr));
            assert!(
                text(&out.stderr).contains(&format!("{key} → {kind}:{key}")),
                "{kind} {key}: {}",
                text(&out.stderr)
            );
            let set = AnnotationSet::load(&notes).map_err(|e| format!("{kind} {key}: {e}"))?;
            assert_eq!(mine(&set), before, "{kind} {key}");
            let imported = set.annotation(&id).ok_or(format!("{kind} {key}: not imported"))?;
            assert_eq!(imported.extra.get(&format!("{kind}:{key}")), Some(&value), "{kind} {key}");
        }
    }
    Ok(())
}

#[test]
fn an_invalid_w3c_colour_is_kept_aside_with_a_warning() -> TestResult {
    let import = from_w3c_str(r#"[{"type": "Annotation", "id": "x", "target": "sdg:4", "wsis-atlas:colour": "red"}]"#)?;
    let a = import.annotations.first().ok_or("nothing imported")?;
    assert_eq!(a.colour, None);
    assert_eq!(a.extra.get("wsis-atlas:colour"), Some(&Value::from("red")));
    assert_eq!(
        import.warnings,
        ["item #1 (x): colour \"red\" is not of the form #rrggbb; kept aside as the field wsis-atlas:colour"]
    );
    // It saves, loads, exports and imports again, still aside.
    let mut set = AnnotationSet::new();
    set.merge(import.annotations, import.links)?;
    let again = AnnotationSet::from_json_str(&set.to_json_string())?;
    let back = from_w3c_str(&to_w3c_string(&again, &wsis_atlas::graph::AtlasGraph::new()))?;
    assert_eq!(back.annotations, again.annotations());
    Ok(())
}

#[test]
fn a_set_that_would_not_load_is_never_saved() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("notes.json");
    let before = users_notes(&path)?;
    let mut set = AnnotationSet::load(&path)?;
    // An edit that would give the file "note" twice is refused, and so is an addition.
    let refused = set.update_annotation("a-mine-1", |a| {
        a.extra.insert("note".into(), Value::from("again"));
    });
    assert!(matches!(refused, Err(AnnotationError::ReservedKey { .. })), "{refused:?}");
    let mut b = Annotation::new("sdg:3", "x");
    b.extra.insert("colour".into(), Value::from("red"));
    let refused = set.add_annotation(b.clone());
    assert_eq!(
        refused.err().map(|e| e.to_string()).unwrap_or_default(),
        format!("annotation {}: an extra field is named \"colour\", like a WSIS Atlas field", b.id)
    );
    assert!(set.merge(vec![b], Vec::new()).is_err());
    set.save()?;
    assert_eq!(std::fs::read_to_string(&path)?, before);
    Ok(())
}

#[test]
fn w3c_export_then_import_keeps_native_fields_named_like_w3c_ones() -> TestResult {
    let mut set = AnnotationSet::new();
    let mut a = Annotation::new("para:wsis10:51", "note");
    for (k, v) in [
        ("motivation", json!("mine")),
        ("type", json!(["x"])),
        ("body", json!({"b": 1})),
        ("@context", json!(3)),
        ("wsis-atlas:colour", json!("not a colour")),
        ("creator", json!("me")),
        ("plain", json!(true)),
    ] {
        a.extra.insert(k.into(), v);
    }
    set.add_annotation(a)?;
    let exported = to_w3c_string(&set, &wsis_atlas::graph::AtlasGraph::new());
    let back = from_w3c_str(&exported)?;
    assert_eq!(back.annotations, set.annotations(), "{exported}");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    Ok(())
}

/// Issue 28, case 5: id-less notes used to get a random id at each import,
/// so a second import stored every note twice.
#[test]
fn id_less_notes_get_stable_ids_and_a_second_import_adds_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let notes = dir.path().join("notes.json");
    let w3c = dir.path().join("w3c.json");
    let same = json!({"type": "Annotation", "target": "sdg:5", "body": {"type": "TextualBody", "value": "same"}});
    let items = json!([same, same, {"type": "Annotation", "target": "sdg:6"}, {"type": "Annotation", "target": "sdg:6", "creator": "b"}]);
    std::fs::write(&w3c, items.to_string())?;
    let hyp = dir.path().join("hyp.json");
    std::fs::write(&hyp, r#"[{"uri": "https://ex.org/a", "text": "n"}, {"uri": "https://ex.org/b", "text": "n"}]"#)?;
    let graph = AtlasGraph::default();
    let mut set = AnnotationSet::new();
    let (_, first) = set.import_file(&w3c, &graph)?;
    assert_eq!(first.added.len(), 4, "identical notes stay distinct: {first:?}");
    let (_, h) = set.import_file(&hyp, &graph)?;
    assert_eq!(h.added.len(), 2);
    set.save_as(&notes)?;
    let mut again = AnnotationSet::load(&notes)?;
    for file in [&w3c, &hyp] {
        let (_, second) = again.import_file(file, &graph)?;
        assert!(second.added.is_empty(), "{second:?}");
    }
    assert_eq!(again.annotations().len(), 6);
    // The ids are derived from the notes, the same from run to run.
    let ids: Vec<&str> = again.annotations().iter().map(|a| a.id.as_str()).collect();
    assert!(ids.iter().all(|id| id.starts_with("a-") && id.len() >= 34), "{ids:?}");
    assert_eq!(ids.first().map(|i| format!("{i}-2")).as_deref(), ids.get(1).copied());
    Ok(())
}

#[test]
fn many_id_less_notes_all_import_once() -> TestResult {
    let items: Vec<Value> = (0..20_000)
        .map(|i| json!({"type": "Annotation", "target": format!("sdg:{}", i % 17), "body": {"type": "TextualBody", "value": format!("n{}", i % 5000)}}))
        .collect();
    let import = from_w3c_str(&Value::Array(items).to_string())?;
    let mut set = AnnotationSet::new();
    let outcome = set.merge(import.annotations.clone(), import.links.clone())?;
    assert_eq!(outcome.added.len(), 20_000);
    let outcome = set.merge(import.annotations, import.links)?;
    assert_eq!((outcome.added.len(), outcome.skipped.len()), (0, 20_000));
    Ok(())
}

#[test]
fn a_bom_and_duplicate_keys_in_foreign_files() -> TestResult {
    let dir = tempfile::tempdir()?;
    let graph = AtlasGraph::default();
    for (name, body) in [
        ("w3c.json", r#"[{"type": "Annotation", "id": "w", "target": "sdg:4"}]"#),
        ("hyp.json", r#"[{"id": "h", "uri": "https://ex.org/d", "text": "t"}]"#),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("\u{feff}{body}"))?;
        let mut set = AnnotationSet::new();
        let (_, outcome) = set.import_file(&path, &graph)?;
        assert_eq!(outcome.added.len(), 1, "{name}");
    }
    let dup = r#"[{"type": "Annotation", "id": "w", "target": "sdg:4", "target": "sdg:5"}]"#;
    let err = from_w3c_str(dup).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("duplicate key \"target\" at line 1"), "{err}");
    Ok(())
}

#[test]
fn a_huge_invalid_time_is_not_echoed_whole() -> TestResult {
    let huge = "x".repeat(4 * 1024 * 1024);
    let doc = json!([{"type": "Annotation", "id": "w", "target": "sdg:4", "created": huge}]);
    let import = from_w3c_str(&doc.to_string())?;
    let warning = import.warnings.first().ok_or("no warning")?;
    assert!(warning.len() < 200, "{} bytes", warning.len());
    assert!(warning.contains("\"xxxxxxxx") && warning.contains("\"… is not RFC 3339"), "{warning}");
    Ok(())
}

// ---- concurrent writers ----

/// Issue 28, case 2: two imports into one file at once lost one's notes.
#[test]
fn processes_importing_into_one_file_at_once_lose_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let notes = dir.path().join("NOTES.json");
    const WRITERS: usize = 6;
    const EACH: usize = 400;
    let mut files = Vec::new();
    for w in 0..WRITERS {
        let items: Vec<Value> = (0..EACH)
            .map(|i| json!({"type": "Annotation", "id": format!("urn:x:{w}:{i}"), "target": format!("sdg:{}", i % 17)}))
            .collect();
        let path = dir.path().join(format!("w{w}.json"));
        std::fs::write(&path, Value::Array(items).to_string())?;
        files.push(path);
    }
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            Command::new(env!("CARGO_BIN_EXE_wsis-atlas"))
                .args(["annotations", "import"])
                .arg(file)
                .arg("--into")
                .arg(&notes)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
        })
        .collect::<Result<_, _>>()?;
    for child in children {
        let out = child.wait_with_output()?;
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let set = AnnotationSet::load(&notes)?;
    assert_eq!(set.annotations().len(), WRITERS * EACH);
    for w in 0..WRITERS {
        for i in 0..EACH {
            assert!(set.annotation(&format!("urn:x:{w}:{i}")).is_some(), "note {i} of writer {w} lost");
        }
    }
    Ok(())
}

/// The window's save while a script imported: the window merges the
/// file's changes before writing, by id against the file as it read it.
#[test]
fn a_save_merges_what_another_writer_changed_meanwhile() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("notes.json");
    users_notes(&path)?;
    let mut window = AnnotationSet::load(&path)?;
    let mut script = AnnotationSet::load(&path)?;
    // The script adds a note, edits one and deletes the other, and saves.
    script.add_annotation(Annotation::new("sdg:9", "from the script"))?;
    script.update_annotation("a-mine-1", |a| a.note = "edited by the script".into())?;
    script.delete_annotation("a-mine-2");
    script.save()?;
    assert!(window.changed_on_disk());
    // Meanwhile the window added a note of its own and edited the one the script deleted.
    window.add_annotation(Annotation::new("sdg:10", "from the window"))?;
    window.update_annotation("a-mine-2", |a| a.note = "edited in the window".into())?;
    window.save()?;
    let on_disk = AnnotationSet::load(&path)?;
    let notes: Vec<&str> = on_disk.annotations().iter().map(|a| a.note.as_str()).collect();
    assert_eq!(notes, ["edited by the script", "edited in the window", "from the window", "from the script"]);
    assert!(!window.is_dirty() && !window.changed_on_disk());

    // A clean window takes the file's changes as they are, and stays clean.
    let mut clean = AnnotationSet::load(&path)?;
    script = AnnotationSet::load(&path)?;
    let gone = script.annotations().first().map(|a| a.id.clone()).unwrap_or_default();
    script.delete_annotation(&gone);
    script.save()?;
    let merged = clean.merge_changes()?.ok_or("no change seen")?;
    assert_eq!((merged.added, merged.updated, merged.removed), (0, 0, 1));
    assert!(!clean.is_dirty());
    assert_eq!(clean.annotations(), AnnotationSet::load(&path)?.annotations());
    assert_eq!(clean.merge_changes()?, None);
    Ok(())
}

// ---- messages ----

#[test]
fn ids_and_targets_reach_the_terminal_escaped() -> TestResult {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("evil.json");
    let doc = json!({
        "format": "wsis-atlas-annotations", "version": 1,
        "annotations": [{"id": "a-1\u{1b}[2J\n0 annotations: ok", "target": "nowhere\r\u{202e}x",
                         "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}]
    });
    std::fs::write(&file, doc.to_string())?;
    let out = atlas(&["check-annotations", file.to_str().unwrap_or_default()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\r') && !stdout.contains('\u{202e}'), "{stdout:?}");
    // One line for the problem and the summary: no fake "0 annotations: ok" line.
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout:?}");
    assert!(lines[0].contains("a-1\\u{1b}[2J\\u{a}0 annotations: ok"), "{stdout:?}");
    assert_eq!(lines[1], "1 annotation, 0 links: 1 problem");
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_fails_the_annotation_commands_and_help() -> TestResult {
    let dir = tempfile::tempdir()?;
    let notes = dir.path().join("n.json");
    users_notes(&notes)?;
    let into = dir.path().join("into.json");
    let n = notes.to_string_lossy();
    let i = into.to_string_lossy();
    for args in [
        format!("check-annotations '{n}'"),
        format!("annotations import '{n}' --into '{i}'"),
        "--help".to_owned(),
        "--version".to_owned(),
    ] {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >&-"))
            .arg(env!("CARGO_BIN_EXE_wsis-atlas"))
            .output()?;
        assert_eq!(out.status.code(), Some(1), "{args}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("standard output is closed"), "{args}: {}", text(&out.stderr));
    }
    assert!(!into.exists(), "nothing imported when the summary cannot be told");
    Ok(())
}

// ---- the property ----

mod any_foreign_note {
    use proptest::prelude::*;
    use serde_json::{Map, Value};
    use wsis_atlas::annotations::AnnotationSet;
    use wsis_atlas::graph::AtlasGraph;

    /// Keys of both vocabularies (native, W3C, Hypothesis), and a few others.
    const KEYS: [&str; 30] = [
        "id",
        "target",
        "quote",
        "note",
        "tags",
        "colour",
        "created",
        "modified",
        "author",
        "from",
        "to",
        "label",
        "@context",
        "type",
        "motivation",
        "body",
        "creator",
        "wsis-atlas:colour",
        "wsis-atlas:extra",
        "urn:wsis-atlas:vocab#colour",
        "uri",
        "text",
        "updated",
        "user",
        "user_info",
        "selector",
        "source",
        "w3c:note",
        "hypothesis:colour",
        "exact",
    ];

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(Value::from),
            "(|red|#d62728|sdg:5|Annotation|AnnotationCollection|linking|tagging|2026-01-01T00:00:00Z|\\PC{0,12})"
                .prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                proptest::collection::vec((proptest::sample::select(&KEYS[..]), inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
            ]
        })
    }

    fn foreign_note() -> impl Strategy<Value = Map<String, Value>> {
        proptest::collection::vec((proptest::sample::select(&KEYS[..]), json_value()), 0..10)
            .prop_map(|kv| kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Import → save → load succeeds (or the import is refused and the
        /// file is untouched), and the user's notes are kept unchanged.
        #[test]
        fn import_save_load_keeps_the_users_notes(note in foreign_note(), w3c in any::<bool>(), typed in any::<bool>(), with_target in any::<bool>()) {
            let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
            let path = dir.path().join("notes.json");
            let before = super::users_notes(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut note = note;
            if w3c && typed {
                note.insert("type".into(), Value::from("Annotation"));
            }
            if with_target {
                let key = if w3c { "target" } else { "uri" };
                note.insert(key.into(), Value::from("sdg:4"));
            }
            if !w3c {
                note.remove("type");
                note.insert("user".into(), Value::from("acct:x@y"));
            }
            let foreign = dir.path().join("foreign.json");
            std::fs::write(&foreign, Value::Array(vec![Value::Object(note)]).to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let graph = AtlasGraph::default();
            let result = AnnotationSet::update_file(&path, |set| set.import_file(&foreign, &graph));
            let after = AnnotationSet::load(&path).map_err(|e| TestCaseError::fail(format!("the file no longer loads: {e}")))?;
            let users = super::mine(&after);
            let original = super::mine(&AnnotationSet::from_json_str(&before).map_err(|e| TestCaseError::fail(e.to_string()))?);
            prop_assert_eq!(users, original);
            match result {
                Ok((_, (_, outcome))) => prop_assert_eq!(after.annotations().len() + after.links().len(), 2 + outcome.added.len()),
                Err(_) => prop_assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), before),
            }
        }
    }
}
