//! Frame benchmarks: one frame of the window's canvas, CPU only (egui
//! `Context::run_ui` + `Context::tessellate`, no GPU), on the bundled
//! document's map at rest and on a synthetic 10,000-paragraph map.
//!
//! Besides the whole frame (`frame/*`, and `frame_without_minimap/*` with
//! the overview hidden), the parts are timed on their own:
//! the scene (`scene/*`: culling, styling, label placement), and painting
//! plus tessellation of a scene built once (`paint/*`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::canvas;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::workspace::{LAYOUT_SEED, Workspace};
use wsis_atlas::graph::{AtlasGraph, EdgeKind, Node, NodeKind};
use wsis_atlas::layout::AtlasLayout;
use wsis_atlas::layout::rng::SplitMix64;
use wsis_atlas::scene::Scene;
use wsis_atlas::style::{Style, Theme};

/// The window's default canvas: 1280×800 less the side (260) and detail (360) panels and the bars.
const CANVAS: [f32; 2] = [660.0, 750.0];

/// 10,000 paragraphs in 50 sections (a chain in reading order) and 2,000
/// entities of five kinds, each paragraph citing 0–3 of them (seeded).
fn synthetic_graph(paragraphs: usize, entities: usize, seed: u64) -> AtlasGraph {
    let mut rng = SplitMix64::new(seed);
    let mut g = AtlasGraph::new();
    let doc = g.add_node(Node::new("doc:synthetic", NodeKind::Document, "Synthetic"));
    let kinds =
        [NodeKind::Resolution, NodeKind::Instrument, NodeKind::Organization, NodeKind::Sdg, NodeKind::Stakeholder];
    let entity: Vec<_> = (0..entities)
        .map(|i| {
            let kind = kinds[i % kinds.len()];
            g.add_node(Node::new(format!("{}:{i}", kind.as_str()), kind, format!("E{i}")))
        })
        .collect();
    let sections: Vec<_> = (0..50)
        .map(|s| {
            let sec = g.add_node(Node::new(format!("sec:synthetic:{s}"), NodeKind::Section, format!("§{s}")));
            g.add_edge(doc, sec, EdgeKind::Contains, Vec::new());
            sec
        })
        .collect();
    let mut previous = None;
    for p in 0..paragraphs {
        let mut node = Node::new(format!("para:synthetic:{p}"), NodeKind::Paragraph, format!("¶{}", p + 1));
        node.document = Some("doc:synthetic".to_owned());
        node.number = u32::try_from(p + 1).ok();
        node.text = Some(format!("Paragraph {} of a synthetic document.", p + 1));
        let para = g.add_node(node);
        let section = sections[p * sections.len() / paragraphs];
        g.add_edge(section, para, EdgeKind::Contains, Vec::new());
        if let Some(prev) = previous {
            g.add_edge(prev, para, EdgeKind::Follows, Vec::new());
        }
        previous = Some(para);
        for _ in 0..rng.below(4) {
            let target = entity[rng.below(entity.len())];
            g.add_edge(para, target, EdgeKind::Cites, Vec::new());
        }
    }
    g
}

/// The app on `workspace`, with its layout paused (frames only paint) and
/// one frame run so the camera is fitted.
fn app(workspace: Workspace, ctx: &egui::Context) -> AtlasApp {
    let mut app = AtlasApp::new(workspace, Settings::default());
    app.view.paused = true;
    frame(ctx, &mut app);
    app
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(CANVAS[0], CANVAS[1]))),
        ..Default::default()
    }
}

/// One frame of the canvas alone, tessellated; returns the triangle count.
fn frame(ctx: &egui::Context, app: &mut AtlasApp) -> usize {
    let output = ctx.run_ui(raw_input(), |ui| {
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let _ = app.canvas_only_ui(ui);
        });
    });
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes
        .iter()
        .map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// Painting a prebuilt scene and tessellating it, with the window's
/// frame-to-frame buffers.
fn paint(ctx: &egui::Context, scene: &Scene, buffers: &mut canvas::PaintBuffers) -> usize {
    let output = ctx.run_ui(raw_input(), |ui| {
        let rect = ui.max_rect();
        canvas::paint_with(ui, rect, scene, buffers);
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// Clears the parts of a scene not being measured.
type Keep = fn(&mut Scene);

/// Milliseconds per call of `f`, over `n` calls.
fn ms(n: u32, mut f: impl FnMut()) -> f64 {
    let start = std::time::Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(n)
}

/// Where a frame's time goes: scene build, painting into shapes, tessellation.
fn breakdown(name: &str, ctx: &egui::Context, scene: &Scene, app: &AtlasApp, style: &Style) {
    let camera = scene_camera(app);
    let build = ms(10, || {
        drop(black_box(canvas::current_scene(&app.world(), camera, style, wsis_atlas::scene::Labels::Auto, false)))
    });
    let mut output = None;
    let mut buffers = canvas::PaintBuffers::default();
    let shapes = ms(10, || {
        output = Some(ctx.run_ui(raw_input(), |ui| canvas::paint_with(ui, ui.max_rect(), scene, &mut buffers)));
    });
    let Some(output) = output else { return };
    let count = output.shapes.len();
    let tessellate = ms(10, || drop(black_box(ctx.tessellate(output.shapes.clone(), output.pixels_per_point))));
    let clone = ms(10, || drop(black_box(output.shapes.clone())));
    eprintln!(
        "{name}: scene {build:.2} ms; paint into {count} clipped shapes {shapes:.2} ms; tessellate {:.2} ms",
        tessellate - clone
    );
    // Tessellation by part: edges only, nodes only, labels only.
    let parts: [(&str, Keep); 3] = [
        ("edges", |s| {
            s.nodes.clear();
            s.labels.clear();
        }),
        ("nodes", |s| {
            s.edges.clear();
            s.labels.clear();
        }),
        ("labels", |s| {
            s.edges.clear();
            s.nodes.clear();
        }),
    ];
    for (part, keep) in parts {
        let mut only = scene.clone();
        keep(&mut only);
        let output = ctx.run_ui(raw_input(), |ui| canvas::paint(ui, ui.max_rect(), &only));
        let mut triangles = 0;
        let t = ms(10, || {
            let meshes = ctx.tessellate(output.shapes.clone(), output.pixels_per_point);
            triangles = meshes
                .iter()
                .map(|m| match &m.primitive {
                    egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
                    egui::epaint::Primitive::Callback(_) => 0,
                })
                .sum::<usize>();
        });
        eprintln!("{name}:   {part}: tessellate {t:.2} ms, {triangles} triangles");
    }
}

fn scene_camera(app: &AtlasApp) -> wsis_atlas::scene::Camera {
    app.view.camera.unwrap_or_else(|| wsis_atlas::scene::Camera::fit([], CANVAS, 40.0))
}

fn workspaces() -> Vec<(&'static str, Workspace)> {
    let mut out = Vec::new();
    if let Ok(mut bundled) = Workspace::bundled() {
        bundled.layout.sim.run_to_rest(20_000);
        out.push(("bundled", bundled));
    }
    let graph = synthetic_graph(10_000, 2_000, 7);
    let mut layout = AtlasLayout::new(&graph, LAYOUT_SEED);
    // Past the start spiral: a map part-way to rest, as a user sees it.
    layout.sim.steps(30);
    out.push(("synthetic_10k", Workspace::new(graph, layout, Vec::new())));
    out
}

fn benches(c: &mut Criterion) {
    let style = Style::new(Theme::Light);
    for (name, workspace) in workspaces() {
        let ctx = egui::Context::default();
        let mut app = app(workspace, &ctx);
        let camera = scene_camera(&app);
        let scene = canvas::current_scene(&app.world(), camera, &style, wsis_atlas::scene::Labels::Auto, false);
        eprintln!(
            "{name}: {} nodes, {} edges; painted {} nodes, {} edges, {} labels; {} triangles",
            app.workspace.graph.node_count(),
            app.workspace.graph.edge_count(),
            scene.nodes.len(),
            scene.edges.len(),
            scene.labels.len(),
            frame(&ctx, &mut app),
        );
        breakdown(name, &ctx, &scene, &app, &style);

        let mut group = c.benchmark_group("canvas");
        group.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
        group.bench_function(BenchmarkId::new("frame", name), |b| b.iter(|| black_box(frame(&ctx, &mut app))));
        // The same frame without the overview minimap: what the minimap costs.
        app.settings.show_minimap = false;
        group.bench_function(BenchmarkId::new("frame_without_minimap", name), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app)));
        });
        app.settings.show_minimap = true;
        group.bench_function(BenchmarkId::new("scene", name), |b| {
            b.iter(|| {
                black_box(
                    canvas::current_scene(&app.world(), camera, &style, wsis_atlas::scene::Labels::Auto, false)
                        .labels
                        .len(),
                )
            });
        });
        // The edge under the pointer, as a frame with the pointer over the map
        // asks it: the first question of a scene builds its grid, the next
        // ones only look around the point.
        let points: Vec<[f32; 2]> = (0..64)
            .map(|k| [CANVAS[0] * ((k % 8) as f32 + 0.5) / 8.0, CANVAS[1] * ((k / 8) as f32 + 0.5) / 8.0])
            .collect();
        group.bench_function(BenchmarkId::new("edge_at_first", name), |b| {
            b.iter_batched(
                || scene.clone(),
                |fresh| black_box(fresh.edge_at(points[27], 4.0).is_some()),
                criterion::BatchSize::LargeInput,
            );
        });
        let _ = scene.edge_at(points[0], 4.0);
        group.bench_function(BenchmarkId::new("edge_at_next_64", name), |b| {
            b.iter(|| black_box(points.iter().filter(|&&p| scene.edge_at(p, 4.0).is_some()).count()));
        });
        let mut buffers = canvas::PaintBuffers::default();
        group.bench_function(BenchmarkId::new("paint", name), |b| {
            b.iter(|| black_box(paint(&ctx, &scene, &mut buffers)));
        });
        group.finish();
    }
}

criterion_group!(frame_benches, benches);
criterion_main!(frame_benches);
