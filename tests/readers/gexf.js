// Reads a GEXF export with graphology-gexf (the parser of Gephi Lite and
// sigma.js) and checks it against the node-link JSON of the same graph:
// same nodes by id, same edges (source, target, kind), every node's
// position (y up, as Gephi's), colour and size carried as viz attributes, and each node's
// kind as an attribute. Run by tests/readers/check.sh:
// node gexf.js FILE.gexf FILE.json (NODE_PATH naming the installed modules).
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");

function fail(msg) {
  console.error(`readers: gexf: ${msg}`);
  process.exit(1);
}

const [gexfPath, jsonPath] = process.argv.slice(2);
const graph = gexf.parse(Graph.MultiGraph, fs.readFileSync(gexfPath, "utf8"));
const data = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
const links = data.links || data.edges;

if (graph.order !== data.nodes.length) fail(`${graph.order} nodes, the JSON has ${data.nodes.length}`);
if (graph.size !== links.length) fail(`${graph.size} edges, the JSON has ${links.length}`);

const hex = (c) => c.toLowerCase();
for (const n of data.nodes) {
  if (!graph.hasNode(n.id)) fail(`node ${n.id} is missing`);
  const a = graph.getNodeAttributes(n.id);
  if (a.kind !== n.kind) fail(`${n.id}: kind ${a.kind}, the JSON says ${n.kind}`);
  if (a.label !== n.label) fail(`${n.id}: label ${a.label}, the JSON says ${n.label}`);
  // Gephi's y points up: the export negates y so the map is not upside down.
  if (Math.abs(a.x - n.x) > 0.01 || Math.abs(a.y + n.y) > 0.01) fail(`${n.id}: at ${a.x},${a.y}, the JSON says ${n.x},${-n.y} (y up)`);
  if (Math.abs(a.size - n.size) > 0.01) fail(`${n.id}: size ${a.size}, the JSON says ${n.size}`);
  // graphology-gexf gives colours as rgb(r,g,b) (or #rrggbb).
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(a.color || "");
  const colour = m ? "#" + m.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, "0")).join("") : a.color;
  if (hex(colour || "") !== hex(n.color)) fail(`${n.id}: colour ${a.color}, the JSON says ${n.color}`);
}
const key = (s, t, k) => `${s}\u0001${t}\u0001${k}`;
const want = new Map();
for (const l of links) want.set(key(l.source, l.target, l.kind), (want.get(key(l.source, l.target, l.kind)) || 0) + 1);
graph.forEachEdge((e, a, s, t) => {
  const k = key(s, t, a.kind);
  const left = want.get(k);
  if (!left) fail(`edge ${s} -> ${t} (${a.kind}) is not in the JSON`);
  want.set(k, left - 1);
});
console.log(`readers: graphology-gexf read ${graph.order} nodes and ${graph.size} edges, positions, colours, sizes and kinds as in the JSON`);
