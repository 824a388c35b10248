// One d3-force step on a node-link JSON graph, timed like benches/layout_compare.rs:
// d3's defaults (many-body -30 with theta 0.9, link force, plus the centre force),
// past the first 10 steps, alpha held at 0.3 before every step.
// Usage: node bench.mjs GRAPH.json [STEPS] [ALPHA]
// Write the graph with: cargo run --release --example layout_quality -- --write-ba N GRAPH.json
import * as d3 from "d3-force";
import fs from "fs";

const [path, stepsArg, alphaArg] = process.argv.slice(2);
if (!path) {
  console.error("usage: node bench.mjs GRAPH.json [STEPS] [ALPHA]");
  process.exit(2);
}
const g = JSON.parse(fs.readFileSync(path, "utf8"));
const steps = +(stepsArg ?? 0) || (g.nodes.length >= 100000 ? 5 : g.nodes.length >= 10000 ? 30 : 200);
const alpha = +(alphaArg ?? 0.3);
const sim = d3
  .forceSimulation(g.nodes)
  .force("charge", d3.forceManyBody())
  .force("link", d3.forceLink(g.links).id((d) => d.id))
  .force("center", d3.forceCenter())
  .stop();
for (let i = 0; i < 10; i++) sim.tick();
const times = [];
for (let i = 0; i < steps; i++) {
  sim.alpha(alpha);
  const t = performance.now();
  sim.tick();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / steps;
const median = times[steps >> 1];
console.log(
  `d3-force step, ${g.nodes.length} nodes, ${g.links.length} links: median ${median.toFixed(2)} ms, mean ${mean.toFixed(2)} ms over ${steps} steps`,
);
