//! What the window remembers between runs (eframe persistence): theme,
//! panel visibility, what the discs' colours tell, recent files, pinned
//! positions. Never the graph, never annotations.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Most recent files remembered.
pub const MAX_RECENT: usize = 8;

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Persisted settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Theme.
    pub theme: ThemeChoice,
    /// Side panel (search, filters) shown.
    pub show_side_panel: bool,
    /// Detail panel shown.
    pub show_detail_panel: bool,
    /// Discs coloured by kind or by clause role.
    pub color_by: crate::scene::ColorBy,
    /// Each section drawn as a soft hull behind its paragraphs.
    pub show_hulls: bool,
    /// The overview minimap in the canvas's corner.
    pub show_minimap: bool,
    /// The force-directed map or the reading order.
    pub arrangement: crate::layout::Arrangement,
    /// Documents opened recently, newest first.
    pub recent_documents: Vec<PathBuf>,
    /// Annotation files opened or saved recently, newest first.
    pub recent_annotations: Vec<PathBuf>,
    /// Pinned node positions by node id, per set of open documents (key:
    /// the document ids joined by `+`).
    pub pinned: BTreeMap<String, BTreeMap<String, [f32; 2]>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeChoice::System,
            show_side_panel: true,
            show_detail_panel: true,
            color_by: crate::scene::ColorBy::Kind,
            show_hulls: true,
            show_minimap: true,
            arrangement: crate::layout::Arrangement::Map,
            recent_documents: Vec::new(),
            recent_annotations: Vec::new(),
            pinned: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent documents.
    pub fn remember_document(&mut self, path: PathBuf) {
        self.recent_documents.retain(|p| p != &path);
        self.recent_documents.insert(0, path);
        self.recent_documents.truncate(MAX_RECENT);
    }

    /// Puts `path` first in the recent annotation files.
    pub fn remember_annotations(&mut self, path: PathBuf) {
        self.recent_annotations.retain(|p| p != &path);
        self.recent_annotations.insert(0, path);
        self.recent_annotations.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_colouring_is_remembered_and_older_settings_still_load() -> Result<(), serde_json::Error> {
        let settings = Settings { color_by: crate::scene::ColorBy::Role, ..Settings::default() };
        let json = serde_json::to_string(&settings)?;
        assert!(json.contains("\"color_by\":\"role\""), "{json}");
        assert_eq!(serde_json::from_str::<Settings>(&json)?, settings);
        // Settings saved before the field existed load with the default.
        let old: Settings = serde_json::from_str(r#"{"theme":"Dark","show_side_panel":false}"#)?;
        assert_eq!(
            (old.color_by, old.theme, old.show_side_panel),
            (crate::scene::ColorBy::Kind, ThemeChoice::Dark, false)
        );
        Ok(())
    }

    #[test]
    fn recent_documents_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember_document(PathBuf::from(format!("{i}.txt")));
        }
        s.remember_document(PathBuf::from("5.txt"));
        assert_eq!(s.recent_documents.len(), MAX_RECENT);
        assert_eq!(s.recent_documents.first(), Some(&PathBuf::from("5.txt")));
        assert_eq!(s.recent_documents.iter().filter(|p| p.as_path() == std::path::Path::new("5.txt")).count(), 1);
    }

    #[test]
    fn old_or_partial_settings_still_load() {
        let s: Settings = serde_json::from_str(r#"{"theme":"Dark"}"#).unwrap_or_default();
        assert_eq!(s.theme, ThemeChoice::Dark);
        assert!(s.show_side_panel);
    }
}
