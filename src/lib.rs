//! # WSIS Atlas
//!
//! Reads a UN outcome document (the 2015 WSIS+10 outcome, A/RES/70/125, and
//! the 2025 WSIS+20 outcome, A/RES/80/173, are bundled: `bundled:wsis10`,
//! `bundled:wsis20`) as a connected whole: every paragraph, and everything it refers
//! to — resolutions, instruments and their paragraphs or articles, UN bodies,
//! SDGs, stakeholder groups, WSIS Action Lines — in one graph, drawn as a
//! force-directed map.
//!
//! ## Architecture
//!
//! Each arrow is a plain function from one value to the next; everything
//! left of the window is model code with no egui in it (the library and the
//! command line build with `--no-default-features`; CI checks it).
//!
//! ```text
//! files ──corpus::open──▶ Documents ──graph::build──▶ AtlasGraph + mentions ──analysis::enrich──▶ AtlasGraph
//!        (document::load,              (structure, references;        (roles, addressees, then every
//!         document::parse:              extract::extract once per      `similar` edge in one pass)
//!         classify ▸ assemble)          paragraph)                                   │
//!                      annotation file ◀──annotations (load/save)──▶ AnnotationSet (overlay by node id)
//!                                                                                    │
//!                                           layout::atlas::AtlasLayout (positions, one step at a time)
//!                                                                                    │
//!                                     scene::build ──▶ Scene (circles, lines, labels in pixels)
//!                                                        ├──▶ app::canvas (the egui window paints it)
//!                                                        └──▶ export::svg ──▶ export::png (resvg)
//! ```
//!
//! Each stage runs once over the whole set: opening N documents costs time
//! linear in their text. A document added to an open map goes through
//! [`graph::AtlasGraph::add_document`] and [`analysis::enrich_added`], which
//! compares its paragraphs with an index of the others
//! ([`analysis::SimilarLinks`]) instead of rebuilding. `graph` needs nothing
//! of `analysis`: the node data it carries ([`graph::Role`]) lives in it, and
//! the shortcuts that run both stages ([`graph::AtlasGraph::bundled`],
//! [`corpus::build`]) live in [`corpus`].
//!
//! - [`document`]: text → [`document::Document`] in two stages: a line
//!   classifier (masthead, title, page furniture, footnote blocks, closing
//!   lines: every line gets a [`document::LineKind`]) and an assembler
//!   (headings, numbered and preambular paragraphs, footnotes attached to
//!   their markers); the document's own facts ([`document::Facts`]) and a
//!   reading report with the conservation figure ([`document::Reading`]:
//!   every body word placed). [`document::load()`] reads files
//!   (and `bundled:` names, [`document::BUNDLED_DOCUMENTS`]).
//! - [`outline`]: the `outline` report of a reading (facts, outline,
//!   footnotes, conservation, every line set aside).
//! - [`extract`]: finds references with their exact spans; the vocabulary is
//!   data ([`extract::Catalogue`], `assets/*.toml`).
//! - [`references`]: a document's bibliography (every resolution, decision,
//!   document and instrument it cites, by body, with the citing paragraphs
//!   and words, and the numbers left unlinked with their reasons): the
//!   `references` command and the document panel's list.
//! - [`id`]: node ids, made and read in one place (`para:wsis10:32`,
//!   `res:A/RES/68/302`); it depends on nothing else.
//! - [`graph`]: [`graph::AtlasGraph`] over a petgraph `StableGraph`, with
//!   stable string ids and the queries
//!   the window asks (neighbours, k-hop neighbourhoods, search, citing
//!   paragraphs); one edge per (source, target, kind), found through a hash
//!   index in O(1). Every text edge carries its evidence (quoted spans). One
//!   node per document: a citation of an open document is an edge to it;
//!   with several open, paragraph labels name their document (`WSIS+20 ¶53`).
//! - [`analysis`]: what a paragraph does and asks — clause roles, who is
//!   asked to act (`addressed_to`, with deadlines), near-duplicate paragraphs
//!   (`similar`, TF-IDF and shared passages), word diffs and document
//!   comparison; the stage after the graph build.
//! - [`mandates`]: the registry of mandates (who is asked to do what, by
//!   when): one row per operative clause that decides, requests, calls,
//!   urges, invites or encourages, read from the analysed graph — verb,
//!   addressees as graph entities, deliverable, where it reports, dates
//!   resolved (General Assembly sessions as September-to-September years)
//!   or kept as text; possible overlaps across documents; CSV, JSON,
//!   Markdown and iCalendar. The `mandates` command and the window's
//!   mandates view both read it.
//! - [`compare`]: two parsed documents compared as a negotiator reads them
//!   — paragraphs aligned (same words, splits and merges, rewordings, moves),
//!   word diffs under options (case, punctuation, footnotes, whitespace),
//!   references added and dropped, clause roles turned — and written as an
//!   HTML redline, Markdown, CSV or JSON ([`compare::render`]); no egui, no
//!   graph: the `compare` command and the window's compare view read the
//!   same [`compare::Comparison`].
//! - [`corpus`]: which documents are open (bundled, or files) → one analysed
//!   graph: the pipeline's stages joined.
//! - [`layout`]: Barnes–Hut force layout, deterministic, settles and stops;
//!   [`layout::atlas`] bridges it to the graph (node radius, spring per edge
//!   kind, reading-order start). The node radius lives with the layout
//!   ([`layout::atlas::node_radius`]), since collision needs it, and the
//!   scene reads it from there.
//! - [`style`] and [`scene`]: colours per kind (or per clause role,
//!   [`scene::ColorBy`]) and theme; graph + positions + camera → the shapes
//!   to draw, with culling and labels placed as on a map
//!   ([`scene::labels`]: never over another label or disc, nor out of the
//!   frame), all sized by one policy ([`scene::sizing`]: world size × zoom
//!   within a minimum and a maximum, times a picture's scale). F and every
//!   picture export frame discs and labels with [`scene::frame`]. The
//!   window and the exports draw the same [`scene::Scene`]; the window
//!   rebuilds it every frame into the last frame's buffers
//!   ([`scene::build_into`]).
//!   The window's overview minimap is geometry in [`scene::minimap`] (world
//!   box into a corner panel, the view as a rectangle, a click back to a
//!   world point), painted by the window only, never exported.
//! - [`export`]: node-link JSON, GraphML, DOT, SVG and PNG.
//! - [`fs`]: every file written (exports, `layout` output, annotation saves,
//!   the recovery copy) goes through [`fs::write_atomic`]: a temporary file
//!   with an unpredictable name beside the target, synced, then renamed
//!   into place without replacing anything unless asked (and then keeping
//!   the old file's permissions); only regular files, links followed.
//! - [`annotations`]: the user's notes file (strict validation, atomic save
//!   checked by loading it back, under an advisory lock, merging another
//!   writer's changes by id; W3C Web Annotation and Hypothesis import with
//!   foreign fields kept apart from native ones; crash recovery).
//! - [`stats`]: the `stats` report.
//! - `app` (feature `gui`, on by default): the eframe window. Each panel is
//!   a struct owning its UI state; it reads the world (workspace, view,
//!   settings, notes) through a read-only `app::world::World` and returns
//!   `app::command::Command`s, which only `AtlasApp::apply` carries out,
//!   after the frame's panels are drawn (keys before them); no panel
//!   imports the app, and the commands depend on no panel. The notes'
//!   window parts are one job per file in `app::notes`. Views derived
//!   from the graph (the compare view, a tab beside the map; the mandates
//!   registry) are recomputed when the graph's
//!   [`revision`](graph::AtlasGraph::revision) (or their options) move, not
//!   every frame; the
//!   canvas paints the scene as one mesh it keeps and refills from frame to
//!   frame (lines and discs anti-aliased as egui would), so a 10,000-node
//!   frame costs a few milliseconds instead of tessellating tens of
//!   thousands of shapes.

pub mod analysis;
pub mod annotations;
pub mod camera_motion;
pub mod compare;
pub mod corpus;
pub mod document;
pub mod export;
pub mod extract;
pub mod fs;
pub mod graph;
pub mod id;
pub mod layout;
pub mod mandates;
pub mod outline;
pub mod references;
pub mod scene;
pub mod stats;
pub mod style;
pub mod words;

#[cfg(feature = "gui")]
pub mod app;
