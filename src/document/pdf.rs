//! The text layer of a PDF, as lines, through `lopdf`.
//!
//! Each page's content stream is walked once. Text-showing operators (`Tj`,
//! `TJ`, `'`, `"`) add their strings, decoded with the font's encoding (its
//! `ToUnicode` map when it has one); a move to another baseline (`Td`/`TD`
//! with a vertical offset, `T*`, a new `Tm` row, `'`, `"`, `ET`) ends the
//! line; a move along the same baseline or a wide `TJ` gap is a space. Pages
//! follow one another, one line apart. What comes out is the raw layout —
//! running headers, footnotes, hyphenated words — for
//! [`parse`](super::parse::parse) to clean.
//!
//! A PDF without any text (a scan) is an error that says so: there is no
//! character recognition here.

use std::collections::BTreeMap;

use lopdf::content::{Content, Operation};
use lopdf::{Document as Pdf, Encoding, Object};

/// The most decompressed content read from one page.
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;
/// A `TJ` adjustment (thousandths of an em, negative = move right) this wide
/// is a space between words.
const TJ_SPACE: f32 = 200.0;

/// Why a PDF's text could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF `lopdf` can read (damaged, or encrypted with a password).
    #[error("not a readable PDF: {0}")]
    Malformed(String),
    /// Pages but no text: a scanned document.
    #[error(
        "this PDF has no text layer ({pages} page(s) of images only, probably a scan); run it through OCR or open a .txt copy"
    )]
    NoText {
        /// Number of pages.
        pages: usize,
    },
}

/// The text of every page of the PDF in `bytes`, in page order.
///
/// # Errors
///
/// [`PdfError::Malformed`] when the file cannot be read as a PDF;
/// [`PdfError::NoText`] when it has no text at all.
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    let pdf = Pdf::load_mem(bytes).map_err(|e| PdfError::Malformed(e.to_string()))?;
    let pages = pdf.get_pages();
    let mut out = String::new();
    for page_id in pages.values() {
        let page = page_text(&pdf, *page_id).map_err(|e| PdfError::Malformed(e.to_string()))?;
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&page);
    }
    if out.trim().is_empty() {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(out)
}

/// One page's lines.
fn page_text(pdf: &Pdf, page_id: lopdf::ObjectId) -> lopdf::Result<String> {
    let fonts = pdf.get_page_fonts(page_id)?;
    let encodings: BTreeMap<Vec<u8>, Encoding<'_>> =
        fonts.into_iter().filter_map(|(name, font)| Some((name, font.get_font_encoding(pdf).ok()?))).collect();
    let content = Content::decode(&pdf.get_page_content_with_limit(page_id, MAX_PAGE_CONTENT)?)?;
    Ok(walk(&content.operations, &encodings))
}

/// The lines shown by a content stream's operations.
fn walk(operations: &[Operation], encodings: &BTreeMap<Vec<u8>, Encoding<'_>>) -> String {
    let mut lines = Lines::default();
    let mut encoding: Option<&Encoding<'_>> = None;
    for op in operations {
        let operands = op.operands.as_slice();
        match op.operator.as_str() {
            "Tf" => encoding = operands.first().and_then(|o| o.as_name().ok()).and_then(|n| encodings.get(n)),
            "Td" | "TD" => {
                let dy = operands.get(1).and_then(number).unwrap_or(0.0);
                if dy.abs() > f32::EPSILON { lines.break_line() } else { lines.space() }
            }
            "Tm" => {
                let y = operands.get(5).and_then(number);
                if y != lines.row {
                    lines.break_line();
                }
                lines.row = y;
            }
            "T*" | "ET" => lines.break_line(),
            "Tj" | "TJ" => lines.show(encoding, operands),
            "'" => {
                lines.break_line();
                lines.show(encoding, operands);
            }
            "\"" => {
                lines.break_line();
                lines.show(encoding, operands.get(2..).unwrap_or_default());
            }
            _ => {}
        }
    }
    lines.break_line();
    lines.text
}

/// A number operand.
fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// The page's text so far.
#[derive(Default)]
struct Lines {
    text: String,
    /// The vertical position set by the last `Tm`.
    row: Option<f32>,
}

impl Lines {
    fn break_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(' ');
        }
    }

    fn show(&mut self, encoding: Option<&Encoding<'_>>, operands: &[Object]) {
        for operand in operands {
            match operand {
                Object::String(bytes, _) => {
                    let decoded = match encoding {
                        Some(e) => Pdf::decode_text(e, bytes).unwrap_or_default(),
                        None => bytes.iter().map(|&b| char::from(b)).collect(),
                    };
                    self.text.push_str(&decoded);
                }
                Object::Array(items) => self.show(encoding, items),
                other => {
                    if number(other).is_some_and(|n| n < -TJ_SPACE) {
                        self.space();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(name: &str, operands: Vec<Object>) -> Operation {
        Operation::new(name, operands)
    }

    fn s(text: &str) -> Object {
        Object::string_literal(text.as_bytes().to_vec())
    }

    #[test]
    fn baseline_moves_break_lines_and_gaps_are_spaces() {
        let ops = vec![
            op("BT", vec![]),
            op("Tm", vec![1.into(), 0.into(), 0.into(), 1.into(), 72.into(), 700.into()]),
            op("Tj", vec![s("United")]),
            // Same row, further right: a space.
            op("Td", vec![40.into(), 0.into()]),
            op("Tj", vec![s("Nations")]),
            op("Tm", vec![1.into(), 0.into(), 0.into(), 1.into(), 72.into(), 688.into()]),
            op("TJ", vec![Object::Array(vec![s("knowl"), Object::Integer(-20), s("edge-"), Object::Integer(-300)])]),
            op("T*", vec![]),
            op("'", vec![s("sharing")]),
            op("\"", vec![0.into(), 0.into(), s("done.")]),
            op("ET", vec![]),
        ];
        assert_eq!(walk(&ops, &BTreeMap::new()), "United Nations\nknowledge- \nsharing\ndone.\n");
        assert_eq!(walk(&[op("Tj", vec![]), op("Td", vec![s("x")])], &BTreeMap::new()), "");
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        assert!(matches!(text(b"not a pdf"), Err(PdfError::Malformed(_))));
        assert!(matches!(text(b""), Err(PdfError::Malformed(_))));
        assert!(matches!(text(b"%PDF-1.4\n%%EOF"), Err(PdfError::Malformed(_))));
    }
}
