//! The annotation model: notes on nodes ([`Annotation`]), quoted spans
//! ([`TextQuote`]), user-drawn links ([`Link`]) and the set the window edits
//! ([`AnnotationSet`]).

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::clock;
use super::error::AnnotationError;
use super::validate;

/// A note on one node of the graph, optionally on a quoted span of a
/// paragraph.
///
/// Fields this version does not know are kept in [`extra`](Self::extra) and
/// written back unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Stable, unique id (`a-674a1b2c-9f3e11d0`).
    pub id: String,
    /// The node it is about (`para:wsis10:51`, `res:A/RES/69/166`). Kept
    /// even when no loaded document has that node.
    pub target: String,
    /// A span of the target paragraph's text, found again by its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<TextQuote>,
    /// The note, in Markdown.
    #[serde(default)]
    pub note: String,
    /// Free-form tags, in the user's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Highlight colour, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// When it was made, RFC 3339 (a file may leave it out: it is then
    /// filled in when read, and written on the next save).
    #[serde(default)]
    pub created: String,
    /// When it last changed, RFC 3339 (filled in like `created`).
    #[serde(default)]
    pub modified: String,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Fields from a newer version or another tool, preserved in order.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Annotation {
    /// A new annotation on `target` with a fresh id, created and modified now.
    #[must_use]
    pub fn new(target: impl Into<String>, note: impl Into<String>) -> Self {
        let now = clock::now_rfc3339();
        Annotation {
            id: clock::fresh_id("a"),
            target: target.into(),
            quote: None,
            note: note.into(),
            tags: Vec::new(),
            colour: None,
            created: now.clone(),
            modified: now,
            author: None,
            extra: Map::new(),
        }
    }

    /// Whether it carries `tag` (exact match).
    #[must_use]
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// The fields of an [`Annotation`] in the file: no key of its
/// [`extra`](Annotation::extra) may be one of these.
pub const ANNOTATION_FIELDS: [&str; 9] =
    ["id", "target", "quote", "note", "tags", "colour", "created", "modified", "author"];

/// The fields of a [`Link`] in the file.
pub const LINK_FIELDS: [&str; 8] = ["id", "from", "to", "label", "note", "created", "modified", "author"];

/// The fields of a [`TextQuote`] in the file.
pub const QUOTE_FIELDS: [&str; 3] = ["exact", "prefix", "suffix"];

/// Foreign fields to keep in an item's `extra`: a key the native format
/// also uses (`note`, `colour`, …) is kept under `namespace` instead
/// (`hypothesis:note`), never written twice or read as the native field.
/// Returns the fields and the keys so renamed (`note → hypothesis:note`).
#[must_use]
pub fn keep_foreign(
    fields: impl IntoIterator<Item = (String, Value)>,
    reserved: &[&str],
    namespace: &str,
) -> (Map<String, Value>, Vec<String>) {
    let mut out = Map::new();
    let mut renamed = Vec::new();
    let mut aside = Vec::new();
    for (key, value) in fields {
        if reserved.contains(&key.as_str()) {
            aside.push((key, value));
        } else {
            out.insert(key, value);
        }
    }
    for (key, value) in aside {
        let mut new = format!("{namespace}:{key}");
        let mut n = 2;
        while out.contains_key(&new) {
            new = format!("{namespace}:{key}~{n}");
            n += 1;
        }
        renamed.push(format!("{key} → {new}"));
        out.insert(new, value);
    }
    (out, renamed)
}

/// A span of a paragraph, as the W3C `TextQuoteSelector`: the exact words
/// and a little context either side, so the span is found again after small
/// edits to the text and told apart from other occurrences of the same words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextQuote {
    /// The quoted words.
    pub exact: String,
    /// Text just before them (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    /// Text just after them (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
    /// Fields this version does not know, preserved.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Characters of context [`TextQuote::from_span`] keeps either side.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

impl TextQuote {
    /// A quote of exactly these words, without context.
    #[must_use]
    pub fn new(exact: impl Into<String>) -> Self {
        TextQuote { exact: exact.into(), prefix: String::new(), suffix: String::new(), extra: Map::new() }
    }

    /// The quote for the byte range `span` of `text` (a selection), with up
    /// to [`QUOTE_CONTEXT_CHARS`] characters of context either side.
    /// `None` when the span is empty, out of bounds or not on character
    /// boundaries.
    #[must_use]
    pub fn from_span(text: &str, span: Range<usize>) -> Option<Self> {
        let exact = text.get(span.clone()).filter(|s| !s.is_empty())?;
        let before = text.get(..span.start)?;
        let after = text.get(span.end..)?;
        let prefix_start = before.char_indices().rev().nth(QUOTE_CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
        let suffix_end = after.char_indices().nth(QUOTE_CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
        Some(TextQuote {
            exact: exact.to_owned(),
            prefix: before.get(prefix_start..).unwrap_or_default().to_owned(),
            suffix: after.get(..suffix_end).unwrap_or_default().to_owned(),
            extra: Map::new(),
        })
    }

    /// Where the quote sits in `text`, as a byte range.
    ///
    /// Exact occurrences are tried first; if there are none, typography and
    /// whitespace are compared loosely (any run of spaces, line breaks and
    /// non-breaking spaces matches any other; curly and straight apostrophes
    /// and quotes, hyphens and dashes are one; soft hyphens are ignored), so
    /// re-wrapped text, and a note made on the UN's PDF with its curly
    /// apostrophes, still matches. The quote itself is never changed. Among several occurrences
    /// the one whose surroundings best match `prefix` and `suffix` wins
    /// (the first on a tie). `None` if the words do not occur.
    #[must_use]
    pub fn locate(&self, text: &str) -> Option<Range<usize>> {
        self.locate_scored(text).map(|(range, _)| range)
    }

    /// [`locate`](Self::locate), with the number of context characters
    /// (of `prefix` and `suffix`) that match around the place found, to
    /// choose between several texts holding the same words.
    #[must_use]
    pub fn locate_scored(&self, text: &str) -> Option<(Range<usize>, usize)> {
        if self.exact.is_empty() {
            return None;
        }
        let exact: Vec<Range<usize>> = text.match_indices(self.exact.as_str()).map(|(i, m)| i..i + m.len()).collect();
        if !exact.is_empty() {
            return self.best(text, exact);
        }
        let (norm_text, spans) = fold(text);
        let (norm_exact, _) = fold(&self.exact);
        let loose: Vec<Range<usize>> = norm_text
            .match_indices(norm_exact.as_str())
            .filter_map(|(i, m)| {
                let first = spans.get(i)?;
                let last = spans.get((i + m.len()).checked_sub(1)?)?;
                Some(first.start..last.end)
            })
            .collect();
        self.best(text, loose)
    }

    /// The candidate with the most matching context characters, and that number.
    fn best(&self, text: &str, candidates: Vec<Range<usize>>) -> Option<(Range<usize>, usize)> {
        let mut best: Option<(usize, Range<usize>)> = None;
        for range in candidates {
            let before = text.get(..range.start).unwrap_or_default();
            let after = text.get(range.end..).unwrap_or_default();
            let same = |(a, b): &(char, char)| a == b || fold_char(*a) == fold_char(*b);
            let score = before.chars().rev().zip(self.prefix.chars().rev()).take_while(same).count()
                + after.chars().zip(self.suffix.chars()).take_while(same).count();
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, range));
            }
        }
        best.map(|(s, r)| (r, s))
    }
}

/// A character as quote matching compares it: typographic apostrophes and
/// quotes as straight ones, every hyphen and dash as `-`, any white space
/// (non-breaking too) as a space; `None` for a soft hyphen, which is skipped.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{ad}' => return None,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{ff07}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ff02}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// `text` folded for matching ([`fold_char`]), each run of white space
/// replaced by one space, and for each byte of the result the byte range of
/// the original characters it came from.
fn fold(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    let mut spans = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match fold_char(c) {
            None => {
                // Skipped, but inside whatever it stands in.
                if let Some(last) = spans.last_mut() {
                    let last: &mut Range<usize> = last;
                    last.end = end;
                }
            }
            Some(' ') => {
                if in_space {
                    if let Some(last) = spans.last_mut() {
                        let last: &mut Range<usize> = last;
                        last.end = end;
                    }
                    continue;
                }
                in_space = true;
                out.push(' ');
                spans.push(i..end);
            }
            Some(f) => {
                in_space = false;
                out.push(f);
                spans.extend(std::iter::repeat_n(i..end, f.len_utf8()));
            }
        }
    }
    (out, spans)
}

/// A link a user drew between two nodes, with a label and a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Stable, unique id (`l-674a1b2c-9f3e11d0`), distinct from every
    /// annotation id in the file too.
    pub id: String,
    /// Node id it starts at.
    pub from: String,
    /// Node id it ends at.
    pub to: String,
    /// Short label drawn on the edge.
    #[serde(default)]
    pub label: String,
    /// Longer note, Markdown.
    #[serde(default)]
    pub note: String,
    /// When it was made, RFC 3339 (a file may leave it out: it is then
    /// filled in when read, and written on the next save).
    #[serde(default)]
    pub created: String,
    /// When it last changed, RFC 3339 (filled in like `created`).
    #[serde(default)]
    pub modified: String,
    /// Who drew it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Fields this version does not know, preserved.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Link {
    /// A new link with a fresh id, created and modified now.
    #[must_use]
    pub fn new(from: impl Into<String>, to: impl Into<String>, label: impl Into<String>) -> Self {
        let now = clock::now_rfc3339();
        Link {
            id: clock::fresh_id("l"),
            from: from.into(),
            to: to.into(),
            label: label.into(),
            note: String::new(),
            created: now.clone(),
            modified: now,
            author: None,
            extra: Map::new(),
        }
    }
}

/// What [`AnnotationSet::merge`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Ids added.
    pub added: Vec<String>,
    /// Ids already in the set, left as they were.
    pub skipped: Vec<String>,
}

/// The annotations and links of one file, as the window edits them.
///
/// Every edit is validated (the same rules as loading), marks the set
/// [dirty](Self::is_dirty) and stamps `modified`. Items are kept in file
/// order; new ones go at the end.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationSet {
    pub(crate) annotations: Vec<Annotation>,
    pub(crate) links: Vec<Link>,
    /// Top-level fields this version does not know, preserved.
    pub(crate) extra: Map<String, Value>,
    pub(crate) path: Option<PathBuf>,
    pub(crate) dirty: bool,
    /// The file as last read or written (to merge what another writer
    /// changed since); `None` for a set not read from its file.
    pub(crate) synced: Option<super::file::Synced>,
}

impl AnnotationSet {
    /// An empty set with no file.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The file it was loaded from or last saved to.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Sets the file that [`save`](Self::save) writes to.
    pub fn set_path(&mut self, path: impl Into<PathBuf>) {
        let path = path.into();
        if self.path.as_ref() != Some(&path) {
            self.synced = None;
        }
        self.path = Some(path);
    }

    /// Whether anything changed since the last load or save.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Declares the current state saved (clears the dirty flag).
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    /// Whether there are no annotations and no links.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.links.is_empty()
    }

    /// All annotations, in file order.
    #[must_use]
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// All links, in file order.
    #[must_use]
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Top-level fields of the file this version does not know.
    #[must_use]
    pub fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    /// The annotation with this id.
    #[must_use]
    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The link with this id.
    #[must_use]
    pub fn link(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    /// Whether an annotation or link has this id.
    #[must_use]
    pub fn contains_id(&self, id: &str) -> bool {
        self.annotation(id).is_some() || self.link(id).is_some()
    }

    /// The annotations on a node, in file order.
    pub fn annotations_for<'a>(&'a self, node_id: &'a str) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.annotations.iter().filter(move |a| a.target == node_id)
    }

    /// The links that start or end at a node, in file order.
    pub fn links_for<'a>(&'a self, node_id: &'a str) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| l.from == node_id || l.to == node_id)
    }

    /// Every tag used, sorted and without repeats.
    #[must_use]
    pub fn tags(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self.annotations.iter().flat_map(|a| a.tags.iter().map(String::as_str)).collect();
        set.into_iter().map(str::to_owned).collect()
    }

    /// The annotations carrying `tag`, in file order.
    pub fn with_tag<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.annotations.iter().filter(move |a| a.has_tag(tag))
    }

    /// Adds an annotation (usually from [`Annotation::new`]).
    ///
    /// # Errors
    ///
    /// [`AnnotationError::DuplicateId`] if its id is taken; the validation
    /// errors of loading (empty target, bad colour, bad time). The set is
    /// then unchanged.
    pub fn add_annotation(&mut self, annotation: Annotation) -> Result<(), AnnotationError> {
        validate::annotation(&annotation)?;
        self.check_new_id(&annotation.id, format!("annotation {}", annotation.id))?;
        self.annotations.push(annotation);
        self.dirty = true;
        Ok(())
    }

    /// Edits an annotation in place. The edit is applied to a copy, which
    /// replaces the original only if it is valid and keeps its id; if it
    /// changed anything, `modified` is set to now and the set is dirty.
    ///
    /// # Errors
    ///
    /// [`AnnotationError::NotFound`], [`AnnotationError::IdChanged`], or a
    /// validation error; the annotation is then unchanged.
    pub fn update_annotation(&mut self, id: &str, edit: impl FnOnce(&mut Annotation)) -> Result<(), AnnotationError> {
        self.dirty |= edit_in_place(&mut self.annotations, id, edit)?;
        Ok(())
    }

    /// Removes an annotation; returns it, or `None` if there was none.
    pub fn delete_annotation(&mut self, id: &str) -> Option<Annotation> {
        let position = self.annotations.iter().position(|a| a.id == id)?;
        self.dirty = true;
        Some(self.annotations.remove(position))
    }

    /// Adds a link (usually from [`Link::new`]).
    ///
    /// # Errors
    ///
    /// [`AnnotationError::DuplicateId`] if its id is taken, or a validation
    /// error; the set is then unchanged.
    pub fn add_link(&mut self, link: Link) -> Result<(), AnnotationError> {
        validate::link(&link)?;
        self.check_new_id(&link.id, format!("link {}", link.id))?;
        self.links.push(link);
        self.dirty = true;
        Ok(())
    }

    /// Edits a link in place, like [`update_annotation`](Self::update_annotation).
    ///
    /// # Errors
    ///
    /// [`AnnotationError::NotFound`], [`AnnotationError::IdChanged`], or a
    /// validation error; the link is then unchanged.
    pub fn update_link(&mut self, id: &str, edit: impl FnOnce(&mut Link)) -> Result<(), AnnotationError> {
        self.dirty |= edit_in_place(&mut self.links, id, edit)?;
        Ok(())
    }

    /// Removes a link; returns it, or `None` if there was none.
    pub fn delete_link(&mut self, id: &str) -> Option<Link> {
        let position = self.links.iter().position(|l| l.id == id)?;
        self.dirty = true;
        Some(self.links.remove(position))
    }

    /// Adds imported annotations and links (from
    /// [`from_w3c_str`](super::from_w3c_str)), skipping any whose id is
    /// already in the set (or earlier in the same lists). Linear: ids are
    /// looked up in an index, not searched.
    ///
    /// # Errors
    ///
    /// A validation error for the first invalid item; nothing is added then.
    pub fn merge(&mut self, annotations: Vec<Annotation>, links: Vec<Link>) -> Result<MergeOutcome, AnnotationError> {
        let mut ids: HashSet<String> =
            self.annotations.iter().map(|a| a.id.clone()).chain(self.links.iter().map(|l| l.id.clone())).collect();
        let mut outcome = MergeOutcome::default();
        let mut new_annotations = Vec::new();
        let mut new_links = Vec::new();
        for annotation in annotations {
            if ids.contains(&annotation.id) {
                outcome.skipped.push(annotation.id);
            } else {
                validate::annotation(&annotation)?;
                ids.insert(annotation.id.clone());
                outcome.added.push(annotation.id.clone());
                new_annotations.push(annotation);
            }
        }
        for link in links {
            if ids.contains(&link.id) {
                outcome.skipped.push(link.id);
            } else {
                validate::link(&link)?;
                ids.insert(link.id.clone());
                outcome.added.push(link.id.clone());
                new_links.push(link);
            }
        }
        if !outcome.added.is_empty() {
            self.annotations.extend(new_annotations);
            self.links.extend(new_links);
            self.dirty = true;
        }
        Ok(outcome)
    }

    /// A fresh id (`prefix-…`) not used in this set.
    #[must_use]
    pub fn fresh_id(&self, prefix: &str) -> String {
        loop {
            let id = clock::fresh_id(prefix);
            if !self.contains_id(&id) {
                return id;
            }
        }
    }

    fn check_new_id(&self, id: &str, second: String) -> Result<(), AnnotationError> {
        let first = if self.annotation(id).is_some() {
            format!("annotation {id}")
        } else if self.link(id).is_some() {
            format!("link {id}")
        } else {
            return Ok(());
        };
        Err(AnnotationError::DuplicateId { id: id.to_owned(), first, second })
    }
}

/// An annotation or a link, as [`edit_in_place`] sees it.
trait Editable: Clone + PartialEq {
    fn id(&self) -> &str;
    fn modified_mut(&mut self) -> &mut String;
    fn validate(&self) -> Result<(), AnnotationError>;
}

impl Editable for Annotation {
    fn id(&self) -> &str {
        &self.id
    }
    fn modified_mut(&mut self) -> &mut String {
        &mut self.modified
    }
    fn validate(&self) -> Result<(), AnnotationError> {
        validate::annotation(self)
    }
}

impl Editable for Link {
    fn id(&self) -> &str {
        &self.id
    }
    fn modified_mut(&mut self) -> &mut String {
        &mut self.modified
    }
    fn validate(&self) -> Result<(), AnnotationError> {
        validate::link(self)
    }
}

/// Applies `edit` to a copy of the item `id`, which replaces the original
/// only if it is valid and keeps its id; if it changed anything, its
/// `modified` is set to now (unless the edit set it). Returns whether it changed.
fn edit_in_place<T: Editable>(items: &mut [T], id: &str, edit: impl FnOnce(&mut T)) -> Result<bool, AnnotationError> {
    let slot = items.iter_mut().find(|x| x.id() == id).ok_or_else(|| AnnotationError::NotFound(id.to_owned()))?;
    let mut copy = slot.clone();
    edit(&mut copy);
    if copy.id() != slot.id() {
        return Err(AnnotationError::IdChanged { old: slot.id().to_owned(), new: copy.id().to_owned() });
    }
    if copy == *slot {
        return Ok(false);
    }
    if copy.modified_mut() == slot.modified_mut() {
        *copy.modified_mut() = clock::now_rfc3339();
    }
    copy.validate()?;
    *slot = copy;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "We recall General Assembly resolution 69/166, and in this context emphasize that no \
                        person shall be subjected to arbitrary or unlawful interference with his or her privacy, \
                        family, home, or correspondence. We affirm the right to privacy.";

    #[test]
    fn quote_from_a_selection_carries_context_and_finds_itself() {
        let start = TEXT.find("privacy").unwrap_or_default();
        let quote = TextQuote::from_span(TEXT, start..start + 7).unwrap_or_else(|| TextQuote::new("?"));
        assert_eq!(quote.exact, "privacy");
        assert_eq!(quote.prefix.chars().count(), QUOTE_CONTEXT_CHARS);
        assert!(quote.prefix.ends_with("with his or her "));
        assert!(quote.suffix.starts_with(", family"));
        assert_eq!(quote.locate(TEXT), Some(start..start + 7));
    }

    #[test]
    fn context_picks_the_right_occurrence() {
        let second = TEXT.rfind("privacy").unwrap_or_default();
        let mut quote = TextQuote::new("privacy");
        quote.prefix = "the right to ".into();
        quote.suffix = ".".into();
        assert_eq!(quote.locate(TEXT), Some(second..second + 7));
        // Without context, the first occurrence.
        let first = TEXT.find("privacy").unwrap_or_default();
        assert_eq!(TextQuote::new("privacy").locate(TEXT), Some(first..first + 7));
    }

    #[test]
    fn curly_and_straight_typography_match_either_way_and_the_quote_is_kept() {
        let un_pdf = "The world\u{2019}s population \u{2014} \u{201c}connected\u{201d} \u{2014} and countries\u{2019}\u{a0}obligations.";
        let straight = TextQuote::new("world's population - \"connected\"");
        let found = straight.locate(un_pdf).expect("found");
        assert_eq!(&un_pdf[found], "world\u{2019}s population \u{2014} \u{201c}connected\u{201d}");
        assert_eq!(straight.exact, "world's population - \"connected\"", "the quote is kept as written");
        let curly = TextQuote::new("countries\u{2019} obligations");
        assert_eq!(curly.locate("Recalling countries' obligations,"), Some(10..32));
        // A soft hyphen inside a word does not stop the match.
        assert_eq!(TextQuote::new("information").locate("in\u{ad}formation society"), Some(0..13));
    }

    #[test]
    fn quote_survives_rewrapped_whitespace() {
        let rewrapped = TEXT.replace("arbitrary or unlawful", "arbitrary\n   or  unlawful");
        let quote = TextQuote::new("subjected to arbitrary or unlawful interference");
        let found = quote.locate(&rewrapped).and_then(|r| rewrapped.get(r));
        assert_eq!(found, Some("subjected to arbitrary\n   or  unlawful interference"));
        assert_eq!(TextQuote::new("surveillance of communications").locate(TEXT), None);
        assert_eq!(TextQuote::new("").locate(TEXT), None);
    }

    #[test]
    fn from_span_rejects_bad_ranges() {
        let text = "naïve café";
        assert!(TextQuote::from_span(text, 3..4).is_none(), "inside a character");
        assert!(TextQuote::from_span(text, 2..2).is_none(), "empty");
        assert!(TextQuote::from_span(text, 0..99).is_none(), "out of bounds");
        let q = TextQuote::from_span(text, 0..6);
        assert_eq!(q.map(|q| (q.exact, q.suffix)), Some(("naïve".to_owned(), " café".to_owned())));
    }

    #[test]
    fn add_update_delete_mark_dirty_and_keep_ids_unique() {
        let mut set = AnnotationSet::new();
        assert!(!set.is_dirty());
        let mut a = Annotation::new("para:wsis10:51", "Privacy paragraph");
        a.tags = vec!["privacy".into(), "human-rights".into()];
        let id = a.id.clone();
        assert!(set.add_annotation(a.clone()).is_ok());
        assert!(set.is_dirty());
        assert!(matches!(set.add_annotation(a), Err(AnnotationError::DuplicateId { .. })));
        set.mark_saved();

        // An edit that changes nothing leaves the set clean.
        assert!(set.update_annotation(&id, |_| {}).is_ok());
        assert!(!set.is_dirty());
        assert!(set.update_annotation(&id, |a| a.note = "Changed".into()).is_ok());
        assert!(set.is_dirty());
        assert_eq!(set.annotation(&id).map(|a| a.note.as_str()), Some("Changed"));

        // Invalid edits are refused and leave the annotation as it was.
        let before = set.annotation(&id).cloned();
        assert!(matches!(
            set.update_annotation(&id, |a| a.colour = Some("red".into())),
            Err(AnnotationError::BadColour { .. })
        ));
        assert!(matches!(set.update_annotation(&id, |a| a.id = "x".into()), Err(AnnotationError::IdChanged { .. })));
        assert_eq!(set.annotation(&id).cloned(), before);
        assert!(matches!(set.update_annotation("nope", |_| {}), Err(AnnotationError::NotFound(_))));

        // Links share the id namespace.
        let mut link = Link::new("para:wsis10:51", "res:A/RES/69/166", "recalls");
        link.id = id.clone();
        assert!(matches!(set.add_link(link), Err(AnnotationError::DuplicateId { .. })));
        let link = Link::new("para:wsis10:51", "res:A/RES/69/166", "recalls");
        let link_id = link.id.clone();
        assert!(set.add_link(link).is_ok());
        assert_eq!(set.links_for("res:A/RES/69/166").count(), 1);

        set.mark_saved();
        assert!(set.delete_annotation(&id).is_some());
        assert!(set.is_dirty());
        assert!(set.delete_annotation(&id).is_none());
        assert!(set.delete_link(&link_id).is_some());
        assert!(set.is_empty());
    }

    #[test]
    fn tags_are_sorted_unique_and_filterable() {
        let mut set = AnnotationSet::new();
        for (target, tags) in [
            ("para:wsis10:51", vec!["privacy", "rights"]),
            ("sdg:5", vec!["gender"]),
            ("para:wsis10:48", vec!["rights"]),
        ] {
            let mut a = Annotation::new(target, "");
            a.tags = tags.into_iter().map(str::to_owned).collect();
            assert!(set.add_annotation(a).is_ok());
        }
        assert_eq!(set.tags(), ["gender", "privacy", "rights"]);
        let rights: Vec<&str> = set.with_tag("rights").map(|a| a.target.as_str()).collect();
        assert_eq!(rights, ["para:wsis10:51", "para:wsis10:48"]);
        assert_eq!(set.annotations_for("sdg:5").count(), 1);
        assert_eq!(set.annotations_for("sdg:4").count(), 0);
    }

    #[test]
    fn merge_skips_known_ids_and_is_all_or_nothing() {
        let mut set = AnnotationSet::new();
        let a = Annotation::new("sdg:5", "one");
        assert!(set.add_annotation(a.clone()).is_ok());
        let b = Annotation::new("sdg:4", "two");
        let outcome = set.merge(vec![a.clone(), b.clone()], Vec::new());
        assert_eq!(outcome.ok(), Some(MergeOutcome { added: vec![b.id.clone()], skipped: vec![a.id.clone()] }));
        let mut bad = Annotation::new("", "no target");
        bad.id = "fresh".into();
        let before = set.clone();
        assert!(set.merge(vec![Annotation::new("sdg:1", "ok"), bad], Vec::new()).is_err());
        assert_eq!(set, before);
    }
}
