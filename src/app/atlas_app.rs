//! The eframe application: owns the workspace, the view and the settings;
//! draws the panels, then applies the commands they returned.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, PointerButton};

use super::command::Command;
use super::settings::{Settings, ThemeChoice};
use super::status::{Level, Status};
use super::view::ViewState;
use super::workspace::Workspace;
use super::{annotations_ui, canvas, detail_panel, menu, open_prompt, side_panel, status};
use crate::document;
use crate::scene::{ColorBy, Scene};
use crate::style::{Style, Theme};

/// Said when a quit waits for an open Annotate or Link dialog.
pub const DRAFT_OPEN: &str = "Not quitting: the Annotate dialog holds a draft — save or cancel it first";

/// Layout time allowed per frame, so the window stays responsive.
const LAYOUT_BUDGET: Duration = Duration::from_millis(8);

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
    /// The "open a path" prompt, when shown.
    pub open_prompt: Option<open_prompt::OpenPrompt>,
    /// The "compare documents" window, when shown.
    pub compare: Option<super::analysis_ui::CompareView>,
    /// The export dialog, when shown.
    pub export_dialog: Option<super::export_dialog::ExportDialog>,
    /// The last painted scene, for hit-testing the pointer.
    pub last_scene: Option<Scene>,
    /// The canvas's meshes, refilled every frame.
    pub(crate) paint_buffers: super::canvas::PaintBuffers,
    /// Node being dragged on the canvas.
    pub(crate) dragging: Option<petgraph::stable_graph::NodeIndex>,
    /// Node whose context menu is open.
    pub(crate) context_node: Option<petgraph::stable_graph::NodeIndex>,
    /// Set by Ctrl+F: the search field takes focus on the next frame.
    pub(crate) focus_search: bool,
    /// The open annotation set and its dialogs.
    pub notes: annotations_ui::Notes,
    /// Undo and redo of moves, pins, hides and focus.
    pub undo: super::undo::UndoHistory,
    /// Where the dragged node was when the drag started (for undo).
    pub(crate) drag_from: Vec<(petgraph::stable_graph::NodeIndex, crate::layout::pins::Placement)>,
    /// Where windows (Compare documents) may go: below the menu bar.
    pub dialog_area: egui::Rect,
    pending: Vec<Command>,
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
            open_prompt: None,
            export_dialog: None,
            compare: None,
            last_scene: None,
            paint_buffers: super::canvas::PaintBuffers::default(),
            dragging: None,
            context_node: None,
            focus_search: false,
            notes: annotations_ui::Notes::default(),
            undo: super::undo::UndoHistory::default(),
            drag_from: Vec::new(),
            dialog_area: egui::Rect::EVERYTHING,
            pending: Vec::new(),
            title_sent: None,
        };
        app.view.color_by = app.settings.color_by;
        app.restore_pins();
        app
    }

    /// Builds the app inside eframe: restores settings, opens `files` (the
    /// bundled document when empty) and reports files that failed.
    #[must_use]
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, files: &[PathBuf]) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        apply_theme(&cc.egui_ctx, settings.theme);
        let (mut app, errors) = match Workspace::open(files) {
            Ok((workspace, errors)) => (AtlasApp::new(workspace, settings), errors),
            Err(e) => {
                // Only a broken bundled lexicon gets here; show an empty map and say why.
                log::error!("{e:#}");
                let workspace = Workspace::bundled().unwrap_or_else(|_| empty_workspace());
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

    /// The style for the current theme.
    #[must_use]
    pub fn style(&self, ctx: &egui::Context) -> Style {
        Style::new(if ctx.theme() == egui::Theme::Dark { Theme::Dark } else { Theme::Light })
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

    /// Runs layout steps within the frame budget; true while still moving.
    fn step_layout(&mut self) -> bool {
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
        let visible: Vec<_> = graph.node_indices().map(|n| (n, self.view.is_visible(graph, n))).collect();
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
                    self.view.select(n);
                    if !self.settings.show_detail_panel {
                        self.settings.show_detail_panel = true;
                    }
                }
            }
            Command::Deselect => {
                self.view.selected = None;
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
            Command::SetColorBy(c) => {
                self.view.color_by = c;
                self.view.reveal_roles = c == ColorBy::Role;
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
                self.view.visibility_changed = true;
                self.view.fit_requested = true;
            }
            Command::ShowOpenDialog => self.show_open_dialog(false),
            Command::ShowAddDialog => self.show_open_dialog(true),
            Command::OpenDocuments(files) => self.open_documents(&files),
            Command::AddDocuments(files) => self.add_documents(&files),
            Command::OpenBundled(ids) => {
                let paths: Vec<PathBuf> =
                    ids.iter().filter_map(|id| document::bundled_document(id)).map(|b| b.path()).collect();
                self.open_documents(&paths);
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
            Command::Notes(c) => annotations_ui::apply(self, ctx, c),
            Command::ToggleRole(role) => self.view.toggle_role(role),
            Command::Moved(moves) => {
                if let Some(&(n, _, to)) = moves.first() {
                    self.remember_pin(n, to.pinned);
                }
                self.undo.record(super::undo::Change::Placements(moves));
            }
            Command::Undo => super::undo::step(self, super::undo::Direction::Undo),
            Command::Redo => super::undo::step(self, super::undo::Direction::Redo),
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
            Some(files) if !files.is_empty() => self.open_documents(&files),
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

    fn open_documents(&mut self, files: &[PathBuf]) {
        match Workspace::open(files) {
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
                self.last_scene = None;
                self.restore_pins();
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
                self.last_scene = None;
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
            self.last_scene = None;
            self.status.set(Level::Info, format!("Closed {}", source.unwrap_or_else(|| id.to_owned())));
        }
    }

    /// Keyboard shortcuts and mouse back/forward buttons.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let mut commands = Vec::new();
        let mut close_menus = false;
        ctx.input_mut(|i| {
            let ctrl = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
            if i.consume_shortcut(&ctrl(Key::O)) {
                commands.push(Command::ShowOpenDialog);
            }
            if i.consume_shortcut(&ctrl(Key::E)) {
                self.export_dialog = Some(super::export_dialog::ExportDialog::image_of(&self.view));
            }
            if !typing {
                // Shift first: Ctrl+Z also matches Ctrl+Shift+Z.
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)) {
                    commands.push(Command::Redo);
                } else if i.consume_shortcut(&ctrl(Key::Z)) {
                    commands.push(Command::Undo);
                }
            }
            if i.consume_shortcut(&ctrl(Key::Q)) {
                commands.push(Command::Quit);
            }
            if i.consume_shortcut(&ctrl(Key::F)) {
                self.focus_search = true;
                self.settings.show_side_panel = true;
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft))
                || i.pointer.button_pressed(PointerButton::Extra1)
            {
                commands.push(Command::Back);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight))
                || i.pointer.button_pressed(PointerButton::Extra2)
            {
                commands.push(Command::Forward);
            }
            if !typing {
                if i.consume_key(Modifiers::NONE, Key::F) || i.consume_key(Modifiers::NONE, Key::Home) {
                    commands.push(Command::FitToView);
                }
                if i.consume_key(Modifiers::NONE, Key::Z) {
                    commands.push(Command::ZoomToSelection);
                }
                if i.consume_key(Modifiers::NONE, Key::Space) {
                    commands.push(Command::TogglePause);
                }
                if i.consume_key(Modifiers::NONE, Key::H) {
                    commands.push(Command::SetHulls(!self.settings.show_hulls));
                }
                if i.consume_key(Modifiers::NONE, Key::R) {
                    commands.push(Command::SetColorBy(match self.view.color_by {
                        ColorBy::Kind => ColorBy::Role,
                        ColorBy::Role => ColorBy::Kind,
                    }));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                // A right-click menu goes with it.
                close_menus = true;
                if self.view.focus.is_some() {
                    commands.push(Command::LeaveFocus);
                } else if !typing {
                    commands.push(Command::Deselect);
                }
            }
        });
        if close_menus && egui::Popup::is_any_open(ctx) {
            egui::Popup::close_all(ctx);
            self.context_node = None;
        }
        commands.extend(annotations_ui::shortcuts(ctx, self));
        self.pending.extend(commands);
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

/// An empty workspace, for the (guarded-against) case of a broken bundled lexicon.
fn empty_workspace() -> Workspace {
    Workspace::empty()
}

/// Applies a theme choice to egui.
pub fn apply_theme(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

impl eframe::App for AtlasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Closing the window does not lose a draft in the Annotate dialog either.
        if ctx.input(|i| i.viewport().close_requested())
            && (self.notes.editor.is_some() || self.notes.link_picker.is_some())
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.status.set(Level::Info, DRAFT_OPEN);
        }
        annotations_ui::tick(self, ctx);
        self.dropped_files(ctx);
        self.sync_visibility();
        if self.step_layout() {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        let title = self.title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }

        let mut commands = Vec::new();
        let menu_bar = egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(menu::menu_bar_ui(ui, self)));
        // Dialogs stay inside the window, below the menu bar.
        self.dialog_area = ctx.content_rect().with_min_y(menu_bar.response.rect.max.y);
        egui::Panel::bottom("status_bar").show(ui, |ui| status::status_bar_ui(ui, self));
        if self.settings.show_side_panel {
            egui::Panel::left("side_panel")
                .resizable(true)
                .default_size(260.0)
                .size_range(180.0..=480.0)
                .show(ui, |ui| commands.extend(side_panel::side_panel_ui(ui, self)));
        }
        if self.settings.show_detail_panel {
            egui::Panel::right("detail_panel")
                .resizable(true)
                .default_size(360.0)
                .size_range(240.0..=720.0)
                .show(ui, |ui| commands.extend(detail_panel::detail_panel_ui(ui, self)));
        }
        let selected_before = self.view.selected;
        let mut on_map = false;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let map = canvas::canvas_ui(ui, self);
            on_map = map.iter().any(|c| matches!(c, Command::Select(_)));
            commands.extend(map);
        });
        super::export_dialog::export_dialog_ui(&ctx, self);
        super::analysis_ui::compare_ui(&ctx, self, &mut commands);
        if let Some(command) = open_prompt::open_prompt_ui(&ctx, self) {
            commands.push(command);
        }
        annotations_ui::modals_ui(&ctx, self);

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
