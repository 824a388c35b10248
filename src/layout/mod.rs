//! Force-directed layout: model code (no egui) shared by the window and the
//! exports.
//!
//! A [`LayoutGraph`] (nodes with a radius, edges with a rest length and a
//! stiffness) is laid out by a [`Simulation`]: repulsion between all nodes
//! through a flat Barnes–Hut quadtree, springs along edges, gravity toward the
//! origin, collision between discs, velocity damping and d3-style cooling
//! (`alpha`). A settled simulation reports [`Simulation::is_settled`] and its
//! [`Simulation::step`] costs nothing until something changes (pin, move,
//! hide, show, reheat).
//!
//! Everything is deterministic: the same graph and seed give bit-identical
//! positions on every run, whatever the number of threads (every parallel loop
//! writes one slot per node; sums run in a fixed order).
//!
//! Files: [`graph`] (the input), [`params`] (tuning), [`barnes_hut`] (the tree
//! and the pairwise forces), [`forces`] (springs, gravity), [`simulation`]
//! (the stepper), [`initial`] (seeded starts: Pivot MDS), [`atlas`] (the bridge
//! from [`AtlasGraph`](crate::graph::AtlasGraph)), [`reading`] (the "Reading order"
//! arrangement and the animated switch to and from it), [`io`] (node-link JSON in,
//! positions out), [`generate`] (seeded test graphs), [`quality`] (stress).

pub mod atlas;
pub mod barnes_hut;
pub mod forces;
pub mod generate;
pub mod graph;
pub mod initial;
pub mod io;
pub mod params;
pub mod pins;
pub mod quality;
pub mod reading;
pub mod rng;
pub mod simulation;

pub use atlas::{AtlasLayout, node_radius};
pub use graph::{LayoutEdge, LayoutGraph, LayoutGraphError};
pub use io::{Laid, LayoutIoError, Steps, run_layout_file, run_layout_json};
pub use params::LayoutParams;
pub use reading::Arrangement;
pub use simulation::Simulation;
