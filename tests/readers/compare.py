"""Reads the compare command's exports back: the CSV with pandas (one row per
aligned row, the kinds and counts the HTML redline's summary gives), the
redline as headless Chromium rendered it (its DOM: two columns, every row;
its screenshot: struck-through red and underlined green marks drawn). Run by
tests/readers/check.sh: python3 compare.py DIR."""
import pathlib
import re
import sys

import pandas as pd
from PIL import Image

d = pathlib.Path(sys.argv[1])


def check(ok, msg):
    if not ok:
        sys.exit(f"readers: compare: {msg}")


table = pd.read_csv(d / "compare.csv", keep_default_na=False)
check(list(table.columns[:4]) == ["row", "kind", "moved", "renumbered"], f"columns {list(table.columns)}")
kinds = {"unchanged", "changed", "new", "dropped", "split", "merged"}
check(set(table["kind"]) <= kinds, f"kinds {set(table['kind'])}")
check(table["row"].tolist() == list(range(1, len(table) + 1)), "rows numbered 1..n")
check(((table["kind"] == "new") == (table["old"] == "")).all(), "new rows have no old paragraph, and only they")
check(((table["kind"] == "dropped") == (table["new"] == "")).all(), "dropped rows have no new paragraph, and only they")

dom = (d / "compare-dom.html").read_text()
counts = table["kind"].value_counts().to_dict()
summary = re.search(r'<p class="summary">[^<]*: ([^<]*)\.</p>', dom)
check(summary is not None, "no summary in the rendered redline")
for kind in kinds:
    check(f"{counts.get(kind, 0)} {kind}" in summary.group(1), f"summary {summary.group(1)!r} against CSV {counts}")
moved = int((table["moved"] == True).sum())  # noqa: E712 (pandas reads true/false as booleans)
check(f"{moved} moved" in summary.group(1), f"{moved} moved rows in the CSV, summary {summary.group(1)!r}")
rows = len(re.findall(r'<tr class="(?:unchanged|changed|new|dropped|split|merged)" id="row-', dom))
check(rows == len(table), f"{rows} rows in the redline, {len(table)} in the CSV")
check("<del>" in dom and "<ins>" in dom, "no marks in the redline")

shot = Image.open(d / "compare.png").convert("RGB")
colours = shot.getcolors(maxcolors=1 << 24) or []
red = sum(n for n, (r, g, b) in colours if r > 140 and g < 80 and b < 70)
green = sum(n for n, (r, g, b) in colours if g > 90 and r < 60 and b < 90)
check(red > 200 and green > 200, f"marks drawn: {red} red and {green} green pixels")
pdf = (d / "compare.pdf").read_bytes()
check(pdf.startswith(b"%PDF") and len(pdf) > 10_000, "the redline prints to PDF")
print(f"readers: compare redline read back: {len(table)} rows, {counts}; {red} red and {green} green pixels; {len(pdf)} bytes of PDF")
