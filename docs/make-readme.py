"""Assembles README.md from docs/README.*.md, the shortcut table in
src/app/menu.rs and the annotation format in src/annotations/FORMAT.md,
so the README cannot drift from the code. Run: python3 docs/make-readme.py"""
import pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
menu = (root / "src/app/menu.rs").read_text()
table = re.search(r"pub const SHORTCUTS: &\[\(&str, &str\)\] = &\[(.*?)\];", menu, re.S).group(1)
rows = re.findall(r'\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",?\s*\)', table)
# Every entry of the table is a row (rustfmt may spread one over lines).
entries = len(re.findall(r"^\s*\(", table, re.M))
if len(rows) != entries:
    raise SystemExit("make-readme: read %d shortcut rows of %d in src/app/menu.rs" % (len(rows), entries))
shortcuts = "".join(f"| {k} | {w} |\n" for k, w in rows)
parts = [
    (root / "docs/README.head.md").read_text(),
    shortcuts,
    (root / "docs/README.tail.md").read_text(),
    (root / "src/annotations/FORMAT.md").read_text(),
    (root / "docs/README.end.md").read_text(),
]
(root / "README.md").write_text("".join(parts))
