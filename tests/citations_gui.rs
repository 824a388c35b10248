//! Integration test: a document's bibliography in the detail panel
//! ("Cites: 6 resolutions, 17 instruments"), each entry selectable — the
//! list `wsis-atlas references` prints, in the window (issue 21).

use egui_kittest::kittest::{NodeT as _, Queryable as _};

use wsis_atlas::app::command::Command;

use super::gui_support::bundled_at_rest as harness;

#[test]
fn the_document_panel_lists_what_it_cites_and_each_entry_selects_its_node() {
    let mut harness = harness();
    let graph = &harness.state().workspace.graph;
    let doc = graph.index_of("doc:wsis10").expect("the bundled document");
    // The first entry: the opening of the list is in view without scrolling.
    let ict = graph.index_of("res:A/RES/68/302").expect("a cited resolution");
    let label = graph.node(ict).map(|n| n.label.clone()).expect("its label");
    harness.state_mut().push(Command::Select(doc));
    harness.run();
    // Nothing of the panel runs past the window's edge: a panel wider than
    // its largest size would slide under the map, which then covers (and
    // takes the clicks of) its left edge.
    let wide: Vec<String> = harness
        .query_all_by(|n| n.bounding_box().is_some_and(|b| b.x1 > 1281.0))
        .map(|n| format!("{:?} {:?}", n.accesskit_node().label(), n.rect()))
        .collect();
    assert!(wide.is_empty(), "past the window's right edge: {wide:?}");

    // The same counts as `wsis-atlas references` prints for the bundled text.
    let cites: Vec<String> = harness
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Cites")))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(cites, ["Cites: 6 resolutions, 17 instruments"]);
    harness.get_by_label("Cites: 6 resolutions, 17 instruments").click();
    harness.run();
    let entries: Vec<String> =
        harness.query_all_by_role(egui::accesskit::Role::Link).filter_map(|n| n.accesskit_node().label()).collect();
    for cited in ["69/166", "68/302", "70/1", "HRC 26/13", "Tunis Agenda"] {
        assert!(entries.iter().any(|e| e.contains(cited)), "{cited} not among {entries:?}");
    }

    harness.get_by_role_and_label(egui::accesskit::Role::Link, &label).click_accesskit();
    harness.run();
    assert_eq!(harness.state().view.selected, Some(ict), "the entry selects the resolution");
    // The panel now shows the resolution: the paragraph that cites it.
    assert!(
        harness
            .query_by(|n| n.role() == egui::accesskit::Role::Link && n.label().is_some_and(|l| l.trim() == "¶1"))
            .is_some(),
        "¶1 cites 68/302 and is listed"
    );

    // With the mouse too: back to the document, a click on the entry selects it.
    harness.state_mut().push(Command::Select(doc));
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Link, &label).click();
    harness.run();
    assert_eq!(harness.state().view.selected, Some(ict), "a click on the entry selects the resolution");
}
