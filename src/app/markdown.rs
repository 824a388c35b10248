//! A small Markdown subset for notes: paragraphs (blank lines), `- ` and
//! `* ` list items, `**bold**`, `*italic*` / `_italic_`, `` `code` `` and
//! `[text](url)` links shown as their text. The parser has no egui in it;
//! [`markdown_ui`] draws what it returns.

/// How a run of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Emphasis {
    /// `**bold**`.
    pub bold: bool,
    /// `*italic*`.
    pub italic: bool,
    /// `` `code` ``.
    pub code: bool,
}

/// A run of text with one emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text, markers removed.
    pub text: String,
    /// How it is drawn.
    pub emphasis: Emphasis,
}

/// A paragraph or a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines joined by spaces.
    Paragraph(Vec<Span>),
    /// One `- ` or `* ` item.
    Item(Vec<Span>),
}

/// Splits a note into blocks.
#[must_use]
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inline(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(item) = trimmed.strip_prefix("- ").or_else(|| trimmed.strip_prefix("* ")) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Item(inline(item.trim())));
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// Inline markup of one block: emphasis markers toggle, links keep their
/// text. Unclosed markers are shown as typed.
#[must_use]
pub fn inline(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut emphasis = Emphasis::default();
    let mut current = String::new();
    let mut rest = text;
    let push = |spans: &mut Vec<Span>, current: &mut String, emphasis: Emphasis| {
        if !current.is_empty() {
            spans.push(Span { text: std::mem::take(current), emphasis });
        }
    };
    while let Some(c) = rest.chars().next() {
        // A marker only toggles if it is closed later (or closes an open one).
        let marker = if rest.starts_with("**") {
            Some(("**", emphasis.bold))
        } else if c == '*' || c == '_' {
            Some((if c == '*' { "*" } else { "_" }, emphasis.italic))
        } else if c == '`' {
            Some(("`", emphasis.code))
        } else {
            None
        };
        if let Some((m, open)) = marker
            && (open || rest.get(m.len()..).is_some_and(|after| after.contains(m)))
            && !(m == "_" && !open && current.chars().last().is_some_and(char::is_alphanumeric))
        {
            push(&mut spans, &mut current, emphasis);
            match m {
                "**" => emphasis.bold = !emphasis.bold,
                "`" => emphasis.code = !emphasis.code,
                _ => emphasis.italic = !emphasis.italic,
            }
            rest = rest.get(m.len()..).unwrap_or_default();
            continue;
        }
        if c == '['
            && let Some((label, after)) = link(rest)
        {
            current.push_str(label);
            rest = after;
            continue;
        }
        current.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    push(&mut spans, &mut current, emphasis);
    spans
}

/// `[text](url)` at the start of `s`: the text and what follows the link.
fn link(s: &str) -> Option<(&str, &str)> {
    let close = s.find("](")?;
    let label = s.get(1..close)?;
    if label.contains('[') {
        return None;
    }
    let after = s.get(close + 2..)?;
    let end = after.find(')')?;
    Some((label, after.get(end + 1..)?))
}

/// The note's words without markup, blocks joined by spaces (for one-line lists).
#[must_use]
pub fn plain_text(text: &str) -> String {
    let blocks: Vec<String> = parse(text)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(spans) | Block::Item(spans) => spans.into_iter().map(|s| s.text).collect::<String>(),
        })
        .collect();
    blocks.join(" ")
}

/// Draws a note.
pub fn markdown_ui(ui: &mut egui::Ui, text: &str) {
    for block in parse(text) {
        match block {
            Block::Paragraph(spans) => {
                ui.label(job(ui, &spans, ""));
            }
            Block::Item(spans) => {
                ui.label(job(ui, &spans, "• "));
            }
        }
    }
}

fn job(ui: &egui::Ui, spans: &[Span], bullet: &str) -> egui::text::LayoutJob {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let visuals = ui.visuals();
    let mut job = egui::text::LayoutJob::default();
    if !bullet.is_empty() {
        job.append(bullet, 0.0, egui::TextFormat::simple(body.clone(), visuals.text_color()));
    }
    for span in spans {
        let e = span.emphasis;
        let mut format = egui::TextFormat::simple(
            if e.code { mono.clone() } else { body.clone() },
            if e.bold { visuals.strong_text_color() } else { visuals.text_color() },
        );
        format.italics = e.italic;
        if e.code {
            format.background = visuals.code_bg_color;
        }
        job.append(&span.text, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Span {
        Span { text: text.into(), emphasis: Emphasis::default() }
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let blocks = parse("The **2014** text of *the right*\nto privacy.\n\n- one\n* `two`\n\nEnd.");
        assert_eq!(blocks.len(), 4);
        assert_eq!(
            blocks.first(),
            Some(&Block::Paragraph(vec![
                plain("The "),
                Span { text: "2014".into(), emphasis: Emphasis { bold: true, ..Emphasis::default() } },
                plain(" text of "),
                Span { text: "the right".into(), emphasis: Emphasis { italic: true, ..Emphasis::default() } },
                plain(" to privacy."),
            ]))
        );
        assert_eq!(blocks.get(1), Some(&Block::Item(vec![plain("one")])));
        assert_eq!(
            blocks.get(2),
            Some(&Block::Item(vec![Span {
                text: "two".into(),
                emphasis: Emphasis { code: true, ..Emphasis::default() }
            }]))
        );
        assert_eq!(blocks.get(3), Some(&Block::Paragraph(vec![plain("End.")])));
    }

    #[test]
    fn links_show_their_text_and_stray_markers_stay() {
        assert_eq!(inline("see [the resolution](https://undocs.org/x) now"), vec![plain("see the resolution now")]);
        assert_eq!(inline("2 * 3 and snake_case"), vec![plain("2 * 3 and snake_case")]);
        assert_eq!(inline("[broken](no end"), vec![plain("[broken](no end")]);
        assert_eq!(
            inline("**é**"),
            vec![Span { text: "é".into(), emphasis: Emphasis { bold: true, ..Default::default() } }]
        );
        assert!(parse("").is_empty());
        assert_eq!(plain_text("The **2014** text\n\n- *one*"), "The 2014 text one");
    }
}
