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
//! character recognition here. So are an encrypted PDF and a damaged one.
//!
//! Every stream is decompressed at most once (a stream shared by many pages
//! too), and limits on one stream, on all of them, on the content read
//! across pages and on the text taken bound memory and time whatever the
//! file: past one, the PDF is refused ([`PdfError::TooLarge`]).

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{DecompressError, Document as Pdf, Encoding, Error as LopdfError, LoadOptions, Object, ObjectId};

/// The most one stream (a page's content, a font's `ToUnicode` map, an
/// object stream) may decompress to, and the most content one page may have.
/// (A page of an outcome document has tens of KB; parsing content costs
/// some 80 bytes of memory per byte, so this also bounds memory.)
pub const MAX_STREAM_BYTES: usize = 4 * 1024 * 1024;
/// The most all the streams of a document may decompress to together, a
/// stream shared by many pages counted once (it is decompressed once).
pub const MAX_DECOMPRESSED_BYTES: usize = 64 * 1024 * 1024;
/// The most content parsed across all pages: this bounds the time spent. A
/// page showing the same streams in the same fonts as an earlier one is not
/// parsed again (its text is reused), so shared streams do not multiply it.
pub const MAX_READ_BYTES: usize = 64 * 1024 * 1024;
/// The most text taken from a document (a UN outcome document has well
/// under 1 MiB).
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;
/// A `TJ` adjustment (thousandths of an em, negative = move right) this wide
/// is a space between words.
const TJ_SPACE: f32 = 200.0;

/// Why a PDF's text could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF `lopdf` can read at all: damaged, truncated, or not a PDF.
    #[error("not a readable PDF (damaged, truncated, or not a PDF at all): {0}")]
    Malformed(String),
    /// Encrypted, and the empty password does not open it.
    #[error(
        "this PDF is encrypted with a password; open it with the password in a PDF reader and save an unprotected copy, or open a .txt copy"
    )]
    Encrypted,
    /// Damaged or truncated: pages or their contents are missing or unreadable.
    #[error("this PDF is damaged or truncated ({0}); no text could be read from it")]
    Damaged(String),
    /// Pages that read, but no text on any of them: a scanned document.
    #[error(
        "this PDF has no text layer ({pages} page(s) of images only, probably a scan); run it through OCR or open a .txt copy"
    )]
    NoText {
        /// Number of pages.
        pages: usize,
    },
    /// Past one of the limits ([`MAX_STREAM_BYTES`], [`MAX_DECOMPRESSED_BYTES`],
    /// [`MAX_READ_BYTES`], [`MAX_TEXT_BYTES`]): a decompression bomb, or
    /// far larger than any outcome document.
    #[error("this PDF is refused: {what} exceeds {limit_mib} MiB{}", at_page(*.page))]
    TooLarge {
        /// What overflowed.
        what: &'static str,
        /// The limit, in MiB.
        limit_mib: usize,
        /// The 1-based page where it happened (0: while loading).
        page: usize,
    },
}

/// What a page's text depends on: its content streams, and its fonts by
/// name (the address of each font's encoding in [`Budget::fonts`]).
type PageKey = (Vec<ObjectId>, Vec<(Vec<u8>, usize)>);

/// ` (at page 3)`, or nothing for 0.
fn at_page(page: usize) -> String {
    if page == 0 { String::new() } else { format!(" (at page {page})") }
}

/// What reading the pages has used so far.
struct Budget<'a> {
    /// Decompressed content streams by object, each decompressed once.
    streams: HashMap<ObjectId, Rc<Vec<u8>>>,
    /// Font encodings by font dictionary (its address in the document).
    fonts: HashMap<usize, Option<Rc<Encoding<'a>>>>,
    /// Page texts by what makes them: content streams and fonts.
    pages: HashMap<PageKey, Rc<String>>,
    /// Bytes decompressed, each stream once.
    decompressed: usize,
    /// Content bytes read, a shared stream once per page.
    read: usize,
    /// Text bytes taken.
    text: usize,
    /// The 1-based page being read.
    page: usize,
}

impl Budget<'_> {
    fn too_large(&self, what: &'static str, limit: usize) -> PdfError {
        PdfError::TooLarge { what, limit_mib: limit / (1024 * 1024), page: self.page }
    }

    /// Decompresses `stream` within the limits, charging it once.
    fn decompress(&mut self, stream: &lopdf::Stream, what: &'static str) -> Result<Vec<u8>, PdfError> {
        let remaining = MAX_DECOMPRESSED_BYTES.saturating_sub(self.decompressed);
        let limit = MAX_STREAM_BYTES.min(remaining);
        let over = |budget: &Self| {
            if limit < MAX_STREAM_BYTES {
                budget.too_large("the decompressed content of all its streams", MAX_DECOMPRESSED_BYTES)
            } else {
                budget.too_large(what, MAX_STREAM_BYTES)
            }
        };
        let bytes = match stream.decompressed_content_with_limit(limit) {
            Ok(bytes) => bytes,
            Err(LopdfError::Decompress(DecompressError::MemoryLimitExceeded { .. })) => return Err(over(self)),
            // As lopdf does: a stream that does not decode is taken as it is.
            Err(_) if stream.content.len() <= limit => stream.content.clone(),
            Err(_) => return Err(over(self)),
        };
        self.decompressed += bytes.len();
        Ok(bytes)
    }
}

/// The text of every page of the PDF in `bytes`, in page order.
///
/// Shared streams are decompressed once; the limits ([`MAX_STREAM_BYTES`],
/// [`MAX_DECOMPRESSED_BYTES`], [`MAX_READ_BYTES`], [`MAX_TEXT_BYTES`]) bound
/// memory and time for any input.
///
/// # Errors
///
/// [`PdfError::Malformed`] when the file cannot be read as a PDF;
/// [`PdfError::Encrypted`] when it needs a password; [`PdfError::Damaged`]
/// when pages or their contents are missing or unreadable;
/// [`PdfError::NoText`] when readable pages have no text at all;
/// [`PdfError::TooLarge`] past a limit.
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM_BYTES), ..LoadOptions::default() };
    let pdf = Pdf::load_mem_with_options(bytes, options).map_err(|e| match e {
        LopdfError::Decompress(DecompressError::MemoryLimitExceeded { .. }) => {
            PdfError::TooLarge { what: "one of its object streams", limit_mib: MAX_STREAM_BYTES >> 20, page: 0 }
        }
        LopdfError::InvalidPassword => PdfError::Encrypted,
        other => PdfError::Malformed(other.to_string()),
    })?;
    if pdf.is_encrypted() && !pdf.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let pages = pdf.get_pages();
    if pages.is_empty() {
        let why = if pdf.xref_recovery.is_some() { "no pages found in what remains" } else { "no pages" };
        return Err(PdfError::Damaged(why.into()));
    }
    let mut budget = Budget {
        streams: HashMap::new(),
        fonts: HashMap::new(),
        pages: HashMap::new(),
        decompressed: 0,
        read: 0,
        text: 0,
        page: 0,
    };
    let mut out = String::new();
    for (number, page_id) in &pages {
        budget.page = *number as usize;
        let page = page_text(&pdf, *page_id, &mut budget)?;
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&page);
    }
    if out.trim().is_empty() {
        // A file whose cross-reference table had to be rebuilt (a truncated
        // download, a damaged copy) is damaged, not a scan.
        if pdf.xref_recovery.is_some() {
            return Err(PdfError::Damaged("its cross-reference table is missing or broken".into()));
        }
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(out)
}

/// The font encodings of a page, each font's read once per document.
fn page_encodings<'a>(
    pdf: &'a Pdf,
    page_id: ObjectId,
    budget: &mut Budget<'a>,
) -> Result<BTreeMap<Vec<u8>, Rc<Encoding<'a>>>, PdfError> {
    let damaged = |e: LopdfError| PdfError::Damaged(format!("page {}: {e}", budget.page));
    let fonts = pdf.get_page_fonts(page_id).map_err(damaged)?;
    let mut out = BTreeMap::new();
    for (name, font) in fonts {
        let key = std::ptr::from_ref(font) as usize;
        let cached = match budget.fonts.get(&key) {
            Some(cached) => cached.clone(),
            None => {
                // Charge the ToUnicode map's size before lopdf decodes it again.
                if let Ok(stream) = font.get_deref(b"ToUnicode", pdf).and_then(Object::as_stream) {
                    budget.decompress(stream, "a font's ToUnicode map")?;
                }
                let encoding = match font.get_font_encoding_with_limit(pdf, MAX_STREAM_BYTES) {
                    Ok(e) => Some(Rc::new(e)),
                    // An encoding lopdf cannot read: the bytes are shown as they are.
                    Err(LopdfError::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                        return Err(budget.too_large("a font's ToUnicode map", MAX_STREAM_BYTES));
                    }
                    Err(_) => None,
                };
                budget.fonts.insert(key, encoding.clone());
                encoding
            }
        };
        if let Some(e) = cached {
            out.insert(name, e);
        }
    }
    Ok(out)
}
/// One page's lines.
fn page_text<'a>(pdf: &'a Pdf, page_id: ObjectId, budget: &mut Budget<'a>) -> Result<Rc<String>, PdfError> {
    if pdf.get_dictionary(page_id).is_err() {
        return Err(PdfError::Damaged(format!("page {} is missing", budget.page)));
    }
    let encodings = page_encodings(pdf, page_id, budget)?;
    let stream_ids = pdf.get_page_contents(page_id);
    let fonts = encodings.iter().map(|(name, e)| (name.clone(), Rc::as_ptr(e).addr())).collect();
    let key: PageKey = (stream_ids, fonts);
    if let Some(text) = budget.pages.get(&key).cloned() {
        budget.text += text.len();
        if budget.text > MAX_TEXT_BYTES {
            return Err(budget.too_large("its text", MAX_TEXT_BYTES));
        }
        return Ok(text);
    }
    let mut content = Vec::new();
    for &stream_id in &key.0 {
        let bytes = match budget.streams.get(&stream_id) {
            Some(bytes) => Rc::clone(bytes),
            None => {
                let stream = pdf.get_object(stream_id).and_then(Object::as_stream).map_err(|_| {
                    PdfError::Damaged(format!(
                        "page {}: its content (object {} {}) is missing",
                        budget.page, stream_id.0, stream_id.1
                    ))
                })?;
                let bytes = Rc::new(budget.decompress(stream, "one content stream")?);
                budget.streams.insert(stream_id, Rc::clone(&bytes));
                bytes
            }
        };
        if content.len() + bytes.len() > MAX_STREAM_BYTES {
            return Err(budget.too_large("the content of one page", MAX_STREAM_BYTES));
        }
        budget.read += bytes.len();
        if budget.read > MAX_READ_BYTES {
            return Err(budget.too_large("the content parsed across its pages", MAX_READ_BYTES));
        }
        content.extend_from_slice(&bytes);
        content.push(b'\n');
    }
    let content = Content::decode(&content)
        .map_err(|e| PdfError::Damaged(format!("page {}: its content does not decode: {e}", budget.page)))?;
    let limit = MAX_TEXT_BYTES.saturating_sub(budget.text);
    let (text, complete) = walk_limited(&content.operations, &encodings, limit);
    if !complete {
        return Err(budget.too_large("its text", MAX_TEXT_BYTES));
    }
    budget.text += text.len();
    let text = Rc::new(text);
    budget.pages.insert(key, Rc::clone(&text));
    Ok(text)
}

/// The lines shown by a content stream's operations.
#[cfg(test)]
fn walk(operations: &[Operation], encodings: &BTreeMap<Vec<u8>, Rc<Encoding<'_>>>) -> String {
    walk_limited(operations, encodings, usize::MAX).0
}

/// The lines shown by a content stream's operations, stopping once past
/// `limit` bytes (then `false`: the text is incomplete).
fn walk_limited(
    operations: &[Operation],
    encodings: &BTreeMap<Vec<u8>, Rc<Encoding<'_>>>,
    limit: usize,
) -> (String, bool) {
    let mut lines = Lines::default();
    let mut encoding: Option<&Encoding<'_>> = None;
    for op in operations {
        if lines.text.len() > limit {
            return (lines.text, false);
        }
        let operands = op.operands.as_slice();
        match op.operator.as_str() {
            "Tf" => {
                encoding = operands.first().and_then(|o| o.as_name().ok()).and_then(|n| encodings.get(n)).map(|e| &**e);
            }
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
    let complete = lines.text.len() <= limit;
    (lines.text, complete)
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
