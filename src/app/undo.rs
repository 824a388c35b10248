//! Undo and redo (Ctrl+Z, Ctrl+Shift+Z) of what changes the map's
//! arrangement: node moves and pins, and the view's hides (kinds,
//! sections, documents, the selection's nodes), "show only the selection"
//! and focus.
//! No egui here: the app records [`Change`]s and applies what
//! [`UndoHistory::undo`] and [`UndoHistory::redo`] hand back.

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use super::AtlasApp;
use super::command::Command;
use super::view::ViewState;
use crate::graph::NodeKind;
use crate::layout::pins::Placement;

/// Most changes remembered.
const MAX_UNDO: usize = 200;

/// What the view's filters and focus were: the part of the view undo restores.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewFilters {
    /// Hidden node kinds.
    pub hidden_kinds: BTreeSet<NodeKind>,
    /// Hidden sections (node ids).
    pub hidden_sections: BTreeSet<String>,
    /// Hidden documents (ids).
    pub hidden_documents: BTreeSet<String>,
    /// The role filter.
    pub role_filter: BTreeSet<crate::analysis::roles::Role>,
    /// The focused node.
    pub focus: Option<NodeIndex>,
    /// Hops around it.
    pub focus_depth: usize,
    /// Nodes hidden one by one (Hide selection).
    pub hidden_nodes: BTreeSet<NodeIndex>,
    /// "Show only the selection".
    pub only_nodes: Option<BTreeSet<NodeIndex>>,
}

impl ViewFilters {
    /// The view's current filters and focus.
    #[must_use]
    pub fn of(view: &ViewState) -> Self {
        ViewFilters {
            hidden_kinds: view.hidden_kinds.clone(),
            hidden_sections: view.hidden_sections.clone(),
            hidden_documents: view.hidden_documents.clone(),
            role_filter: view.role_filter.clone(),
            focus: view.focus,
            focus_depth: view.focus_depth,
            hidden_nodes: view.hidden_nodes.clone(),
            only_nodes: view.only_nodes.clone(),
        }
    }

    /// Puts them back into `view`.
    pub fn restore(&self, view: &mut ViewState, graph: &crate::graph::AtlasGraph) {
        view.hidden_kinds.clone_from(&self.hidden_kinds);
        view.hidden_sections.clone_from(&self.hidden_sections);
        view.hidden_documents.clone_from(&self.hidden_documents);
        view.role_filter.clone_from(&self.role_filter);
        let exists = |n: &NodeIndex| graph.node(*n).is_some();
        view.hidden_nodes = self.hidden_nodes.iter().copied().filter(exists).collect();
        if view.only_nodes != self.only_nodes {
            view.fit_requested = true;
        }
        view.only_nodes = self.only_nodes.as_ref().map(|only| only.iter().copied().filter(exists).collect());
        view.focus_depth = self.focus_depth;
        match self.focus {
            Some(n) if graph.node(n).is_some() => view.focus_on(graph, n),
            _ => view.leave_focus(),
        }
        view.visibility_changed = true;
    }
}

/// One undoable change, with what was before and what came after.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Nodes moved or (un)pinned: each node with its placement before and after.
    Placements(Vec<(NodeIndex, Placement, Placement)>),
    /// Hides, role filter or focus changed.
    View(Box<ViewFilters>, Box<ViewFilters>),
}

/// The direction a change is applied in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Back to the state before the change.
    Undo,
    /// Forward to the state after it.
    Redo,
}

/// The undo and redo stacks.
#[derive(Debug, Default, Clone)]
pub struct UndoHistory {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl UndoHistory {
    /// Records a change just made (a no-op change is not recorded); the redo
    /// stack is dropped.
    pub fn record(&mut self, change: Change) {
        let empty = match &change {
            Change::Placements(p) => p.iter().all(|(_, a, b)| a == b),
            Change::View(a, b) => a == b,
        };
        if empty {
            return;
        }
        self.redo.clear();
        self.undo.push(change);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
    }

    /// The change to revert, if any (it moves to the redo stack).
    pub fn undo(&mut self) -> Option<Change> {
        let c = self.undo.pop()?;
        self.redo.push(c.clone());
        Some(c)
    }

    /// The change to apply again, if any (it moves back to the undo stack).
    pub fn redo(&mut self) -> Option<Change> {
        let c = self.redo.pop()?;
        self.undo.push(c.clone());
        Some(c)
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new graph: the node indices mean other nodes).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// What an undoable command is about to change, taken before it runs.
pub enum Recorder {
    /// Nodes a pin command changes, with their placements before.
    Placements(Vec<(NodeIndex, Placement)>),
    /// The view's filters and focus before.
    View(Box<ViewFilters>),
}

impl Recorder {
    /// What `command` may change, if it is undoable (moves are recorded by
    /// [`Command::Moved`] itself).
    #[must_use]
    pub fn before(app: &AtlasApp, command: &Command) -> Option<Self> {
        let layout = &app.workspace.layout;
        match command {
            Command::SetPinned(n, _) => {
                Some(Recorder::Placements(layout.placement(*n).map(|p| (*n, p)).into_iter().collect()))
            }
            Command::PinSelection(_) => Some(Recorder::Placements(
                app.view.selection().into_iter().filter_map(|n| Some((n, layout.placement(n)?))).collect(),
            )),
            Command::UnpinAll => Some(Recorder::Placements(
                app.workspace
                    .graph
                    .node_indices()
                    .filter(|&n| layout.is_pinned(n))
                    .filter_map(|n| Some((n, layout.placement(n)?)))
                    .collect(),
            )),
            Command::ToggleKind(_)
            | Command::ToggleSection(_)
            | Command::ToggleDocument(_)
            | Command::ToggleRole(_)
            | Command::Focus(_)
            | Command::LeaveFocus
            | Command::SetFocusDepth(_)
            | Command::HideSelection
            | Command::ShowOnlySelection
            | Command::ShowEverything => Some(Recorder::View(Box::new(ViewFilters::of(&app.view)))),
            _ => None,
        }
    }

    /// Records the change the command made.
    pub fn record(self, app: &mut AtlasApp) {
        let change = match self {
            Recorder::Placements(before) => {
                let layout = &app.workspace.layout;
                Change::Placements(before.into_iter().filter_map(|(n, b)| Some((n, b, layout.placement(n)?))).collect())
            }
            Recorder::View(before) => Change::View(before, Box::new(ViewFilters::of(&app.view))),
        };
        app.undo.record(change);
    }
}

/// Undoes or redoes the last change, if any; says so in the status bar.
pub fn step(app: &mut AtlasApp, direction: Direction) {
    let change = match direction {
        Direction::Undo => app.undo.undo(),
        Direction::Redo => app.undo.redo(),
    };
    let Some(change) = change else {
        let what = if direction == Direction::Undo { "Nothing to undo" } else { "Nothing to redo" };
        app.status.set(super::status::Level::Info, what);
        return;
    };
    let undo = direction == Direction::Undo;
    match change {
        Change::Placements(list) => {
            let to: Vec<_> = list.iter().map(|&(n, before, after)| (n, if undo { before } else { after })).collect();
            app.workspace.layout.restore(&to, undo);
            for (n, p) in to {
                app.remember_pin(n, p.pinned);
            }
        }
        Change::View(before, after) => {
            let filters = if undo { before } else { after };
            filters.restore(&mut app.view, &app.workspace.graph);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(x: f32) -> Change {
        let a = Placement { pos: [0.0, 0.0], pinned: false };
        Change::Placements(vec![(NodeIndex::new(1), a, Placement { pos: [x, 0.0], pinned: true })])
    }

    #[test]
    fn undo_then_redo_walks_the_stacks_and_a_new_change_drops_redo() {
        let mut h = UndoHistory::default();
        assert!(h.undo().is_none());
        h.record(moved(1.0));
        h.record(moved(2.0));
        assert_eq!(h.undo(), Some(moved(2.0)));
        assert!(h.can_redo());
        assert_eq!(h.redo(), Some(moved(2.0)));
        assert_eq!(h.undo(), Some(moved(2.0)));
        h.record(moved(3.0));
        assert!(!h.can_redo());
        assert_eq!(h.undo(), Some(moved(3.0)));
        assert_eq!(h.undo(), Some(moved(1.0)));
        assert!(!h.can_undo());
    }

    #[test]
    fn no_op_changes_are_not_recorded() {
        let mut h = UndoHistory::default();
        let a = Placement { pos: [1.0, 1.0], pinned: true };
        h.record(Change::Placements(vec![(NodeIndex::new(0), a, a)]));
        let f = ViewFilters::of(&ViewState::default());
        h.record(Change::View(Box::new(f.clone()), Box::new(f)));
        assert!(!h.can_undo());
    }
}
