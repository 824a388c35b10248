//! WSIS Atlas (architecture doc written below as modules land).

pub mod analysis;
pub mod annotations;
pub mod corpus;
pub mod document;
pub mod export;
pub mod extract;
pub mod graph;
pub mod layout;
pub mod scene;
pub mod stats;
pub mod style;

#[cfg(feature = "gui")]
pub mod app;
