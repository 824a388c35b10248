//! Two texts compared as a negotiator reads them: paragraph by paragraph,
//! every paragraph of each text in one [`Row`] — unchanged, changed (with
//! its word diff), new, dropped, split or merged, and whether it moved or
//! was renumbered — with the references each change adds and drops and
//! the clause roles it turns ("encourages" → "requests").
//!
//! [`compare`] works on two parsed [`Document`]s and knows no window: the
//! compare view of the window and the `compare` command both read its
//! [`Comparison`], and [`render`] writes it as an HTML redline, Markdown,
//! CSV or JSON.
//!
//! - [`text`]: the words of a paragraph as compared ([`Options`]: case,
//!   punctuation, footnotes, whitespace) and the word diff on them;
//! - [`align`]: which paragraphs are which, and which moved.

pub mod align;
pub mod render;
pub mod text;

use serde::Serialize;

use crate::analysis::diff::DiffOp;
use crate::analysis::roles;
use crate::document::Document;
use crate::extract::{Catalogue, Relation, extract};
use text::Words;

/// What differences count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Options {
    /// "Recalling" and "recalling" are the same word.
    pub ignore_case: bool,
    /// Commas, semicolons, quotes, hyphens and dashes do not count.
    pub ignore_punctuation: bool,
    /// Footnote markers and notes are left out of the comparison (on by
    /// default: a note renumbered is no change to the paragraph). The
    /// references in notes still count.
    pub ignore_notes: bool,
    /// Spaces do not count: `multi- stakeholder` is `multi-stakeholder`.
    pub ignore_whitespace: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { ignore_case: false, ignore_punctuation: false, ignore_notes: true, ignore_whitespace: true }
    }
}

impl Options {
    /// Every difference counts, notes too.
    #[must_use]
    pub fn strict() -> Self {
        Options { ignore_case: false, ignore_punctuation: false, ignore_notes: false, ignore_whitespace: false }
    }
}

/// What happened to a paragraph (or a few), as a negotiator names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The same words (under the [`Options`]).
    Unchanged,
    /// Reworded: see the row's diff.
    Changed,
    /// Only in the new text.
    New,
    /// Only in the old text.
    Dropped,
    /// One old paragraph became several consecutive new ones.
    Split,
    /// Several consecutive old paragraphs became one.
    Merged,
}

impl Kind {
    /// Every kind, in the order the summary names them.
    pub const ALL: [Kind; 6] = [Kind::Unchanged, Kind::Changed, Kind::New, Kind::Dropped, Kind::Split, Kind::Merged];

    /// The word for it: `unchanged`, `changed`, `new`, …
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Changed => "changed",
            Kind::New => "new",
            Kind::Dropped => "dropped",
            Kind::Split => "split",
            Kind::Merged => "merged",
        }
    }
}

/// What a reader can filter rows by: a kind, or a move or renumbering
/// (which go with any kind of a paired row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Rows of this kind.
    Kind(Kind),
    /// Rows that changed place.
    Moved,
    /// Rows whose paragraph number changed.
    Renumbered,
}

impl Change {
    /// Every filter, in the order the summary names them.
    pub const ALL: [Change; 8] = [
        Change::Kind(Kind::Unchanged),
        Change::Kind(Kind::Changed),
        Change::Kind(Kind::New),
        Change::Kind(Kind::Dropped),
        Change::Moved,
        Change::Kind(Kind::Split),
        Change::Kind(Kind::Merged),
        Change::Renumbered,
    ];

    /// The word for it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Kind(k) => k.as_str(),
            Change::Moved => "moved",
            Change::Renumbered => "renumbered",
        }
    }

    /// Whether `row` shows this change.
    #[must_use]
    pub fn matches(self, row: &Row) -> bool {
        match self {
            Change::Kind(k) => row.kind == k,
            Change::Moved => row.moved,
            Change::Renumbered => row.renumbered,
        }
    }
}

/// One paragraph of a compared text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Para {
    /// Its node id in the graph (`para:wsis20:53`).
    pub id: String,
    /// Its label: `PP3`, `¶12`, `Annex ¶4`.
    pub label: String,
    /// The title of its section (`Preamble` for the preamble).
    pub section: String,
    /// Its words as compared (footnotes left out under
    /// [`Options::ignore_notes`]), single-spaced.
    pub text: String,
    /// Its principal clause role (`encourages`), if it has one.
    pub role: Option<String>,
    /// What it refers to (resolutions, instruments, bodies, SDGs,
    /// stakeholders), by label, footnotes included.
    pub references: Vec<String>,
}

/// One text of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// The document's short name (`WSIS+20`, `A/RES/75/202`).
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its paragraphs in reading order.
    pub paragraphs: Vec<Para>,
}

/// References added and dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReferenceChange {
    /// In the new side only, by label (`79/1`, `SDG 5`).
    pub added: Vec<String>,
    /// In the old side only.
    pub dropped: Vec<String>,
}

impl ReferenceChange {
    /// Nothing added or dropped.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.dropped.is_empty()
    }

    /// "adds 79/1; drops 69/166" (empty when nothing changed).
    #[must_use]
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!("adds {}", self.added.join(", ")));
        }
        if !self.dropped.is_empty() {
            parts.push(format!("drops {}", self.dropped.join(", ")));
        }
        parts.join("; ")
    }

    fn between(old: &[&Para], new: &[&Para]) -> Self {
        let set = |side: &[&Para]| {
            let mut s: Vec<String> = side.iter().flat_map(|p| p.references.iter().cloned()).collect();
            s.sort();
            s.dedup();
            s
        };
        let (a, b) = (set(old), set(new));
        ReferenceChange {
            added: b.iter().filter(|r| a.binary_search(r).is_err()).cloned().collect(),
            dropped: a.iter().filter(|r| b.binary_search(r).is_err()).cloned().collect(),
        }
    }
}

/// One line of the comparison: paragraphs of the old text beside the
/// paragraphs of the new that they became.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What happened.
    pub kind: Kind,
    /// Indices into the old [`Version::paragraphs`] (none for a new paragraph).
    pub old: Vec<usize>,
    /// Indices into the new [`Version::paragraphs`] (none for a dropped one).
    pub new: Vec<usize>,
    /// Out of the order the other paragraphs kept.
    pub moved: bool,
    /// One paragraph on each side, with different numbers (`¶12` → `¶13`).
    pub renumbered: bool,
    /// Overlap of the two sides' word pairs, 0..=1.
    pub similarity: f32,
    /// The words of the old side into the new: equal, deleted, inserted.
    pub diff: Vec<DiffOp>,
    /// References the new side has and the old has not, and the reverse.
    pub references: ReferenceChange,
    /// The principal clause role before and after, when it changed
    /// (`encourages` → `requests`).
    pub role_change: Option<(String, String)>,
}

impl Row {
    /// Every change this row shows (its kind first).
    #[must_use]
    pub fn changes(&self) -> Vec<Change> {
        Change::ALL.into_iter().filter(|c| c.matches(self)).collect()
    }

    /// Whether the row is anything but an unchanged paragraph in its place
    /// with its number: what "next change" stops at.
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.kind != Kind::Unchanged || self.moved || self.renumbered
    }
}

/// How many rows show each change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Unchanged rows.
    pub unchanged: usize,
    /// Changed rows.
    pub changed: usize,
    /// New paragraphs.
    pub new: usize,
    /// Dropped paragraphs.
    pub dropped: usize,
    /// Rows that moved.
    pub moved: usize,
    /// Splits.
    pub split: usize,
    /// Merges.
    pub merged: usize,
    /// Renumbered rows.
    pub renumbered: usize,
}

impl Counts {
    /// The count of one change.
    #[must_use]
    pub fn of(&self, change: Change) -> usize {
        match change {
            Change::Kind(Kind::Unchanged) => self.unchanged,
            Change::Kind(Kind::Changed) => self.changed,
            Change::Kind(Kind::New) => self.new,
            Change::Kind(Kind::Dropped) => self.dropped,
            Change::Kind(Kind::Split) => self.split,
            Change::Kind(Kind::Merged) => self.merged,
            Change::Moved => self.moved,
            Change::Renumbered => self.renumbered,
        }
    }

    /// "120 unchanged, 8 changed, 3 new, 2 dropped, 1 moved, …" (every count).
    #[must_use]
    pub fn summary(&self) -> String {
        Change::ALL.iter().map(|c| format!("{} {}", self.of(*c), c.as_str())).collect::<Vec<_>>().join(", ")
    }
}

/// Two texts compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// What counted as a difference.
    pub options: Options,
    /// The earlier text.
    pub old: Version,
    /// The later text.
    pub new: Version,
    /// Every paragraph of both, in the new text's order, each dropped
    /// paragraph after the row of the old paragraph before it.
    pub rows: Vec<Row>,
    /// How many rows show each change.
    pub counts: Counts,
    /// References the new text has and the old has not, and the reverse.
    pub references: ReferenceChange,
}

impl Comparison {
    /// The paragraphs of one side of a row.
    #[must_use]
    pub fn sides(&self, row: &Row) -> (Vec<&Para>, Vec<&Para>) {
        (
            row.old.iter().filter_map(|&i| self.old.paragraphs.get(i)).collect(),
            row.new.iter().filter_map(|&i| self.new.paragraphs.get(i)).collect(),
        )
    }

    /// The labels of one side (`¶12`, `¶12 + ¶13`), empty for none.
    #[must_use]
    pub fn labels(paras: &[&Para]) -> String {
        paras.iter().map(|p| p.label.as_str()).collect::<Vec<_>>().join(" + ")
    }
}

/// The words of one document, ready to align.
struct Prepared {
    version: Version,
    words: Vec<Words>,
}

fn prepare(doc: &Document, options: &Options, catalogue: &Catalogue) -> Prepared {
    let mut paragraphs = Vec::with_capacity(doc.paragraphs.len());
    let mut words = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        let w = Words::of_paragraph(p, options);
        let section = match doc.sections.get(p.section) {
            Some(s) if s.key == "preamble" || s.title.is_empty() => {
                if p.preambular {
                    "Preamble".to_owned()
                } else {
                    s.title.clone()
                }
            }
            Some(s) => s.title.clone(),
            None => String::new(),
        };
        let mut references: Vec<String> = extract(&p.display_text(), catalogue)
            .into_iter()
            .filter(|m| m.relation != Relation::Thematic)
            .map(|m| catalogue.info(&m.entity).label)
            .collect();
        references.sort();
        references.dedup();
        paragraphs.push(Para {
            id: p.node_id(&doc.id),
            label: p.label(),
            section,
            text: w.text(),
            role: roles::roles(&p.text).first().map(|r| r.as_str().replace('_', " ")),
            references,
        });
        words.push(w);
    }
    let version = Version { name: crate::document::short_name(doc), title: doc.title.clone(), paragraphs };
    Prepared { version, words }
}

/// Compares `old` with `new` under `options`; references are named by
/// `catalogue`.
#[must_use]
pub fn compare(old: &Document, new: &Document, options: &Options, catalogue: &Catalogue) -> Comparison {
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| prepare(old, options, catalogue));
        let b = prepare(new, options, catalogue);
        (a.join().unwrap_or_else(|_| prepare(old, options, catalogue)), b)
    });
    compare_prepared(a, b, *options)
}

fn compare_prepared(a: Prepared, b: Prepared, options: Options) -> Comparison {
    let sig = |w: &[Words]| w.iter().map(|w| w.signature(&options)).collect::<Vec<_>>();
    let sh = |w: &[Words]| w.iter().map(Words::shingles).collect::<Vec<_>>();
    let set = |w: &[Words]| w.iter().map(Words::word_set).collect::<Vec<_>>();
    let (sa, sb, ha, hb, wa, wb) =
        (sig(&a.words), sig(&b.words), sh(&a.words), sh(&b.words), set(&a.words), set(&b.words));
    let opening = |w: &[Words]| {
        w.iter().map(|w| w.keys.first().map(|k| k.to_lowercase()).unwrap_or_default()).collect::<Vec<_>>()
    };
    let (oa, ob) = (opening(&a.words), opening(&b.words));
    let groups = align::align(
        &align::SideWords { signatures: &sa, shingles: &ha, words: &wa, openings: &oa },
        &align::SideWords { signatures: &sb, shingles: &hb, words: &wb, openings: &ob },
    );

    let join_words = |side: &[Words], idx: &[usize]| {
        let mut w = Words::default();
        for i in idx {
            if let Some(x) = side.get(*i) {
                w.shown.extend(x.shown.iter().cloned());
                w.keys.extend(x.keys.iter().cloned());
            }
        }
        w
    };
    let mut paired_old = vec![false; a.words.len()];
    let mut rows: Vec<Row> = Vec::with_capacity(a.words.len() + b.words.len());
    let mut next_new = 0;
    let mut next_old = 0;
    let mut paired_new = vec![false; b.words.len()];
    for g in &groups {
        for &i in &g.old {
            if let Some(p) = paired_old.get_mut(i) {
                *p = true;
            }
        }
        for &j in &g.new {
            if let Some(p) = paired_new.get_mut(j) {
                *p = true;
            }
        }
    }
    let old_paras = &a.version.paragraphs;
    let new_paras = &b.version.paragraphs;
    let make_row = |kind: Kind, old: Vec<usize>, new: Vec<usize>, moved: bool, similarity: f32| {
        let po: Vec<&Para> = old.iter().filter_map(|&i| old_paras.get(i)).collect();
        let pn: Vec<&Para> = new.iter().filter_map(|&i| new_paras.get(i)).collect();
        let diff = match kind {
            Kind::Unchanged => vec![DiffOp::Equal(join_words(&b.words, &new).text())],
            Kind::New => vec![DiffOp::Insert(join_words(&b.words, &new).text())],
            Kind::Dropped => vec![DiffOp::Delete(join_words(&a.words, &old).text())],
            _ => text::diff(&join_words(&a.words, &old), &join_words(&b.words, &new)),
        };
        let role_change = match (po.as_slice(), pn.as_slice()) {
            ([x], [y]) => match (&x.role, &y.role) {
                (Some(r), Some(s)) if r != s => Some((r.clone(), s.clone())),
                _ => None,
            },
            _ => None,
        };
        let renumbered = matches!((po.as_slice(), pn.as_slice()), ([x], [y]) if x.label != y.label);
        Row {
            kind,
            references: ReferenceChange::between(&po, &pn),
            old,
            new,
            moved,
            renumbered,
            similarity,
            diff,
            role_change,
        }
    };
    // Dropped paragraphs go after the in-place row of the old paragraph before them.
    let flush_dropped = |upto: usize, rows: &mut Vec<Row>, next_old: &mut usize| {
        while *next_old < upto.min(paired_old.len()) {
            if !paired_old[*next_old] {
                rows.push(make_row(Kind::Dropped, vec![*next_old], Vec::new(), false, 0.0));
            }
            *next_old += 1;
        }
    };
    for g in &groups {
        let first_new = g.new.first().copied().unwrap_or(0);
        while next_new < first_new {
            if !paired_new.get(next_new).copied().unwrap_or(true) {
                rows.push(make_row(Kind::New, Vec::new(), vec![next_new], false, 0.0));
            }
            next_new += 1;
        }
        if !g.moved {
            flush_dropped(g.old.first().copied().unwrap_or(0), &mut rows, &mut next_old);
        }
        let kind = match (g.old.len(), g.new.len()) {
            (1, 1) => {
                let same = a.words.get(g.old[0]).map(|w| w.signature(&options))
                    == b.words.get(g.new[0]).map(|w| w.signature(&options));
                if same { Kind::Unchanged } else { Kind::Changed }
            }
            (1, _) => Kind::Split,
            _ => Kind::Merged,
        };
        rows.push(make_row(kind, g.old.clone(), g.new.clone(), g.moved, g.similarity));
        if !g.moved {
            next_old = next_old.max(g.old.last().map_or(0, |l| l + 1));
        }
        next_new = next_new.max(g.new.last().map_or(0, |l| l + 1));
    }
    while next_new < b.words.len() {
        if !paired_new.get(next_new).copied().unwrap_or(true) {
            rows.push(make_row(Kind::New, Vec::new(), vec![next_new], false, 0.0));
        }
        next_new += 1;
    }
    flush_dropped(usize::MAX, &mut rows, &mut next_old);

    let mut counts = Counts::default();
    for r in &rows {
        match r.kind {
            Kind::Unchanged => counts.unchanged += 1,
            Kind::Changed => counts.changed += 1,
            Kind::New => counts.new += 1,
            Kind::Dropped => counts.dropped += 1,
            Kind::Split => counts.split += 1,
            Kind::Merged => counts.merged += 1,
        }
        counts.moved += usize::from(r.moved);
        counts.renumbered += usize::from(r.renumbered);
    }
    let all_old: Vec<&Para> = a.version.paragraphs.iter().collect();
    let all_new: Vec<&Para> = b.version.paragraphs.iter().collect();
    let references = ReferenceChange::between(&all_old, &all_new);
    Comparison { options, old: a.version, new: b.version, rows, counts, references }
}
