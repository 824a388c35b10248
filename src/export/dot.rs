//! The graph as Graphviz DOT: nodes filled with their kind's colour and
//! placed at their layout position (`pos="x,y!"`, points, y up as Graphviz
//! expects), edges coloured and dashed as in the window. Every node carries
//! `kind`, and paragraphs a `tooltip` with their text.
//!
//! Only neato uses the positions (`neato -n2 -Tsvg map.dot -o map.svg`);
//! the `dot` layout engine ignores them, lays the graph out again and takes
//! minutes on a few hundred nodes. The file says so in a comment, and its
//! graph attributes `layout=neato` and `inputscale=72` (positions are in
//! points) make `dot -Tsvg` and plain `neato` draw it as laid out too.

use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;

use super::xml::num_into;
use crate::annotations::AnnotationSet;
use crate::graph::AtlasGraph;
use crate::style::{Style, Theme};

/// The longest piece of a DOT string written as one token: Graphviz's
/// scanner refuses a token over 16,384 bytes, so a longer string (a long
/// paragraph's tooltip) is written as pieces joined by DOT's `+`.
const MAX_DOT_TOKEN: usize = 16_000;

/// Appends `s` as a DOT double-quoted string: `"` and `\` escaped, line
/// breaks as `\n`, other control characters dropped; past
/// [`MAX_DOT_TOKEN`] bytes, as `"…" + "…"` (one string to Graphviz).
pub fn quote_into(out: &mut String, s: &str) {
    out.push('"');
    let mut piece = 0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let escaped: &str = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            c if c.is_control() => continue,
            c => c.encode_utf8(&mut buf),
        };
        if piece + escaped.len() > MAX_DOT_TOKEN {
            out.push_str("\" + \"");
            piece = 0;
        }
        piece += escaped.len();
        out.push_str(escaped);
    }
    out.push('"');
}

/// The comment at the top of every DOT file: how to draw it as laid out.
pub const NEATO_COMMENT: &str = "// Laid out by WSIS Atlas: `pos` holds each node's position in points.\n\
// Draw it as laid out with:  neato -n2 -Tsvg FILE.dot -o FILE.svg\n\
// (layout=neato makes `dot -Tsvg FILE.dot` do the same; the dot engine itself,\n\
// `-K dot`, ignores the positions and is very slow on large graphs).\n";

/// The visible part of `graph` as DOT: nodes for which `visible` holds and
/// the edges between them, in graph order.
///
/// # Complexity
///
/// Linear in the graph.
#[must_use]
pub fn to_dot(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
) -> String {
    to_dot_with(graph, position, visible, None)
}

/// [`to_dot`] carrying annotations: each visible node's notes in a `notes`
/// attribute, and each user link between visible nodes as an edge of kind
/// `annotation` with its `label`.
#[must_use]
pub fn to_dot_with(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    notes: Option<&AnnotationSet>,
) -> String {
    let style = Style::new(Theme::Light);
    let mut out = String::with_capacity(1024 + 200 * graph.node_count() + 80 * graph.edge_count());
    out.push_str(NEATO_COMMENT);
    out.push_str("digraph \"WSIS Atlas\" {\n");
    out.push_str("  graph [layout=neato, inputscale=72, outputorder=edgesfirst, overlap=true, splines=false, bgcolor=");
    quote_into(&mut out, &style.background.to_hex());
    out.push_str("];\n");
    out.push_str("  node [shape=box, style=\"rounded,filled\", fontname=\"Ubuntu\", fontsize=9, fontcolor=\"#ffffff\", penwidth=0, margin=\"0.04,0.02\", width=0, height=0];\n");
    out.push_str("  edge [arrowsize=0.4];\n");
    for (index, node) in graph.nodes() {
        if !visible(index) {
            continue;
        }
        out.push_str("  ");
        quote_into(&mut out, &node.id);
        out.push_str(" [label=");
        quote_into(&mut out, &node.label);
        let _ =
            write!(out, ", kind=\"{}\", fillcolor=\"{}\"", node.kind.as_str(), style.node_color(node.kind).to_hex());
        if let Some([x, y]) = position(index).filter(|p| p[0].is_finite() && p[1].is_finite()) {
            out.push_str(", pos=\"");
            num_into(&mut out, x);
            out.push(',');
            num_into(&mut out, -y);
            out.push_str("!\"");
        }
        let tip = node.text.as_deref().unwrap_or_else(|| node.display_name());
        out.push_str(", tooltip=");
        quote_into(&mut out, tip);
        if let Some(set) = notes {
            let texts: Vec<&str> = set.annotations_for(&node.id).map(|a| a.note.as_str()).collect();
            if !texts.is_empty() {
                out.push_str(", notes=");
                quote_into(&mut out, &texts.join("\n\n"));
            }
        }
        out.push_str("];\n");
    }
    for (s, t, edge) in graph.edges() {
        if !(visible(s) && visible(t)) {
            continue;
        }
        let (Some(source), Some(target)) = (graph.node(s), graph.node(t)) else { continue };
        let es = style.edge_style(edge.kind);
        out.push_str("  ");
        quote_into(&mut out, &source.id);
        out.push_str(" -> ");
        quote_into(&mut out, &target.id);
        let [r, g, b, a] = es.color.0;
        let _ = write!(out, " [kind=\"{}\", color=\"#{r:02x}{g:02x}{b:02x}{a:02x}\", penwidth=", edge.kind.as_str());
        num_into(&mut out, es.width);
        if es.dashed {
            out.push_str(", style=dashed");
        }
        out.push_str("];\n");
    }
    if let Some(set) = notes {
        let es = style.edge_style(crate::graph::EdgeKind::Annotation);
        let [r, g, b, a] = es.color.0;
        for link in set.links() {
            let ends = graph.index_of(&link.from).zip(graph.index_of(&link.to));
            let Some((s, t)) = ends.filter(|(s, t)| visible(*s) && visible(*t)) else { continue };
            let (Some(source), Some(target)) = (graph.node(s), graph.node(t)) else { continue };
            out.push_str("  ");
            quote_into(&mut out, &source.id);
            out.push_str(" -> ");
            quote_into(&mut out, &target.id);
            let _ = write!(out, " [kind=\"annotation\", color=\"#{r:02x}{g:02x}{b:02x}{a:02x}\", penwidth=");
            num_into(&mut out, es.width);
            if es.dashed {
                out.push_str(", style=dashed");
            }
            out.push_str(", label=");
            quote_into(&mut out, &link.label);
            out.push_str(", link_id=");
            quote_into(&mut out, &link.id);
            out.push_str("];\n");
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_split_into_tokens_graphviz_reads() {
        let long = format!("{}\"{}", "é".repeat(9000), "x".repeat(20_000));
        let mut out = String::new();
        quote_into(&mut out, &long);
        let pieces: Vec<&str> = out.split("\" + \"").collect();
        assert_eq!(pieces.len(), 3, "{} bytes in 18,000 + 1 + 20,000", long.len());
        assert!(pieces.iter().all(|p| p.len() <= MAX_DOT_TOKEN + 1), "each token within Graphviz's limit");
        let joined: String = pieces.concat();
        assert_eq!(joined.trim_matches('"').replace("\\\"", "\""), long);
    }

    #[test]
    fn quotes_escape_quotes_backslashes_and_newlines() {
        let mut s = String::new();
        quote_into(&mut s, "a \"b\" \\c\nd\u{7}");
        assert_eq!(s, r#""a \"b\" \\c\nd""#);
    }
}
