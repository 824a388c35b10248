//! The attributes every node carries in the data exports that hold a flat
//! record per node (GraphML, GEXF, CSV): one list, so the formats agree on
//! names, types and values.

use petgraph::stable_graph::NodeIndex;

use crate::graph::{AtlasGraph, Node};

/// An attribute's type, as the formats declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Text.
    String,
    /// A whole number.
    Int,
    /// A number.
    Double,
}

impl Type {
    /// The GraphML `attr.type` (GEXF says `integer` for `int`).
    #[must_use]
    pub fn graphml(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Int => "int",
            Type::Double => "double",
        }
    }
}

/// Every node attribute in the order written: name and type. Lists and
/// records (`footnotes`, `facts`) are JSON text; `roles` is comma-separated.
pub const NODE: [(&str, Type); 21] = [
    ("label", Type::String),
    ("kind", Type::String),
    ("text", Type::String),
    ("title", Type::String),
    ("name", Type::String),
    ("document", Type::String),
    ("section", Type::String),
    ("symbol", Type::String),
    ("date", Type::String),
    ("acronym", Type::String),
    ("part", Type::String),
    ("annex", Type::String),
    ("number", Type::Int),
    ("ordinal", Type::Int),
    ("goal", Type::Int),
    ("roles", Type::String),
    ("footnotes", Type::String),
    ("source", Type::String),
    ("facts", Type::String),
    ("color", Type::String),
    ("size", Type::Double),
];

/// What the node records need beyond a node: the documents by node id (a
/// document's node carries its `source` and `facts`) and the colours.
pub struct Context<'g> {
    graph: &'g AtlasGraph,
    documents: std::collections::HashMap<String, &'g crate::document::Document>,
    style: crate::style::Style,
}

impl<'g> Context<'g> {
    /// The context of `graph` (light-theme colours, as the other exports).
    #[must_use]
    pub fn new(graph: &'g AtlasGraph) -> Self {
        Context {
            graph,
            documents: graph.documents().iter().map(|d| (crate::id::document(&d.id), d)).collect(),
            style: crate::style::Style::new(crate::style::Theme::Light),
        }
    }

    /// The node's kind colour as `[r, g, b]`.
    #[must_use]
    pub fn rgb(&self, node: &Node) -> [u8; 3] {
        let [r, g, b, _] = self.style.node_color(node.kind).0;
        [r, g, b]
    }

    /// The attributes of node `index` that it has, in [`NODE`]'s order.
    #[must_use]
    pub fn values(&self, index: NodeIndex, node: &Node) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::with_capacity(NODE.len());
        out.push(("label", node.label.clone()));
        out.push(("kind", node.kind.as_str().to_owned()));
        let strings = [
            ("text", &node.text),
            ("title", &node.title),
            ("name", &node.name),
            ("document", &node.document),
            ("section", &node.section),
            ("symbol", &node.symbol),
            ("date", &node.date),
            ("acronym", &node.acronym),
            ("part", &node.part),
            ("annex", &node.annex),
        ];
        out.extend(strings.into_iter().filter_map(|(k, v)| Some((k, v.clone()?))));
        let numbers = [("number", node.number), ("ordinal", node.ordinal), ("goal", node.goal.map(u32::from))];
        out.extend(numbers.into_iter().filter_map(|(k, v)| Some((k, v?.to_string()))));
        if !node.roles.is_empty() {
            let roles: Vec<&str> = node.roles.iter().map(|r| r.as_str()).collect();
            out.push(("roles", roles.join(",")));
        }
        if !node.footnotes.is_empty() {
            out.push(("footnotes", json_text(&node.footnotes)));
        }
        if let Some(d) = self.documents.get(&node.id) {
            out.push(("source", d.source.clone()));
            if !d.facts.is_empty() {
                out.push(("facts", json_text(&d.facts)));
            }
        }
        let [r, g, b] = self.rgb(node);
        out.push(("color", format!("#{r:02x}{g:02x}{b:02x}")));
        out.push(("size", super::xml::num(super::node_size(self.graph, index))));
        out
    }
}

/// JSON text of a value (plain data always serialises).
#[must_use]
pub fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
