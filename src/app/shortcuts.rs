//! The keyboard and the mouse's back and forward buttons: each shortcut
//! becomes a [`Command`], applied before the frame's panels are drawn (what
//! a key opens shows at once). The list the Help menu and the README show
//! is [`super::menu::SHORTCUTS`].

use egui::{Key, KeyboardShortcut, Modifiers, PointerButton};

use super::command::{Command, ExportKind, Panel};
use super::world::World;
use crate::layout::Arrangement;
use crate::scene::ColorBy;

/// Keyboard shortcuts and mouse back/forward buttons, as commands.
/// `dialog_open`: a dialog of the window (the path prompt) is open.
#[must_use]
pub fn shortcuts(ctx: &egui::Context, world: &World<'_>, dialog_open: bool) -> Vec<Command> {
    let typing = ctx.text_edit_focused();
    let mut commands = Vec::new();
    let mut close_menus = false;
    ctx.input_mut(|i| {
        let ctrl = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
        if i.consume_shortcut(&ctrl(Key::O)) {
            commands.push(Command::ShowOpenDialog);
        }
        if i.consume_shortcut(&ctrl(Key::E)) {
            commands.push(Command::ShowExportDialog(ExportKind::Image));
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
            commands.push(Command::FocusSearch);
        }
        // The panels fold away with a key each, also while typing (F9, F10).
        if i.consume_key(Modifiers::NONE, Key::F9) {
            commands.push(Command::SetPanel(Panel::Side, !world.settings.show_side_panel));
        }
        if i.consume_key(Modifiers::NONE, Key::F10) {
            commands.push(Command::SetPanel(Panel::Detail, !world.settings.show_detail_panel));
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
                commands.push(Command::SetHulls(!world.settings.show_hulls));
            }
            if i.consume_key(Modifiers::NONE, Key::M) {
                commands.push(Command::SetMinimap(!world.settings.show_minimap));
            }
            if i.consume_key(Modifiers::NONE, Key::L) {
                commands.push(Command::SetArrangement(match world.workspace.layout.arrangement() {
                    Arrangement::Map => Arrangement::Reading,
                    Arrangement::Reading => Arrangement::Map,
                }));
            }
            // The selection: Ctrl+A all shown, Delete hides, O shows only it, P / Shift+P pin / unpin.
            if i.consume_shortcut(&ctrl(Key::A)) {
                commands.push(super::selection::select_all(world));
            }
            let some = world.view.selection_len() > 0;
            if some && i.consume_key(Modifiers::NONE, Key::Delete) {
                commands.push(Command::HideSelection);
            }
            if some && i.consume_key(Modifiers::NONE, Key::O) {
                commands.push(Command::ShowOnlySelection);
            }
            if some && i.consume_key(Modifiers::SHIFT, Key::P) {
                commands.push(Command::PinSelection(false));
            } else if some && i.consume_key(Modifiers::NONE, Key::P) {
                commands.push(Command::PinSelection(true));
            }
            if i.consume_key(Modifiers::NONE, Key::R) {
                commands.push(Command::SetColorBy(match world.view.color_by {
                    ColorBy::Kind => ColorBy::Role,
                    ColorBy::Role => ColorBy::Kind,
                }));
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            // A right-click menu goes with it.
            close_menus = true;
            if world.view.focus.is_some() {
                commands.push(Command::LeaveFocus);
            } else if world.view.only_nodes.is_some() {
                commands.push(Command::ShowEverything);
            } else if !typing {
                commands.push(Command::Deselect);
            }
        }
    });
    if close_menus {
        // First: the menus close before anything else happens.
        commands.insert(0, Command::CloseMenus);
    }
    commands.extend(super::notes::menu::shortcuts(ctx, world, dialog_open));
    commands
}
