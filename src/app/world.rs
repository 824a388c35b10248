//! What the panels read: the open documents, the view, the settings, the
//! notes and the status message, lent for one frame. No panel changes
//! them: a panel returns [`Command`](super::command::Command)s, and only
//! [`AtlasApp::apply`](super::AtlasApp::apply) changes the world.

use super::notes::Notes;
use super::settings::Settings;
use super::status::Status;
use super::view::ViewState;
use super::workspace::Workspace;

/// The app's state, read-only, as every panel sees it.
#[derive(Clone, Copy)]
pub struct World<'a> {
    /// Open documents, their graph and layout.
    pub workspace: &'a Workspace,
    /// What is shown.
    pub view: &'a ViewState,
    /// Remembered between runs.
    pub settings: &'a Settings,
    /// The open annotation set and the questions about it.
    pub notes: &'a Notes,
    /// The status bar's message.
    pub status: &'a Status,
}
