//! Plain text → [`Document`]. Accepts any text without panicking.

use super::{Document, Paragraph, Section};

/// A fatal problem reading a document's bytes.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    /// The bytes are not UTF-8.
    #[error("not UTF-8 text: invalid byte at offset {offset} (line {line}); save the file as UTF-8")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
}

/// Something the parser could not make sense of; the document is still usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWarning {
    /// 1-based source line.
    pub line: usize,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// Parses raw bytes: strips a UTF-8 byte-order mark, rejects non-UTF-8.
///
/// # Errors
///
/// [`ParseError::NotUtf8`] when the bytes are not UTF-8.
pub fn parse_bytes(id: &str, source: &str, bytes: &[u8]) -> Result<Document, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(parse(id, source, text)),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(ParseError::NotUtf8 { offset, line })
        }
    }
}

/// Parses a document's text. Never fails: what it cannot place becomes a
/// [`ParseWarning`].
#[must_use]
pub fn parse(id: &str, source: &str, text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default().to_owned();
    let mut doc = Document {
        id: id.to_owned(),
        title,
        source: source.to_owned(),
        sections: vec![Section { key: "preamble".into(), title: "Preamble".into(), level: 0, parent: None }],
        paragraphs: Vec::new(),
        warnings: Vec::new(),
    };
    for (n, line) in lines.enumerate() {
        doc.paragraphs.push(Paragraph { number: n as u32 + 1, section: 0, text: line.to_owned(), line: n + 2 });
    }
    doc
}
