//! Integration tests: hostile inputs and hostile surroundings (issue 15) —
//! closed and full standard output, PDF decompression bombs, unbounded
//! sources, encrypted and damaged PDFs, library log noise, bad --scale,
//! annotation files with a byte-order mark or duplicate keys, `layout`
//! against an existing --out, and `--ticks` without an upper bound.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use lopdf::content::{Content, Operation};
use lopdf::{Document as Pdf, Object, Stream, dictionary};
use wsis_atlas::document::pdf::{self, PdfError};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wsis-atlas"));
    c.env_remove("RUST_LOG");
    c
}

fn atlas(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A small graph file for `layout`.
fn graph_file(dir: &Path) -> String {
    let path = dir.join("g.json");
    std::fs::write(&path, r#"{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[{"source":"a","target":"b"}]}"#)
        .expect("write");
    path.to_string_lossy().into_owned()
}

/// A PDF whose `pages` pages all show `content` — one stream shared by
/// every page, or one copy each — flate-compressed, in Helvetica.
fn pdf_sharing(pages: usize, content: &[u8], shared: bool) -> Vec<u8> {
    pdf_of(pages, content, shared, false)
}

/// [`pdf_sharing`], with a font object of its own for each page when `own_fonts`.
fn pdf_of(pages: usize, content: &[u8], shared: bool, own_fonts: bool) -> Vec<u8> {
    let mut pdf = Pdf::with_version("1.5");
    let pages_id = pdf.new_object_id();
    let font_id = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = pdf.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let stream = || {
        let mut s = Stream::new(dictionary! {}, content.to_vec());
        s.compress().expect("compress");
        s
    };
    let shared_id = pdf.add_object(stream());
    let mut kids = Vec::new();
    for _ in 0..pages {
        let content_id = if shared { shared_id } else { pdf.add_object(stream()) };
        let mut page = dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id };
        if own_fonts {
            let font = pdf.add_object(dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
            });
            page.set("Resources", dictionary! { "Font" => dictionary! { "F1" => font } });
        }
        kids.push(pdf.add_object(page).into());
    }
    let count = i64::try_from(kids.len()).unwrap_or(0);
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    pdf.save_to(&mut out).expect("save");
    out
}

/// A content stream showing `line` `n` times.
fn showing(line: &str, n: usize) -> Vec<u8> {
    let mut operations = vec![Operation::new("BT", vec![]), Operation::new("Tf", vec!["F1".into(), 10.into()])];
    for _ in 0..n {
        operations.push(Operation::new("Tj", vec![Object::string_literal(line.as_bytes().to_vec())]));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    Content { operations }.encode().expect("encode")
}

/// One page of ordinary text.
fn small_pdf() -> Vec<u8> {
    pdf_sharing(1, &showing("1. Recalling resolution 70/125 on the information society,", 3), true)
}

// ---- 1. closed or full standard output ----

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_one_line_and_exit_1_for_every_subcommand() -> TestResult {
    let dir = tempfile::tempdir()?;
    let graph = graph_file(dir.path());
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");
    let runs: [&[&str]; 7] = [
        &["stats"],
        &["outline"],
        &["annotations", "export", example],
        &["check-annotations", example],
        &["export"],
        &["layout", "--input", &graph, "--ticks", "5"],
        &["stats", "--help"],
    ];
    for args in runs {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full")?;
        let out = bin().args(args).stdout(full).output()?;
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        let last = err.lines().last().unwrap_or_default();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(last, "wsis-atlas: cannot write to standard output: No space left on device (os error 28)");
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() -> TestResult {
    let dir = tempfile::tempdir()?;
    let graph = graph_file(dir.path());
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format": "wsis-atlas-annotations", "version": 1, "annotations": [{"id": "a-1", "target": "nowhere", "created": "2025-01-02T03:04:05Z", "modified": "2025-01-02T03:04:05Z"}]}"#,
    )?;
    let bad = bad.to_string_lossy().into_owned();
    let runs: [(&[&str], i32); 5] = [
        (&["stats"], 0),
        (&["check-annotations", example], 0),
        // The exit code still says the file is not valid.
        (&["check-annotations", &bad], 1),
        (&["export"], 0),
        (&["layout", "--input", &graph, "--ticks", "5"], 0),
    ];
    for (args, code) in runs {
        let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
        drop(child.stdout.take()); // `| head -0`: the reader is gone before anything is written
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            e.read_to_string(&mut err)?;
        }
        let status = child.wait()?;
        assert_eq!(status.code(), Some(code), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
    }
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_an_error_not_a_silent_success() {
    for args in ["export", "stats", "outline", "layout --input /dev/null"] {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >&-"))
            .arg(env!("CARGO_BIN_EXE_wsis-atlas"))
            .output()
            .expect("sh runs");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args}: {err}");
        assert!(err.contains("standard output is closed"), "{args}: {err}");
    }
    // A shell's `>/dev/null` is not closed: that works as before.
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" stats >/dev/null")
        .arg(env!("CARGO_BIN_EXE_wsis-atlas"))
        .output()
        .expect("sh runs");
    assert!(out.status.success(), "{}", stderr(&out));
}

// ---- 2. PDF decompression bombs ----

#[test]
fn one_huge_stream_shared_by_a_hundred_pages_is_refused_not_an_abort() {
    // 60 MiB of content compressing to a few tens of KB, shared by 100 pages:
    // ~6 GB of text before. Refused at the first page now.
    let line = "A".repeat(4000);
    let content = showing(&line, 60 * 1024 * 1024 / 4004);
    let bytes = pdf_sharing(100, &content, true);
    assert!(bytes.len() < 1024 * 1024, "the bomb is {} bytes", bytes.len());
    let result = pdf::text(&bytes);
    assert!(
        matches!(result, Err(PdfError::TooLarge { page: 1, .. })),
        "{:?}",
        result.as_ref().map(String::len).map_err(ToString::to_string)
    );
    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(message, "this PDF is refused: one content stream exceeds 4 MiB (at page 1)");
}

#[test]
fn a_stream_under_the_limit_shared_by_many_pages_is_bounded_in_text_and_time() {
    // 3 MiB of text per page, one stream shared by 30 pages: parsed once, and
    // the text limit (16 MiB) stops it at page 6.
    let line = "B".repeat(4000);
    let content = showing(&line, 3 * 1024 * 1024 / 4004);
    let result = pdf::text(&pdf_sharing(30, &content, true));
    assert!(matches!(result, Err(PdfError::TooLarge { what: "its text", page: 6, .. })), "{:?}", result.err());
    // 3.5 MiB of operators that show nothing.
    let mut silent = b"BT ".to_vec();
    while silent.len() < 7 * 1024 * 1024 / 2 {
        silent.extend_from_slice(b"0 0 Td\n");
    }
    silent.extend_from_slice(b"ET");
    // Shared by 40 pages, each in fonts of its own (so not reused): the parse limit stops it.
    let result = pdf::text(&pdf_of(40, &silent, true, true));
    assert!(
        matches!(result, Err(PdfError::TooLarge { what: "the content parsed across its pages", page: 19, .. })),
        "{:?}",
        result.err()
    );
    // A stream of its own for each of 20 pages: the decompressed total stops it.
    let result = pdf::text(&pdf_sharing(20, &silent, false));
    assert!(
        matches!(result, Err(PdfError::TooLarge { what: "the decompressed content of all its streams", .. })),
        "{:?}",
        result.err()
    );
}

/// A PDF assembled byte by byte: `objects` (numbered from 1) then, when
/// `xref_stream` is given, a cross-reference stream (its dictionary
/// entries and decompressed data) as the last object; else a classic table.
fn raw_pdf(objects: &[Vec<u8>], xref_stream: Option<(&str, Vec<u8>)>) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let start = out.len();
    match xref_stream {
        Some((dict, data)) => {
            let mut stream = Stream::new(dictionary! {}, data);
            stream.compress().expect("compress");
            out.extend_from_slice(
                format!(
                    "{} 0 obj\n<< /Type /XRef {dict} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length {} >>\nstream\n",
                    objects.len() + 1,
                    stream.content.len()
                )
                .as_bytes(),
            );
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream\nendobj\n");
        }
        None => {
            out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
            for o in &offsets {
                out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
            }
            out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\n", objects.len() + 1).as_bytes());
        }
    }
    out.extend_from_slice(format!("startxref\n{start}\n%%EOF\n").as_bytes());
    out
}

/// Catalog, pages, one page showing "Hello" in Helvetica: objects 1–5.
fn hello_objects() -> Vec<Vec<u8>> {
    let content = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET";
    vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ]
}

#[test]
fn hand_assembled_pdfs_read() -> TestResult {
    // The builder itself makes readable files, with either kind of cross-reference data.
    assert_eq!(pdf::text(&raw_pdf(&hello_objects(), None))?, "Hello\n");
    let objects = hello_objects();
    let mut data = vec![0, 0, 0, 0, 0, 255, 255];
    let mut offset = 9;
    for (i, body) in objects.iter().enumerate() {
        data.push(1);
        data.extend_from_slice(&u32::try_from(offset)?.to_be_bytes());
        data.extend_from_slice(&[0, 0]);
        offset += format!("{} 0 obj\n", i + 1).len() + body.len() + b"\nendobj\n".len();
    }
    data.extend_from_slice(&[1]);
    data.extend_from_slice(&u32::try_from(offset)?.to_be_bytes());
    data.extend_from_slice(&[0, 0]);
    let size = objects.len() + 2;
    assert_eq!(pdf::text(&raw_pdf(&objects, Some((&format!("/Size {size}"), data))))?, "Hello\n");
    Ok(())
}

/// Issue 28, case 3: a 206 KB file with 500,000 cross-reference entries
/// reached 3 GB in the PDF library; refused before it is handed over now.
#[test]
fn half_a_million_cross_reference_entries_are_refused_before_parsing() {
    let objects = hello_objects();
    // Every entry points at the page's content.
    let entry = [1, 0, 0, 0, 9, 0, 0];
    let data: Vec<u8> = entry.iter().copied().cycle().take(7 * 500_000).collect();
    for dict in ["/Size 500000", "/Size 6 /Index [0 250000 250000 250000]"] {
        let bytes = raw_pdf(&objects, Some((dict, data.clone())));
        assert!(bytes.len() < 300 * 1024, "{} bytes", bytes.len());
        assert_eq!(
            pdf::text(&bytes).err().map(|e| e.to_string()).as_deref(),
            Some(
                "this PDF is refused: its cross-reference data declares 500000 objects, more than the 250000 of any real document"
            ),
            "{dict}"
        );
    }
}

/// Issue 28, case 3: a 330 KB file whose object streams point many times
/// at one large object (each pointer parsed it again: 2.3 GB).
#[test]
fn an_object_stream_pointing_many_times_at_one_object_is_refused() {
    let big = format!("[{}]", "0 ".repeat(60_000));
    let entries = 5000;
    let header: String = (0..entries).map(|i| format!("{} 0 ", 100 + i)).collect();
    let content = [header.as_bytes(), big.as_bytes()].concat();
    let mut stream = Stream::new(dictionary! {}, content);
    stream.compress().expect("compress");
    let mut objects = hello_objects();
    objects.push(
        [
            format!(
                "<< /Type /ObjStm /N {entries} /First {} /Filter /FlateDecode /Length {} >>\nstream\n",
                header.len(),
                stream.content.len()
            )
            .as_bytes(),
            &stream.content,
            b"\nendstream",
        ]
        .concat(),
    );
    let bytes = raw_pdf(&objects, None);
    assert!(bytes.len() < 330 * 1024, "{} bytes", bytes.len());
    assert_eq!(
        pdf::text(&bytes).err().map(|e| e.to_string()).as_deref(),
        Some(
            "this PDF is refused: the offsets of an object stream do not increase from one object to the next (5000 objects at 1 distinct offsets)"
        )
    );
    // The same objects each at a place of its own read as usual.
    let mut header = String::new();
    let mut body = String::new();
    for i in 0..50 {
        header.push_str(&format!("{} {} ", 100 + i, body.len()));
        body.push_str("[1 2 3] ");
    }
    let content = [header.as_bytes(), body.as_bytes()].concat();
    let mut objects = hello_objects();
    objects.push(
        [
            format!("<< /Type /ObjStm /N 50 /First {} /Length {} >>\nstream\n", header.len(), content.len()).as_bytes(),
            &content,
            b"\nendstream",
        ]
        .concat(),
    );
    assert_eq!(pdf::text(&raw_pdf(&objects, None)).ok().as_deref(), Some("Hello\n"));
}

/// A stream object's body: `dict` entries, then `content`.
fn stream_body(dict: &str, content: &[u8]) -> Vec<u8> {
    [format!("<< {dict} /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat()
}

/// Issue 28, case 4: text drawn inside a Form XObject (and forms inside
/// forms) was reported as "no text layer … probably a scan".
#[test]
fn text_inside_form_xobjects_is_read_where_it_is_drawn() -> TestResult {
    let mut objects = hello_objects();
    objects[2] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
                  /Resources << /XObject << /Fm1 6 0 R >> >> >>"
        .to_vec();
    objects[3] = stream_body("", b"q /Fm1 Do Q");
    // The form draws its text, then a form of its own, which draws the first again (a loop, cut).
    objects.push(stream_body(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm2 7 0 R >> >>",
        b"BT /F1 12 Tf 72 700 Td (Recalling resolution 70/125,) Tj ET /Fm2 Do",
    ));
    objects.push(stream_body(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>",
        b"BT /F1 12 Tf 72 680 Td (inside a form inside a form) Tj ET /Fm1 Do",
    ));
    let text = pdf::text(&raw_pdf(&objects, None))?;
    assert_eq!(text, "Recalling resolution 70/125,\ninside a form inside a form\n");
    Ok(())
}

/// Issue 28, case 4: a font with an `/Encoding` name the PDF library does
/// not know, or a predefined CJK CMap, gave no text.
#[test]
fn unknown_and_predefined_cjk_encodings_still_give_text() -> TestResult {
    for (encoding, shown) in [("/NoSuchEncoding", &b"(Hello)"[..]), ("/UniJIS-UCS2-H", b"<00480065006C006C006F>")] {
        let mut objects = hello_objects();
        objects[3] = stream_body("", &[&b"BT /F1 12 Tf 72 700 Td "[..], shown, b" Tj ET"].concat());
        objects[4] =
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding {encoding} >>").into_bytes();
        assert_eq!(pdf::text(&raw_pdf(&objects, None))?, "Hello\n", "{encoding}");
    }
    Ok(())
}

/// Issue 28, case 4: corrupt compressed data is damage, not a scan.
#[test]
fn corrupt_compressed_content_is_damaged_not_a_scan() {
    let mut objects = hello_objects();
    objects[3] = stream_body("/Filter /FlateDecode", b"\x78\x9c this is not deflate data at all");
    let message = pdf::text(&raw_pdf(&objects, None)).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        message,
        "this PDF is damaged or truncated (1 of its streams do not decompress); no text could be read from it"
    );
}

/// One page in a Type0-like font whose `ToUnicode` map is `cmap`.
fn pdf_with_to_unicode(cmap: &str) -> Vec<u8> {
    let mut pdf = Pdf::with_version("1.5");
    let pages_id = pdf.new_object_id();
    let to_unicode = pdf.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
    let font_id = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => to_unicode,
    });
    let content = pdf.add_object(Stream::new(dictionary! {}, showing("AB", 1)));
    let page = pdf.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    pdf.save_to(&mut out).expect("save");
    out
}

/// Issue 28, case 3: a 1.6 KB PDF whose ToUnicode map has one range
/// `<00000000> <FFFFFFFF>` made the PDF library list four billion codes
/// (70 s, 3.1 GB, then an abort); its hex-string variant ran past 120 s.
#[test]
fn a_to_unicode_range_over_every_code_is_refused_in_one_sentence() {
    for destination in ["<0041>", "<00410042>", "[<0041> <0042>]"] {
        let cmap = format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
             1 beginbfrange\n<00000000> <FFFFFFFF> {destination}\nendbfrange\nendcmap end end"
        );
        let bytes = pdf_with_to_unicode(&cmap);
        assert!(bytes.len() < 4096, "{} bytes", bytes.len());
        let result = pdf::text(&bytes);
        assert_eq!(
            result.err().map(|e| e.to_string()).as_deref(),
            Some(
                "this PDF is refused: a font's ToUnicode map covers 4294967296 character codes, more than the 262144 any real font needs (at page 1)"
            ),
            "{destination}"
        );
    }
    // An ordinary map reads.
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n\
                1 beginbfrange\n<20> <7E> <0020>\nendbfrange\nendcmap end end";
    assert_eq!(pdf::text(&pdf_with_to_unicode(cmap)).ok().as_deref(), Some("AB\n"));
}

#[test]
fn a_shared_stream_of_ordinary_size_still_reads_on_every_page() -> TestResult {
    let text = pdf::text(&pdf_sharing(3, &showing("Recalling resolution 70/125,", 1), true))?;
    assert_eq!(text.matches("Recalling resolution 70/125,").count(), 3, "{text}");
    Ok(())
}

// ---- 3. sources without a size ----

#[cfg(unix)]
#[test]
fn dev_zero_and_fifos_are_read_through_the_cap() -> TestResult {
    let out = atlas(&["stats", "/dev/zero"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/dev/zero is larger: documents over 67108864 bytes (64 MiB) are refused"), "{err}");
    let out = atlas(&["layout", "--input", "/dev/zero"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("larger than 67108864 bytes"), "{}", stderr(&out));
    // A FIFO with a small document in it reads as a document.
    let dir = tempfile::tempdir()?;
    let fifo = dir.path().join("doc.txt");
    if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || {
            std::fs::write(writer_path, "A small resolution\n\n1. Recalling resolution 70/1;\n2. Decides.\n")
        });
        let out = atlas(&["stats", fifo.to_str().unwrap_or_default()]);
        let _ = writer.join();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("2 paragraphs"));
    }
    Ok(())
}

// ---- 4–6. --out without and with --force (the fs module has the rest) ----

#[cfg(unix)]
#[test]
fn out_refuses_devices_fifos_and_a_dangling_link_and_force_keeps_permissions() -> TestResult {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir()?;
    // A dangling symlink is a conflict without --force.
    let link = dir.path().join("graph.json");
    std::os::unix::fs::symlink("elsewhere.json", &link)?;
    let out = atlas(&["export", "--out", link.to_str().unwrap_or_default()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("which does not exist (use --force to create it)"), "{}", stderr(&out));
    assert!(!dir.path().join("elsewhere.json").exists());
    // /dev/null, and a link to standard output (a pipe here), even with --force.
    let to_stdout = dir.path().join("to-stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &to_stdout)?;
    for target in [Path::new("/dev/null"), to_stdout.as_path()] {
        let out = atlas(&["export", "--out", target.to_str().unwrap_or_default(), "--force"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
    assert!(std::fs::symlink_metadata(&to_stdout)?.file_type().is_symlink());
    // --force keeps a 0600 file 0600.
    let private = dir.path().join("private.svg");
    std::fs::write(&private, b"old")?;
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600))?;
    let out = atlas(&["export", "--format", "svg", "--out", private.to_str().unwrap_or_default(), "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&private)?.permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read_to_string(&private)?.contains("<svg"));
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_folder_as_another_user_keeps_the_file_and_leaves_nothing() -> TestResult {
    use std::os::unix::fs::PermissionsExt as _;
    // Root ignores permission bits: run the binary as nobody where we can.
    let can = Command::new("setpriv").args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status();
    if !can.is_ok_and(|s| s.success()) {
        eprintln!("setpriv cannot switch users here: covered by the fs module's injected failures");
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro)?;
    let out_path = ro.join("graph.json");
    std::fs::write(&out_path, b"keep")?;
    std::fs::set_permissions(&out_path, std::fs::Permissions::from_mode(0o666))?;
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555))?;
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_wsis-atlas")])
        .args(["export", "--force", "--out", out_path.to_str().unwrap_or_default()])
        .env_remove("RUST_LOG")
        .output()?;
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.trim_end(),
        format!("wsis-atlas: could not write {}: Permission denied (os error 13)", out_path.display())
    );
    assert_eq!(std::fs::read(&out_path)?, b"keep");
    assert_eq!(std::fs::read_dir(&ro)?.count(), 1, "no temporary file left");
    Ok(())
}

#[test]
fn concurrent_exports_to_one_path_never_both_succeed() -> TestResult {
    let dir = tempfile::tempdir()?;
    for round in 0..8 {
        let path = dir.path().join(format!("g{round}.json"));
        let p = path.to_string_lossy().into_owned();
        let children: Vec<_> = (0..2)
            .map(|_| bin().args(["export", "--out", &p]).stderr(Stdio::piped()).spawn())
            .collect::<Result<_, _>>()?;
        let outs: Vec<Output> = children.into_iter().map(|c| c.wait_with_output()).collect::<Result<_, _>>()?;
        let ok = outs.iter().filter(|o| o.status.success()).count();
        assert_eq!(ok, 1, "round {round}: {:?}", outs.iter().map(stderr).collect::<Vec<_>>());
        assert!(outs.iter().any(|o| stderr(o).contains("already exists")));
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
        assert!(v["nodes"].is_array());
    }
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 8, "no temporary files left");
    Ok(())
}

// ---- 7. encrypted, damaged, image-only PDFs ----

#[test]
#[allow(deprecated)] // RC4 (V2) is what password-protected PDFs in the wild use most
fn encrypted_damaged_and_image_only_pdfs_are_told_apart() -> TestResult {
    let mut doc = Pdf::load_mem(&small_pdf())?;
    let id = Object::string_literal(b"0123456789abcdef".to_vec());
    doc.trailer.set("ID", vec![id.clone(), id]);
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })?;
    doc.encrypt(&state)?;
    let mut encrypted = Vec::new();
    doc.save_to(&mut encrypted)?;
    assert_eq!(pdf::text(&encrypted), Err(PdfError::Encrypted));
    assert!(PdfError::Encrypted.to_string().contains("encrypted with a password"));

    let whole = small_pdf();
    assert!(pdf::text(&whole).is_ok());
    // Cut anywhere before the text is complete: never "a scan".
    let text_ends = whole.windows(9).position(|w| w == b"endstream").unwrap_or(whole.len());
    for cut in (40..text_ends).step_by(7).chain([whole.len() / 2]) {
        let result = pdf::text(&whole[..cut]);
        assert!(matches!(result, Err(PdfError::Damaged(_) | PdfError::Malformed(_))), "cut at {cut}: {result:?}");
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(!message.contains("OCR"), "cut at {cut}: {message}");
    }

    // Pages with drawing only: that is the scan case, and it says so.
    let images = pdf_sharing(2, b"q 100 0 0 100 0 0 cm Q", false);
    assert_eq!(pdf::text(&images), Err(PdfError::NoText { pages: 2 }));
    Ok(())
}

// ---- 8. library logs ----

#[test]
fn library_warnings_stay_quiet_unless_rust_log_asks() -> TestResult {
    let dir = tempfile::tempdir()?;
    // A whole PDF with its cross-reference table spoiled: lopdf recovers and warns.
    let mut bytes = small_pdf();
    if let Some(at) = bytes.windows(4).rposition(|w| w == b"xref") {
        bytes[at..at + 4].copy_from_slice(b"xxxx");
    }
    let path = dir.path().join("odd.pdf");
    std::fs::write(&path, &bytes)?;
    let p = path.to_str().unwrap_or_default();
    let quiet = atlas(&["stats", p]);
    assert!(quiet.status.success(), "{}", stderr(&quiet));
    assert_eq!(stderr(&quiet), "", "nothing on stderr for a successful read");
    let loud = bin().args(["stats", p]).env("RUST_LOG", "warn").output()?;
    assert!(stderr(&loud).contains("lopdf"), "RUST_LOG raises the level: {}", stderr(&loud));
    // A failing read: exactly our one line.
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, &small_pdf()[..300])?;
    let out = atlas(&["stats", broken.to_str().unwrap_or_default()]);
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    Ok(())
}

// ---- 9. --scale ----

#[test]
fn nonsense_scales_are_refused_by_the_argument_parser() {
    for bad in ["0", "-1", "NaN", "inf", "-inf", "0.01", "x"] {
        let out = atlas(&["export", "--format", "svg", &format!("--scale={bad}")]);
        assert_eq!(out.status.code(), Some(2), "--scale {bad}");
        assert!(stderr(&out).contains("--scale"), "{bad}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let out = atlas(&["export", "--format", "svg", "--scale", "100"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("160000×100000"), "{}", stderr(&out));
    let out = atlas(&["export", "--format", "svg", "--scale", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("width=\"3200\""));
}

// ---- 11–12. annotation files: byte-order mark, duplicate keys ----

#[test]
fn annotation_files_with_a_bom_open_and_duplicate_keys_are_reported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json"))?;
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, format!("\u{feff}{example}"))?;
    let out = atlas(&["check-annotations", bom.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dup = dir.path().join("dup.json");
    std::fs::write(
        &dup,
        "{\n  \"format\": \"wsis-atlas-annotations\",\n  \"version\": 1,\n  \"annotations\": [],\n  \"annotations\": []\n}",
    )?;
    let out = atlas(&["check-annotations", dup.to_str().unwrap_or_default()]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("duplicate key \"annotations\" at line 5, column 15"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    Ok(())
}

// ---- 13. layout checks --out first ----

#[test]
fn layout_refuses_an_existing_out_before_any_work() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out_path = dir.path().join("positions.json");
    std::fs::write(&out_path, "keep")?;
    // The input does not even exist: the --out answer comes first.
    let out = atlas(&["layout", "--input", "/no/such/graph.json", "--out", out_path.to_str().unwrap_or_default()]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("already exists") && !err.contains("layout_ms"), "{err}");
    assert_eq!(std::fs::read_to_string(&out_path)?, "keep");
    Ok(())
}

// ---- 15. --ticks ----

#[test]
fn huge_ticks_stop_once_settled_and_exact_runs_them_all() -> TestResult {
    let dir = tempfile::tempdir()?;
    let graph = graph_file(dir.path());
    let out = atlas(&["layout", "--input", &graph, "--ticks", "1000000000"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let steps: usize = err
        .split("layout_steps=")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .ok_or(format!("no step count in {err}"))?;
    assert!(steps > 0 && steps < 2000 && err.contains("(settled)"), "{err}");
    let out = atlas(&["layout", "--input", &graph, "--ticks", "700", "--exact"]);
    assert!(stderr(&out).contains("layout_steps=700"), "{}", stderr(&out));
    Ok(())
}
