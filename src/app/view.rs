//! What the window is showing and how user intent changes it: selection and
//! its history, hover, focus, filters, search, the camera. No painting here:
//! panels return [`Command`](super::command::Command)s, applied once the
//! frame's panels are drawn.

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use crate::graph::{AtlasGraph, EdgeKind, NodeKind};
use crate::scene::{Camera, Highlight};

/// What the canvas saw in a frame, for the view to keep: the camera after
/// this frame's zoom, pan, fit or animated move, and what is under the pointer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasView {
    /// The camera the frame was painted with.
    pub camera: Camera,
    /// The animated move still under way.
    pub motion: Option<crate::camera_motion::CameraMotion>,
    /// The node under the pointer (or being dragged).
    pub hovered: Option<NodeIndex>,
    /// The edge under the pointer, off any disc.
    pub hovered_edge: Option<(NodeIndex, NodeIndex, EdgeKind)>,
    /// Whether the camera was fitted to the shown nodes (a fit asked for is done).
    pub fitted: bool,
}

/// Whether a kind is an entity a paragraph refers to (not document structure).
fn is_entity(kind: NodeKind) -> bool {
    !matches!(kind, NodeKind::Document | NodeKind::Section | NodeKind::Paragraph)
}

/// Hops allowed around a focused node.
pub const FOCUS_DEPTHS: std::ops::RangeInclusive<usize> = 1..=3;

/// The window's view of the graph.
#[derive(Debug, Clone)]
pub struct ViewState {
    /// `None` until the first frame, which fits the graph into the canvas.
    pub camera: Option<Camera>,
    /// The camera's animated move under way (following the selection, Z).
    pub camera_motion: Option<crate::camera_motion::CameraMotion>,
    /// The selected node: the one the detail panel shows.
    pub selected: Option<NodeIndex>,
    /// The multi-selection (Shift+click, Shift+drag a box), drawn with
    /// rings; see [`super::selection`].
    pub selected_many: BTreeSet<NodeIndex>,
    /// Nodes hidden one by one (Hide selection).
    pub hidden_nodes: BTreeSet<NodeIndex>,
    /// When set, only these nodes are shown (Show only selection).
    pub only_nodes: Option<BTreeSet<NodeIndex>>,
    history: Vec<NodeIndex>,
    history_pos: usize,
    /// The node under the pointer.
    pub hovered: Option<NodeIndex>,
    /// The edge under the pointer, when no disc is (source, target, kind).
    pub hovered_edge: Option<(NodeIndex, NodeIndex, EdgeKind)>,
    /// The selected edge, explained in the detail panel while no node is selected.
    pub selected_edge: Option<(NodeIndex, NodeIndex, EdgeKind)>,
    /// Focused node, if the map shows only its neighbourhood.
    pub focus: Option<NodeIndex>,
    /// Hops around the focused node.
    pub focus_depth: usize,
    focus_set: BTreeSet<NodeIndex>,
    /// Node kinds hidden by the filter.
    pub hidden_kinds: BTreeSet<NodeKind>,
    /// Sections (node ids) whose paragraphs are hidden.
    pub hidden_sections: BTreeSet<String>,
    /// Documents (ids, `wsis10`) whose sections and paragraphs are hidden.
    pub hidden_documents: BTreeSet<String>,
    /// When not empty: only paragraphs with one of these clause roles are shown.
    pub role_filter: BTreeSet<crate::analysis::roles::Role>,
    /// Whether thematic SDG links are shown.
    pub show_thematic: bool,
    /// What a disc's colour tells: kind or clause role.
    pub color_by: crate::scene::ColorBy,
    /// The search box.
    pub search: String,
    /// Search results, best first.
    pub search_hits: Vec<NodeIndex>,
    /// A clause to highlight in a paragraph's text (a mandate's row
    /// opened from the mandates window): the paragraph and the byte range.
    pub clause_mark: Option<(NodeIndex, std::ops::Range<usize>)>,
    /// Layout paused by the user.
    pub paused: bool,
    /// Set when the visible set changed and the layout must be told.
    pub visibility_changed: bool,
    /// Set when the camera should frame everything on the next frame.
    pub fit_requested: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            camera: None,
            camera_motion: None,
            selected: None,
            selected_many: BTreeSet::new(),
            hidden_nodes: BTreeSet::new(),
            only_nodes: None,
            history: Vec::new(),
            history_pos: 0,
            hovered: None,
            hovered_edge: None,
            selected_edge: None,
            focus: None,
            focus_depth: 1,
            focus_set: BTreeSet::new(),
            hidden_kinds: BTreeSet::new(),
            hidden_sections: BTreeSet::new(),
            hidden_documents: BTreeSet::new(),
            role_filter: BTreeSet::new(),
            show_thematic: true,
            color_by: crate::scene::ColorBy::Kind,
            search: String::new(),
            search_hits: Vec::new(),
            clause_mark: None,
            paused: false,
            visibility_changed: false,
            fit_requested: true,
        }
    }
}

/// Most search results listed.
pub const MAX_SEARCH_HITS: usize = 200;

impl ViewState {
    /// Selects `node`, recording it in the history (dropping any forward entries).
    pub fn select(&mut self, node: NodeIndex) {
        if self.selected == Some(node) {
            return;
        }
        self.history.truncate(self.history_pos);
        self.history.push(node);
        self.history_pos = self.history.len();
        self.selected = Some(node);
    }

    /// Whether [`ViewState::back`] would do something.
    #[must_use]
    pub fn can_go_back(&self) -> bool {
        self.history_pos > 1
    }

    /// Whether [`ViewState::forward`] would do something.
    #[must_use]
    pub fn can_go_forward(&self) -> bool {
        self.history_pos < self.history.len()
    }

    /// The previous selection.
    pub fn back(&mut self) {
        if self.can_go_back() {
            self.history_pos -= 1;
            self.selected = self.history.get(self.history_pos - 1).copied();
        }
    }

    /// The next selection.
    pub fn forward(&mut self) {
        if self.can_go_forward() {
            self.history_pos += 1;
            self.selected = self.history.get(self.history_pos - 1).copied();
        }
    }

    /// Focuses on a node's neighbourhood.
    pub fn focus_on(&mut self, graph: &AtlasGraph, node: NodeIndex) {
        self.focus = Some(node);
        self.focus_set = graph.neighbourhood(node, self.focus_depth);
        self.visibility_changed = true;
        self.fit_requested = true;
    }

    /// Changes the focus depth, recomputing the neighbourhood.
    pub fn set_focus_depth(&mut self, graph: &AtlasGraph, depth: usize) {
        self.focus_depth = depth.clamp(*FOCUS_DEPTHS.start(), *FOCUS_DEPTHS.end());
        if let Some(node) = self.focus {
            self.focus_on(graph, node);
        }
    }

    /// Shows everything again.
    pub fn leave_focus(&mut self) {
        if self.focus.take().is_some() {
            self.focus_set.clear();
            self.visibility_changed = true;
            self.fit_requested = true;
        }
    }

    /// Whether a node is shown: its kind is not hidden, its section is not
    /// hidden, it is not hidden on its own nor left out by "show only the
    /// selection", and it lies in the focused neighbourhood (if any).
    #[must_use]
    pub fn is_visible(&self, graph: &AtlasGraph, node: NodeIndex) -> bool {
        self.only_nodes.as_ref().is_none_or(|only| only.contains(&node)) && self.is_in_layout(graph, node)
    }

    /// Whether a node takes part in the layout: [`ViewState::is_visible`]
    /// but for "show only the selection", which leaves the map as it is
    /// (the selected nodes stay where they were) and only shows less of it.
    #[must_use]
    pub fn is_in_layout(&self, graph: &AtlasGraph, node: NodeIndex) -> bool {
        let Some(n) = graph.node(node) else { return false };
        if self.hidden_nodes.contains(&node) {
            return false;
        }
        if self.hidden_kinds.contains(&n.kind) {
            return false;
        }
        if n.kind == NodeKind::Paragraph
            && !self.hidden_sections.is_empty()
            && let (Some(doc), Some(section)) = (&n.document, &n.section)
        {
            // No id built per paragraph per frame: hidden sections are few.
            if self.hidden_sections.iter().any(|s| crate::id::is_section(s, doc, section)) {
                return false;
            }
        }
        if self.hidden_sections.contains(&n.id) {
            return false;
        }
        if n.kind == NodeKind::Paragraph
            && !self.role_filter.is_empty()
            && !n.roles.iter().any(|r| self.role_filter.contains(r))
        {
            return false;
        }
        let own_doc = if n.kind == NodeKind::Document { Some(n.id.as_str()) } else { n.document.as_deref() };
        if let Some(doc) = own_doc
            && self.hidden_documents.contains(crate::id::document_key(doc))
        {
            return false;
        }
        if !(self.focus.is_none() || self.focus_set.contains(&node)) {
            return false;
        }
        // With a role filter, an entity shows only while a shown paragraph links to it.
        if !self.role_filter.is_empty() && is_entity(n.kind) {
            let shown_paragraph = |m: NodeIndex| {
                graph.node(m).is_some_and(|p| p.kind == NodeKind::Paragraph) && self.is_in_layout(graph, m)
            };
            return graph.inner().neighbors_undirected(node).any(shown_paragraph);
        }
        true
    }

    /// Whether edges of a kind are drawn.
    #[must_use]
    pub fn is_edge_visible(&self, kind: EdgeKind) -> bool {
        kind != EdgeKind::Thematic || self.show_thematic
    }

    /// Shows or hides a kind.
    pub fn toggle_kind(&mut self, kind: NodeKind) {
        if !self.hidden_kinds.remove(&kind) {
            self.hidden_kinds.insert(kind);
        }
        self.visibility_changed = true;
    }

    /// Shows or hides a section's paragraphs.
    pub fn toggle_section(&mut self, section_id: &str) {
        if !self.hidden_sections.remove(section_id) {
            self.hidden_sections.insert(section_id.to_owned());
        }
        self.visibility_changed = true;
    }

    /// Adds a role to the role filter, or removes it.
    pub fn toggle_role(&mut self, role: crate::analysis::roles::Role) {
        if !self.role_filter.remove(&role) {
            self.role_filter.insert(role);
        }
        self.visibility_changed = true;
    }

    /// Shows or hides a document's own nodes.
    pub fn toggle_document(&mut self, doc_id: &str) {
        if !self.hidden_documents.remove(doc_id) {
            self.hidden_documents.insert(doc_id.to_owned());
        }
        self.visibility_changed = true;
    }

    /// Takes what the canvas saw this frame: where its camera is, the move
    /// under way, what is under the pointer.
    pub fn take_canvas_view(&mut self, seen: CanvasView) {
        self.camera = Some(seen.camera);
        self.camera_motion = seen.motion;
        self.hovered = seen.hovered;
        self.hovered_edge = seen.hovered_edge;
        if seen.fitted {
            self.fit_requested = false;
        }
    }

    /// Re-runs the search for the current text.
    pub fn run_search(&mut self, graph: &AtlasGraph) {
        self.search_hits = graph.search(&self.search).into_iter().take(MAX_SEARCH_HITS).map(|h| h.index).collect();
    }

    /// Hover, selection and search matches for the scene.
    #[must_use]
    pub fn highlight(&self) -> Highlight {
        Highlight {
            hovered: self.hovered,
            selected: self.selected,
            selected_many: self.selected_many.clone(),
            matches: if self.search.trim().is_empty() {
                BTreeSet::new()
            } else {
                self.search_hits.iter().copied().collect()
            },
        }
    }

    /// Forgets everything that refers to node indices (after the graph is replaced).
    pub fn reset_for_new_graph(&mut self) {
        let keep = ViewState {
            hidden_kinds: std::mem::take(&mut self.hidden_kinds),
            show_thematic: self.show_thematic,
            focus_depth: self.focus_depth,
            ..ViewState::default()
        };
        *self = keep;
        self.visibility_changed = true;
    }

    /// Drops references to nodes that no longer exist.
    pub fn forget_missing(&mut self, graph: &AtlasGraph) {
        let exists = |n: &NodeIndex| graph.node(*n).is_some();
        self.history.retain(exists);
        self.history_pos = self.history_pos.min(self.history.len());
        self.selected = self.selected.filter(exists);
        self.selected_many.retain(exists);
        self.hidden_nodes.retain(exists);
        if let Some(only) = self.only_nodes.as_mut() {
            only.retain(exists);
        }
        self.hovered = self.hovered.filter(exists);
        if self.focus.is_some_and(|f| !exists(&f)) {
            self.leave_focus();
        }
        self.search_hits.retain(exists);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> AtlasGraph {
        AtlasGraph::bundled().unwrap_or_default()
    }

    #[test]
    fn history_goes_back_and_forward() {
        let g = graph();
        let ids: Vec<NodeIndex> = g.node_indices().take(3).collect();
        let mut v = ViewState::default();
        for &n in &ids {
            v.select(n);
        }
        assert_eq!(v.selected, ids.get(2).copied());
        v.back();
        assert_eq!(v.selected, ids.get(1).copied());
        v.back();
        assert_eq!(v.selected, ids.first().copied());
        assert!(!v.can_go_back());
        v.forward();
        assert_eq!(v.selected, ids.get(1).copied());
        // A new selection drops the forward entries.
        if let Some(&n) = ids.first() {
            v.select(n);
        }
        assert!(!v.can_go_forward());
    }

    #[test]
    fn hiding_a_kind_hides_its_nodes_and_focus_limits_to_the_neighbourhood() {
        let g = graph();
        let mut v = ViewState::default();
        let para = g.index_of("para:wsis10:1");
        assert!(para.is_some());
        let Some(para) = para else { return };
        assert!(v.is_visible(&g, para));
        v.toggle_kind(NodeKind::Paragraph);
        assert!(!v.is_visible(&g, para));
        v.toggle_kind(NodeKind::Paragraph);
        v.focus_on(&g, para);
        let far = g.index_of("para:wsis10:40");
        assert!(far.is_some_and(|f| !v.is_visible(&g, f)));
        v.leave_focus();
        assert!(far.is_some_and(|f| v.is_visible(&g, f)));
    }

    #[test]
    fn the_role_filter_shows_only_commitments_and_calls() {
        use crate::analysis::roles::Role;
        let g = graph();
        let mut v = ViewState::default();
        let (Some(p1), Some(p32)) = (g.index_of("para:wsis10:1"), g.index_of("para:wsis10:32")) else {
            panic!("¶1 and ¶32")
        };
        v.toggle_role(Role::Commits);
        v.toggle_role(Role::Calls);
        assert!(v.visibility_changed);
        assert!(!v.is_visible(&g, p1), "¶1 recalls");
        assert!(v.is_visible(&g, p32), "¶32 commits and calls");
        // Entities stay.
        assert!(g.index_of("org:CSTD").is_some_and(|n| v.is_visible(&g, n)));
        v.toggle_role(Role::Commits);
        v.toggle_role(Role::Calls);
        assert!(v.is_visible(&g, p1));
    }
}
