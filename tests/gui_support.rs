//! What the map's window tests share: the real app on the bundled document
//! with its layout at rest, where its canvas is, and a key press.

use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::workspace::Workspace;

/// The real app on the bundled document, its layout at rest, in a 1280×800 window.
pub fn bundled_at_rest() -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(120)
        // The Compare window's hint has an arrow the test font lacks.
        .allow_missing_glyphs()
        .build_eframe(|_cc| {
            let mut app = AtlasApp::new(Workspace::bundled().expect("bundled document"), Settings::default());
            app.workspace.layout.sim.run_to_rest(20_000);
            app
        });
    harness.run();
    harness
}

/// The canvas's rectangle in the window: the largest area without a role
/// (the minimap in its corner is another).
pub fn canvas_rect(harness: &Harness<'_, AtlasApp>) -> Rect {
    harness
        .get_all_by_role(Role::Unknown)
        .map(|n| n.rect())
        .max_by(|a, b| a.area().total_cmp(&b.area()))
        .expect("the canvas")
}

/// The canvas's top-left corner in window coordinates.
pub fn canvas_origin(harness: &Harness<'_, AtlasApp>) -> Pos2 {
    canvas_rect(harness).min
}

/// Presses `key` with `modifiers` and lets the frames run.
pub fn key(harness: &mut Harness<'_, AtlasApp>, key: Key, modifiers: Modifiers) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}
