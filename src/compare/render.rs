//! A [`Comparison`] out of the program: a standalone HTML redline (two
//! columns, styles inside, marks that print), Markdown, a CSV of the
//! alignment for a spreadsheet, JSON for scripts.
//!
//! Marks are words, not only colours: deleted words are struck through and
//! bracketed `[-so-]`, inserted ones underlined and bracketed `{+so+}` (the
//! wdiff convention), so that a black-and-white printout, a plain-text
//! reader or a colour-blind reader sees every change.

use super::{Comparison, Kind, Para, Row};
use crate::analysis::diff::DiffOp;

/// What [`render`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A standalone two-column redline (no external files).
    #[default]
    Html,
    /// Markdown: the summary, then each change with its word diff.
    Md,
    /// One row per aligned row: kinds, labels, sections, references, texts, diff.
    Csv,
    /// The whole comparison.
    Json,
}

/// The comparison in `format`.
///
/// # Errors
///
/// Only when JSON or CSV encoding fails (it does not for valid text).
pub fn render(c: &Comparison, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Html => html(c),
        Format::Md => markdown(c),
        Format::Csv => csv(c)?,
        Format::Json => {
            let mut s = serde_json::to_string_pretty(c)?;
            s.push('\n');
            s
        }
    })
}

/// "changed, moved, renumbered": a row's changes in words.
#[must_use]
pub fn describe(row: &Row) -> String {
    row.changes().iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

/// What a row does to references and roles: "adds 79/1; drops 69/166;
/// encourages → requests" (empty when nothing).
#[must_use]
pub fn consequences(row: &Row) -> String {
    let mut parts = Vec::new();
    if !row.references.is_empty() {
        parts.push(row.references.describe());
    }
    if let Some((a, b)) = &row.role_change {
        parts.push(format!("{a} → {b}"));
    }
    parts.join("; ")
}

/// The diff as plain text with wdiff marks: `[-old-]{+new+}`.
#[must_use]
pub fn marked(diff: &[DiffOp]) -> String {
    diff.iter()
        .map(|op| match op {
            DiffOp::Equal(s) => s.clone(),
            DiffOp::Delete(s) => format!("[-{s}-]"),
            DiffOp::Insert(s) => format!("{{+{s}+}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 Georgia,'Times New Roman',serif;margin:2em auto;max-width:75em;padding:0 1em;color:#111}
h1{font-size:1.4em;margin:0 0 .3em}
.summary,.refs,.legend{margin:.25em 0}
.legend{color:#444;font-size:.9em}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:1em}
th,td{vertical-align:top;padding:.35em .6em;border-top:1px solid #ccc;text-align:left}
thead th{border-bottom:2px solid #111;position:sticky;top:0;background:#fff}
tr.section th{background:#f2f2f2;font-style:italic;font-weight:normal;border-top:2px solid #999}
.label{font-weight:bold;margin-right:.4em}
.tag{font:11px/1.2 sans-serif;text-transform:uppercase;letter-spacing:.04em;border:1px solid #777;border-radius:3px;padding:0 .3em;margin-right:.3em}
.note{font:12px/1.3 sans-serif;color:#333;margin-top:.3em}
del{color:#a01c12;text-decoration:line-through;text-decoration-thickness:2px}
ins{color:#0b6b2e;text-decoration:underline;text-decoration-thickness:2px}
.mark{font:bold 12px sans-serif}
tr.dropped td.old,tr.new td.new{background:#f7f7f7}
.empty{color:#777;font-style:italic}
@media print{body{margin:0;max-width:none;font-size:11pt}thead{display:table-header-group}tr{break-inside:avoid}del,ins{color:#000}}";

/// Words of a diff on one side: the old side shows equal and deleted words,
/// the new side equal and inserted ones.
fn side_html(diff: &[DiffOp], old: bool) -> String {
    let mut out = Vec::new();
    for op in diff {
        match op {
            DiffOp::Equal(s) => out.push(escape(s)),
            DiffOp::Delete(s) if old => {
                out.push(format!(
                    "<del><span class=\"mark\">[-</span>{}<span class=\"mark\">-]</span></del>",
                    escape(s)
                ));
            }
            DiffOp::Insert(s) if !old => {
                out.push(format!(
                    "<ins><span class=\"mark\">{{+</span>{}<span class=\"mark\">+}}</span></ins>",
                    escape(s)
                ));
            }
            _ => {}
        }
    }
    out.join(" ")
}

fn cell_html(paras: &[&Para], row: &Row, old: bool) -> String {
    if paras.is_empty() {
        let what = if old { "not in this text (new)" } else { "not in this text (dropped)" };
        return format!("<span class=\"empty\">{what}</span>");
    }
    let text = if row.kind == Kind::Unchanged {
        paras.iter().map(|p| escape(&p.text)).collect::<Vec<_>>().join(" ")
    } else {
        side_html(&row.diff, old)
    };
    format!("<span class=\"label\">{}</span>{text}", escape(&Comparison::labels(paras)))
}

fn html(c: &Comparison) -> String {
    let title = format!("{} → {}", c.old.name, c.new.name);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>Compare {}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n", escape(&title)));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    out.push_str(&format!(
        "<p class=\"summary\">{} (old) and {} (new): {}.</p>\n",
        escape(&c.old.title),
        escape(&c.new.title),
        escape(&c.counts.summary())
    ));
    if !c.references.is_empty() {
        out.push_str(&format!("<p class=\"refs\">References: {}.</p>\n", escape(&c.references.describe())));
    }
    out.push_str(
        "<p class=\"legend\">Deleted words: <del><span class=\"mark\">[-</span>struck through<span class=\"mark\">-]</span></del>; inserted words: <ins><span class=\"mark\">{+</span>underlined<span class=\"mark\">+}</span></ins>.</p>\n",
    );
    out.push_str(&format!(
        "<table>\n<colgroup><col style=\"width:50%\"><col style=\"width:50%\"></colgroup>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(&c.old.name),
        escape(&c.new.name)
    ));
    let mut section: (String, String) = (String::new(), String::new());
    for (k, row) in c.rows.iter().enumerate() {
        let (po, pn) = c.sides(row);
        let here = (
            po.first().map_or_else(|| section.0.clone(), |p| p.section.clone()),
            pn.first().map_or_else(|| section.1.clone(), |p| p.section.clone()),
        );
        if here != section {
            let (a, b) = &here;
            if a == b {
                out.push_str(&format!("<tr class=\"section\"><th colspan=\"2\">{}</th></tr>\n", escape(a)));
            } else {
                out.push_str(&format!("<tr class=\"section\"><th>{}</th><th>{}</th></tr>\n", escape(a), escape(b)));
            }
            section = here;
        }
        let note = consequences(row);
        let tags: String =
            row.changes().iter().map(|ch| format!("<span class=\"tag\">{}</span>", ch.as_str())).collect();
        let note_html = if note.is_empty() { String::new() } else { format!(" {}", escape(&note)) };
        out.push_str(&format!(
            "<tr class=\"{}\" id=\"row-{}\"><td class=\"old\">{}</td><td class=\"new\">{}<div class=\"note\">{tags}{note_html}</div></td></tr>\n",
            row.kind.as_str(),
            k + 1,
            cell_html(&po, row, true),
            cell_html(&pn, row, false),
        ));
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

fn markdown(c: &Comparison) -> String {
    let md = |s: &str| s.replace('\\', "\\\\").replace('*', "\\*").replace('_', "\\_").replace('~', "\\~");
    let mut out = format!("# {} → {}\n\n", md(&c.old.name), md(&c.new.name));
    out.push_str(&format!("{} → {}\n\n{}.\n\n", md(&c.old.title), md(&c.new.title), c.counts.summary()));
    if !c.references.is_empty() {
        out.push_str(&format!("References: {}.\n\n", md(&c.references.describe())));
    }
    out.push_str("Deleted words are ~~[-struck through-]~~, inserted words **{+in bold+}**.\n\n");
    for row in &c.rows {
        if !row.is_change() {
            continue;
        }
        let (po, pn) = c.sides(row);
        let old = if po.is_empty() { "—".to_owned() } else { Comparison::labels(&po) };
        let new = if pn.is_empty() { "—".to_owned() } else { Comparison::labels(&pn) };
        out.push_str(&format!("## {} → {} ({})\n\n", md(&old), md(&new), describe(row)));
        let consequence = consequences(row);
        if !consequence.is_empty() {
            out.push_str(&format!("*{}*\n\n", md(&consequence)));
        }
        let text: Vec<String> = row
            .diff
            .iter()
            .map(|op| match op {
                DiffOp::Equal(s) => md(s),
                DiffOp::Delete(s) => format!("~~[-{}-]~~", md(s)),
                DiffOp::Insert(s) => format!("**{{+{}+}}**", md(s)),
            })
            .collect();
        out.push_str(&text.join(" "));
        out.push_str("\n\n");
    }
    out
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 16] = [
    "row",
    "kind",
    "moved",
    "renumbered",
    "old",
    "new",
    "old_section",
    "new_section",
    "similarity",
    "references_added",
    "references_dropped",
    "role_before",
    "role_after",
    "old_text",
    "new_text",
    "diff",
];

fn csv(c: &Comparison) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for (k, row) in c.rows.iter().enumerate() {
        let (po, pn) = c.sides(row);
        let texts = |ps: &[&Para]| ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
        let section = |ps: &[&Para]| ps.first().map(|p| p.section.clone()).unwrap_or_default();
        let (before, after) = row.role_change.clone().unwrap_or_default();
        w.write_record([
            (k + 1).to_string(),
            row.kind.as_str().to_owned(),
            row.moved.to_string(),
            row.renumbered.to_string(),
            Comparison::labels(&po),
            Comparison::labels(&pn),
            section(&po),
            section(&pn),
            format!("{:.3}", row.similarity),
            row.references.added.join("; "),
            row.references.dropped.join("; "),
            before,
            after,
            texts(&po),
            texts(&pn),
            marked(&row.diff),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner().map_err(|e| anyhow::anyhow!("CSV: {e}"))?)?)
}
