//! Notes are Markdown (CommonMark, read by `pulldown-cmark`), drawn as
//! paragraphs and `- ` / `* ` list items of runs that are `**bold**`,
//! `*italic*` / `_italic_` or `` `code` ``; `[text](url)` links show their
//! text. [`parse`] has no egui in it; [`markdown_ui`] draws what it returns.

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

/// Splits a note into blocks: `pulldown-cmark` reads the CommonMark, and
/// its events are folded into paragraphs and list items of styled runs.
/// Other blocks (headings, quotes, code blocks) read as paragraphs; HTML is
/// shown as typed.
#[must_use]
pub fn parse(text: &str) -> Vec<Block> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    fn push(spans: &mut Vec<Span>, text: &str, emphasis: Emphasis) {
        match spans.last_mut() {
            Some(last) if last.emphasis == emphasis => last.text.push_str(text),
            _ if text.is_empty() => {}
            _ => spans.push(Span { text: text.to_owned(), emphasis }),
        }
    }
    fn flush(spans: &mut Vec<Span>, blocks: &mut Vec<Block>, item: bool) {
        if !spans.is_empty() {
            let spans = std::mem::take(spans);
            blocks.push(if item { Block::Item(spans) } else { Block::Paragraph(spans) });
        }
    }
    let mut blocks = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut emphasis = Emphasis::default();
    let mut items = 0_usize;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Item) => {
                flush(&mut spans, &mut blocks, items > 0);
                items += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut spans, &mut blocks, true);
                items = items.saturating_sub(1);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::HtmlBlock,
            ) => flush(&mut spans, &mut blocks, items > 0),
            Event::Start(Tag::Strong) => emphasis.bold = true,
            Event::End(TagEnd::Strong) => emphasis.bold = false,
            Event::Start(Tag::Emphasis) => emphasis.italic = true,
            Event::End(TagEnd::Emphasis) => emphasis.italic = false,
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => push(&mut spans, &t, emphasis),
            Event::Code(t) => push(&mut spans, &t, Emphasis { code: true, ..emphasis }),
            Event::SoftBreak | Event::HardBreak => push(&mut spans, " ", emphasis),
            _ => {}
        }
    }
    flush(&mut spans, &mut blocks, false);
    blocks
}

/// Inline markup of one block's text: its styled runs (links keep their
/// text; unclosed markers are shown as typed).
#[must_use]
pub fn inline(text: &str) -> Vec<Span> {
    parse(text)
        .into_iter()
        .flat_map(|b| match b {
            Block::Paragraph(spans) | Block::Item(spans) => spans,
        })
        .collect()
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
