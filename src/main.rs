//! The `wsis-atlas` command: with no subcommand it opens the explorer window;
//! subcommands work headlessly (stats, export, layout, check-annotations,
//! annotations export/import).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand, ValueEnum};

use wsis_atlas::{corpus, export, stats};

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
    /// Write the graph as data (JSON, GraphML, DOT) or as a picture (SVG, PNG), laid out to rest.
    Export {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Documents (text or PDF); none: the bundled WSIS+10 outcome.
        files: Vec<PathBuf>,
        /// Where to write; standard output when absent (not for png).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// Picture width in pixels (alone: the height follows the map's aspect).
        #[arg(long, value_name = "PX", conflicts_with = "scale", value_parser = clap::value_parser!(u32).range(1..=16384))]
        width: Option<u32>,
        /// Picture height in pixels (alone: the width follows the map's aspect).
        #[arg(long, value_name = "PX", conflicts_with = "scale", value_parser = clap::value_parser!(u32).range(1..=16384))]
        height: Option<u32>,
        /// Pixels per logical pixel of the default 1600×1000 picture (2: the same picture, sharper).
        #[arg(long, value_name = "S")]
        scale: Option<f32>,
        /// Picture colours.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// Leave node labels out of the picture.
        #[arg(long)]
        no_labels: bool,
        /// Leave the legend out of the picture.
        #[arg(long)]
        no_legend: bool,
        /// What a disc's colour tells: its node kind, or a paragraph's clause role.
        #[arg(long, value_enum, default_value_t = ColorByArg::Kind)]
        color_by: ColorByArg,
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
    /// Lay out any node-link JSON graph headlessly and write positions as `{"<id>": [x, y], …}`.
    Layout {
        /// Node-link JSON: `{"nodes":[{"id":…}], "links":[{"source":…,"target":…}]}`.
        #[arg(long, value_name = "GRAPH.json")]
        input: PathBuf,
        /// Exactly this many layout steps.
        #[arg(long, default_value_t = 300)]
        ticks: usize,
        /// Seed of the initial positions (same seed, same positions).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the positions; standard output when absent.
        #[arg(long, short, value_name = "POSITIONS.json")]
        out: Option<PathBuf>,
        /// Replace the output file if it exists.
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

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// Node-link JSON (d3, networkx).
    Json,
    /// GraphML (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// Graphviz DOT, with layout positions.
    Dot,
    /// SVG picture.
    Svg,
    /// PNG picture (needs --out).
    Png,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorByArg {
    /// Paragraph, resolution, body…
    Kind,
    /// Recalls, commits, calls… (paragraphs; everything else grey).
    Role,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ThemeArg {
    /// Dark on light.
    Light,
    /// Light on dark.
    Dark,
    /// Light colours, no background.
    Transparent,
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS, // `wsis-atlas export | head`
        Err(e) => {
            eprintln!("wsis-atlas: {}", error_chain(&e));
            ExitCode::FAILURE
        }
    }
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
            let (graph, failed) = open(&files)?;
            print!("{}", stats::stats(&graph));
            Ok(failed)
        }
        Some(Command::Outline { files, brief }) => outline(&files, !brief),
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
            color_by,
            focus,
            depth,
            kinds,
            annotations,
        }) => {
            let format = match format {
                Format::Json => export::Format::Json,
                Format::Graphml => export::Format::Graphml,
                Format::Dot => export::Format::Dot,
                Format::Svg => export::Format::Svg,
                Format::Png => export::Format::Png,
            };
            if format == export::Format::Png && out.is_none() {
                bail!("png needs an output file: add --out FILE.png");
            }
            if let Some(path) = out.as_deref().filter(|p| !force && p.exists()) {
                bail!(export::ExportError::Exists(path.to_owned()));
            }
            let kinds = if kinds.is_empty() { None } else { Some(export::parse_kinds(&kinds)?) };
            let (graph, failed) = open(&files)?;
            let focus = focus.map(|id| export::find_node(&graph, &id)).transpose()?;
            let selection = export::Selection { kinds, focus, depth: depth.unwrap_or(1) };
            let visible = selection.visible(&graph);
            let layout = export::settled_layout(&graph, &visible, export::SEED, export::MAX_LAYOUT_STEPS);
            let aspect = export::image::map_aspect(visible.iter().filter_map(|&n| layout.position(n)));
            let (width, height) = export::image::picture_size(width, height, aspect);
            let image = export::ImageOptions {
                width,
                height,
                scale: scale.unwrap_or(1.0),
                theme: match theme {
                    ThemeArg::Light => export::ImageTheme::Light,
                    ThemeArg::Dark => export::ImageTheme::Dark,
                    ThemeArg::Transparent => export::ImageTheme::Transparent,
                },
                labels: !no_labels,
                legend: !no_legend,
                color_by: match color_by {
                    ColorByArg::Kind => wsis_atlas::scene::ColorBy::Kind,
                    ColorByArg::Role => wsis_atlas::scene::ColorBy::Role,
                },
            };
            let position = |n: petgraph::stable_graph::NodeIndex| layout.position(n);
            let bytes = match &annotations {
                Some(path) => {
                    let set = load_notes(path, &graph)?;
                    let (notes, links) = export::annotations_left_out(&graph, &visible, &set);
                    if notes + links > 0 {
                        eprintln!(
                            "wsis-atlas: {notes} note(s) and {links} link(s) of {} are on nodes not in this export; left out",
                            path.display()
                        );
                    }
                    export::export_annotated(&graph, &position, &visible, format, &image, &set)?
                }
                None => export::export(&graph, &position, &visible, format, &image)?,
            };
            write_output(out.as_deref(), &bytes, force)?;
            Ok(failed)
        }
        Some(Command::Layout { input, ticks, seed, out, force }) => {
            let (positions, elapsed) = wsis_atlas::layout::io::run_layout_file(&input, ticks, seed)?;
            eprintln!("layout_ms={:.3}", elapsed.as_secs_f64() * 1000.0);
            write_output(out.as_deref(), positions.as_bytes(), force)?;
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
            eprintln!("wsis-atlas: {w}");
        }
    }
    Ok(set)
}

/// `check-annotations FILE [DOCS…] [--no-bundled]`.
fn check_annotations(file: &std::path::Path, docs: &[PathBuf], bundled: bool) -> anyhow::Result<ExitCode> {
    let (graph, failed) = open_with(docs, bundled)?;
    let (set, imported) = wsis_atlas::annotations::AnnotationSet::load_any(file, &graph)
        .with_context(|| format!("{} is not a valid annotation file", file.display()))?;
    if let Some(imported) = &imported {
        println!("read {}", imported.summary());
        for w in &imported.warnings {
            println!("{w}");
        }
    }
    let report = set.validate(&graph);
    for line in report.lines() {
        println!("{line}");
    }
    Ok(if report.is_valid() { failed } else { ExitCode::FAILURE })
}

/// `annotations export|import`.
fn annotations_command(command: AnnotationsCommand) -> anyhow::Result<ExitCode> {
    use wsis_atlas::annotations::{AnnotationSet, to_w3c_string};
    match command {
        AnnotationsCommand::Export { w3c: _, file, out, force } => {
            if let Some(path) = out.as_deref().filter(|p| !force && p.exists()) {
                bail!(export::ExportError::Exists(path.to_owned()));
            }
            let set = AnnotationSet::load(&file)
                .with_context(|| format!("{} is not a valid annotation file", file.display()))?;
            write_output(out.as_deref(), to_w3c_string(&set).as_bytes(), force)?;
            Ok(ExitCode::SUCCESS)
        }
        AnnotationsCommand::Import { file, into, docs, no_bundled } => {
            let (graph, failed) = open_with(&docs, !no_bundled)?;
            let mut set = if into.exists() {
                AnnotationSet::load(&into)
                    .with_context(|| format!("{} is not a valid annotation file", into.display()))?
            } else {
                AnnotationSet::new()
            };
            let (imported, outcome) =
                set.import_file(&file, &graph).with_context(|| format!("{} could not be imported", file.display()))?;
            for w in &imported.warnings {
                eprintln!("wsis-atlas: {w}");
            }
            set.save_as(&into)?;
            let orphans = set.validate(&graph).orphans().count();
            println!(
                "read {}; added {}, skipped {} already there; {} now holds {} notes and {} links (not in the documents: {orphans})",
                imported.summary(),
                outcome.added.len(),
                outcome.skipped.len(),
                into.display(),
                set.annotations().len(),
                set.links().len(),
            );
            Ok(failed)
        }
    }
}

/// [`open`] with the bundled document first when `bundled`.
fn open_with(files: &[PathBuf], bundled: bool) -> anyhow::Result<(wsis_atlas::graph::AtlasGraph, ExitCode)> {
    if !bundled {
        return open(files);
    }
    let (graph, errors) = corpus::open_with(files, true)?;
    for e in &errors {
        eprintln!("wsis-atlas: {e}");
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
            eprintln!("wsis-atlas: {e}");
        }
        return Err(first.into());
    }
    for e in &errors {
        eprintln!("wsis-atlas: {e}");
    }
    Ok((graph, if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }))
}

/// `outline`: the reading report of each document, one after the other.
fn outline(files: &[PathBuf], set_aside: bool) -> anyhow::Result<ExitCode> {
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
                eprintln!("wsis-atlas: {e}");
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
        Some(path) => export::write_atomic(path, bytes, force)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes).and_then(|()| stdout.flush()).context("cannot write to standard output")?;
        }
    }
    Ok(())
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
