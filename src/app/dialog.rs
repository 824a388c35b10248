//! Where dialogs may go: inside the window, below the menu bar. The app
//! notes that area each frame once the menu bar is drawn ([`set_area`]),
//! and every modal dialog is made by [`modal`], constrained to it (the
//! Compare window is given the area directly).

/// The key under which the frame's dialog area is kept in egui's memory.
fn key() -> egui::Id {
    egui::Id::unique("wsis_atlas_dialog_area")
}

/// Notes this frame's dialog area (the window less the menu bar).
pub fn set_area(ctx: &egui::Context, area: egui::Rect) {
    ctx.data_mut(|d| d.insert_temp(key(), area));
}

/// This frame's dialog area: the window below the menu bar (the whole
/// window before the menu bar is first drawn).
#[must_use]
pub fn area(ctx: &egui::Context) -> egui::Rect {
    ctx.data(|d| d.get_temp(key())).unwrap_or_else(|| ctx.content_rect())
}

/// A modal dialog named `name`, centred in the window and kept inside the
/// dialog area: never over the menu bar, never past the window's edges.
#[must_use]
pub fn modal(ctx: &egui::Context, name: &str) -> egui::Modal {
    let id = egui::Id::unique(name);
    egui::Modal::new(id).area(egui::Modal::default_area(id).constrain_to(area(ctx)))
}
