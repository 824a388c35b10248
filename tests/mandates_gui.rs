//! Integration test: the mandates window on both bundled outcomes — open
//! it from the View menu, filter on "Secretary-General", click a row: its
//! paragraph is in the detail panel with the clause marked.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::command::Command;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::workspace::Workspace;

/// A node's text: a label's is its value.
fn text_of(n: &egui_kittest::Node<'_>) -> String {
    let node = n.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

fn frames(harness: &mut Harness<'_, AtlasApp>) {
    harness.run_steps(4);
}

#[test]
fn filter_by_addressee_and_open_a_row_in_the_detail_panel() {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|_cc| AtlasApp::new(Workspace::bundled().expect("bundled document"), Settings::default()));
    frames(&mut harness);
    harness.state_mut().push(Command::OpenBundled(vec!["wsis10", "wsis20"]));
    for _ in 0..50 {
        frames(&mut harness);
        if harness.state().workspace.graph.documents().len() == 2 {
            break;
        }
    }
    assert_eq!(harness.state().workspace.graph.documents().len(), 2);

    harness.get_by_label("View").click();
    frames(&mut harness);
    harness.get_by_label("Mandates…").click();
    frames(&mut harness);
    assert!(harness.state().mandates.is_some(), "the mandates window is open");
    let all = harness.query_by_label_contains(" mandates; ").map(|n| text_of(&n)).unwrap_or_default();
    let seen: Vec<String> = harness.query_all_by_label_contains("andates").map(|n| text_of(&n)).collect();
    assert!(all.contains(" of "), "{all:?} {seen:?}");

    harness.get_by_label("Addressee").click();
    frames(&mut harness);
    harness.get_by_label("Addressee").type_text("Secretary-General");
    frames(&mut harness);
    let view = harness.state().mandates.as_ref().expect("still open");
    assert_eq!(view.addressee, "Secretary-General");
    let summary = harness.query_by_label_contains(" mandates; ").map(|n| text_of(&n)).unwrap_or_default();
    assert_ne!(summary, all, "the filter narrowed the table");

    // The rows shown, written from the window: the command's CSV, filtered.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("sg.csv");
    if let Some(view) = harness.state_mut().mandates.as_mut() {
        view.path = file.display().to_string();
    }
    harness.get_by_label("Write").click();
    frames(&mut harness);
    let csv = std::fs::read_to_string(&file).expect("the window wrote the file");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.get(5).is_some_and(|a| a.contains("Secretary-General"))), "only the filtered rows");
    assert!(summary.starts_with(&format!("{} of ", rows.len())), "{summary}");

    // The first row's paragraph link.
    let link = harness
        .query_all_by_label_contains("¶")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Link)
        .expect("a row's paragraph link");
    link.click();
    frames(&mut harness);
    let state = harness.state();
    let selected = state.view.selected.expect("the row's paragraph is selected");
    let node = state.workspace.graph.node(selected).expect("a node");
    assert_eq!(node.kind, wsis_atlas::graph::NodeKind::Paragraph);
    assert!(node.text.as_deref().is_some_and(|t| t.contains("Secretary-General")), "{}", node.label);
    let (at, span) = state.view.clause_mark.clone().expect("the clause is marked");
    assert_eq!(at, selected);
    let clause = node.text.as_deref().and_then(|t| t.get(span)).unwrap_or_default().to_owned();
    assert!(clause.contains("Secretary-General"), "{clause}");
    let label = node.label.clone();
    assert!(harness.query_by_label(&label).is_some(), "the detail panel is headed by {label}");
    // The clause's opening words are drawn, marked, in the panel.
    let opening: String = clause.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    assert!(harness.query_all_by_label_contains(&opening).next().is_some(), "{opening}");
}
