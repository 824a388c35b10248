//! The registry of mandates: who is asked to do what, by when, in every
//! open document. A mandate, in the UN's own definition, is a request or
//! direction for action in a resolution: here, every operative clause that
//! decides, requests, calls upon (or for), urges, invites or encourages
//! ([`is_mandate`]), one row each. A clause that only recalls, recognizes,
//! notes, welcomes, commits or stresses asks nothing.
//!
//! Each row is read from the graph the pipeline already built: the clause
//! and its verb ([`crate::analysis::roles`]), its addressees (the bodies and
//! stakeholder groups named in its addressee phrase,
//! [`crate::analysis::addressees`], resolved to graph nodes), its
//! deliverable and where it goes ([`deliverable`]), its dates ([`when`]).
//! Across documents, [`overlap`] flags similar requests to the same
//! addressee; [`export`] writes CSV, JSON, Markdown and iCalendar. Nothing
//! here needs a window: the `mandates` command and the window's mandates
//! view both read [`registry`].

pub mod deliverable;
pub mod export;
pub mod overlap;
pub mod when;

use std::ops::Range;

use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::analysis::{addressees, clauses};
use crate::graph::{AtlasGraph, EdgeKind, NodeKind, Role};

pub use deliverable::{Deliverable, DeliverableKind};
pub use overlap::{Overlap, OverlapKind, overlaps};
pub use when::{Due, When};

/// Whether a clause of this role is a mandate: a decision, or a request,
/// call, urging, invitation or encouragement addressed to someone.
#[must_use]
pub fn is_mandate(role: Role) -> bool {
    role == Role::Decides || role.asks_to_act()
}

/// Who is asked: a body or group of the graph, or the words when none is
/// named that the reader knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Addressee {
    /// The graph node's id (`org:secretary-general`, `stakeholder:all-stakeholders`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its label (`Secretary-General`), or the addressee words as written.
    pub name: String,
}

/// One mandate: one clause of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mandate {
    /// The document's short id (`wsis20`).
    pub document: String,
    /// The document's symbol (`A/RES/80/173`), or its id when it has none.
    pub document_label: String,
    /// The paragraph's node id (`para:wsis20:124`).
    pub paragraph: String,
    /// The paragraph's label in its document (`¶124`, `Annex ¶4`), and a
    /// sub-item's letter (`¶6 (b)`).
    pub label: String,
    /// Printed paragraph number, for sorting.
    pub number: u32,
    /// The operative verb.
    pub verb: Role,
    /// The opening as written (`We request`, `Also invites`).
    pub opening: String,
    /// How strongly it asks: [`Role::force`] (decides 13 … encourages 7).
    pub strength: u8,
    /// Who is asked, in text order; empty when nobody is named (`We call for …`).
    pub addressees: Vec<Addressee>,
    /// The clause's words.
    pub task: String,
    /// Byte range of the clause in the paragraph's text (for highlighting).
    pub span: Range<usize>,
    /// What is to be produced, when the clause says.
    pub deliverable: Option<Deliverable>,
    /// Where it goes (`to the General Assembly at its eighty-second session`).
    pub reports_to: Vec<String>,
    /// When: due, how often, until.
    pub when: When,
}

impl Mandate {
    /// The addressees' names joined with `; ` (or `—` for none).
    #[must_use]
    pub fn addressee_names(&self) -> String {
        if self.addressees.is_empty() {
            return "—".to_owned();
        }
        self.addressees.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; ")
    }

    /// The year it is due by, if known.
    #[must_use]
    pub fn due_year(&self) -> Option<i16> {
        self.when.due.as_ref().and_then(Due::year)
    }

    /// Whether any addressee's name or id contains `needle` (case-insensitive).
    #[must_use]
    pub fn addressed_to(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        self.addressees
            .iter()
            .any(|a| a.name.to_lowercase().contains(&needle) || a.id.as_deref().is_some_and(|id| id.contains(&needle)))
    }
}

/// Every mandate of every document of `graph`, in document order, then
/// paragraph order, then clause order. Preambular paragraphs are left out:
/// mandates originate in operative clauses.
///
/// # Complexity
///
/// Linear in the documents' text and the paragraphs' edges.
#[must_use]
pub fn registry(graph: &AtlasGraph) -> Vec<Mandate> {
    let mut out = Vec::new();
    for doc in graph.documents() {
        let session = when::document_session(doc.symbol.as_deref(), doc.facts.session.as_deref());
        let document_label = doc.symbol.clone().unwrap_or_else(|| doc.id.clone());
        for paragraph in doc.paragraphs.iter().filter(|p| !p.preambular) {
            let id = paragraph.node_id(&doc.id);
            let Some(index) = graph.index_of(&id) else { continue };
            let Some(node) = graph.node(index) else { continue };
            let Some(text) = node.text.as_deref() else { continue };
            // The bodies and groups the paragraph names, with their spans.
            let mut named: Vec<(Range<usize>, String, String, NodeKind)> = Vec::new();
            for edge in graph.inner().edges(index) {
                if edge.weight().kind != EdgeKind::Mentions {
                    continue;
                }
                let Some(target) = graph.node(edge.target()) else { continue };
                if !matches!(target.kind, NodeKind::Organization | NodeKind::Stakeholder) {
                    continue;
                }
                for e in &edge.weight().evidence {
                    named.push((e.start..e.end, target.id.clone(), target.label.clone(), target.kind));
                }
            }
            named.sort_by_key(|(r, ..)| (r.start, r.end));
            // The paragraph's own words: the footnotes appended after a line break are not its tasks.
            let own_end = text.find('\n').unwrap_or(text.len());
            for clause in clauses(text) {
                if !is_mandate(clause.role) || clause.opening.start >= own_end {
                    continue;
                }
                let clause_end = clause.clause.end.min(own_end);
                let phrase = addressees::addressee_phrase(text, &clause).filter(|p| is_addressed(text, p, clause_end));
                let addressees = addressees_in(text, phrase.as_ref(), &named);
                let after = phrase.as_ref().map_or(clause.opening.end, |p| p.end).min(clause_end);
                let parts = sub_items(text, clause.opening.end..clause_end);
                let pieces: Vec<(Range<usize>, Option<String>)> = if parts.is_empty() {
                    vec![(after..clause_end, None)]
                } else {
                    parts.into_iter().map(|(letter, range)| (range, Some(letter))).collect()
                };
                for (range, letter) in pieces {
                    let span = if letter.is_some() { range.clone() } else { clause.clause.start..clause_end };
                    let Some(task) = text.get(span.clone()) else { continue };
                    let rest = text.get(range.clone()).unwrap_or_default();
                    let local = |r: &Range<usize>| {
                        (r.start >= range.start && r.end <= range.end)
                            .then(|| r.start - range.start..r.end - range.start)
                    };
                    let names: Vec<Range<usize>> = named.iter().filter_map(|(r, ..)| local(r)).collect();
                    let bodies: Vec<Range<usize>> = named
                        .iter()
                        .filter(|(_, _, _, kind)| *kind == NodeKind::Organization)
                        .filter_map(|(r, ..)| local(r))
                        .collect();
                    let label = match &letter {
                        Some(l) => format!("{} ({l})", paragraph.label()),
                        None => paragraph.label(),
                    };
                    let reports_to = deliverable::reports_to(rest, &bodies);
                    out.push(Mandate {
                        document: doc.id.clone(),
                        document_label: document_label.clone(),
                        paragraph: id.clone(),
                        label,
                        number: paragraph.number,
                        verb: clause.role,
                        opening: text.get(clause.opening.clone()).unwrap_or_default().to_owned(),
                        strength: clause.role.force(),
                        addressees: addressees.clone(),
                        task: task.trim_end().to_owned(),
                        span,
                        deliverable: deliverable::deliverable(rest, &names),
                        reports_to: reports_to.clone(),
                        when: when::read_preferring(task, session, &reports_to),
                    });
                }
            }
        }
    }
    out
}

/// Whether an addressee phrase names who is asked: it runs to an
/// infinitive (`invites Member States to …`), or opens with `that`
/// (`requests that the Commission consider …`). A phrase that runs to the
/// end of the clause is the object asked for (`Encourages the use of those
/// action lines …`), not someone asked.
fn is_addressed(text: &str, phrase: &Range<usize>, clause_end: usize) -> bool {
    let words = text.get(phrase.clone()).unwrap_or_default();
    if words.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("that")) {
        return true;
    }
    let after = text.get(phrase.end..clause_end).unwrap_or_default().trim_start();
    after.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("to "))
}

/// The addressees in `phrase`: the bodies and groups named there (graph
/// entities, once each), or else the phrase's words as written.
fn addressees_in(
    text: &str,
    phrase: Option<&Range<usize>>,
    named: &[(Range<usize>, String, String, NodeKind)],
) -> Vec<Addressee> {
    let Some(phrase) = phrase else { return Vec::new() };
    let aside = asides(text, phrase);
    let mut out: Vec<Addressee> = Vec::new();
    for (span, id, label, _) in named {
        if span.start >= phrase.start && span.end <= phrase.end && !aside.iter().any(|a| a.contains(&span.start)) {
            let a = Addressee { id: Some(id.clone()), name: label.clone() };
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    if out.is_empty()
        && let Some(found) = anaphora(text, phrase, named)
    {
        out.push(found);
    }
    if out.is_empty() {
        let words = text.get(phrase.clone()).unwrap_or_default();
        // `business enterprises: (a)`: the list's first marker is not the addressee's.
        let words = words.strip_suffix("(a)").unwrap_or(words);
        let words = words.trim().trim_end_matches(['.', ';', ',', ':']).trim();
        if !words.is_empty() {
            out.push(Addressee { id: None, name: words.split_whitespace().collect::<Vec<_>>().join(" ") });
        }
    }
    out
}

/// Participial asides inside an addressee phrase (`Invites all Member
/// States, taking into account the … reports of the Group of Governmental
/// Experts, to …`): from the comma before `taking`, `bearing`, `noting`,
/// `recalling` or `in accordance` to the next comma. Bodies named there are
/// not asked.
fn asides(text: &str, phrase: &Range<usize>) -> Vec<Range<usize>> {
    const OPENERS: &[&str] = &[", taking ", ", bearing ", ", noting ", ", recalling ", ", in accordance "];
    let Some(words) = text.get(phrase.clone()) else { return Vec::new() };
    let lower = words.to_lowercase();
    let mut out = Vec::new();
    for opener in OPENERS {
        let mut from = 0;
        while let Some(at) = lower.get(from..).and_then(|rest| rest.find(opener)) {
            let start = from + at + 1;
            let end = lower.get(start..).and_then(|rest| rest.find(',')).map_or(lower.len(), |k| start + k);
            out.push(phrase.start + start..phrase.start + end);
            from = end.max(start + 1);
        }
    }
    out
}

/// `the Group`, `the Commission`: an addressee named by its head noun
/// alone, after the paragraph has named the body in full (`the United
/// Nations Group on the Information Society … We invite the Group to …`):
/// the last organization named before the phrase whose words contain it.
fn anaphora(
    text: &str,
    phrase: &Range<usize>,
    named: &[(Range<usize>, String, String, NodeKind)],
) -> Option<Addressee> {
    let words = text.get(phrase.clone())?.trim_end_matches(['.', ';', ',', ':']).trim();
    let head = words.strip_prefix("the ")?;
    if head.contains(' ') || !head.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    named
        .iter()
        .rev()
        .filter(|(span, _, _, kind)| span.end <= phrase.start && *kind == NodeKind::Organization)
        .find(|(span, ..)| text.get(span.clone()).is_some_and(|q| q.split_whitespace().any(|w| w == head)))
        .map(|(_, id, label, _)| Addressee { id: Some(id.clone()), name: label.clone() })
}

/// The lettered sub-items of a clause that each ask something of their
/// own: `(a) To respect …; (b) To take measures …` — markers in sequence
/// from `(a)`, each followed by an infinitive. Fewer than two: none (the
/// clause is one mandate; sub-items that are a list of questions or
/// topics belong to it). Each with its letter and byte range, marker excluded.
fn sub_items(text: &str, within: Range<usize>) -> Vec<(String, Range<usize>)> {
    let Some(clause) = text.get(within.clone()) else { return Vec::new() };
    let mut markers: Vec<(char, usize, usize)> = Vec::new();
    let mut next = 'a';
    let mut from = 0;
    while let Some(found) = clause.get(from..).and_then(|rest| rest.find(&format!("({next})"))) {
        let at = from + found;
        let body = at + 3;
        let follows = clause.get(body..).unwrap_or_default().trim_start();
        if follows.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("to ")) {
            markers.push((next, at, body));
            next = char::from_u32(u32::from(next) + 1).unwrap_or('z');
        } else {
            break;
        }
        from = body;
    }
    if markers.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, (letter, _, body)) in markers.iter().enumerate() {
        let end = markers.get(k + 1).map_or(clause.len(), |(_, at, _)| *at);
        let Some(item) = clause.get(*body..end) else { continue };
        let trimmed = item.trim_end_matches(|c: char| c.is_whitespace() || c == ';' || c == ',').trim_end();
        let trimmed = trimmed.strip_suffix(" and").unwrap_or(trimmed);
        let trimmed = trimmed.trim_end_matches(|c: char| c.is_whitespace() || c == ';' || c == ',');
        let lead = item.len() - item.trim_start().len();
        let start = within.start + body + lead;
        out.push((letter.to_string(), start..within.start + body + trimmed.len()));
    }
    out
}
