//! The explorer window (eframe/egui). Being built.

use std::path::PathBuf;

/// Opens the window.
///
/// # Errors
///
/// Always, until the window lands.
pub fn run(_files: Vec<PathBuf>, _annotations: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("the window is not built yet; use a subcommand (see --help)")
}
