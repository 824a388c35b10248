//! What the user asks for: [`Command`]s (and the annotation file's
//! [`NotesCommand`]s), returned by the panels and applied by
//! [`AtlasApp::apply`](super::AtlasApp::apply) once the frame's panels are
//! drawn. Plain data: this module depends on no panel.

use std::path::PathBuf;

use petgraph::stable_graph::NodeIndex;

use crate::graph::{EdgeKind, NodeKind};

/// Something the user asked for; applied after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Select a node (and remember it in the history).
    Select(NodeIndex),
    /// Clear the selection.
    Deselect,
    /// Select an edge (source, target, kind): the detail panel explains it.
    SelectEdge(NodeIndex, NodeIndex, EdgeKind),
    /// Previous selection.
    Back,
    /// Next selection (after going back).
    Forward,
    /// Show only the neighbourhood of a node.
    Focus(NodeIndex),
    /// Show everything again.
    LeaveFocus,
    /// Hops shown around the focused node (1–3).
    SetFocusDepth(usize),
    /// Frame every visible node.
    FitToView,
    /// Frame the selection and its neighbours, by an animated move.
    ZoomToSelection,
    /// Show or hide a node kind.
    ToggleKind(NodeKind),
    /// Show or hide a section's paragraphs (by node id of the section).
    ToggleSection(String),
    /// Show or hide thematic SDG links.
    SetThematic(bool),
    /// Draw the section hulls, or not (remembered).
    SetHulls(bool),
    /// Show the overview minimap in the canvas's corner, or not (remembered).
    SetMinimap(bool),
    /// Move to the force-directed map or the reading order, animated
    /// (remembered).
    SetArrangement(crate::layout::Arrangement),
    /// Pause or resume the layout.
    TogglePause,
    /// Pin or unpin a node at its current position.
    SetPinned(NodeIndex, bool),
    /// Unpin every node.
    UnpinAll,
    /// Restart the layout from a fresh start.
    RelayoutAll,
    /// Ask for documents to open (native dialog, or the path field).
    ShowOpenDialog,
    /// Replace the open documents with these files.
    OpenDocuments(Vec<PathBuf>),
    /// Add these files to the map.
    AddDocuments(Vec<PathBuf>),
    /// Open bundled documents, replacing what is open (by id: `wsis10`,
    /// `wsis20`; see `document::BUNDLED_DOCUMENTS`).
    OpenBundled(Vec<&'static str>),
    /// Set the search text.
    Search(String),
    /// Close the window.
    Quit,
    /// Show or hide one document's sections and paragraphs (by document id, `wsis10`).
    ToggleDocument(String),
    /// Close one document (by document id); its entities go if nothing else cites them.
    CloseDocument(String),
    /// Ask for documents to add to the map (native dialog, or the path field).
    ShowAddDialog,
    /// Open, save or edit annotations.
    Notes(NotesCommand),
    /// Add or remove a clause role from the role filter.
    ToggleRole(crate::analysis::roles::Role),
    /// Colour discs by node kind or by clause role.
    SetColorBy(crate::scene::ColorBy),
    /// A node was dragged: the placements of it (first) and its
    /// neighbourhood before and after. Remembers its pin, records the move
    /// for undo.
    Moved(Vec<(NodeIndex, crate::layout::pins::Placement, crate::layout::pins::Placement)>),
    /// A drag of a node starts: its neighbourhood is let go, the rest of the
    /// map held, and the placements before are kept for undo.
    StartDrag(NodeIndex),
    /// The dragged node is now here (world coordinates).
    DragTo(NodeIndex, [f32; 2]),
    /// The drag ends: the node is pinned where released (if the pointer is
    /// known), and the move is [`Command::Moved`].
    Drop(NodeIndex, Option<[f32; 2]>),
    /// Undo the last move, pin, hide or focus change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Show the "open a path" prompt (File → Open path…).
    ShowPathPrompt,
    /// Open the export dialog for a picture or for graph data.
    ShowExportDialog(ExportKind),
    /// Ask where the export dialog writes (native save dialog).
    BrowseExport,
    /// Write the export dialog's file (it stays open with the error if that fails).
    Export,
    /// Open the "compare documents" window.
    ShowCompare(CompareStart),
    /// Open the mandates window, its addressee filter set to this name when given.
    ShowMandates(Option<String>),
    /// Select a paragraph (by node id) and highlight a clause of it (byte
    /// range of its text) in the detail panel: a mandate's row.
    ShowClause(String, std::ops::Range<usize>),
    /// Close a dialog or window.
    CloseDialog(Dialog),
    /// Give the search field the keyboard (Ctrl+F), showing the side panel.
    FocusSearch,
    /// Show or hide a panel (remembered).
    SetPanel(Panel, bool),
    /// The window's theme (remembered).
    SetTheme(crate::app::settings::ThemeChoice),
    /// Clear the status bar's message.
    DismissStatus,
    /// Close every open menu, the map's right-click menu with them (Esc).
    CloseMenus,
    /// Add a node to the multi-selection, or take it out (Shift+click); an
    /// added node becomes the one the detail panel shows.
    ToggleInSelection(NodeIndex),
    /// These nodes are the multi-selection now (Shift+drag a box, Ctrl+A).
    SelectMany(Vec<NodeIndex>),
    /// Hide the selected nodes (undoable).
    HideSelection,
    /// Show only the selected nodes and the links among them (undoable).
    ShowOnlySelection,
    /// Leave "show only the selection" and show the nodes hidden one by one
    /// again (undoable).
    ShowEverything,
    /// Pin (true) or unpin every selected node where it is (undoable).
    PinSelection(bool),
    /// Open the export dialog on the selection alone.
    ExportSelection(ExportKind),
}

/// What the export dialog writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A picture (PNG, SVG), its colours as on the map.
    Image,
    /// Graph data (JSON, GraphML, DOT).
    Data,
}

/// What the "compare documents" window starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareStart {
    /// No documents chosen.
    Empty,
    /// WSIS+10 then WSIS+20 (when both are open).
    Wsis10ToWsis20,
}

/// A dialog or window that can be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// The "open a path" prompt.
    PathPrompt,
    /// The export dialog.
    Export,
    /// The "compare documents" window.
    Compare,
    /// The mandates window.
    Mandates,
}

/// A panel that can be shown or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The side panel (search and filters).
    Side,
    /// The detail panel.
    Detail,
}

/// Something to do with annotations.
#[derive(Debug, Clone, PartialEq)]
pub enum NotesCommand {
    /// Ask for an annotation file (native dialog, else the path prompt).
    ShowOpenDialog,
    /// Open this file (asking first if the open set has unsaved changes).
    Open(PathBuf),
    /// Save to the open file (asks where when there is none).
    Save,
    /// Ask where to save (native dialog, else the path prompt).
    ShowSaveAsDialog,
    /// Save to this file.
    SaveAs(PathBuf),
    /// Close the open set (asking first if unsaved).
    Close,
    /// Open the editor for a new note on a node.
    Annotate(NodeIndex),
    /// Open the editor on an existing note.
    Edit(String),
    /// Delete a note.
    Delete(String),
    /// Pick a node to link a node to.
    ShowLinkPicker(NodeIndex),
    /// Delete a user link.
    DeleteLink(String),
    /// Ask for a W3C Web Annotation or Hypothesis file to import (native
    /// dialog, else the path prompt).
    ShowImportDialog,
    /// Add the notes of this file (any format) to the open set.
    Import(PathBuf),
    /// Ask where to write the notes as W3C Web Annotation.
    ShowExportW3cDialog,
    /// Write the notes as W3C Web Annotation to this file.
    ExportW3c(PathBuf),
    /// A `.json` / `.jsonld` file dropped onto the window: opened when it is
    /// a WSIS Atlas file, else imported after asking.
    Dropped(PathBuf),
    /// Keep the note editor's note in the set (the editor closes, or shows why not).
    SaveNote,
    /// Close the note editor, dropping its draft.
    CancelNote,
    /// Draw the link picker's link (the picker closes).
    CreateLink,
    /// Close the link picker.
    CancelLink,
    /// The answer to "save the unsaved notes first?".
    AnswerUnsaved(Answer),
    /// Restore the recovery copy (true) or discard it.
    Restore(bool),
    /// Import the dropped file of another tool's format (true), or not.
    AnswerImport(bool),
    /// Limit the notes list to a tag, or stop limiting it to that tag.
    ToggleTag(String),
}

/// An answer to "save the unsaved notes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do nothing.
    Cancel,
}
