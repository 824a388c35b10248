//! Validation: the hard rules every annotation and link must meet (checked
//! on load and on every edit), and the soft check against a loaded graph,
//! whose findings are a [`Report`] — they never stop a file from opening.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::clock::is_rfc3339;
use super::error::AnnotationError;
use serde_json::{Map, Value};

use super::model::{ANNOTATION_FIELDS, Annotation, AnnotationSet, LINK_FIELDS, Link, QUOTE_FIELDS};
use crate::graph::AtlasGraph;

/// The hard rules for one annotation: non-empty id and target, a non-empty
/// quote if any, a `#rrggbb` colour, RFC 3339 times, no empty tags.
pub(crate) fn annotation(a: &Annotation) -> Result<(), AnnotationError> {
    let item = || format!("annotation {}", if a.id.is_empty() { "(without id)" } else { &a.id });
    let empty = |field| Err(AnnotationError::Empty { item: item(), field });
    if a.id.trim().is_empty() {
        return empty("id");
    }
    if a.target.trim().is_empty() {
        return empty("target");
    }
    if a.quote.as_ref().is_some_and(|q| q.exact.is_empty()) {
        return empty("quote.exact");
    }
    if a.tags.iter().any(|t| t.trim().is_empty()) {
        return empty("tags");
    }
    if let Some(colour) = &a.colour
        && !is_colour(colour)
    {
        return Err(AnnotationError::BadColour { item: item(), value: colour.clone() });
    }
    reserved(item, &a.extra, &ANNOTATION_FIELDS)?;
    if let Some(q) = &a.quote {
        reserved(item, &q.extra, &QUOTE_FIELDS)?;
    }
    times(item, &a.created, &a.modified)
}

/// The hard rules for one link: non-empty id and ends, RFC 3339 times.
pub(crate) fn link(l: &Link) -> Result<(), AnnotationError> {
    let item = || format!("link {}", if l.id.is_empty() { "(without id)" } else { &l.id });
    for (field, value) in [("id", &l.id), ("from", &l.from), ("to", &l.to)] {
        if value.trim().is_empty() {
            return Err(AnnotationError::Empty { item: item(), field });
        }
    }
    reserved(item, &l.extra, &LINK_FIELDS)?;
    times(item, &l.created, &l.modified)
}

/// A value from a file quoted for a message: at most 60 characters (then
/// `…`), escaped like a Rust string so nothing in it reaches a terminal raw.
#[must_use]
pub fn excerpt(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() { format!("{head:?}…") } else { format!("{head:?}") }
}

/// An id or name from a file for a message: at most 60 characters (then
/// `…`), not quoted (the command line escapes control characters).
#[must_use]
pub fn short(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

/// No field kept from another version or tool under a native field's name:
/// the file would have that key twice, and never load again.
fn reserved(item: impl Fn() -> String, extra: &Map<String, Value>, fields: &[&str]) -> Result<(), AnnotationError> {
    match extra.keys().find(|k| fields.contains(&k.as_str())) {
        Some(key) => Err(AnnotationError::ReservedKey { item: item(), key: key.clone() }),
        None => Ok(()),
    }
}

/// Fills in times a hand-written file left out (or left empty): the one
/// that is there for the other, else now. They help the program (sorting,
/// merging), not the person writing the file, so their absence is no error.
pub(crate) fn fill_times(created: &mut String, modified: &mut String) {
    match (created.trim().is_empty(), modified.trim().is_empty()) {
        (false, false) => {}
        (true, false) => created.clone_from(modified),
        (false, true) => modified.clone_from(created),
        (true, true) => {
            *created = super::clock::now_rfc3339();
            modified.clone_from(created);
        }
    }
}

fn times(item: impl Fn() -> String, created: &str, modified: &str) -> Result<(), AnnotationError> {
    for (field, value) in [("created", created), ("modified", modified)] {
        if !is_rfc3339(value) {
            return Err(AnnotationError::BadTime { item: item(), field, value: value.to_owned() });
        }
    }
    Ok(())
}

/// Whether `s` is `#rrggbb` (hex digits, either case).
#[must_use]
pub fn is_colour(s: &str) -> bool {
    crate::style::Rgba::parse_hex(s).is_some()
}

/// No id used twice across annotations and links.
pub(crate) fn unique_ids(annotations: &[Annotation], links: &[Link]) -> Result<(), AnnotationError> {
    let mut seen: HashMap<&str, String> = HashMap::new();
    let items = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), format!("annotation #{}", i + 1)))
        .chain(links.iter().enumerate().map(|(i, l)| (l.id.as_str(), format!("link #{}", i + 1))));
    for (id, item) in items {
        if let Some(first) = seen.get(id) {
            return Err(AnnotationError::DuplicateId { id: id.to_owned(), first: first.clone(), second: item });
        }
        seen.insert(id, item);
    }
    Ok(())
}

/// Something about an annotation or link that the loaded graph does not
/// back up. The item is kept, shown as an orphan, and saved unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The target node is not in the graph (its document is not open, or
    /// the id is wrong).
    #[error("annotation {annotation}: target \"{target}\" is not in the loaded documents")]
    MissingTarget {
        /// The annotation's id.
        annotation: String,
        /// The target id.
        target: String,
    },
    /// The quote does not occur in the target paragraph's text.
    #[error("annotation {annotation}: the quote \"{exact}\" does not occur in {target}")]
    MissingQuote {
        /// The annotation's id.
        annotation: String,
        /// The target id.
        target: String,
        /// The quoted words.
        exact: String,
    },
    /// A quote on a node that has no text (not a paragraph).
    #[error("annotation {annotation}: has a quote, but {target} has no text to quote from")]
    QuoteWithoutText {
        /// The annotation's id.
        annotation: String,
        /// The target id.
        target: String,
    },
    /// One end of a link is not in the graph.
    #[error("link {link}: \"{node}\" is not in the loaded documents")]
    MissingLinkEnd {
        /// The link's id.
        link: String,
        /// The missing node id.
        node: String,
    },
}

impl Problem {
    /// The id of the annotation or link it is about.
    #[must_use]
    pub fn item_id(&self) -> &str {
        match self {
            Problem::MissingTarget { annotation, .. }
            | Problem::MissingQuote { annotation, .. }
            | Problem::QuoteWithoutText { annotation, .. } => annotation,
            Problem::MissingLinkEnd { link, .. } => link,
        }
    }

    /// The same finding as a hard error, for callers that want to refuse it
    /// (a missing target or quote; the other findings are not errors).
    #[must_use]
    pub fn to_error(&self) -> Option<AnnotationError> {
        match self {
            Problem::MissingTarget { .. } | Problem::MissingQuote { .. } => {
                Some(AnnotationError::Unbacked(self.clone()))
            }
            Problem::QuoteWithoutText { .. } | Problem::MissingLinkEnd { .. } => None,
        }
    }
}

/// The result of checking a set against a graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Number of annotations checked.
    pub annotations: usize,
    /// Number of links checked.
    pub links: usize,
    /// What does not match the graph, in file order (annotations first).
    pub problems: Vec<Problem>,
}

impl Report {
    /// Whether there are no problems.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// Ids of annotations whose target is not in the graph.
    pub fn orphans(&self) -> impl Iterator<Item = &str> + '_ {
        self.problems.iter().filter_map(|p| match p {
            Problem::MissingTarget { annotation, .. } => Some(annotation.as_str()),
            _ => None,
        })
    }

    /// One line per problem, then a summary line
    /// (`2 annotations, 1 link: 1 problem`).
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        let plural = crate::words::count;
        let verdict = if self.problems.is_empty() { "ok".to_owned() } else { plural(self.problems.len(), "problem") };
        lines.push(format!("{}, {}: {verdict}", plural(self.annotations, "annotation"), plural(self.links, "link")));
        lines
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

impl AnnotationSet {
    /// Checks every target, quote and link end against `graph`. Nothing is
    /// changed or dropped: orphans stay in the set.
    #[must_use]
    pub fn validate(&self, graph: &AtlasGraph) -> Report {
        let mut problems = Vec::new();
        for a in &self.annotations {
            let Some(node) = graph.node_by_id(&a.target) else {
                problems.push(Problem::MissingTarget { annotation: a.id.clone(), target: a.target.clone() });
                continue;
            };
            let Some(quote) = &a.quote else { continue };
            match &node.text {
                None => problems.push(Problem::QuoteWithoutText { annotation: a.id.clone(), target: a.target.clone() }),
                Some(text) if quote.locate(text).is_none() => problems.push(Problem::MissingQuote {
                    annotation: a.id.clone(),
                    target: a.target.clone(),
                    exact: quote.exact.clone(),
                }),
                Some(_) => {}
            }
        }
        for l in &self.links {
            for end in [&l.from, &l.to] {
                if graph.node_by_id(end).is_none() {
                    problems.push(Problem::MissingLinkEnd { link: l.id.clone(), node: end.clone() });
                }
            }
        }
        Report { annotations: self.annotations.len(), links: self.links.len(), problems }
    }
}

/// Loads the file at `path` (any format [`AnnotationSet::load_any`] reads:
/// W3C and Hypothesis notes are attached to paragraphs by their quote
/// first) and checks it against `graph`: what `wsis-atlas
/// check-annotations FILE [DOCS…]` runs. Exit non-zero when this is an
/// error or the report is not [valid](Report::is_valid).
///
/// # Errors
///
/// Any hard load error ([`AnnotationSet::load_any`]).
pub fn check(path: &Path, graph: &AtlasGraph) -> Result<Report, AnnotationError> {
    Ok(AnnotationSet::load_any(path, graph)?.0.validate(graph))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::TextQuote;
    use crate::graph::{Node, NodeKind};

    fn graph() -> AtlasGraph {
        let mut g = AtlasGraph::new();
        let mut p = Node::new("para:t:1", NodeKind::Paragraph, "¶1");
        p.text = Some("We recall General Assembly resolution 69/166 on the right to privacy.".into());
        g.add_node(p);
        g.add_node(Node::new("res:A/RES/69/166", NodeKind::Resolution, "69/166"));
        g
    }

    #[test]
    fn report_lists_orphans_missing_quotes_and_link_ends() -> Result<(), AnnotationError> {
        let mut set = AnnotationSet::new();
        let mut ok = Annotation::new("para:t:1", "fine");
        ok.quote = Some(TextQuote::new("right to privacy"));
        let orphan = Annotation::new("para:other:9", "document not open");
        let mut moved = Annotation::new("para:t:1", "quote gone");
        moved.quote = Some(TextQuote::new("mass surveillance"));
        let mut textless = Annotation::new("res:A/RES/69/166", "quote on a resolution");
        textless.quote = Some(TextQuote::new("69/166"));
        for a in [ok, orphan.clone(), moved.clone(), textless.clone()] {
            set.add_annotation(a)?;
        }
        let link = Link::new("para:t:1", "org:NOPE", "mentions");
        set.add_link(link.clone())?;

        let report = set.validate(&graph());
        assert!(!report.is_valid());
        assert_eq!(
            report.problems,
            vec![
                Problem::MissingTarget { annotation: orphan.id.clone(), target: "para:other:9".into() },
                Problem::MissingQuote {
                    annotation: moved.id.clone(),
                    target: "para:t:1".into(),
                    exact: "mass surveillance".into()
                },
                Problem::QuoteWithoutText { annotation: textless.id.clone(), target: "res:A/RES/69/166".into() },
                Problem::MissingLinkEnd { link: link.id.clone(), node: "org:NOPE".into() },
            ]
        );
        assert_eq!(report.orphans().collect::<Vec<_>>(), [orphan.id.as_str()]);
        let lines = report.lines();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].contains(&orphan.id) && lines[0].contains("para:other:9"), "{}", lines[0]);
        assert_eq!(lines[4], "4 annotations, 1 link: 4 problems");
        // Validation never drops anything.
        assert_eq!(set.annotations().len(), 4);
        Ok(())
    }

    #[test]
    fn clean_set_is_valid() -> Result<(), AnnotationError> {
        let mut set = AnnotationSet::new();
        set.add_annotation(Annotation::new("res:A/RES/69/166", ""))?;
        let report = set.validate(&graph());
        assert!(report.is_valid());
        assert_eq!(report.lines(), ["1 annotation, 0 links: ok"]);
        Ok(())
    }

    #[test]
    fn colour_rule() {
        assert!(is_colour("#1f77b4") && is_colour("#ABCDEF"));
        for bad in ["1f77b4", "#1f77b", "#1f77b4ff", "#gggggg", "#ééé", ""] {
            assert!(!is_colour(bad), "{bad}");
        }
    }
}
