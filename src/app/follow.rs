//! The camera follows the reader: a selection made anywhere but on the map
//! (find, lists, references, history, panel links) is brought into view,
//! and Z frames the selection with its neighbours — each by a short
//! animated move ([`crate::camera_motion`]).

use super::AtlasApp;
use crate::camera_motion::{self, CameraMotion};

/// Brings the selection into view unless it is already well inside it and
/// readable.
pub fn follow_selection(app: &mut AtlasApp) {
    let graph = &app.workspace.graph;
    let (Some(n), Some(camera)) = (app.view.selected, app.view.camera) else { return };
    if !app.view.is_visible(graph, n) {
        return;
    }
    let Some(p) = app.workspace.position(n) else { return };
    let radius = crate::layout::node_radius(graph, n);
    if let Some(to) = camera_motion::follow(&camera, p, radius) {
        app.view.camera_motion = Some(CameraMotion::new(camera, to));
    }
}

/// Frames the selection and its visible neighbours (Z); several nodes
/// selected, frames them.
pub fn zoom_to_selection(app: &mut AtlasApp) {
    let graph = &app.workspace.graph;
    let Some(camera) = app.view.camera else { return };
    let points: Vec<[f32; 2]> = if app.view.selected_many.len() > 1 {
        let shown = app.view.selected_many.iter().filter(|&&m| app.view.is_visible(graph, m));
        shown.filter_map(|&m| app.workspace.position(m)).collect()
    } else {
        let Some(n) = app.view.selected else { return };
        std::iter::once(n)
            .chain(graph.inner().neighbors_undirected(n).filter(|&m| app.view.is_visible(graph, m)))
            .filter_map(|m| app.workspace.position(m))
            .collect()
    };
    if points.is_empty() {
        return;
    }
    let to = camera_motion::frame(&camera, points);
    app.view.camera_motion = Some(CameraMotion::new(camera, to));
}
