//! The `wsis-atlas` command: with no subcommand it opens the explorer window;
//! subcommands work headlessly (stats, outline, references, compare, mandates, export, layout, check-annotations,
//! annotations export/import).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use wsis_atlas::layout::Arrangement;
use wsis_atlas::scene::ColorBy;
use wsis_atlas::{corpus, export, layout, references, stats};

/// Explore UN outcome documents as a graph of their cross-references.
///
/// With no subcommand, opens the explorer window on the given text files, or
/// on the bundled WSIS+10 outcome document (A/RES/70/125) when none are given.
#[derive(Parser, Debug)]
#[command(name = "wsis-atlas", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Documents to open in the window (text or PDF); none: the bundled WSIS+10 outcome.
    files: Vec<PathBuf>,
    /// An annotation file to open with them.
    #[arg(long, value_name = "FILE")]
    annotations: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print sections, paragraph counts, node and edge counts by kind, and the most-cited entities.
    Stats {
        /// Documents (text or PDF); none: the bundled WSIS+10 outcome.
        files: Vec<PathBuf>,
    },
    /// What the reader made of each document: its facts, outline, footnotes, the conservation
    /// figure (every body word placed), every line set aside as furniture or metadata, warnings.
    Outline {
        /// Documents (text or PDF); none: the bundled WSIS+10 outcome.
        files: Vec<PathBuf>,
        /// Leave out the list of lines set aside (only count them).
        #[arg(long)]
        brief: bool,
    },
    /// Every resolution, decision, document and instrument each document cites: the body that
    /// adopted it, the paragraphs (and footnotes) citing it, the citing words; then the numbers in
    /// a citing context left unlinked, with the reason.
    References {
        /// Documents (text or PDF); none: the bundled WSIS+10 outcome.
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = references::Format::Text)]
        format: references::Format,
    },
    /// Every mandate (who is asked to do what, by when) of the documents: one row per operative
    /// clause that decides, requests, calls, urges, invites or encourages, with its addressees,
    /// deliverable, where it reports, due dates and periodicity; JSON and Markdown add the possible
    /// overlaps across documents. ICS: one calendar event per deliverable with known dates.
    Mandates {
        /// Documents (text or PDF); none: the bundled WSIS+10 outcome.
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = wsis_atlas::mandates::export::Format::Csv)]
        format: wsis_atlas::mandates::export::Format,
        /// Where to write; standard output when absent.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (keeping its permissions).
        #[arg(long)]
        force: bool,
    },
    /// Write the graph as data (JSON, GraphML, DOT) or as a picture (SVG, PNG), laid out to rest.
    Export {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = export::Format::Json)]
        format: export::Format,
        /// Documents (text or PDF); none: the bundled WSIS+10 outcome.
        files: Vec<PathBuf>,
        /// Where to write; standard output when absent (not for png).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (keeping its permissions). A symbolic link
        /// is followed and the file it names written. Directories, devices
        /// and FIFOs are never written, even with --force: use standard output.
        #[arg(long)]
        force: bool,
        /// Picture width in pixels (alone: the height follows the map's aspect).
        #[arg(long, value_name = "PX", conflicts_with = "scale", value_parser = clap::value_parser!(u32).range(1..=16384))]
        width: Option<u32>,
        /// Picture height in pixels (alone: the width follows the map's aspect).
        #[arg(long, value_name = "PX", conflicts_with = "scale", value_parser = clap::value_parser!(u32).range(1..=16384))]
        height: Option<u32>,
        /// Pixels per logical pixel of the default 1600×1000 picture (2: the same picture, sharper);
        /// from 0.05 to 10.24 (16384 pixels wide).
        #[arg(long, value_name = "S", value_parser = parse_scale)]
        scale: Option<f32>,
        /// Picture colours.
        #[arg(long, value_enum, default_value_t = export::ImageTheme::Light)]
        theme: export::ImageTheme,
        /// Leave node labels out of the picture.
        #[arg(long)]
        no_labels: bool,
        /// Leave the legend out of the picture.
        #[arg(long)]
        no_legend: bool,
        /// Leave out the section outlines (the soft hull behind each section's paragraphs).
        #[arg(long)]
        no_hulls: bool,
        /// What a disc's colour tells: its node kind, or a paragraph's clause role.
        #[arg(long, value_enum, default_value_t = ColorBy::Kind)]
        color_by: ColorBy,
        /// How nodes are placed: the force-directed map, or the reading order (paragraphs in
        /// document order by section, entities beside the paragraphs that cite them).
        #[arg(long, value_enum, default_value_t = Arrangement::Map)]
        layout: Arrangement,
        /// Only this node and its neighbourhood (a node id such as `para:wsis10:32`).
        #[arg(long, value_name = "NODE_ID")]
        focus: Option<String>,
        /// Neighbourhood depth around --focus, in edges [default: 1].
        #[arg(long, value_name = "K", requires = "focus")]
        depth: Option<usize>,
        /// Only these node kinds (comma-separated: paragraph,resolution,…).
        #[arg(long, value_name = "KINDS", value_delimiter = ',')]
        kinds: Vec<String>,
        /// Notes to carry (WSIS Atlas, W3C or Hypothesis file): badges and links in pictures;
        /// `annotations` and `annotation` links in JSON; links as edges and notes as a node attribute in GraphML and DOT.
        #[arg(long, value_name = "FILE")]
        annotations: Option<PathBuf>,
    },
    /// Compare two texts paragraph by paragraph, as a negotiator reads them: unchanged, changed
    /// (word diff), new, dropped, moved, split, merged, renumbered; the references each change adds
    /// and drops and the clause roles it turns. Written as a standalone HTML redline (two columns),
    /// Markdown, CSV (one row per aligned row) or JSON.
    Compare {
        /// The earlier text (a file, or `bundled:wsis10`).
        old: PathBuf,
        /// The later text (a file, or `bundled:wsis20`).
        new: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = wsis_atlas::compare::render::Format::Html)]
        format: wsis_atlas::compare::render::Format,
        /// Where to write; standard output when absent.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (keeping its permissions).
        #[arg(long)]
        force: bool,
        /// "Recalling" and "recalling" are the same word.
        #[arg(long)]
        ignore_case: bool,
        /// Commas, semicolons, quotes, hyphens and dashes do not count.
        #[arg(long)]
        ignore_punctuation: bool,
        /// Compare footnote markers and notes too (left out by default).
        #[arg(long)]
        keep_notes: bool,
        /// Spaces count (`multi- stakeholder` is not `multi-stakeholder`).
        #[arg(long)]
        keep_whitespace: bool,
    },
    /// Lay out any node-link JSON graph headlessly and write positions as `{"<id>": [x, y], …}`.
    Layout {
        /// Node-link JSON: `{"nodes":[{"id":…}], "links":[{"source":…,"target":…}]}`.
        #[arg(long, value_name = "GRAPH.json")]
        input: PathBuf,
        /// At most this many layout steps: the layout stops early once it has settled
        /// (a few hundred steps whatever the graph); stderr says how many ran (layout_steps=).
        #[arg(long, default_value_t = 300)]
        ticks: usize,
        /// Run exactly --ticks steps, even after the layout has settled (as long as that takes).
        #[arg(long)]
        exact: bool,
        /// Seed of the initial positions (same seed, same positions).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the positions; standard output when absent.
        #[arg(long, short, value_name = "POSITIONS.json")]
        out: Option<PathBuf>,
        /// Replace the output file if it exists (keeping its permissions). A symbolic
        /// link is followed; directories, devices and FIFOs are never written.
        #[arg(long)]
        force: bool,
    },
    /// Check an annotation file (WSIS Atlas, W3C or Hypothesis) against the bundled document and DOCS.
    CheckAnnotations {
        /// The annotation file.
        file: PathBuf,
        /// More documents its notes point into (the bundled one is always checked too, unless --no-bundled).
        docs: Vec<PathBuf>,
        /// Check against DOCS only, without the bundled WSIS+10 outcome.
        #[arg(long, requires = "docs")]
        no_bundled: bool,
    },
    /// Exchange notes with other tools: W3C Web Annotation export, W3C and Hypothesis import.
    Annotations {
        #[command(subcommand)]
        command: AnnotationsCommand,
    },
}

#[derive(Subcommand, Debug)]
enum AnnotationsCommand {
    /// Write an annotation file's notes and links as a W3C Web Annotation collection (JSON-LD).
    ///
    /// Each target names its document's public address (https://docs.un.org/en/ and its symbol)
    /// with a TextQuoteSelector, so Hypothesis and other W3C tools can anchor it; the documents are
    /// the bundled one and DOCS. Imported notes keep their own ids, sources, bodies and creators.
    Export {
        /// W3C Web Annotation JSON-LD (the only export format, and the default).
        #[arg(long)]
        w3c: bool,
        /// The annotation file.
        file: PathBuf,
        /// Where to write; standard output when absent.
        #[arg(long, short, value_name = "FILE.jsonld")]
        out: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// More documents whose public addresses and paragraph words the targets are written with.
        docs: Vec<PathBuf>,
        /// Use DOCS only, not the bundled WSIS+10 outcome.
        #[arg(long, requires = "docs")]
        no_bundled: bool,
    },
    /// Add the notes of a W3C Web Annotation, Hypothesis or WSIS Atlas file to an annotation file.
    ///
    /// A note whose quote is found in a paragraph of the documents (the bundled one and DOCS) is
    /// attached to that paragraph; others are kept as orphans with their source. Notes whose ids
    /// are already in the file are skipped. The file is created if missing, and written atomically.
    Import {
        /// The file to import (W3C Web Annotation JSON-LD, Hypothesis JSON export, or WSIS Atlas).
        file: PathBuf,
        /// The annotation file to add them to.
        #[arg(long, value_name = "NOTES.json")]
        into: PathBuf,
        /// More documents whose paragraphs quotes are looked for in.
        docs: Vec<PathBuf>,
        /// Look in DOCS only, not in the bundled WSIS+10 outcome.
        #[arg(long, requires = "docs")]
        no_bundled: bool,
    },
}

/// The largest `--scale`: the default 1600-pixel-wide picture at most
/// [`export::png::MAX_SIDE`] pixels wide.
const MAX_SCALE: f32 = 10.24;

/// `--scale`: a finite number from 0.05 to [`MAX_SCALE`].
fn parse_scale(text: &str) -> Result<f32, String> {
    let s: f32 = text.trim().parse().map_err(|_| format!("`{text}` is not a number"))?;
    if !s.is_finite() || s <= 0.0 {
        return Err(format!("the scale must be a positive number, not {text}"));
    }
    let defaults = export::ImageOptions::default();
    if s > MAX_SCALE {
        let (w, h) = (defaults.width as f32 * s, defaults.height as f32 * s);
        return Err(format!(
            "--scale {text} would make a {w:.0}×{h:.0} pixel picture; at most {} pixels a side, so --scale {MAX_SCALE} at most",
            export::png::MAX_SIDE
        ));
    }
    if s < 0.05 {
        return Err(format!("--scale {text} is too small (at least 0.05)"));
    }
    Ok(s)
}

fn main() -> ExitCode {
    // Quiet by default: our own warnings only. Libraries' logs (lopdf's
    // complaints about odd PDFs) show with RUST_LOG=warn, RUST_LOG=lopdf=debug, …
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("wsis_atlas=warn")).init();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version (standard output) or a usage error (standard error):
        // a failed write is reported like any other.
        Err(e) => {
            let to_stdout =
                matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion);
            if to_stdout && stdout_was_closed() {
                say("wsis-atlas: standard output is closed: nothing could be written");
                return ExitCode::FAILURE;
            }
            return match e.print() {
                Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
                Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(io) => {
                    say(&format!("wsis-atlas: cannot write to standard output: {io}"));
                    ExitCode::FAILURE
                }
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS, // `wsis-atlas export | head`
        Err(e) => {
            say(&format!("wsis-atlas: {}", error_chain(&e)));
            ExitCode::FAILURE
        }
    }
}

/// One line on standard error; if even that fails there is no one to tell.
/// Terminal-safe: see [`printable`].
fn say(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", printable(line));
}

/// A message line as it may reach a terminal: control characters (escape
/// sequences, carriage returns, line breaks that would fake another line)
/// and the invisible bidirectional overrides shown escaped (`\u{1b}`), as
/// anything in a message may come from a file (an id, a target, a name).
fn printable(line: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !line.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The error and its causes on one line, skipping a cause whose text the
/// message already contains (our error types quote their source).
fn error_chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => open_window(cli.files, cli.annotations),
        Some(Command::Stats { files }) => {
            refuse_closed_stdout()?;
            let (graph, failed) = open(&files)?;
            write_stdout(stats::stats(&graph).to_string().as_bytes())?;
            Ok(failed)
        }
        Some(Command::Outline { files, brief }) => outline(&files, !brief),
        Some(Command::References { files, format }) => references_command(&files, format),
        Some(Command::Export {
            format,
            files,
            out,
            force,
            width,
            height,
            scale,
            theme,
            no_labels,
            no_legend,
            no_hulls,
            color_by,
            layout: arrangement,
            focus,
            depth,
            kinds,
            annotations,
        }) => {
            if format == export::Format::Png && out.is_none() {
                bail!("png needs an output file: add --out FILE.png");
            }
            // Before any work: an existing file (without --force), a device, … (the
            // write itself checks again, and alone decides).
            match out.as_deref() {
                Some(path) => wsis_atlas::fs::check(path, force)?,
                None => refuse_closed_stdout()?,
            }
            let kinds = if kinds.is_empty() { None } else { Some(export::parse_kinds(&kinds)?) };
            let (graph, failed) = open(&files)?;
            let focus = focus.map(|id| export::find_node(&graph, &id)).transpose()?;
            let selection = export::Selection { kinds, focus, depth: depth.unwrap_or(1) };
            let visible = selection.visible(&graph);
            let steps = export::layout_steps(visible.len());
            let mut layout = export::settled_layout(&graph, &visible, export::SEED, steps);
            layout.arrange_now(&graph, arrangement);
            let aspect = export::image::map_aspect(visible.iter().filter_map(|&n| layout.position(n)));
            let (width, height) = export::image::picture_size(width, height, aspect);
            let image = export::ImageOptions {
                width,
                height,
                scale: scale.unwrap_or(1.0),
                theme,
                labels: !no_labels,
                legend: !no_legend,
                color_by,
                hulls: !no_hulls,
            };
            let position = |n: petgraph::stable_graph::NodeIndex| layout.position(n);
            let bytes = match &annotations {
                Some(path) => {
                    let set = load_notes(path, &graph)?;
                    let (notes, links) = export::annotations_left_out(&graph, &visible, &set);
                    if notes + links > 0 {
                        say(&format!(
                            "wsis-atlas: {notes} note(s) and {links} link(s) of {} are on nodes not in this export; left out",
                            path.display()
                        ));
                    }
                    export::export_annotated(&graph, &position, &visible, format, &image, &set)?
                }
                None => export::export(&graph, &position, &visible, format, &image)?,
            };
            write_output(out.as_deref(), &bytes, force)?;
            Ok(failed)
        }
        Some(Command::Mandates { files, format, out, force }) => {
            mandates_command(&files, format, out.as_deref(), force)
        }
        Some(Command::Layout { input, ticks, exact, seed, out, force }) => {
            match out.as_deref() {
                Some(path) => wsis_atlas::fs::check(path, force)?,
                None => refuse_closed_stdout()?,
            }
            let steps = if exact { layout::Steps::Exactly(ticks) } else { layout::Steps::AtMost(ticks) };
            let laid = layout::run_layout_file(&input, steps, seed)?;
            say(&format!(
                "layout_ms={:.3} layout_steps={}{}",
                laid.elapsed.as_secs_f64() * 1000.0,
                laid.steps,
                if laid.settled { " (settled)" } else { "" }
            ));
            write_output(out.as_deref(), laid.positions.as_bytes(), force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Compare {
            old,
            new,
            format,
            out,
            force,
            ignore_case,
            ignore_punctuation,
            keep_notes,
            keep_whitespace,
        }) => {
            match out.as_deref() {
                Some(path) => wsis_atlas::fs::check(path, force)?,
                None => refuse_closed_stdout()?,
            }
            let options = wsis_atlas::compare::Options {
                ignore_case,
                ignore_punctuation,
                ignore_notes: !keep_notes,
                ignore_whitespace: !keep_whitespace,
            };
            let old = wsis_atlas::document::load(&old)?;
            let new = wsis_atlas::document::load(&new)?;
            let catalogue = wsis_atlas::extract::Catalogue::bundled()?;
            let comparison = wsis_atlas::compare::compare(&old, &new, &options, &catalogue);
            let text = wsis_atlas::compare::render::render(&comparison, format)?;
            write_output(out.as_deref(), text.as_bytes(), force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::CheckAnnotations { file, docs, no_bundled }) => check_annotations(&file, &docs, !no_bundled),
        Some(Command::Annotations { command }) => annotations_command(command),
    }
}

/// An annotation file of any format the program reads, for `export
/// --annotations` (W3C and Hypothesis notes attached to `graph` by quote).
fn load_notes(
    path: &std::path::Path,
    graph: &wsis_atlas::graph::AtlasGraph,
) -> anyhow::Result<wsis_atlas::annotations::AnnotationSet> {
    let (set, imported) = wsis_atlas::annotations::AnnotationSet::load_any(path, graph)
        .with_context(|| format!("{} is not a valid annotation file", path.display()))?;
    if let Some(imported) = imported {
        for w in &imported.warnings {
            say(&format!("wsis-atlas: {w}"));
        }
    }
    Ok(set)
}

/// `check-annotations FILE [DOCS…] [--no-bundled]`.
fn check_annotations(file: &std::path::Path, docs: &[PathBuf], bundled: bool) -> anyhow::Result<ExitCode> {
    refuse_closed_stdout()?;
    let (graph, failed) = open_with(docs, bundled)?;
    let (set, imported) = wsis_atlas::annotations::AnnotationSet::load_any(file, &graph)
        .with_context(|| format!("{} is not a valid annotation file", file.display()))?;
    let mut text = String::new();
    if let Some(imported) = &imported {
        text.push_str(&format!("read {}\n", imported.summary()));
        for w in &imported.warnings {
            text.push_str(&format!("{}\n", printable(w)));
        }
    }
    let report = set.validate(&graph);
    for line in report.lines() {
        // One line each, whatever an id or a quote holds.
        text.push_str(&printable(&line));
        text.push('\n');
    }
    let code = if report.is_valid() { failed } else { ExitCode::FAILURE };
    match write_stdout(text.as_bytes()) {
        // `check-annotations … | head -1`: the exit code still tells.
        Err(e) if is_broken_pipe(&e) => Ok(code),
        Err(e) => Err(e),
        Ok(()) => Ok(code),
    }
}

/// `annotations export|import`.
fn annotations_command(command: AnnotationsCommand) -> anyhow::Result<ExitCode> {
    use wsis_atlas::annotations::{AnnotationError, AnnotationSet, to_w3c_string};
    match command {
        AnnotationsCommand::Export { w3c: _, file, out, force, docs, no_bundled } => {
            match out.as_deref() {
                Some(path) => wsis_atlas::fs::check(path, force)?,
                None => refuse_closed_stdout()?,
            }
            let set = AnnotationSet::load(&file)
                .with_context(|| format!("{} is not a valid annotation file", file.display()))?;
            let (graph, failed) = open_with(&docs, !no_bundled)?;
            write_output(out.as_deref(), to_w3c_string(&set, &graph).as_bytes(), force)?;
            Ok(failed)
        }
        AnnotationsCommand::Import { file, into, docs, no_bundled } => {
            refuse_closed_stdout()?;
            let (graph, failed) = open_with(&docs, !no_bundled)?;
            // Read, merge and write under the file's lock: another import
            // (or the window saving) at the same time waits, and loses nothing.
            let (set, (imported, outcome)) =
                AnnotationSet::update_file(&into, |set| set.import_file(&file, &graph).map_err(ImportFailure::Import))
                    .map_err(|e| match e {
                        ImportFailure::Import(e) => {
                            anyhow::Error::new(e).context(format!("{} could not be imported", file.display()))
                        }
                        ImportFailure::Notes(e @ (AnnotationError::Write(_) | AnnotationError::WouldNotLoad(_))) => {
                            anyhow::Error::new(e)
                        }
                        ImportFailure::Notes(e) => {
                            anyhow::Error::new(e).context(format!("{} is not a valid annotation file", into.display()))
                        }
                    })?;
            for w in &imported.warnings {
                say(&format!("wsis-atlas: {w}"));
            }
            let orphans = set.validate(&graph).orphans().count();
            write_line(&format!(
                "read {}; added {}, skipped {} already there; {} now holds {} and {} (not in the documents: {orphans})",
                imported.summary(),
                outcome.added.len(),
                outcome.skipped.len(),
                into.display(),
                wsis_atlas::words::count(set.annotations().len(), "note"),
                wsis_atlas::words::count(set.links().len(), "link"),
            ))?;
            Ok(failed)
        }
    }
}

/// Why `annotations import` failed: the file imported, or the one it goes into.
enum ImportFailure {
    Import(wsis_atlas::annotations::AnnotationError),
    Notes(wsis_atlas::annotations::AnnotationError),
}

impl From<wsis_atlas::annotations::AnnotationError> for ImportFailure {
    fn from(e: wsis_atlas::annotations::AnnotationError) -> Self {
        ImportFailure::Notes(e)
    }
}

/// [`open`] with the bundled document first when `bundled`.
fn open_with(files: &[PathBuf], bundled: bool) -> anyhow::Result<(wsis_atlas::graph::AtlasGraph, ExitCode)> {
    if !bundled {
        return open(files);
    }
    let (graph, errors) = corpus::open_with(files, true)?;
    for e in &errors {
        say(&format!("wsis-atlas: {e}"));
    }
    Ok((graph, if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }))
}

/// Opens the documents; reports each unreadable file on its own line and
/// goes on with the rest. The exit code is a failure if any file failed.
fn open(files: &[PathBuf]) -> anyhow::Result<(wsis_atlas::graph::AtlasGraph, ExitCode)> {
    let (graph, mut errors) = corpus::open(files)?;
    if !files.is_empty() && graph.documents().is_empty() && !errors.is_empty() {
        // Nothing to work on: the first error is the answer, the rest are listed before it.
        let first = errors.remove(0);
        for e in &errors {
            say(&format!("wsis-atlas: {e}"));
        }
        return Err(first.into());
    }
    for e in &errors {
        say(&format!("wsis-atlas: {e}"));
    }
    Ok((graph, if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }))
}

/// `references`: the bibliography of each document, in one output.
fn references_command(files: &[PathBuf], format: references::Format) -> anyhow::Result<ExitCode> {
    refuse_closed_stdout()?;
    let docs = if files.is_empty() {
        vec![Ok(wsis_atlas::document::bundled())]
    } else {
        files.iter().map(|path| wsis_atlas::document::load(path)).collect()
    };
    let catalogue = wsis_atlas::extract::Catalogue::bundled()?;
    let mut code = ExitCode::SUCCESS;
    let mut bibliographies = Vec::new();
    for doc in docs {
        match doc {
            Ok(doc) => bibliographies.push(references::of(&doc, &catalogue)),
            Err(e) if files.len() == 1 => return Err(e.into()),
            Err(e) => {
                say(&format!("wsis-atlas: {e}"));
                code = ExitCode::FAILURE;
            }
        }
    }
    write_output(None, references::render(&bibliographies, format)?.as_bytes(), false)?;
    Ok(code)
}

/// `mandates`: the registry of every document, in one output.
fn mandates_command(
    files: &[PathBuf],
    format: wsis_atlas::mandates::export::Format,
    out: Option<&std::path::Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    use wsis_atlas::mandates;
    match out {
        Some(path) => wsis_atlas::fs::check(path, force)?,
        None => refuse_closed_stdout()?,
    }
    let (graph, code) = open(files)?;
    let rows = mandates::registry(&graph);
    let overlaps = mandates::overlaps(&graph, &rows);
    let text = mandates::export::render(&rows, &overlaps, format, jiff::Timestamp::now())?;
    write_output(out, text.as_bytes(), force)?;
    Ok(code)
}

/// `outline`: the reading report of each document, one after the other.
fn outline(files: &[PathBuf], set_aside: bool) -> anyhow::Result<ExitCode> {
    refuse_closed_stdout()?;
    let docs = if files.is_empty() {
        vec![Ok(wsis_atlas::document::bundled())]
    } else {
        files.iter().map(|path| wsis_atlas::document::load(path)).collect()
    };
    let mut code = ExitCode::SUCCESS;
    let mut text = String::new();
    for doc in docs {
        match doc {
            Ok(doc) => {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&wsis_atlas::outline::report(&doc, set_aside));
            }
            Err(e) if files.len() == 1 => return Err(e.into()),
            Err(e) => {
                say(&format!("wsis-atlas: {e}"));
                code = ExitCode::FAILURE;
            }
        }
    }
    write_output(None, text.as_bytes(), false)?;
    Ok(code)
}

/// Writes to `out` atomically (refusing to replace it without `force`), or to stdout.
fn write_output(out: Option<&std::path::Path>, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    match out {
        Some(path) => wsis_atlas::fs::write_atomic(path, bytes, force)?,
        None => write_stdout(bytes)?,
    }
    Ok(())
}

/// All of `bytes` to standard output, flushed: a full disk or a closed pipe
/// is an error (a broken pipe ends the program quietly, see `main`).
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush()).context("cannot write to standard output")
}

/// One line to standard output, as [`write_stdout`], terminal-safe (see [`printable`]).
fn write_line(line: &str) -> anyhow::Result<()> {
    write_stdout(format!("{}\n", printable(line)).as_bytes())
}

/// Fails when standard output was closed (`>&-`). The Rust runtime reopens
/// a closed descriptor 0–2 on /dev/null, read-write, before `main`, so
/// writes would vanish without an error; a shell's `>/dev/null` opens it
/// write-only. Linux only (other systems: not detected).
fn refuse_closed_stdout() -> anyhow::Result<()> {
    if stdout_was_closed() {
        bail!("standard output is closed: nothing could be written (redirect it to a file, or use --out FILE)");
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == std::path::Path::new("/dev/null"));
    if !is_null {
        return false;
    }
    // `flags:\t0100002`: octal open flags; the access mode is the low two bits (2: read-write).
    let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        .is_some_and(|flags| flags & 0o3 == 0o2)
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, annotations: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    wsis_atlas::app::run(files, annotations)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<PathBuf>, _annotations: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    bail!("this build has no window (built without the `gui` feature); use a subcommand: see --help")
}
