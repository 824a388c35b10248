//! The registry out of the program: CSV for a spreadsheet (one row per
//! mandate, RFC 4180 quoting), JSON for scripts (the rows and the possible
//! overlaps), a Markdown table, and an iCalendar file (RFC 5545) whose
//! events are the deliverables with known dates, for a delegation's
//! calendar. The `mandates` command and the window's mandates view write
//! the same bytes.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Mandate, Overlap};

/// Output formats of the `mandates` command and the view's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One row per mandate (the default).
    #[default]
    Csv,
    /// `{"mandates": […], "overlaps": […]}`.
    Json,
    /// A Markdown table, then the possible overlaps.
    Md,
    /// iCalendar: one all-day event per deliverable with known dates.
    Ics,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 4] = [Format::Csv, Format::Json, Format::Md, Format::Ics];

    /// The file extension (and menu name).
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Md => "md",
            Format::Ics => "ics",
        }
    }
}

/// Why a registry could not be written (a bug: writing to memory does not fail otherwise).
#[derive(Debug, thiserror::Error)]
#[error("cannot encode the mandates: {0}")]
pub struct EncodeError(String);

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "document",
    "paragraph",
    "label",
    "verb",
    "strength",
    "addressees",
    "addressee_ids",
    "deliverable",
    "deliverable_words",
    "reports_to",
    "due",
    "due_from",
    "due_to",
    "periodicity",
    "ends",
    "task",
];

/// The registry in `format`; `stamp` is the iCalendar DTSTAMP (the time
/// the file is made, UTC), unused by the other formats.
///
/// # Errors
///
/// Only if encoding fails, which writing to memory does not.
pub fn render(
    mandates: &[Mandate],
    overlaps: &[Overlap],
    format: Format,
    stamp: jiff::Timestamp,
) -> Result<String, EncodeError> {
    match format {
        Format::Csv => csv(mandates),
        Format::Json => json(mandates, overlaps),
        Format::Md => Ok(markdown(mandates, overlaps)),
        Format::Ics => Ok(ics(mandates, stamp)),
    }
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn csv(mandates: &[Mandate]) -> Result<String, EncodeError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| EncodeError(e.to_string());
    writer.write_record(CSV_COLUMNS).map_err(err)?;
    for m in mandates {
        let due = m.when.due.as_ref();
        let ids: Vec<&str> = m.addressees.iter().filter_map(|a| a.id.as_deref()).collect();
        writer
            .write_record([
                m.document_label.as_str(),
                m.paragraph.as_str(),
                m.label.as_str(),
                m.verb.as_str(),
                &m.strength.to_string(),
                &m.addressees.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; "),
                &ids.join(" "),
                m.deliverable.as_ref().map_or("", |d| d.kind.as_str()),
                m.deliverable.as_ref().map_or("", |d| d.quote.as_str()),
                &m.reports_to.join("; "),
                due.map_or("", |d| d.quote.as_str()),
                &date(due.and_then(|d| d.from)),
                &date(due.and_then(|d| d.to)),
                m.when.periodicity.as_deref().unwrap_or_default(),
                m.when.ends.as_deref().unwrap_or_default(),
                &m.task,
            ])
            .map_err(err)?;
    }
    let bytes = writer.into_inner().map_err(|e| EncodeError(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| EncodeError(e.to_string()))
}

fn json(mandates: &[Mandate], overlaps: &[Overlap]) -> Result<String, EncodeError> {
    let value = serde_json::json!({ "mandates": mandates, "overlaps": overlaps });
    serde_json::to_string_pretty(&value).map(|s| s + "\n").map_err(|e| EncodeError(e.to_string()))
}

/// A Markdown table cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

fn markdown(mandates: &[Mandate], overlaps: &[Overlap]) -> String {
    let mut out = String::from("# Mandates\n\n");
    out.push_str("| Document | ¶ | Verb | Addressees | Deliverable | Reports to | Due | How often | Task |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for m in mandates {
        let due = m.when.due.as_ref().map_or_else(String::new, |d| match (d.from, d.to) {
            (Some(f), Some(t)) if f != t => format!("{} ({f} – {t})", d.quote),
            (_, Some(t)) => format!("{} ({t})", d.quote),
            _ => d.quote.clone(),
        });
        let due = if m.when.unresolved.is_empty() {
            due
        } else {
            [due, m.when.unresolved.join("; ")].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join("; ")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&m.document_label),
            cell(&m.label),
            m.verb.as_str(),
            cell(&m.addressee_names()),
            m.deliverable.as_ref().map_or(String::new(), |d| cell(&format!("{}: {}", d.kind.as_str(), d.quote))),
            cell(&m.reports_to.join("; ")),
            cell(&due),
            cell(m.when.periodicity.as_deref().unwrap_or_default()),
            cell(&m.task),
        );
    }
    if !overlaps.is_empty() {
        out.push_str(
            "\n## Possible overlaps\n\n| Kind | First | Second | Shared addressees | Score |\n|---|---|---|---|---|\n",
        );
        for o in overlaps {
            let (Some(a), Some(b)) = (mandates.get(o.a), mandates.get(o.b)) else { continue };
            let _ = writeln!(
                out,
                "| {} | {} {} | {} {} | {} | {:.2} |",
                o.kind.as_str(),
                cell(&a.document_label),
                cell(&a.label),
                cell(&b.document_label),
                cell(&b.label),
                cell(&o.shared.join("; ")),
                o.score
            );
        }
    }
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (RFC 5545 §3.1: CRLF then a
/// space; never inside a UTF-8 character), ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn ics(mandates: &[Mandate], stamp: jiff::Timestamp) -> String {
    let stamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//WSIS Atlas//Mandates//EN", "CALSCALE:GREGORIAN"] {
        line(&mut out, l);
    }
    for m in mandates {
        let (Some(deliverable), Some(due)) = (&m.deliverable, &m.when.due) else { continue };
        let Some(to) = due.to else { continue };
        let from = due.from.unwrap_or(to);
        let Ok(end) = to.tomorrow() else { continue };
        line(&mut out, "BEGIN:VEVENT");
        // Stable across runs: the paragraph and the clause's place in it.
        line(&mut out, &format!("UID:{}-{}@wsis-atlas", m.paragraph.replace([':', '/'], "-"), m.span.start));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", from.strftime("%Y%m%d")));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", end.strftime("%Y%m%d")));
        // No RRULE: how often a clause says a thing recurs ("its annual
        // report") is read from its words, not sure enough to repeat an
        // event in someone's calendar; the description says it.
        let mut summary = format!("{} {}: {}", m.document_label, m.label, deliverable.quote);
        if !m.addressees.is_empty() {
            let _ = write!(summary, " ({})", m.addressee_names());
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        let mut description = format!("{} {} — due {}", m.document_label, m.label, due.quote);
        if !m.reports_to.is_empty() {
            let _ = write!(description, "; {}", m.reports_to.join("; "));
        }
        if let Some(p) = &m.when.periodicity {
            let _ = write!(description, "; how often: {p}");
        }
        let _ = write!(description, "\n{}", m.task);
        line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_octets_and_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), long);
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
