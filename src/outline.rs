//! The `outline` report: what the reader made of a document — its facts,
//! its outline (parts, headings with their paragraph ranges, preamble),
//! its footnotes, the conservation figure (every body word placed), every
//! line it set aside as furniture or metadata, and its warnings — so a user
//! can check that nothing of theirs was lost.

use std::fmt::Write as _;

use crate::document::{Document, Paragraph, Section};

/// One row of the outline: a section and the paragraphs directly in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineRow {
    /// Nesting depth (0 for top-level sections and parts).
    pub level: u8,
    /// The section's label: `§1.1`, `§II.A`, or its title for a bare heading.
    pub title: String,
    /// The paragraphs' range, as labels: `¶19–¶28`, `PP1–PP8`, `¶5`; empty
    /// when the section holds none directly.
    pub range: String,
    /// How many paragraphs it holds directly.
    pub count: usize,
}

/// The document's outline, section by section, in reading order.
#[must_use]
pub fn rows(doc: &Document) -> Vec<OutlineRow> {
    doc.sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let members: Vec<&Paragraph> = doc.paragraphs.iter().filter(|p| p.section == index).collect();
            OutlineRow { level: section.level, title: heading(section), range: range(&members), count: members.len() }
        })
        .filter(|row| row.count > 0 || doc.sections.len() > 1)
        .collect()
}

/// `1. ICT for Development`, `II. Financing`, `Part IV Political affairs`,
/// `Article 7 Other laws or treaties`, `Introduction`.
fn heading(section: &Section) -> String {
    let number = section.key.rsplit(':').next().unwrap_or_default();
    let numbered = number.split('.').all(|part| {
        !part.is_empty()
            && (part.bytes().all(|c| c.is_ascii_digit())
                || part.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
                || part.len() == 1)
    });
    // `Part IV`, `Section 29D`, `Chapter II`, `Article 7` (key `part-iv`…,
    // `annex-ii-article-7`): their word and number.
    let number = number.rsplit_once("-article-").map_or(number, |(_, n)| &number[number.len() - n.len() - 8..]);
    let worded =
        ["part-", "section-", "chapter-", "article-"].iter().find_map(|w| number.strip_prefix(w).map(|n| (w, n)));
    if let Some((word, n)) = worded {
        let word = word.trim_end_matches('-');
        let mut chars = word.chars();
        let word: String = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect();
        format!("{word} {} {}", n.to_uppercase(), section.title).trim_end().to_owned()
    } else if numbered && section.key != "preamble" && !section.title.starts_with("Annex") {
        format!("{} {}", number.to_uppercase(), section.title)
    } else {
        section.title.clone()
    }
}

/// `¶19–¶28`, `PP1–PP8`, `PP1–PP3, ¶1–¶4` (a section holding both),
/// `Section IV PP1, Section IV ¶1–¶5` (a part's paragraphs).
fn range(members: &[&Paragraph]) -> String {
    let mut parts = Vec::new();
    for preambular in [true, false] {
        let series: Vec<&&Paragraph> = members.iter().filter(|p| p.preambular == preambular).collect();
        match (series.first(), series.last()) {
            // The part is named once: `Section IV ¶1–¶5`, `Annex ¶1–¶4`.
            (Some(first), Some(last)) if series.len() > 1 => {
                let own = if last.preambular { format!("PP{}", last.number) } else { format!("¶{}", last.number) };
                let end = if first.annex == last.annex { own } else { last.label() };
                parts.push(format!("{}–{end}", first.label()));
            }
            (Some(first), _) => parts.push(first.label()),
            _ => {}
        }
    }
    parts.join(", ")
}

/// The `outline` report as text. With `set_aside`, every line set aside
/// as furniture or metadata is listed with its line number and kind.
#[must_use]
pub fn report(doc: &Document, set_aside: bool) -> String {
    let mut out = String::new();
    let symbol = doc.symbol.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
    let _ = writeln!(out, "{}{symbol}", doc.title);
    let _ = writeln!(out, "  source: {}", doc.source);
    for (label, value) in doc.facts.rows() {
        let _ = writeln!(out, "  {label}: {value}");
    }
    let _ = writeln!(out, "\noutline:");
    let rows = rows(doc);
    let width = rows.iter().map(|r| 2 * usize::from(r.level) + r.title.chars().count()).max().unwrap_or(0).min(72);
    for row in &rows {
        let indent = "  ".repeat(usize::from(row.level));
        let title = format!("{indent}{}", row.title);
        let pad = width.saturating_sub(title.chars().count());
        let _ = writeln!(out, "  {title}{}  {}", " ".repeat(pad), row.range);
    }
    let preambular = doc.paragraphs.iter().filter(|p| p.preambular).count();
    let numbered = doc.paragraphs.len() - preambular;
    let annexes = doc.sections.iter().filter(|s| s.key.starts_with("annex") && !s.key.contains(':')).count();
    let notes: usize = doc.paragraphs.iter().map(|p| p.footnotes.len()).sum();
    let _ = writeln!(
        out,
        "\n{numbered} numbered paragraphs, {preambular} preambular, {} headings, {annexes} annexes, {notes} footnotes",
        doc.sections.len().saturating_sub(1),
    );
    let reading = &doc.reading;
    if reading.placed_words == reading.body_words {
        let _ = writeln!(out, "{} words of body text, all placed", thousands(reading.body_words));
    } else {
        let _ = writeln!(
            out,
            "{} words of body text, {} placed: {} not found where the reader put them (see the warnings)",
            thousands(reading.body_words),
            thousands(reading.placed_words),
            thousands(reading.body_words - reading.placed_words),
        );
    }
    let _ = writeln!(out, "{} lines set aside as furniture or metadata", reading.set_aside.len());
    if set_aside {
        for line in &reading.set_aside {
            let _ = writeln!(out, "  {:>6}  {:<15} {}", line.line, line.kind.name(), line.text);
        }
    }
    if !doc.warnings.is_empty() {
        let _ = writeln!(out, "\n{} warnings:", doc.warnings.len());
        for w in &doc.warnings {
            let _ = writeln!(out, "  line {}: {}", w.line, w.message);
        }
    }
    out
}

/// `9,899`.
#[must_use]
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
