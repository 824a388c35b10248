//! Annotations in the window, one job per file:
//!
//! - [`state`]: the open annotation set ([`Notes`]), the note editor's and
//!   the link picker's fields, the questions waiting for an answer;
//! - [`apply`]: the controller — applies each
//!   [`NotesCommand`](super::command::NotesCommand) (open, save, close,
//!   import, export, with their file dialogs and "save first?" questions),
//!   sets up at start and writes the crash-recovery copy once a frame;
//! - the dialogs, each reading its state and returning commands:
//!   [`editor`], [`link_picker`], [`unsaved`], [`recovery`],
//!   [`import_question`];
//! - the panels' parts: [`list`] (every note, in the side panel),
//!   [`node_notes`] (the selected node's notes, in the detail panel),
//!   [`menu`] (the File menu's entries, the map's right-click entries, the
//!   keys).
//!
//! Badges and user links on the map are the model's
//! [`Overlay`](crate::annotations::Overlay), drawn by the scene.

pub mod apply;
pub mod editor;
pub mod import_question;
pub mod link_picker;
pub mod list;
pub mod menu;
pub mod node_notes;
pub mod recovery;
pub mod state;
pub mod unsaved;

pub use apply::{start, tick};
pub use editor::NOTE_FIELD;
pub use menu::{EXPORT_W3C_ITEM, IMPORT_ITEM};
pub use state::{LinkPicker, NoteEditor, Notes, QuoteSpan, RECOVERY_INTERVAL, Then};

use super::command::Command;
use crate::graph::AtlasGraph;

/// The notes' dialogs, in this order (a later one over an earlier): note
/// editor, link picker, unsaved-changes question, recovery offer, import
/// question. The editor and the picker change only their own fields.
pub fn dialogs_ui(ctx: &egui::Context, notes: &mut Notes, graph: &AtlasGraph, out: &mut Vec<Command>) {
    editor::editor_ui(ctx, &mut notes.editor, out);
    link_picker::link_picker_ui(ctx, &mut notes.link_picker, graph, out);
    unsaved::unsaved_ui(ctx, notes, out);
    recovery::recovery_ui(ctx, notes, out);
    import_question::import_question_ui(ctx, notes, out);
}
