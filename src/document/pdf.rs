//! The text layer of a PDF, as lines, through `lopdf`.
//!
//! Each page's content stream is walked once. Text-showing operators (`Tj`,
//! `TJ`, `'`, `"`) add their strings, decoded with the font's encoding (its
//! `ToUnicode` map when it has one); a move to another baseline (`Td`/`TD`
//! with a vertical offset, `T*`, a new `Tm` row, `'`, `"`, `ET`) ends the
//! line; a move along the same baseline or a wide `TJ` gap is a space. Text
//! drawn inside a Form XObject (`Do`) is read where it is drawn, with the
//! form's own fonts (forms within forms too, loops cut). Pages
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
//! file: past one, the PDF is refused ([`PdfError::TooLarge`]). Parsing is
//! bounded too, before the PDF library sees the file: the cross-reference
//! entries it declares ([`MAX_XREF_ENTRIES`]), the objects read
//! ([`MAX_OBJECTS`]), each object stream's index ([`MAX_OBJECT_STREAM_ENTRIES`],
//! offsets in order) and the codes of a font's `ToUnicode` ranges
//! ([`MAX_TO_UNICODE_CODES`]); each refusal is one sentence.

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
/// The most codes the `bfrange` sections of one font's `ToUnicode` map may
/// cover together. Codes are one to four bytes, but a real map covers at
/// most the 65,536 two-byte codes of a CID font (the PDF library lists
/// every code of every range, so `<00000000> <FFFFFFFF>` would be four
/// billion entries).
pub const MAX_TO_UNICODE_CODES: u64 = 1 << 18;
/// The most entries the cross-reference data of a document may declare
/// (its `/Size`, or the counts of an `/Index`). An outcome document of a
/// few hundred pages has some tens of thousands of objects.
pub const MAX_XREF_ENTRIES: u64 = 250_000;
/// The most objects one object stream may hold (writers put some hundred
/// in each).
pub const MAX_OBJECT_STREAM_ENTRIES: usize = 10_000;
/// The most objects read while loading a document, object streams' included.
pub const MAX_OBJECTS: usize = 500_000;
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
    /// The file's structure asks for more parsing than any real document
    /// does (too many cross-reference entries or objects, an object stream
    /// whose objects share places); the sentence says which.
    #[error("this PDF is refused: {0}")]
    Refused(String),
    /// A font's `ToUnicode` map whose ranges cover more than
    /// [`MAX_TO_UNICODE_CODES`] codes.
    #[error(
        "this PDF is refused: a font's ToUnicode map covers {codes} character codes, more than the {limit} any real font needs{}",
        at_page(*.page)
    )]
    TooManyCodes {
        /// Codes its ranges cover.
        codes: u64,
        /// [`MAX_TO_UNICODE_CODES`].
        limit: u64,
        /// The 1-based page whose font it is.
        page: usize,
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

/// What a page's text depends on: its content streams, its fonts by name
/// (the address of each font's encoding in [`Budget::fonts`]), and its
/// XObject dictionaries (by address), whose forms it may draw.
type PageKey = (Vec<ObjectId>, Vec<(Vec<u8>, usize)>, Vec<usize>);

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
    /// Streams whose compressed data does not decompress.
    corrupt: usize,
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
            // The library gives nothing (not an error) for data that does not inflate.
            Ok(bytes)
                if bytes.is_empty() && !stream.content.is_empty() && stream.filters().is_ok_and(|f| !f.is_empty()) =>
            {
                self.corrupt += 1;
                bytes
            }
            Ok(bytes) => bytes,
            Err(LopdfError::Decompress(DecompressError::MemoryLimitExceeded { .. })) => return Err(over(self)),
            // As lopdf does: a stream that does not decode is taken as it is
            // (and remembered: a file without text because of it is damaged).
            Err(_) if stream.content.len() <= limit => {
                self.corrupt += 1;
                stream.content.clone()
            }
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
    prescan(bytes)?;
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        filter: Some(load_filter),
        ..LoadOptions::default()
    };
    LOADING.with(|state| *state.borrow_mut() = Loading::default());
    let loaded = Pdf::load_mem_with_options(bytes, options);
    if let Some(refusal) = LOADING.with(|state| state.borrow_mut().refusal.take()) {
        return Err(refusal);
    }
    let pdf = loaded.map_err(|e| match e {
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
        corrupt: 0,
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
        if budget.corrupt > 0 {
            return Err(PdfError::Damaged(format!("{} of its streams do not decompress", budget.corrupt)));
        }
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(out)
}

/// Counts the cross-reference entries the file declares, before the PDF
/// library allocates and parses them: every `/Size` number and the counts
/// of every `/Index` array (of cross-reference streams and trailers, in
/// the file's uncompressed bytes, where they must be).
fn prescan(bytes: &[u8]) -> Result<(), PdfError> {
    let too_many = |n: u64| {
        PdfError::Refused(format!(
            "its cross-reference data declares {n} objects, more than the {MAX_XREF_ENTRIES} of any real document"
        ))
    };
    for (key, after) in [(&b"/Size"[..], false), (&b"/Index"[..], true)] {
        let mut rest = bytes;
        while let Some(at) = find(rest, key) {
            rest = &rest[at + key.len()..];
            let declared = if after { index_count(rest) } else { integer_at(rest).unwrap_or(0) };
            if declared > MAX_XREF_ENTRIES {
                return Err(too_many(declared));
            }
        }
    }
    Ok(())
}

/// The whole number just after whitespace at the start of `bytes`.
fn integer_at(bytes: &[u8]) -> Option<u64> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let digits: Vec<u8> = bytes[start..].iter().take_while(|b| b.is_ascii_digit()).copied().collect();
    if digits.is_empty() {
        return None;
    }
    Some(std::str::from_utf8(&digits).ok()?.parse::<u64>().unwrap_or(u64::MAX))
}

/// The sum of the counts (every second number) of an `/Index [s c s c …]` array.
fn index_count(bytes: &[u8]) -> u64 {
    let Some(open) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else { return 0 };
    if bytes[open] != b'[' {
        return 0;
    }
    let end = bytes[open..].iter().position(|&b| b == b']').map_or(bytes.len(), |p| open + p);
    let inside = std::str::from_utf8(&bytes[open + 1..end]).unwrap_or_default();
    inside
        .split_ascii_whitespace()
        .skip(1)
        .step_by(2)
        .map(|n| n.parse::<u64>().unwrap_or(u64::MAX))
        .fold(0u64, u64::saturating_add)
}

/// What loading has seen so far (the PDF library calls [`load_filter`],
/// a plain function, for each object it reads).
#[derive(Default)]
struct Loading {
    /// Objects read.
    objects: usize,
    /// Bytes of object streams decompressed to check them.
    decompressed: usize,
    /// Why the document is refused, once it is.
    refusal: Option<PdfError>,
}

thread_local! {
    static LOADING: std::cell::RefCell<Loading> = std::cell::RefCell::new(Loading::default());
}

/// Called by the PDF library for each object it has read: counts them,
/// and checks each object stream before the library parses its objects.
/// Once the document is refused, nothing more is kept.
fn load_filter(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    LOADING.with(|state| {
        let mut state = state.borrow_mut();
        if state.refusal.is_some() {
            return None;
        }
        state.objects += 1;
        if state.objects > MAX_OBJECTS {
            state.refusal = Some(PdfError::Refused(format!("it holds more than {MAX_OBJECTS} objects")));
            return None;
        }
        if let Object::Stream(stream) = &*object
            && stream.dict.has_type(b"ObjStm")
            && let Err(refusal) = check_object_stream(stream, &mut state.decompressed)
        {
            state.refusal = Some(refusal);
            return None;
        }
        Some((id, object.clone()))
    })
}

/// An object stream's index: at most [`MAX_OBJECT_STREAM_ENTRIES`]
/// objects, at offsets that increase (each object in a place of its own:
/// the library parses each from its offset to the end of the object, so
/// offsets repeated or going back would parse one large object many times).
fn check_object_stream(stream: &lopdf::Stream, decompressed: &mut usize) -> Result<(), PdfError> {
    let Ok(content) = stream.decompressed_content_with_limit(MAX_STREAM_BYTES) else {
        return Ok(()); // the library reports (or skips) it
    };
    *decompressed += content.len();
    if *decompressed > MAX_DECOMPRESSED_BYTES {
        return Err(PdfError::TooLarge {
            what: "the decompressed content of its object streams",
            limit_mib: MAX_DECOMPRESSED_BYTES >> 20,
            page: 0,
        });
    }
    let first = stream.dict.get(b"First").and_then(Object::as_i64).ok().and_then(|f| usize::try_from(f).ok());
    let Some(header) = first.and_then(|f| content.get(..f)) else { return Ok(()) };
    let numbers: Vec<u64> = header
        .split(|b| b.is_ascii_whitespace())
        .filter(|n| !n.is_empty())
        .map(|n| std::str::from_utf8(n).ok().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX))
        .collect();
    let entries = numbers.len() / 2;
    if entries > MAX_OBJECT_STREAM_ENTRIES {
        return Err(PdfError::Refused(format!(
            "an object stream lists {entries} objects, more than the {MAX_OBJECT_STREAM_ENTRIES} any writer puts in one"
        )));
    }
    let offsets: Vec<u64> = numbers.iter().skip(1).step_by(2).copied().collect();
    if offsets.windows(2).any(|w| w[1] <= w[0]) {
        let places = offsets.iter().collect::<std::collections::BTreeSet<_>>().len();
        return Err(PdfError::Refused(format!(
            "the offsets of an object stream do not increase from one object to the next ({entries} objects at {places} distinct offsets)"
        )));
    }
    Ok(())
}

/// Font encodings by the name a content stream selects them with.
type Encodings<'a> = BTreeMap<Vec<u8>, Rc<Encoding<'a>>>;

/// The font encodings of a page, each font's read once per document.
fn page_encodings<'a>(pdf: &'a Pdf, page_id: ObjectId, budget: &mut Budget<'a>) -> Result<Encodings<'a>, PdfError> {
    let damaged = |e: LopdfError| PdfError::Damaged(format!("page {}: {e}", budget.page));
    let fonts = pdf.get_page_fonts(page_id).map_err(damaged)?;
    font_encodings(pdf, fonts, budget)
}

/// The fonts of a resource dictionary (a Form XObject's), by name.
fn resource_fonts<'a>(pdf: &'a Pdf, resources: &'a lopdf::Dictionary) -> BTreeMap<Vec<u8>, &'a lopdf::Dictionary> {
    let Ok(fonts) = pdf.get_dict_in_dict(resources, b"Font") else { return BTreeMap::new() };
    fonts
        .iter()
        .filter_map(|(name, font)| {
            let font = match font {
                Object::Reference(id) => pdf.get_dictionary(*id).ok()?,
                Object::Dictionary(dict) => dict,
                _ => return None,
            };
            Some((name.clone(), font))
        })
        .collect()
}

/// The resource dictionaries of a page: its own (or inherited) one written
/// in place, then those it and its ancestors refer to.
fn page_resources(pdf: &Pdf, page_id: ObjectId) -> Vec<&lopdf::Dictionary> {
    let Ok((direct, ids)) = pdf.get_page_resources(page_id) else { return Vec::new() };
    direct.into_iter().chain(ids.iter().filter_map(|id| pdf.get_dictionary(*id).ok())).collect()
}

/// The encoding the PDF library can decode for a font's `/Encoding` name
/// it does not know itself: the predefined Unicode CJK CMaps
/// (`UniJIS-UCS2-H`, `UniKS-UTF16-V`, …) all take UTF-16 codes, like the
/// one it knows (`UniGB-UCS2-H`); any other name falls back to the
/// standard Windows encoding rather than losing the text.
fn simple_encoding(name: &[u8]) -> &[u8] {
    const UTF16: &[u8] = b"UniGB-UCS2-H";
    const KNOWN: [&[u8]; 3] = [b"UniGB-UCS2-H", b"UniGB-UTF16-H", b"WinAnsiEncoding"];
    if KNOWN.contains(&name) {
        return name;
    }
    let text = String::from_utf8_lossy(name);
    if text.starts_with("Uni") && (text.contains("-UCS2-") || text.contains("-UTF16-")) {
        UTF16
    } else {
        b"WinAnsiEncoding"
    }
}

/// How deep Form XObjects drawn inside Form XObjects are followed.
const MAX_FORM_DEPTH: usize = 12;

/// The text of the Form XObject `name` of `resources` (a page's, or an
/// enclosing form's), drawn by a `Do`; `None` for an image, a name not
/// found, a form already being drawn (a loop) or nested too deep. Its
/// stream is decompressed once and charged like a page's content.
fn form_text<'a>(
    pdf: &'a Pdf,
    resources: &[&'a lopdf::Dictionary],
    name: &[u8],
    encodings: &Encodings<'a>,
    budget: &mut Budget<'a>,
    drawing: &mut Vec<ObjectId>,
) -> Result<Option<String>, PdfError> {
    if drawing.len() >= MAX_FORM_DEPTH {
        return Ok(None);
    }
    let found =
        resources.iter().find_map(|r| pdf.get_dict_in_dict(r, b"XObject").ok()?.get(name).ok()?.as_reference().ok());
    let Some(id) = found.filter(|id| !drawing.contains(id)) else { return Ok(None) };
    let Ok(stream) = pdf.get_object(id).and_then(Object::as_stream) else { return Ok(None) };
    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(&b"Form"[..]) {
        return Ok(None);
    }
    let bytes = match budget.streams.get(&id) {
        Some(bytes) => Rc::clone(bytes),
        None => {
            let bytes = Rc::new(budget.decompress(stream, "one form's content")?);
            budget.streams.insert(id, Rc::clone(&bytes));
            bytes
        }
    };
    budget.read += bytes.len();
    if budget.read > MAX_READ_BYTES {
        return Err(budget.too_large("the content parsed across its pages", MAX_READ_BYTES));
    }
    let Ok(content) = Content::decode(&bytes) else { return Ok(None) };
    // A form's own resources, else (as older files do) the page's.
    let own = stream.dict.get_deref(b"Resources", pdf).and_then(Object::as_dict).ok();
    let (resources, encodings) = match own {
        Some(own) => (vec![own], font_encodings(pdf, resource_fonts(pdf, own), budget)?),
        None => (resources.to_vec(), encodings.clone()),
    };
    drawing.push(id);
    let mut failure = None;
    let limit = MAX_TEXT_BYTES.saturating_sub(budget.text);
    let (text, _) = walk_limited(&content.operations, &encodings, limit, &mut |inner| match form_text(
        pdf, &resources, inner, &encodings, budget, drawing,
    ) {
        Ok(text) => text,
        Err(e) => {
            failure.get_or_insert(e);
            None
        }
    });
    drawing.pop();
    match failure {
        Some(e) => Err(e),
        None => Ok(Some(text)),
    }
}

/// The encodings of `fonts`, each font's read once per document.
fn font_encodings<'a>(
    pdf: &'a Pdf,
    fonts: BTreeMap<Vec<u8>, &'a lopdf::Dictionary>,
    budget: &mut Budget<'a>,
) -> Result<Encodings<'a>, PdfError> {
    let mut out = BTreeMap::new();
    for (name, font) in fonts {
        let key = std::ptr::from_ref(font) as usize;
        let cached = match budget.fonts.get(&key) {
            Some(cached) => cached.clone(),
            None => {
                // Charge the ToUnicode map's size before lopdf decodes it again.
                if let Ok(stream) = font.get_deref(b"ToUnicode", pdf).and_then(Object::as_stream) {
                    let map = budget.decompress(stream, "a font's ToUnicode map")?;
                    let codes = range_codes(&map);
                    if codes > MAX_TO_UNICODE_CODES {
                        return Err(PdfError::TooManyCodes { codes, limit: MAX_TO_UNICODE_CODES, page: budget.page });
                    }
                }
                let encoding = match font.get_font_encoding_with_limit(pdf, MAX_STREAM_BYTES) {
                    Ok(Encoding::SimpleEncoding(name)) => {
                        Some(Rc::new(Encoding::SimpleEncoding(simple_encoding(name))))
                    }
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
/// How many codes the `bfrange` sections of a `ToUnicode` map cover
/// together (`<lo> <hi> …`: `hi - lo + 1` each), saturating; checked before
/// the PDF library lists them one by one.
fn range_codes(map: &[u8]) -> u64 {
    let mut total: u64 = 0;
    let mut rest = map;
    while let Some(start) = find(rest, b"beginbfrange") {
        let section = &rest[start + b"beginbfrange".len()..];
        let end = find(section, b"endbfrange").unwrap_or(section.len());
        total = total.saturating_add(section_codes(&section[..end]));
        rest = &section[end..];
    }
    total
}

/// The codes of one `bfrange` section: its entries are `<lo> <hi>` then a
/// destination (`<hex>` or `[…]`, skipped).
fn section_codes(section: &[u8]) -> u64 {
    let mut total: u64 = 0;
    let mut ends: Vec<u64> = Vec::with_capacity(2);
    let mut i = 0;
    while let Some(&b) = section.get(i) {
        match b {
            b'<' => {
                let close = section[i..].iter().position(|&c| c == b'>').map_or(section.len(), |p| i + p);
                let value = hex_value(&section[i + 1..close]);
                if ends.len() == 2 {
                    ends.clear(); // a destination
                } else {
                    ends.push(value);
                    if let [lo, hi] = ends[..] {
                        total = total.saturating_add(hi.saturating_sub(lo).saturating_add(1));
                    }
                }
                i = close + 1;
            }
            b'[' => {
                let close = section[i..].iter().position(|&c| c == b']').map_or(section.len(), |p| i + p);
                ends.clear();
                i = close + 1;
            }
            _ => i += 1,
        }
    }
    total
}

/// A hex string's value (whitespace ignored), saturating past 64 bits.
fn hex_value(digits: &[u8]) -> u64 {
    digits
        .iter()
        .filter_map(|&d| char::from(d).to_digit(16))
        .fold(0u64, |v, d| v.checked_mul(16).and_then(|v| v.checked_add(u64::from(d))).unwrap_or(u64::MAX))
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// One page's lines.
fn page_text<'a>(pdf: &'a Pdf, page_id: ObjectId, budget: &mut Budget<'a>) -> Result<Rc<String>, PdfError> {
    if pdf.get_dictionary(page_id).is_err() {
        return Err(PdfError::Damaged(format!("page {} is missing", budget.page)));
    }
    let encodings = page_encodings(pdf, page_id, budget)?;
    let resources = page_resources(pdf, page_id);
    let stream_ids = pdf.get_page_contents(page_id);
    let fonts = encodings.iter().map(|(name, e)| (name.clone(), Rc::as_ptr(e).addr())).collect();
    let forms = resources
        .iter()
        .filter_map(|r| pdf.get_dict_in_dict(r, b"XObject").ok())
        .map(|d| std::ptr::from_ref(d).addr())
        .collect();
    let key: PageKey = (stream_ids, fonts, forms);
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
    let mut failure = None;
    let mut drawing = Vec::new();
    let (text, complete) = walk_limited(&content.operations, &encodings, limit, &mut |name| match form_text(
        pdf,
        &resources,
        name,
        &encodings,
        budget,
        &mut drawing,
    ) {
        Ok(text) => text,
        Err(e) => {
            failure.get_or_insert(e);
            None
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
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
    walk_limited(operations, encodings, usize::MAX, &mut |_| None).0
}

/// The lines shown by a content stream's operations, stopping once past
/// `limit` bytes (then `false`: the text is incomplete); `forms` gives the
/// text of a Form XObject drawn with `Do`.
fn walk_limited(
    operations: &[Operation],
    encodings: &BTreeMap<Vec<u8>, Rc<Encoding<'_>>>,
    limit: usize,
    forms: &mut dyn FnMut(&[u8]) -> Option<String>,
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
            // A Form XObject drawn here: its text, on lines of its own.
            "Do" => {
                if let Some(text) = operands.first().and_then(|o| o.as_name().ok()).and_then(&mut *forms)
                    && !text.trim().is_empty()
                {
                    lines.break_line();
                    lines.text.push_str(&text);
                    lines.break_line();
                }
            }
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
    fn to_unicode_ranges_are_counted_before_they_are_listed() {
        let map = "/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                   2 beginbfrange\n<0020> <007E> <0020>\n<0100> <0101> [<0041> <0042>]\nendbfrange\n";
        assert_eq!(range_codes(map.as_bytes()), 95 + 2);
        let all = format!("{map}1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange");
        assert_eq!(range_codes(all.as_bytes()), 95 + 2 + (1 << 32));
        assert_eq!(range_codes(b"1 beginbfrange <0 0 0 1> <00 05> <0041> endbfrange"), 5);
        assert_eq!(range_codes(b"1 beginbfrange <FFFFFFFFFFFFFFFFFF> <0> <0041> endbfrange"), 1, "hi below lo");
        assert_eq!(range_codes(b""), 0);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        assert!(matches!(text(b"not a pdf"), Err(PdfError::Malformed(_))));
        assert!(matches!(text(b""), Err(PdfError::Malformed(_))));
        assert!(matches!(text(b"%PDF-1.4\n%%EOF"), Err(PdfError::Malformed(_))));
    }
}
