//! Integration tests, compiled into one binary (one link, not many).

//! The window's suites (egui_kittest) need the `gui` feature; the rest is
//! the model and the command line, and passes with `--no-default-features`.

mod analysis;
#[cfg(feature = "gui")]
mod analysis_gui;
mod annotations;
#[cfg(feature = "gui")]
mod annotations_gui;
mod annotations_import;
#[cfg(feature = "gui")]
mod bundled_gui;
mod citations;
#[cfg(feature = "gui")]
mod citations_gui;
mod cli;
mod compare;
#[cfg(feature = "gui")]
mod compare_gui;
mod conservation;
mod corpus;
mod data_exports;
mod document;
mod export;
mod extract;
mod families;
mod fs;
mod graph;
#[cfg(feature = "gui")]
mod gui;
#[cfg(feature = "gui")]
mod gui_support;
mod hostile;
mod labels;
mod layout;
mod layouts;
#[cfg(feature = "gui")]
mod loading_gui;
mod mandates;
#[cfg(feature = "gui")]
mod mandates_gui;
#[cfg(feature = "gui")]
mod map_gui;
mod markers;
mod realdocs;
#[cfg(feature = "gui")]
mod rough_edges_gui;
#[cfg(feature = "gui")]
mod select_gui;
#[cfg(feature = "gui")]
mod small_window_gui;
mod w3c_fidelity;
mod wsis20;
