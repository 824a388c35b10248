//! Integration tests: both bundled outcome documents open in the window —
//! through File → Open bundled document — with qualified labels, the
//! "cited by" panel of the WSIS+10 document node, and the one-click
//! WSIS+10 to WSIS+20 comparison.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::command::Command;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::workspace::Workspace;

/// A few frames: enough for menus to open and panels to draw, without
/// waiting for the (two-document) layout to come to rest.
fn frames(harness: &mut Harness<'_, AtlasApp>) {
    harness.run_steps(4);
}

#[test]
fn both_bundled_documents_open_from_the_menu_labelled_cited_and_compared() {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|_cc| AtlasApp::new(Workspace::bundled().expect("bundled document"), Settings::default()));
    frames(&mut harness);
    assert_eq!(harness.state().workspace.graph.documents().len(), 1);
    assert!(harness.query_by_label("Compare WSIS+10 to WSIS+20").is_none());

    harness.get_by_label("File").click();
    frames(&mut harness);
    harness.get_by_label("Open bundled document").hover();
    frames(&mut harness);
    assert!(harness.query_by_label("WSIS+10 outcome (A/RES/70/125)").is_some());
    assert!(harness.query_by_label("WSIS+20 outcome (A/RES/80/173)").is_some());
    harness.get_by_label("Both (WSIS+10 and WSIS+20)").click();
    frames(&mut harness);

    let graph = &harness.state().workspace.graph;
    let ids: Vec<&str> = graph.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["wsis10", "wsis20"]);
    assert!(graph.index_of("doc:wsis10").is_some() && graph.index_of("doc:wsis20").is_some());
    assert_eq!(graph.node_by_id("para:wsis20:53").map(|n| n.label.as_str()), Some("WSIS+20 ¶53"));
    assert_eq!(graph.node_by_id("para:wsis10:53").map(|n| n.label.as_str()), Some("WSIS+10 ¶53"));
    assert!(graph.index_of("res:A/RES/70/125").is_none(), "one node per document");

    // The detail panel of a WSIS+20 paragraph is headed by its qualified label.
    let p53 = graph.index_of("para:wsis20:53").expect("para:wsis20:53");
    let doc10 = graph.index_of("doc:wsis10").expect("doc:wsis10");
    harness.state_mut().push(Command::Select(p53));
    frames(&mut harness);
    assert!(harness.query_by_label("WSIS+20 ¶53").is_some());

    // The WSIS+10 document node lists the WSIS+20 paragraphs citing it.
    harness.state_mut().push(Command::Select(doc10));
    frames(&mut harness);
    assert!(harness.query_by_label_contains("Cited or mentioned by").is_some());
    assert!(harness.query_all_by_label_contains("WSIS+20 ¶").next().is_some(), "the citing WSIS+20 paragraphs");

    // View → Compare WSIS+10 to WSIS+20, in one click.
    harness.get_by_label("View").click();
    frames(&mut harness);
    harness.get_by_label("Compare WSIS+10 to WSIS+20").click();
    frames(&mut harness);
    assert!(harness.query_by_label_contains(" unchanged").is_some(), "the comparison's summary is shown");
    let compare = harness.state().compare.as_ref().expect("the compare view is open");
    assert_eq!((compare.a, compare.b), (Some(doc10), harness.state().workspace.graph.index_of("doc:wsis20")));
    let b = compare.b.expect("later document");
    assert!(compare.is_cached_for(doc10, b), "computed once, kept between frames");
    assert!(harness.query_all_by_label_contains("WSIS+20 ¶").next().is_some(), "rows are labelled by document");
}
