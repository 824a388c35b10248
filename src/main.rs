//! The `wsis-atlas` command: with no subcommand it opens the explorer window;
//! subcommands work headlessly (stats, export, layout, check-annotations).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use wsis_atlas::scene::ColorBy;
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
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// Picture width in pixels.
        #[arg(long, value_name = "PX", conflicts_with = "scale", value_parser = clap::value_parser!(u32).range(1..=16384))]
        width: Option<u32>,
        /// Picture height in pixels.
        #[arg(long, value_name = "PX", conflicts_with = "scale", value_parser = clap::value_parser!(u32).range(1..=16384))]
        height: Option<u32>,
        /// Pixels per logical pixel of the default 1600×1000 picture (2: the same picture, sharper).
        #[arg(long, value_name = "S")]
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
        /// What a disc's colour tells: its node kind, or a paragraph's clause role.
        #[arg(long, value_enum, default_value_t = ColorBy::Kind)]
        color_by: ColorBy,
        /// Only this node and its neighbourhood (a node id such as `para:wsis10:32`).
        #[arg(long, value_name = "NODE_ID")]
        focus: Option<String>,
        /// Neighbourhood depth around --focus, in edges [default: 1].
        #[arg(long, value_name = "K", requires = "focus")]
        depth: Option<usize>,
        /// Only these node kinds (comma-separated: paragraph,resolution,…).
        #[arg(long, value_name = "KINDS", value_delimiter = ',')]
        kinds: Vec<String>,
        /// An annotation file whose notes (badges) and links appear in pictures.
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
    /// Check an annotation file against documents (the bundled one when none are given).
    CheckAnnotations {
        /// The annotation file.
        file: PathBuf,
        /// Documents its notes point into.
        docs: Vec<PathBuf>,
    },
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
            let defaults = export::ImageOptions::default();
            let image = export::ImageOptions {
                width: width.unwrap_or(defaults.width),
                height: height.unwrap_or(defaults.height),
                scale: scale.unwrap_or(1.0),
                theme,
                labels: !no_labels,
                legend: !no_legend,
                color_by,
            };
            let overlay = match &annotations {
                Some(path) => {
                    let set = wsis_atlas::annotations::AnnotationSet::load(path)
                        .with_context(|| format!("{} is not a valid annotation file", path.display()))?;
                    wsis_atlas::annotations::Overlay::new(&set, &graph)
                }
                None => wsis_atlas::annotations::Overlay::default(),
            };
            let bytes = export::export_with(&graph, &|n| layout.position(n), &visible, format, &image, &overlay)?;
            write_output(out.as_deref(), &bytes, force)?;
            Ok(failed)
        }
        Some(Command::Layout { input, ticks, seed, out, force }) => {
            let (positions, elapsed) = wsis_atlas::layout::io::run_layout_file(&input, ticks, seed)?;
            eprintln!("layout_ms={:.3}", elapsed.as_secs_f64() * 1000.0);
            write_output(out.as_deref(), positions.as_bytes(), force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::CheckAnnotations { file, docs }) => {
            let (graph, failed) = open(&docs)?;
            let report = wsis_atlas::annotations::check(&file, &graph)
                .with_context(|| format!("{} is not a valid annotation file", file.display()))?;
            for line in report.lines() {
                println!("{line}");
            }
            Ok(if report.is_valid() { failed } else { ExitCode::FAILURE })
        }
    }
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
