"""Reads WSIS Atlas exports back with networkx (GraphML, GEXF, JSON) and
pandas (CSV) and checks them against the node-link JSON: same nodes (by our
id), same edges (direction, kind), every attribute carried, evidence
offsets right in characters. Run by tests/readers/check.sh: python3 read.py
DIR (with PYTHONPATH naming an older networkx, it checks only that the JSON
reads as the README says)."""
import json
import pathlib
import sys
from collections import Counter

import networkx as nx

try:
    import pandas as pd
except ImportError:  # only the --json-only check runs without it
    pd = None

d = pathlib.Path(sys.argv[1])


def fail(msg):
    sys.exit(f"readers: {msg}")


def check(ok, msg):
    if not ok:
        fail(msg)


def edge_key(source, target, kind):
    return (source, target, kind)


def read_json(data):
    """The README's lines, for every networkx since 2.8."""
    try:
        return nx.node_link_graph(data, edges="links")  # networkx 3.4 and later
    except TypeError:
        return nx.node_link_graph(data)  # networkx 2.8 to 3.3 read "links" by default


if len(sys.argv) > 2 and sys.argv[2] == "--json-only":
    data = json.loads((d / "wsis10.json").read_text())
    g = read_json(data)
    check(g.is_directed() and g.is_multigraph(), f"networkx {nx.__version__}: built {type(g).__name__}")
    check((g.number_of_nodes(), g.number_of_edges()) == (len(data["nodes"]), len(data["links"])),
          f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    print(f"readers: networkx {nx.__version__} read the JSON as the README says: "
          f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    sys.exit(0)

for stem in ["wsis10", "wsis10-notes"]:
    data = json.loads((d / f"{stem}.json").read_text())
    check(data["directed"] is True and data["multigraph"] is True, f"{stem}.json: not a directed multigraph")

    # Node-link JSON, as the README tells networkx to read it.
    g = read_json(data)
    check(g.is_directed() and g.is_multigraph(), f"{stem}.json: networkx built {type(g).__name__}")
    check(g.number_of_nodes() == len(data["nodes"]), f"{stem}.json: {g.number_of_nodes()} nodes")
    check(g.number_of_edges() == len(data["links"]), f"{stem}.json: {g.number_of_edges()} edges")
    cites = [(l["source"], l["target"]) for l in data["links"] if l["kind"] == "cites"]
    check(cites, f"{stem}.json: no cites links")
    for s, t in cites:
        check(g.has_edge(s, t), f"{stem}.json: cites {s} -> {t} lost")
        check(not any(e.get("kind") == "cites" for e in g.get_edge_data(t, s, default={}).values()),
              f"{stem}.json: cites {s} -> {t} also reversed")
    check(g.graph.get("name") == "WSIS Atlas", f"{stem}.json: graph attributes {g.graph}")

    # GraphML: ids n0…, our id in atlas_id, the same nodes, edges and attributes.
    h = nx.read_graphml(d / f"{stem}.graphml")
    check(h.is_directed(), f"{stem}.graphml: undirected")
    ids = {n: a["atlas_id"] for n, a in h.nodes(data=True)}
    check(all(n.startswith("n") and n[1:].isdigit() for n in ids), f"{stem}.graphml: node ids not n0…")
    check(sorted(ids.values()) == sorted(n["id"] for n in data["nodes"]), f"{stem}.graphml: not the JSON's nodes")
    by_id = {a["atlas_id"]: a for _, a in h.nodes(data=True)}
    for n in data["nodes"]:
        a = by_id[n["id"]]
        for field in ["kind", "label", "text", "title", "symbol", "document", "section", "annex", "part", "name"]:
            check(a.get(field) == n.get(field), f"{stem}.graphml: {n['id']} {field} {a.get(field)!r} != {n.get(field)!r}")
        for field in ["number", "ordinal", "goal"]:
            check(a.get(field) == n.get(field), f"{stem}.graphml: {n['id']} {field} {a.get(field)!r} != {n.get(field)!r}")
        roles = a.get("roles", "")
        got = roles.split(",") if roles else []
        check(got == n.get("roles", []), f"{stem}.graphml: {n['id']} roles {roles!r}")
        check(abs(a["x"] - n["x"]) < 0.01 and abs(a["y"] - n["y"]) < 0.01, f"{stem}.graphml: {n['id']} position")
    check(any(a.get("roles") for a in by_id.values()), f"{stem}.graphml: no roles at all")

    json_edges = Counter(edge_key(l["source"], l["target"], l["kind"]) for l in data["links"])
    gm_edges = Counter(edge_key(ids[s], ids[t], a["kind"]) for s, t, a in h.edges(data=True))
    check(json_edges == gm_edges, f"{stem}.graphml: edges differ: {list((json_edges - gm_edges).items())[:3]} / {list((gm_edges - json_edges).items())[:3]}")
    gm_attrs = {edge_key(ids[s], ids[t], a["kind"]): a for s, t, a in h.edges(data=True)}
    several = 0
    for l in data["links"]:
        a = gm_attrs[edge_key(l["source"], l["target"], l["kind"])]
        evidence = json.loads(a["evidence"]) if "evidence" in a else []
        check(evidence == l.get("evidence", []), f"{stem}.graphml: evidence of {l['source']} -> {l['target']}")
        several += len(evidence) > 1
        check(json.loads(a.get("deadlines", "[]")) == l.get("deadlines", []), f"{stem}.graphml: deadlines")
        if "score" in l:
            check(abs(a["score"] - l["score"]) < 1e-9, f"{stem}.graphml: score {a.get('score')} != {l['score']}")
        if l["kind"] == "annotation":
            check(a.get("label") == l.get("label"), f"{stem}.graphml: user link label {a.get('label')!r}")
    check(several > 0, f"{stem}.graphml: no edge with several evidence quotes to check")
    check(any("score" in l for l in data["links"]), f"{stem}.json: no similar scores")
    check(any(l.get("deadlines") for l in data["links"]), f"{stem}.json: no deadlines")
    print(f"readers: {stem}: networkx read {h.number_of_nodes()} nodes, {h.number_of_edges()} edges from GraphML "
          f"and {g.number_of_nodes()} nodes, {g.number_of_edges()} edges from JSON; they agree")

    # Evidence offsets: bytes for UTF-8 slicing, characters for Python's.
    text = {n["id"]: n.get("text", "") for n in data["nodes"]}
    spans = 0
    for l in data["links"]:
        for e in l.get("evidence", []):
            src = text[l["source"]]
            check(src[e["char_start"]:e["char_end"]] == e["quote"], f"{stem}.json: char offsets of {e['quote']!r}")
            check(src.encode()[e["start"]:e["end"]].decode() == e["quote"], f"{stem}.json: byte offsets of {e['quote']!r}")
            spans += 1
    check(all("color" in n and "size" in n for n in data["nodes"]), f"{stem}.json: a node without color or size")

    # GEXF: our ids, the same edges by kind, positions, colours and sizes as Gephi reads them.
    x = nx.read_gexf(d / f"{stem}.gexf")
    check(sorted(x.nodes) == sorted(n["id"] for n in data["nodes"]), f"{stem}.gexf: not the JSON's nodes")
    gx_edges = Counter(edge_key(s, t, a["kind"]) for s, t, a in x.edges(data=True))
    check(gx_edges == json_edges, f"{stem}.gexf: edges differ: {list((json_edges - gx_edges).items())[:3]}")
    for n in data["nodes"]:
        a = x.nodes[n["id"]]
        viz = a.get("viz", {})
        hexed = "#%02x%02x%02x" % (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"])
        check(hexed == n["color"] == a["color"], f"{stem}.gexf: {n['id']} colour {hexed} != {n['color']}")
        check(abs(viz["size"] - n["size"]) < 0.01, f"{stem}.gexf: {n['id']} size")
        check(abs(viz["position"]["x"] - n["x"]) < 0.01 and abs(viz["position"]["y"] + n["y"]) < 0.01,
              f"{stem}.gexf: {n['id']} position")
        check(a.get("kind") == n["kind"] and a.get("label") == n["label"], f"{stem}.gexf: {n['id']} kind or label")

    # CSV: the two tables, as a spreadsheet or Cytoscape reads them (pandas here).
    nodes = pd.read_csv(d / f"{stem}-nodes.csv", dtype=str, keep_default_na=False)
    links = pd.read_csv(d / f"{stem}-links.csv", dtype=str, keep_default_na=False)
    check(sorted(nodes["id"]) == sorted(n["id"] for n in data["nodes"]), f"{stem}-nodes.csv: not the JSON's nodes")
    by_csv = nodes.set_index("id")
    for n in data["nodes"]:
        check(by_csv.loc[n["id"], "text"] == n.get("text", ""), f"{stem}-nodes.csv: {n['id']} text")
        check(by_csv.loc[n["id"], "color"] == n["color"], f"{stem}-nodes.csv: {n['id']} colour")
    csv_edges = Counter(edge_key(r.source, r.target, r.kind) for r in links.itertuples())
    check(csv_edges == json_edges, f"{stem}-links.csv: edges differ: {list((json_edges - csv_edges).items())[:3]}")
    for r in links.itertuples():
        if r.evidence:
            for e in json.loads(r.evidence):
                check(text[r.source][e["char_start"]:e["char_end"]] == e["quote"], f"{stem}-links.csv: evidence")
    print(f"readers: {stem}: GEXF {x.number_of_nodes()} nodes, {x.number_of_edges()} edges; CSV {len(nodes)} nodes, "
          f"{len(links)} links; {spans} evidence spans right in characters and bytes")

notes = json.loads((d / "wsis10-notes.json").read_text())
check(len(notes.get("annotations", [])) == 3, "wsis10-notes.json: the example's 3 notes are not there")
user = [l for l in notes["links"] if l["kind"] == "annotation"]
check(len(user) == 1 and user[0]["label"] == "same rights online", f"wsis10-notes.json: user links {user}")
print("readers: networkx ok")
