//! Integration tests: citation forms. One table of sentences written for
//! the purpose, each with the exact set of resolutions, decisions and
//! documents it cites (the symbol says the body: `A/RES/`, `A/DEC/`,
//! `A/HRC/RES/`, `E/RES/`, `S/RES/`, `CSW res.`…) and the exact words quoted
//! as evidence: each list shape, each body, each symbol family, each false
//! friend.

use std::sync::LazyLock;

use wsis_atlas::extract::{Catalogue, Relation, extract};

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| match Catalogue::bundled() {
    Ok(c) => c,
    Err(e) => panic!("bundled catalogue: {e}"),
});

/// (node id, quote) of every resolution, decision and document cited.
fn citations(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = extract(text, &CATALOGUE)
        .into_iter()
        .filter(|m| m.relation == Relation::Cites)
        .map(|m| (m.entity.id(), text.get(m.span).unwrap_or("<not a quote>").to_owned()))
        .filter(|(id, _)| id.starts_with("res:") || id.starts_with("undoc:"))
        .collect();
    out.sort();
    out
}

/// Each row: a sentence and what it cites, as (node id, quote).
const TABLE: &[(&str, &[(&str, &str)])] = &[
    // --- Single citations, each body -------------------------------------
    ("Recalling its resolution 70/1 of 25 September 2015,", &[("res:A/RES/70/1", "resolution 70/1")]),
    (
        "Recalling General Assembly resolution 78/16 of 4 December 2023,",
        &[("res:A/RES/78/16", "General Assembly resolution 78/16")],
    ),
    ("Recalling its decision 79/571,", &[("res:A/DEC/79/571", "decision 79/571")]),
    (
        "Taking note of Economic and Social Council resolution 2023/3,",
        &[("res:E/RES/2023/3", "Economic and Social Council resolution 2023/3")],
    ),
    ("Recalling ECOSOC resolution 2023/3,", &[("res:E/RES/2023/3", "ECOSOC resolution 2023/3")]),
    (
        "Recalling Human Rights Council resolution 47/16,",
        &[("res:A/HRC/RES/47/16", "Human Rights Council resolution 47/16")],
    ),
    (
        "Recalling Security Council resolution 2341 (2017),",
        &[("res:S/RES/2341 (2017)", "Security Council resolution 2341 (2017)")],
    ),
    (
        "Welcoming resolution 69/1 of the Commission on the Status of Women,",
        &[("res:CSW res. 69/1", "resolution 69/1 of the Commission on the Status of Women")],
    ),
    (
        "Noting decision 15/4 of the Conference of the Parties to the Convention on Biological Diversity,",
        &[(
            "res:CBD COP dec. 15/4",
            "decision 15/4 of the Conference of the Parties to the Convention on Biological Diversity",
        )],
    ),
    (
        "Recalling resolution 69/1, adopted by the Commission on the Status of Women,",
        &[("res:CSW res. 69/1", "resolution 69/1")],
    ),
    (
        "Noting the adoption of the resolution 58/13 by the Human Rights Council,",
        &[("res:A/HRC/RES/58/13", "resolution 58/13 by the Human Rights Council")],
    ),
    ("as endorsed by the Human Rights Council in its resolution 17/4,", &[("res:A/HRC/RES/17/4", "resolution 17/4")]),
    (
        "the Conference of the Parties to the Convention on Biological Diversity, at its fifteenth meeting, in its decision 15/4,",
        &[("res:CBD COP dec. 15/4", "decision 15/4")],
    ),
    // "Council" in an ECOSOC context, and in a Human Rights Council one.
    (
        "The Economic and Social Council, recalling Council resolution 2023/3,",
        &[("res:E/RES/2023/3", "Council resolution 2023/3")],
    ),
    (
        "Welcoming the work of the Human Rights Council, and recalling Council resolution 47/16,",
        &[("res:A/HRC/RES/47/16", "Council resolution 47/16")],
    ),
    // --- Lists -----------------------------------------------------------
    (
        "Recalling its resolutions 56/183, 57/238 and 59/220,",
        &[("res:A/RES/56/183", "resolutions 56/183"), ("res:A/RES/57/238", "57/238"), ("res:A/RES/59/220", "59/220")],
    ),
    (
        "Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999 and 78/16 of 4 December 2023,",
        &[("res:A/RES/53/70", "resolutions 53/70"), ("res:A/RES/54/49", "54/49"), ("res:A/RES/78/16", "78/16")],
    ),
    (
        "Recalling its resolutions 67/139 and 67/143 of 20 December 2012, 68/134 of 18 December 2013, and 69/146,",
        &[
            ("res:A/RES/67/139", "resolutions 67/139"),
            ("res:A/RES/67/143", "67/143"),
            ("res:A/RES/68/134", "68/134"),
            ("res:A/RES/69/146", "69/146"),
        ],
    ),
    (
        "Recalling its resolutions 70/125, as well as 70/1 and 69/313,",
        &[("res:A/RES/70/125", "resolutions 70/125"), ("res:A/RES/70/1", "70/1"), ("res:A/RES/69/313", "69/313")],
    ),
    (
        "Recalling Human Rights Council resolutions 28/16 of 26 March 2015, 34/7 of 23 March 2017 and 37/2 of 22 March 2018,",
        &[
            ("res:A/HRC/RES/28/16", "Human Rights Council resolutions 28/16"),
            ("res:A/HRC/RES/34/7", "34/7"),
            ("res:A/HRC/RES/37/2", "37/2"),
        ],
    ),
    (
        "Recalling Security Council resolutions 1325 (2000), 1820 (2008) and 2467 (2019),",
        &[
            ("res:S/RES/1325 (2000)", "Security Council resolutions 1325 (2000)"),
            ("res:S/RES/1820 (2008)", "1820 (2008)"),
            ("res:S/RES/2467 (2019)", "2467 (2019)"),
        ],
    ),
    (
        "Recalling Economic and Social Council resolutions 2004/68 of 23 July 2004 and 2006/46 of 28 July 2006,",
        &[("res:E/RES/2004/68", "Economic and Social Council resolutions 2004/68"), ("res:E/RES/2006/46", "2006/46")],
    ),
    // A list across a line break and a page's footnote markers.
    (
        "Recalling its resolutions 60/135 of 16 December\n2005, 61/142 of 19 December 2006,[3] 62/130 of 18 December\n\n2007 and 63/151,",
        &[
            ("res:A/RES/60/135", "resolutions 60/135"),
            ("res:A/RES/61/142", "61/142"),
            ("res:A/RES/62/130", "62/130"),
            ("res:A/RES/63/151", "63/151"),
        ],
    ),
    // A marker left glued to the date by a text layer.
    (
        "Recalling Human Rights Council resolutions 51/4 of 6 October 2022,19 and 54/21,",
        &[("res:A/HRC/RES/51/4", "Human Rights Council resolutions 51/4"), ("res:A/HRC/RES/54/21", "54/21")],
    ),
    // Two bodies in one sentence: each list under its own.
    (
        "Recalling its resolutions 60/251 and 65/281, and Human Rights Council resolutions 5/1 and 5/2,",
        &[
            ("res:A/RES/60/251", "resolutions 60/251"),
            ("res:A/RES/65/281", "65/281"),
            ("res:A/HRC/RES/5/1", "Human Rights Council resolutions 5/1"),
            ("res:A/HRC/RES/5/2", "5/2"),
        ],
    ),
    // A body named after the list holds for every item.
    (
        "Recalling resolutions 28/16 and 34/7 of the Human Rights Council,",
        &[("res:A/HRC/RES/28/16", "resolutions 28/16"), ("res:A/HRC/RES/34/7", "34/7 of the Human Rights Council")],
    ),
    // The body named before governs the bare "resolution" that follow.
    (
        "Recalling World Health Assembly resolutions on ageing, specifically resolution 58.16 of 25 May 2005 and resolution 69.3,",
        &[("res:WHA res. 58.16", "resolution 58.16"), ("res:WHA res. 69.3", "resolution 69.3")],
    ),
    // … until "its resolution" brings the General Assembly back.
    (
        "Recalling Human Rights Council resolution 47/16, and its resolution 78/16,",
        &[("res:A/HRC/RES/47/16", "Human Rights Council resolution 47/16"), ("res:A/RES/78/16", "resolution 78/16")],
    ),
    // Resolutions and decisions in one list.
    (
        "Recalling its resolutions 78/7 and 79/7 of 30 October 2024 and its decision 76/563 of 11 May 2022,",
        &[("res:A/RES/78/7", "resolutions 78/7"), ("res:A/RES/79/7", "79/7"), ("res:A/DEC/76/563", "decision 76/563")],
    ),
    (
        "Recalling its decisions 55/488 and 79/571,",
        &[("res:A/DEC/55/488", "decisions 55/488"), ("res:A/DEC/79/571", "79/571")],
    ),
    // A title between the items never runs into a new citation or a footnote.
    (
        "Recalling General Assembly resolutions 68/167 of 18 December 2013 and 71/199 of 19 December 2016 on the \
         right to privacy in the digital age, and resolution 45/95 of 14 December 1990 on guidelines, as well as \
         Human Rights Council resolutions 28/16 of 26 March 2015 and 34/7 of 23 March 2017 on the right,",
        &[
            ("res:A/RES/68/167", "General Assembly resolutions 68/167"),
            ("res:A/RES/71/199", "71/199"),
            ("res:A/RES/45/95", "resolution 45/95"),
            ("res:A/HRC/RES/28/16", "Human Rights Council resolutions 28/16"),
            ("res:A/HRC/RES/34/7", "34/7"),
        ],
    ),
    (
        "Recalling its resolution 73/218 of 20 December 2018 on information and communications technologies for \
         sustainable development, as well as previous resolutions on the issue,[1]\n[1] Resolutions 56/183, 57/238 \
         and 72/200.",
        &[
            ("res:A/RES/73/218", "resolution 73/218"),
            ("res:A/RES/56/183", "Resolutions 56/183"),
            ("res:A/RES/57/238", "57/238"),
            ("res:A/RES/72/200", "72/200"),
        ],
    ),
    // --- Symbol families --------------------------------------------------
    ("Recalling its resolution 43/78 H,", &[("res:A/RES/43/78 H", "resolution 43/78 H")]),
    (
        "Recalling its resolutions 45/248 B of 21 December 1990 and 79/258 A,",
        &[("res:A/RES/45/248 B", "resolutions 45/248 B"), ("res:A/RES/79/258 A", "79/258 A")],
    ),
    ("Recalling resolution 217 A (III),", &[("res:A/RES/217 A (III)", "resolution 217 A (III)")]),
    ("Recalling resolution 2200 A (XXI), annex,", &[("res:A/RES/2200 A (XXI)", "resolution 2200 A (XXI)")]),
    ("Recalling its resolution 1514 (XV),", &[("res:A/RES/1514 (XV)", "resolution 1514 (XV)")]),
    ("Recalling its resolution 3201 (S-VI),", &[("res:A/RES/3201 (S-VI)", "resolution 3201 (S-VI)")]),
    ("Recalling its resolution S-27/2 of 10 May 2002,", &[("res:A/RES/S-27/2", "resolution S-27/2")]),
    (
        "the provisions of General Assembly resolution ES-10/23 of 10 May 2024.",
        &[("res:A/RES/ES-10/23", "General Assembly resolution ES-10/23")],
    ),
    ("See A/RES/78/16 and A/DEC/79/571.", &[("res:A/DEC/79/571", "A/DEC/79/571"), ("res:A/RES/78/16", "A/RES/78/16")]),
    ("See E/RES/2023/3.", &[("res:E/RES/2023/3", "E/RES/2023/3")]),
    ("See A/HRC/RES/47/16.", &[("res:A/HRC/RES/47/16", "A/HRC/RES/47/16")]),
    ("See S/RES/2341 (2017).", &[("res:S/RES/2341 (2017)", "S/RES/2341 (2017)")]),
    ("Recalling resolution 2006/46 of 28 July 2006,", &[("res:E/RES/2006/46", "resolution 2006/46")]),
    // UNFCCC decisions: the symbol names the body, whatever was named before.
    (
        "Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
        &[("res:UNFCCC COP dec. 1/CP.21", "decision 1/CP.21")],
    ),
    (
        "Recalling General Assembly resolution 70/1 and decisions 1/CP.21 and 4/CMA.1,",
        &[
            ("res:A/RES/70/1", "General Assembly resolution 70/1"),
            ("res:UNFCCC COP dec. 1/CP.21", "decisions 1/CP.21"),
            ("res:UNFCCC COP dec. 4/CMA.1", "4/CMA.1"),
        ],
    ),
    // --- Documents are not resolutions ------------------------------------
    (
        "See Official Records of the General Assembly, Seventieth Session, Supplement No. 53 (A/70/53).",
        &[("undoc:A/70/53", "A/70/53")],
    ),
    ("the report of the Special Rapporteur (A/HRC/43/52)", &[("undoc:A/HRC/43/52", "A/HRC/43/52")]),
    ("the report of the Secretary-General (E/CN.16/2024/3)", &[("undoc:E/CN.16/2024/3", "E/CN.16/2024/3")]),
    ("the Vienna Declaration (A/CONF.157/24 (Part I)), chap. III", &[("undoc:A/CONF.157/24", "A/CONF.157/24")]),
    ("See A/74/53/Add.1, chap. II.", &[("undoc:A/74/53/Add.1", "A/74/53/Add.1")]),
    ("the letter (S/2024/123)", &[("undoc:S/2024/123", "S/2024/123")]),
    // --- False friends ----------------------------------------------------
    ("the peaceful resolution of disputes by 2030", &[]),
    ("in decision-making processes at all levels", &[]),
    ("Report of the Assembly (Sales No. E.02.IV.4), chap. I, resolution 1, annexes I and II.", &[]),
    ("resolution 12/12/2015 of the board", &[]),
    ("on 12/12/2015, and at 9/11 memorial, pages 70/71", &[]),
    ("resolution 70/1/Add.1", &[]),
    ("an irresolution 70/1 of sorts", &[]),
    ("a budget of 2,500 and resolution 70 members", &[]),
    ("paragraph 70/1 and section 78/16", &[]),
    ("USA/RES/1/1 and XA/RES/70/1", &[]),
    ("resolution 1/CP.21 and decision 1/CPX.21", &[]),
];

#[test]
fn the_table_of_citation_forms_holds_row_by_row() {
    assert!(TABLE.len() >= 40, "{} rows", TABLE.len());
    let mut failures = Vec::new();
    for (sentence, expected) in TABLE {
        let mut expected: Vec<(String, String)> =
            expected.iter().map(|(id, quote)| ((*id).to_owned(), (*quote).to_owned())).collect();
        expected.sort();
        let got = citations(sentence);
        if got != expected {
            failures.push(format!("{sentence:?}\n  expected {expected:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows differ:\n{}", failures.len(), TABLE.len(), failures.join("\n"));
}

#[test]
fn labels_say_the_body() {
    let label = |id: &str| -> String {
        let text = match id {
            "hrc" => "Human Rights Council resolution 47/16",
            "ecosoc" => "Economic and Social Council resolution 2023/3",
            "sc" => "Security Council resolution 2341 (2017)",
            "csw" => "resolution 69/1 of the Commission on the Status of Women",
            _ => "its resolution 78/16",
        };
        extract(text, &CATALOGUE).first().map(|m| CATALOGUE.info(&m.entity).label).unwrap_or_default()
    };
    assert_eq!(label("hrc"), "HRC 47/16");
    assert_eq!(label("ecosoc"), "ECOSOC 2023/3");
    assert_eq!(label("sc"), "SC 2341 (2017)");
    assert_eq!(label("csw"), "CSW 69/1");
    assert_eq!(label("ga"), "78/16");
}

// --- The dev corpus ----------------------------------------------------------

use wsis_atlas::document;
use wsis_atlas::references::{self, Bibliography, RefKind};

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");

/// Every `.txt` file of the dev corpus with its bibliography, by file name.
fn dev_bibliographies() -> Vec<(String, document::Document, Bibliography)> {
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(DEV) {
        Ok(dir) => {
            dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()
        }
        Err(e) => panic!("{DEV}: {e}"),
    };
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let doc = match document::load(&path) {
                Ok(doc) => doc,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bibliography = references::of(&doc, &CATALOGUE);
            (name, doc, bibliography)
        })
        .collect()
}

/// Byte ranges of every `N/N` (or `S-N/N`, `ES-N/N`) in `text` that stands
/// in a citing context: right after "resolution(s)"/"decision(s)", or as a
/// further item of a list that one opens ("…, 48/16 of 3 November 1993",
/// "… and 79/7"), found by a scan of its own, not the extractor's.
fn numbers_in_citing_context(text: &str) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = text
        .split(|c: char| c.is_whitespace())
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is_number = |w: &str| {
        let w = w.trim_start_matches("ES-").trim_start_matches("S-");
        let w = w.trim_end_matches([',', ';', '.', ')']);
        let mut parts = w.split('/');
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else { return false };
        !a.is_empty()
            && !b.is_empty()
            && a.len() <= 4
            && b.len() <= 4
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    };
    let mut out = Vec::new();
    let mut in_list = false;
    for (k, (start, word)) in words.iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        if matches!(lower.as_str(), "resolution" | "resolutions" | "decision" | "decisions") {
            in_list = true;
            continue;
        }
        if in_list && is_number(word) {
            let len = word.trim_end_matches([',', ';', '.', ')']).len();
            out.push(*start..*start + len);
            continue;
        }
        // A list runs on through dates ("of 24 November 1992,") and "and".
        let previous_was_number = k > 0 && words.get(k - 1).is_some_and(|(_, w)| is_number(w));
        let list_word = matches!(lower.as_str(), "of" | "and" | "as" | "well")
            || word.trim_end_matches(',').bytes().all(|c| c.is_ascii_digit())
            || document::MONTHS.contains(&word.trim_end_matches(','));
        if !(list_word || previous_was_number && word.starts_with('[')) {
            in_list = false;
        }
    }
    out
}

#[test]
fn every_number_in_a_citing_context_is_linked_or_listed_as_unresolved() {
    let bibliographies = dev_bibliographies();
    assert!(bibliographies.len() >= 29, "{} files", bibliographies.len());
    let mut dropped = Vec::new();
    let mut checked = 0;
    for (name, doc, bibliography) in &bibliographies {
        for paragraph in &doc.paragraphs {
            let text = paragraph.display_text();
            let linked: Vec<std::ops::Range<usize>> = extract(&text, &CATALOGUE)
                .into_iter()
                .filter(|m| {
                    matches!(
                        m.entity,
                        wsis_atlas::extract::Entity::Resolution(_) | wsis_atlas::extract::Entity::ResolutionPart { .. }
                    )
                })
                .map(|m| m.span)
                .collect();
            let label = paragraph.label();
            for number in numbers_in_citing_context(&text) {
                checked += 1;
                let is_linked = linked.iter().any(|l| l.start <= number.start && number.end <= l.end);
                let written = text.get(number.clone()).unwrap_or_default();
                let listed = bibliography
                    .unresolved
                    .iter()
                    .any(|u| u.place.paragraph == label && u.place.quote.contains(written) && !u.reason.is_empty());
                if !is_linked && !listed {
                    dropped.push(format!(
                        "{name} {label}: {written:?} in {:?}",
                        text.get(number.start.saturating_sub(60)..).map(|t| t.chars().take(120).collect::<String>())
                    ));
                }
            }
        }
    }
    assert!(checked > 400, "only {checked} numbers in citing contexts");
    assert!(dropped.is_empty(), "{} of {checked} silently dropped:\n{}", dropped.len(), dropped.join("\n"));
}

/// The symbols of a bibliography's resolutions and decisions.
fn symbols(b: &Bibliography) -> Vec<&str> {
    b.references
        .iter()
        .filter(|r| matches!(r.kind, RefKind::Resolution | RefKind::Decision))
        .map(|r| r.symbol.as_str())
        .collect()
}

#[test]
fn long_opening_lists_with_dates_are_linked_item_by_item() {
    let bibliographies = dev_bibliographies();
    let find = |file: &str| match bibliographies.iter().find(|(n, _, _)| n == file) {
        Some((_, _, b)) => b,
        None => panic!("no {file}"),
    };
    // A/RES/80/4: its resolutions 47/19 of 24 November 1992, … 79/7 of 30
    // October 2024, across a page break, and its decision 76/563.
    let cuba = symbols(find("A-RES-80-4.txt"));
    for symbol in [
        "A/RES/47/19",
        "A/RES/48/16",
        "A/RES/51/17",
        "A/RES/52/10",
        "A/RES/60/12",
        "A/RES/67/4",
        "A/RES/75/289",
        "A/RES/78/7",
        "A/RES/79/7",
        "A/DEC/76/563",
    ] {
        assert!(cuba.contains(&symbol), "{symbol} not in {cuba:?}");
    }
    // 47/19 … 75/289 (29 sessions), 77/7, 78/7 and 79/7.
    assert_eq!(cuba.iter().filter(|s| s.starts_with("A/RES/")).count(), 32, "{cuba:?}");
    // A/C.3/80/L.5: 57/167 … 79/147, with "67/139 and 67/143 of 20 December
    // 2012" inside; the World Health Assembly's resolutions as its own.
    let ageing = symbols(find("A-C.3-80-L.5.txt"));
    for symbol in [
        "A/RES/57/167",
        "A/RES/58/134",
        "A/RES/60/135",
        "A/RES/67/139",
        "A/RES/67/143",
        "A/RES/78/324",
        "A/RES/79/147",
        "A/HRC/RES/51/4",
        "A/HRC/RES/58/13",
        "E/RES/2023/15",
        "WHA res. 58.16",
        "WHA res. 69.3",
    ] {
        assert!(ageing.contains(&symbol), "{symbol} not in {ageing:?}");
    }
    // Footnote markers and years inside the World Health Assembly's list
    // ("ageing, 13 which", "29 May 2016, entitled") are not items of it.
    assert!(!ageing.iter().any(|s| s.starts_with("A/RES/58.") || s.starts_with("A/RES/51/4")), "{ageing:?}");
    assert!(!ageing.iter().any(|s| ["WHA res. 13", "WHA res. 65", "WHA res. 2016"].contains(s)), "{ageing:?}");
}

#[test]
fn documents_are_not_resolutions_in_the_corpus() {
    for (name, _, b) in dev_bibliographies() {
        for r in &b.references {
            let resolution_like = r.symbol.contains("/RES/")
                || r.symbol.contains("/DEC/")
                || r.symbol.contains(" res. ")
                || r.symbol.contains(" dec. ");
            match r.kind {
                RefKind::Resolution | RefKind::Decision => {
                    assert!(resolution_like, "{name}: {} filed as a {}", r.symbol, r.kind.as_str())
                }
                RefKind::Document => assert!(!resolution_like, "{name}: {} filed as a document", r.symbol),
                RefKind::Instrument => {}
            }
        }
    }
}

#[test]
fn footnote_lists_and_lists_after_titled_citations_are_linked_in_the_real_series() {
    let bibliographies = dev_bibliographies();
    let find = |file: &str| match bibliographies.iter().find(|(n, _, _)| n == file) {
        Some((_, _, b)) => b,
        None => panic!("no {file}"),
    };
    // The ICT-for-development series: footnote 1 lists the earlier
    // resolutions ("Resolutions 56/183, 57/238, … and 72/200"), after a
    // titled citation in the clause it annotates.
    for file in ["A-RES-74-197.txt", "A-RES-75-202.txt", "A-RES-76-189.txt", "A-RES-78-132.txt"] {
        let b = find(file);
        let cited = symbols(b);
        for symbol in ["A/RES/56/183", "A/RES/57/238", "A/RES/72/200"] {
            assert!(cited.contains(&symbol), "{file}: {symbol} not in {cited:?}");
        }
        assert!(
            !b.unresolved.iter().any(|u| u.place.quote.contains("56/183")),
            "{file}: {:?}",
            b.unresolved.iter().map(|u| (&u.place.quote, &u.reason)).collect::<Vec<_>>()
        );
    }
    // The right to privacy in the digital age: the General Assembly's 45/95
    // after a titled list, then the Human Rights Council's own list.
    for file in ["A-RES-73-179.txt", "A-RES-75-176.txt"] {
        let b = find(file);
        let cited = symbols(b);
        for symbol in ["A/RES/45/95", "A/HRC/RES/28/16", "A/HRC/RES/34/7"] {
            assert!(cited.contains(&symbol), "{file}: {symbol} not in {cited:?}");
        }
        assert!(!cited.contains(&"A/RES/34/7"), "{file}: the Human Rights Council's 34/7 filed as the Assembly's");
        let wrong: Vec<_> = b.unresolved.iter().filter(|u| u.reason.contains("no body")).collect();
        assert!(wrong.is_empty(), "{file}: {:?}", wrong.iter().map(|u| &u.place.quote).collect::<Vec<_>>());
    }
    // The Paris Agreement's decision, filed under the UNFCCC.
    for file in ["A-RES-78-1.txt", "A-RES-80-5.txt"] {
        let cited = symbols(find(file));
        assert!(cited.contains(&"UNFCCC COP dec. 1/CP.21"), "{file}: {cited:?}");
    }
}
