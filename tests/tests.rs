//! Integration tests, compiled into one binary (one link, not many).

mod analysis;
mod analysis_gui;
mod annotations;
mod annotations_gui;
mod bundled_gui;
mod cli;
mod conservation;
mod document;
mod export;
mod extract;
mod fs;
mod graph;
mod gui;
mod hostile;
mod layout;
mod layouts;
mod map_gui;
mod realdocs;
mod rough_edges_gui;
mod wsis20;
