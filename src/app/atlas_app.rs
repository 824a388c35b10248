//! The eframe application: owns the world (workspace, view, settings,
//! notes, status, undo) and the panels, each with its own UI state. Each
//! frame it draws the panels, which read the world through [`World`] and
//! return [`Command`]s; then [`AtlasApp::apply`] changes the world.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::canvas::Canvas;
use super::command::{Command, CompareStart, Dialog, ExportKind, Panel};
use super::compare_view::CompareView;
use super::detail_panel::DetailPanel;
use super::export_dialog::ExportDialog;
use super::loading::{Loading, Opened};
use super::menu::MenuBar;
use super::notes::{self, Notes};
use super::open_prompt::{self, OpenPrompt};
use super::settings::{Settings, ThemeChoice};
use super::side_panel::SidePanel;
use super::status::{Level, Status, StatusBar};
use super::undo::UndoHistory;
use super::view::ViewState;
use super::workspace::Workspace;
use super::world::World;
use crate::document;
use crate::scene::ColorBy;

/// Said when a quit waits for an open Annotate or Link dialog.
pub const DRAFT_OPEN: &str = "Not quitting: the Annotate dialog holds a draft — save or cancel it first";

/// Most of the window's width the side panel may take.
pub const SIDE_SHARE: f32 = 0.2;
/// Most of the window's width the detail panel may take: with the side
/// panel's, under half, so the map keeps at least half the window.
pub const DETAIL_SHARE: f32 = 0.28;

/// A panel's width range: `min..=max` points, but never more than `most`
/// (its share of the window), the minimum giving way first.
fn panel_range(min: f32, max: f32, most: f32) -> egui::Rangef {
    let max = max.min(most).max(1.0);
    egui::Rangef::new(min.min(max), max)
}

/// Layout time allowed per frame, so the window stays responsive.
const LAYOUT_BUDGET: Duration = Duration::from_millis(8);

/// The world of `$app` as the panels read it, borrowing each field on its
/// own, so that a panel (another field) can be borrowed mutably beside it.
macro_rules! world {
    ($app:ident) => {
        World {
            workspace: &$app.workspace,
            view: &$app.view,
            settings: &$app.settings,
            notes: &$app.notes,
            status: &$app.status,
        }
    };
}

/// The explorer window.
pub struct AtlasApp {
    /// Open documents, their graph and layout.
    pub workspace: Workspace,
    /// What is shown.
    pub view: ViewState,
    /// Remembered between runs.
    pub settings: Settings,
    /// The status bar's message.
    pub status: Status,
    /// The open annotation set and its dialogs.
    pub notes: Notes,
    /// Undo and redo of moves, pins, hides and focus.
    pub undo: UndoHistory,
    /// The menu bar.
    pub menu_bar: MenuBar,
    /// The side panel (search, filters, notes list).
    pub side_panel: SidePanel,
    /// The detail panel.
    pub detail_panel: DetailPanel,
    /// The map.
    pub canvas: Canvas,
    /// The status bar.
    pub status_bar: StatusBar,
    /// The "open a path" prompt, when shown.
    pub open_prompt: Option<OpenPrompt>,
    /// The compare view, a tab beside the map, when open.
    pub compare: Option<CompareView>,
    /// The mandates window, when shown.
    pub mandates: Option<super::mandates_view::MandatesView>,
    /// The export dialog, when shown.
    pub export_dialog: Option<ExportDialog>,
    /// Where windows (Compare documents) may go: below the menu bar.
    pub dialog_area: egui::Rect,
    /// Where the nodes of the drag under way were when it started (for undo).
    drag_from: Vec<(petgraph::stable_graph::NodeIndex, crate::layout::pins::Placement)>,
    pending: Vec<Command>,
    /// Documents being opened off the UI thread.
    loading: Option<Loading>,
    /// How long the frame that asks to open documents waits for them before
    /// it shows a progress line and leaves the work to its thread.
    pub open_wait: Duration,
    /// The window title last sent: a viewport command requests a repaint,
    /// so sending it every frame would keep the window repainting forever.
    title_sent: Option<String>,
}

impl AtlasApp {
    /// The app on a workspace, with settings (restored or default).
    #[must_use]
    pub fn new(workspace: Workspace, settings: Settings) -> Self {
        let mut app = AtlasApp {
            workspace,
            view: ViewState::default(),
            settings,
            status: Status::default(),
            notes: Notes::default(),
            undo: UndoHistory::default(),
            menu_bar: MenuBar,
            side_panel: SidePanel::default(),
            detail_panel: DetailPanel,
            canvas: Canvas::default(),
            status_bar: StatusBar,
            open_prompt: None,
            compare: None,
            mandates: None,
            export_dialog: None,
            dialog_area: egui::Rect::EVERYTHING,
            drag_from: Vec::new(),
            pending: Vec::new(),
            loading: None,
            open_wait: OPEN_WAIT,
            title_sent: None,
        };
        app.view.color_by = app.settings.color_by;
        app.restore_pins();
        app.restore_arrangement();
        app
    }

    /// Builds the app inside eframe: restores settings, opens `files` (the
    /// bundled document when empty) and reports files that failed.
    #[must_use]
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, files: &[PathBuf]) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        apply_theme(&cc.egui_ctx, settings.theme);
        if !files.is_empty() {
            // Files named on the command line open off the UI thread: the
            // window shows at once, with the progress in its status bar.
            let mut app = AtlasApp::new(Workspace::empty(), settings);
            app.start_opening(files, Some(cc.egui_ctx.clone()), Duration::ZERO);
            return app;
        }
        let (mut app, errors) = match Workspace::open(files) {
            Ok((workspace, errors)) => (AtlasApp::new(workspace, settings), errors),
            Err(e) => {
                // Only a broken bundled lexicon gets here; show an empty map and say why.
                log::error!("{e:#}");
                let workspace = Workspace::bundled().unwrap_or_else(|_| Workspace::empty());
                let mut app = AtlasApp::new(workspace, settings);
                app.status.set(Level::Error, format!("{e:#}"));
                (app, Vec::new())
            }
        };
        app.report_load_errors(&errors);
        if errors.is_empty() {
            for f in files.iter().filter(|f| document::bundled_path(f).is_none()) {
                app.settings.remember_document(f.clone());
            }
        }
        app
    }

    /// Queues a command, as a panel would.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// The world as the panels read it.
    #[must_use]
    pub fn world(&self) -> World<'_> {
        world!(self)
    }

    /// Draws the map alone into `ui` and keeps what it saw (camera, hover);
    /// returns its commands, not applied. For benchmarks of a frame.
    pub fn canvas_only_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let world = world!(self);
        let (commands, seen) = self.canvas.ui(ui, &world);
        self.view.take_canvas_view(seen);
        commands
    }

    fn report_load_errors(&mut self, errors: &[crate::document::LoadError]) {
        if let Some(first) = errors.first() {
            let more = if errors.len() > 1 { format!(" (and {} more)", errors.len() - 1) } else { String::new() };
            self.status.set(Level::Error, format!("{first}{more}"));
            for e in errors {
                log::warn!("{e}");
            }
        }
    }

    /// The remembered arrangement, shown at once (a new map, no animation).
    fn restore_arrangement(&mut self) {
        self.workspace.layout.arrange_now(&self.workspace.graph, self.settings.arrangement);
    }

    /// Moves to another arrangement by an animated transition, the camera
    /// moving with it to frame (discs and labels) where the visible nodes
    /// are going.
    fn set_arrangement(&mut self, ctx: &egui::Context, to: crate::layout::Arrangement) {
        self.settings.arrangement = to;
        let layout = &mut self.workspace.layout;
        layout.arrange(&self.workspace.graph, to);
        let Some(camera) = self.view.camera else { return };
        let layout = &self.workspace.layout;
        let destination = layout.destination();
        let graph = &self.workspace.graph;
        let position = |n: petgraph::stable_graph::NodeIndex| {
            let i = *layout.index_of.get(&n)?;
            destination.get(i).copied()
        };
        let style = crate::style::Style::of(ctx);
        let framed =
            super::canvas::fit_camera(graph, &position, &|n| self.view.is_visible(graph, n), camera.size, &style);
        self.view.camera_motion = Some(crate::camera_motion::CameraMotion::lasting(
            camera,
            framed,
            crate::layout::reading::TRANSITION_SECONDS,
        ));
    }

    /// Runs layout steps within the frame budget, or the transition between
    /// arrangements by `dt` seconds; true while still moving.
    fn step_layout(&mut self, dt: f32) -> bool {
        if self.workspace.layout.advance(dt) {
            return true;
        }
        if !self.workspace.layout.simulates() {
            return false;
        }
        if self.view.paused || self.workspace.layout.sim.is_settled() {
            return false;
        }
        let start = Instant::now();
        while start.elapsed() < LAYOUT_BUDGET && !self.workspace.layout.sim.is_settled() {
            self.workspace.layout.sim.step();
        }
        !self.workspace.layout.sim.is_settled()
    }

    /// Applies the view's visibility to the layout (hidden nodes leave it).
    fn sync_visibility(&mut self) {
        if !self.view.visibility_changed {
            return;
        }
        self.view.visibility_changed = false;
        let graph = &self.workspace.graph;
        let visible: Vec<_> = graph.node_indices().map(|n| (n, self.view.is_in_layout(graph, n))).collect();
        for (n, v) in visible {
            self.workspace.layout.set_active(n, v);
        }
    }

    fn restore_pins(&mut self) {
        let Some(pins) = self.settings.pinned.get(&self.workspace.pin_key()) else { return };
        for (id, pos) in pins {
            if let Some(n) = self.workspace.graph.index_of(id) {
                self.workspace.layout.set_position(n, *pos);
                self.workspace.layout.set_pinned(n, true);
            }
        }
    }

    pub(crate) fn remember_pin(&mut self, node: petgraph::stable_graph::NodeIndex, pinned: bool) {
        let Some(id) = self.workspace.graph.node(node).map(|n| n.id.clone()) else { return };
        let key = self.workspace.pin_key();
        let pins = self.settings.pinned.entry(key).or_default();
        match (pinned, self.workspace.position(node)) {
            (true, Some(pos)) => {
                pins.insert(id, pos);
            }
            _ => {
                pins.remove(&id);
            }
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let before = super::undo::Recorder::before(self, &command);
        self.apply_command(ctx, command);
        if let Some(before) = before {
            before.record(self);
        }
    }

    fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        let graph = &self.workspace.graph;
        match command {
            Command::Select(n) => {
                if graph.node(n).is_some() {
                    // One node: the multi-selection goes.
                    self.view.selected_many.clear();
                    self.view.select(n);
                    if !self.settings.show_detail_panel {
                        self.settings.show_detail_panel = true;
                    }
                }
            }
            Command::Deselect => {
                self.view.selected = None;
                self.view.selected_many.clear();
                self.view.selected_edge = None;
            }
            Command::SelectEdge(s, t, kind) => {
                if graph.node(s).is_some() && graph.node(t).is_some() {
                    self.view.selected = None;
                    self.view.selected_edge = Some((s, t, kind));
                    self.settings.show_detail_panel = true;
                }
            }
            Command::Back => self.view.back(),
            Command::Forward => self.view.forward(),
            Command::Focus(n) => {
                self.view.focus_on(graph, n);
                self.view.select(n);
            }
            Command::LeaveFocus => self.view.leave_focus(),
            Command::SetFocusDepth(d) => self.view.set_focus_depth(graph, d),
            Command::FitToView => self.view.fit_requested = true,
            Command::ZoomToSelection => super::follow::zoom_to_selection(self),
            Command::ToggleKind(k) => self.view.toggle_kind(k),
            Command::ToggleSection(id) => self.view.toggle_section(&id),
            Command::SetThematic(on) => self.view.show_thematic = on,
            Command::SetHulls(on) => self.settings.show_hulls = on,
            Command::SetMinimap(on) => self.settings.show_minimap = on,
            Command::SetArrangement(to) => self.set_arrangement(ctx, to),
            Command::SetColorBy(c) => {
                self.view.color_by = c;
                // Turning to role colours opens the clause-role list (the legend) once.
                self.side_panel.reveal_roles = c == ColorBy::Role;
                self.settings.color_by = c;
            }
            Command::TogglePause => {
                self.view.paused = !self.view.paused;
                if !self.view.paused {
                    self.workspace.layout.sim.reheat();
                }
            }
            Command::SetPinned(n, pinned) => {
                self.workspace.layout.set_pinned(n, pinned);
                if !pinned {
                    self.workspace.layout.sim.reheat();
                }
                self.remember_pin(n, pinned);
            }
            Command::UnpinAll => {
                let nodes: Vec<_> = self.workspace.graph.node_indices().collect();
                for n in nodes {
                    self.workspace.layout.set_pinned(n, false);
                }
                self.settings.pinned.remove(&self.workspace.pin_key());
                self.workspace.layout.sim.reheat();
            }
            Command::RelayoutAll => {
                self.workspace.layout =
                    crate::layout::atlas::AtlasLayout::new(&self.workspace.graph, super::workspace::LAYOUT_SEED);
                self.settings.pinned.remove(&self.workspace.pin_key());
                self.restore_arrangement();
                self.view.visibility_changed = true;
                self.view.fit_requested = true;
            }
            Command::ShowOpenDialog => self.show_open_dialog(false),
            Command::ShowAddDialog => self.show_open_dialog(true),
            Command::OpenDocuments(files) => self.start_opening(&files, Some(ctx.clone()), self.open_wait),
            Command::AddDocuments(files) => self.add_documents(&files),
            Command::OpenBundled(ids) => {
                let paths: Vec<PathBuf> =
                    ids.iter().filter_map(|id| document::bundled_document(id)).map(|b| b.path()).collect();
                // The bundled documents are small and known: they open
                // within the frame that asks, whatever the machine's load.
                self.start_opening(&paths, Some(ctx.clone()), Duration::MAX);
            }
            Command::Search(text) => {
                self.view.search = text;
                self.view.run_search(&self.workspace.graph);
            }
            Command::Quit if self.notes.editor.is_some() || self.notes.link_picker.is_some() => {
                self.status.set(Level::Info, DRAFT_OPEN);
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ToggleDocument(id) => self.view.toggle_document(&id),
            Command::CloseDocument(id) => self.close_document(&id),
            Command::Notes(c) => notes::apply::apply(self, ctx, c),
            Command::ToggleRole(role) => self.view.toggle_role(role),
            Command::Moved(moves) => self.moved(moves),
            Command::StartDrag(n) => self.drag_from = self.workspace.layout.begin_drag(n),
            Command::DragTo(n, pos) => self.workspace.layout.set_position(n, pos),
            Command::Drop(n, at) => {
                // Exactly where released, pinned; only its neighbourhood adjusts.
                if let Some(pos) = at {
                    self.workspace.layout.place(n, crate::layout::pins::Placement { pos, pinned: true });
                }
                let layout = &self.workspace.layout;
                let moves = std::mem::take(&mut self.drag_from)
                    .into_iter()
                    .filter_map(|(m, from)| Some((m, from, layout.placement(m)?)))
                    .collect();
                self.moved(moves);
            }
            Command::ShowPathPrompt => {
                self.open_prompt =
                    Some(OpenPrompt::new("Type the path of a text document. You can also drop files onto the window."));
            }
            Command::ShowExportDialog(ExportKind::Image) => {
                self.export_dialog = Some(ExportDialog::image_of(&self.view))
            }
            Command::ShowExportDialog(ExportKind::Data) => self.export_dialog = Some(ExportDialog::data()),
            Command::Export => self.export(),
            Command::BrowseExport => {
                if let Some(dialog) = self.export_dialog.as_mut() {
                    super::export_dialog::browse(dialog);
                }
            }
            Command::ShowCompare(start) => {
                self.compare = Some(match start {
                    CompareStart::Empty => CompareView::default(),
                    CompareStart::Wsis10ToWsis20 => {
                        CompareView::wsis10_to_wsis20(&self.workspace.graph).unwrap_or_default()
                    }
                });
            }
            Command::CloseDialog(Dialog::PathPrompt) => self.open_prompt = None,
            Command::CloseDialog(Dialog::Export) => self.export_dialog = None,
            Command::CloseDialog(Dialog::Compare) => self.compare = None,
            Command::ShowMandates(name) => {
                self.mandates = Some(match name {
                    Some(name) => super::mandates_view::MandatesView::for_addressee(&name),
                    None => self.mandates.take().unwrap_or_default(),
                });
            }
            Command::CloseDialog(Dialog::Mandates) => self.mandates = None,
            Command::ShowClause(id, span) => {
                if let Some(index) = self.workspace.graph.index_of(&id) {
                    self.view.clause_mark = Some((index, span));
                    self.apply_command(ctx, Command::Select(index));
                }
            }
            Command::FocusSearch => {
                self.side_panel.focus_search = true;
                self.settings.show_side_panel = true;
            }
            Command::SetPanel(Panel::Side, shown) => self.settings.show_side_panel = shown,
            Command::SetPanel(Panel::Detail, shown) => self.settings.show_detail_panel = shown,
            Command::SetTheme(choice) => {
                self.settings.theme = choice;
                apply_theme(ctx, choice);
            }
            Command::DismissStatus => self.status.clear(),
            Command::CloseMenus => {
                if egui::Popup::is_any_open(ctx) {
                    egui::Popup::close_all(ctx);
                    self.canvas.context_node = None;
                }
            }
            Command::ToggleInSelection(_)
            | Command::SelectMany(_)
            | Command::HideSelection
            | Command::ShowOnlySelection
            | Command::ShowEverything
            | Command::PinSelection(_)
            | Command::ExportSelection(_) => super::selection::apply(self, command),
            Command::Undo => super::undo::step(self, super::undo::Direction::Undo),
            Command::Redo => super::undo::step(self, super::undo::Direction::Redo),
        }
    }

    /// A drag's moves: remembers the dragged node's pin, records the move for undo.
    fn moved(
        &mut self,
        moves: Vec<(petgraph::stable_graph::NodeIndex, crate::layout::pins::Placement, crate::layout::pins::Placement)>,
    ) {
        if let Some(&(n, _, to)) = moves.first() {
            self.remember_pin(n, to.pinned);
        }
        self.undo.record(super::undo::Change::Placements(moves));
    }

    /// Writes the export dialog's file; it closes, or keeps the error.
    fn export(&mut self) {
        let Some(dialog) = self.export_dialog.as_mut() else { return };
        let world = world!(self);
        match super::export_dialog::write_export(&world, dialog) {
            Ok(path) => {
                self.status.set(Level::Info, format!("Exported {}", path.display()));
                self.export_dialog = None;
            }
            Err(e) => dialog.error = Some(e),
        }
    }

    fn show_open_dialog(&mut self, add: bool) {
        let started = Instant::now();
        let picked = rfd::FileDialog::new()
            .set_title(if add { "Add documents to the map" } else { "Open documents" })
            .add_filter("Documents", &["txt", "text", "pdf"])
            .add_filter("All files", &["*"])
            .pick_files();
        match picked {
            Some(files) if !files.is_empty() && add => self.add_documents(&files),
            Some(files) if !files.is_empty() => self.pending.push(Command::OpenDocuments(files)),
            // Answered faster than a person can cancel: no dialog could be shown.
            _ if started.elapsed() < Duration::from_millis(300) => {
                self.open_prompt = Some(open_prompt::OpenPrompt {
                    add,
                    ..open_prompt::OpenPrompt::new(
                        "No file dialog is available here (no desktop portal). Type a path, or drop a file onto the window.",
                    )
                });
            }
            _ => {}
        }
    }

    /// Starts opening `files` (the bundled document when empty) off the UI
    /// thread, in place of any opening under way, and waits for it at most
    /// `wait`: what opens that fast replaces the map in this frame.
    fn start_opening(&mut self, files: &[PathBuf], ctx: Option<egui::Context>, wait: Duration) {
        self.loading = Some(Loading::start(files.to_vec(), ctx));
        self.poll_loading(wait);
    }

    /// Whether documents are being opened off the UI thread.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Takes the opened documents if they are ready (waiting at most
    /// `wait`), else updates the progress line.
    fn poll_loading(&mut self, wait: Duration) {
        let Some(loading) = &self.loading else { return };
        match loading.poll(wait) {
            Some(opened) => {
                let files = std::mem::take(&mut self.loading).map(|l| l.files).unwrap_or_default();
                self.status.set_progress(None);
                self.open_documents(&files, opened);
            }
            None => self.status.set_progress(Some(loading.describe())),
        }
    }

    fn open_documents(&mut self, files: &[PathBuf], opened: Opened) {
        match opened {
            Ok((workspace, errors)) => {
                if !files.is_empty() && workspace.graph.documents().is_empty() {
                    // Nothing could be read: keep what is open.
                    self.report_load_errors(&errors);
                    return;
                }
                // Bundled documents are always in File → Open bundled document.
                for f in workspace.files.iter().filter(|f| document::bundled_path(f).is_none()) {
                    self.settings.remember_document(f.clone());
                }
                self.workspace = workspace;
                self.view.reset_for_new_graph();
                self.undo.clear();
                self.canvas.last_scene = None;
                self.restore_pins();
                self.restore_arrangement();
                if errors.is_empty() {
                    let names: Vec<String> = self.workspace.graph.documents().iter().map(|d| d.title.clone()).collect();
                    self.status.set(Level::Info, format!("Opened {}", names.join("; ")));
                } else {
                    self.report_load_errors(&errors);
                }
            }
            Err(e) => self.status.set(Level::Error, format!("{e:#}")),
        }
    }

    fn add_documents(&mut self, files: &[PathBuf]) {
        let before = self.workspace.graph.documents().len();
        match self.workspace.add(files) {
            Ok(errors) => {
                let added = self.workspace.graph.documents().len() - before;
                for f in files {
                    if !errors.iter().any(|e| e.to_string().contains(&f.display().to_string())) {
                        self.settings.remember_document(f.clone());
                    }
                }
                self.view.forget_missing(&self.workspace.graph);
                self.view.visibility_changed = true;
                self.canvas.last_scene = None;
                if errors.is_empty() {
                    self.status.set(Level::Info, format!("Added {added} document(s)"));
                } else {
                    self.report_load_errors(&errors);
                }
            }
            Err(e) => self.status.set(Level::Error, format!("{e:#}")),
        }
    }

    fn close_document(&mut self, id: &str) {
        let source = self.workspace.graph.documents().iter().find(|d| d.id == id).map(|d| d.source.clone());
        if self.workspace.close(id) {
            self.view.hidden_documents.remove(id);
            self.view.forget_missing(&self.workspace.graph);
            self.view.visibility_changed = true;
            self.undo.clear();
            self.canvas.last_scene = None;
            self.status.set(Level::Info, format!("Closed {}", source.unwrap_or_else(|| id.to_owned())));
        }
    }

    /// Files dropped onto the window: `.json` and `.jsonld` files open as
    /// annotations (another tool's format is imported after asking), other
    /// files are added to the map as documents.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        let (notes, documents): (Vec<PathBuf>, Vec<PathBuf>) = dropped.into_iter().partition(|p| {
            p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonld"))
        });
        if let Some(file) = notes.into_iter().next() {
            self.pending.push(Command::Notes(super::command::NotesCommand::Dropped(file)));
        }
        if !documents.is_empty() {
            self.pending.push(Command::AddDocuments(documents));
        }
    }

    /// The window title: the open documents, "• " first with unsaved notes.
    #[must_use]
    pub fn title(&self) -> String {
        let docs = self.workspace.graph.documents();
        let unsaved = self.notes.title_prefix();
        match docs {
            [] => format!("{unsaved}WSIS Atlas"),
            [one] => format!("{unsaved}{} — WSIS Atlas", one.title),
            many => format!("{unsaved}{} documents — WSIS Atlas", many.len()),
        }
    }
}

/// Applies a theme choice to egui.
pub fn apply_theme(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

/// [`AtlasApp::open_wait`]'s default: a fraction of a second.
const OPEN_WAIT: Duration = Duration::from_millis(250);
/// How long each later frame waits for them.
const FRAME_WAIT: Duration = Duration::from_millis(10);

impl eframe::App for AtlasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Closing the window does not lose a draft in the Annotate dialog either.
        if ctx.input(|i| i.viewport().close_requested())
            && (self.notes.editor.is_some() || self.notes.link_picker.is_some())
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.status.set(Level::Info, DRAFT_OPEN);
        }
        notes::tick(self, ctx);
        if self.loading.is_some() {
            // A frame's worth of waiting: the map keeps drawing at its pace.
            self.poll_loading(FRAME_WAIT);
            ctx.request_repaint();
        }
        self.dropped_files(ctx);
        self.sync_visibility();
        if self.step_layout(ctx.input(|i| i.stable_dt).min(0.1)) {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let selected_before = self.view.selected;
        // Keys first, so that what they open (Ctrl+E, Ctrl+F) is drawn this frame.
        let keys = super::shortcuts::shortcuts(&ctx, &self.world(), self.open_prompt.is_some());
        if !keys.is_empty() {
            ctx.request_repaint();
        }
        for command in keys {
            self.apply(&ctx, command);
        }
        let title = self.title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }

        // The panels read the world and return commands; none changes it.
        let world = world!(self);
        let mut commands = Vec::new();
        let menu_bar = egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(self.menu_bar.ui(ui, &world)));
        // Dialogs stay inside the window, below the menu bar.
        let dialog_area = ctx.content_rect().with_min_y(menu_bar.response.rect.max.y);
        super::dialog::set_area(&ctx, dialog_area);
        egui::Panel::bottom("status_bar").show(ui, |ui| commands.extend(self.status_bar.ui(ui, &world)));
        // The map keeps at least half the window's width, whatever the panels.
        let width = ctx.content_rect().width();
        if world.settings.show_side_panel {
            egui::Panel::left("side_panel")
                .resizable(true)
                .default_size(260.0)
                .size_range(panel_range(180.0, 480.0, SIDE_SHARE * width))
                .show(ui, |ui| commands.extend(self.side_panel.ui(ui, &world)));
        }
        if world.settings.show_detail_panel {
            egui::Panel::right("detail_panel")
                .resizable(true)
                .default_size(360.0)
                .size_range(panel_range(240.0, 720.0, DETAIL_SHARE * width))
                .show(ui, |ui| commands.extend(self.detail_panel.ui(ui, &world)));
        }
        let mut on_map = false;
        let mut seen = None;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if let Some(compare) = self.compare.as_mut() {
                compare.tabs_ui(ui, &mut commands);
                if !compare.showing_map {
                    compare.ui(ui, &world, &mut commands);
                    return;
                }
            }
            let (map, view) = self.canvas.ui(ui, &world);
            on_map = map.iter().any(|c| matches!(c, Command::Select(_) | Command::ToggleInSelection(_)));
            commands.extend(map);
            seen = Some(view);
        });
        if let Some(dialog) = self.export_dialog.as_mut() {
            dialog.ui(&ctx, &world, &mut commands);
        }
        if let Some(mandates) = self.mandates.as_mut() {
            mandates.ui(&ctx, &world, dialog_area, &mut commands);
        }
        if let Some(prompt) = self.open_prompt.as_mut() {
            prompt.ui(&ctx, world.settings, &mut commands);
        }
        notes::dialogs_ui(&ctx, &mut self.notes, &self.workspace.graph, &mut commands);

        // What the canvas saw (camera, hover) is kept before the commands
        // are applied: a command may move the camera on from there.
        self.dialog_area = dialog_area;
        if let Some(seen) = seen {
            self.view.take_canvas_view(seen);
        }
        commands.extend(std::mem::take(&mut self.pending));
        if !commands.is_empty() {
            // The panels were drawn before the commands: draw again to show their effect.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        // A selection made elsewhere than on the map comes into view.
        if self.view.selected != selected_before && !on_map {
            super::follow::follow_selection(self);
        }
        self.sync_visibility();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
