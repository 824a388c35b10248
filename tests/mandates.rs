//! Integration tests: the registry of mandates against truth written by
//! hand (the WSIS+20 outcome's follow-up and review section, ¶119–127, and
//! two dev-corpus resolutions, A/RES/73/266 and A/RES/74/28, whole), with
//! recall and precision of the rows and exact dates; hand-made clauses for
//! each date form, verb and addressee form; the `mandates` command's four
//! formats; and properties that hold whatever the text.

use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use wsis_atlas::document;
use wsis_atlas::extract::Catalogue;
use wsis_atlas::graph::{AtlasGraph, Role};
use wsis_atlas::mandates::export::{Format, render};
use wsis_atlas::mandates::{DeliverableKind, Mandate, OverlapKind, overlaps, registry, when};

fn dev(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev")).join(name)
}

fn catalogue() -> Catalogue {
    match Catalogue::bundled() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

fn graph_of(docs: Vec<document::Document>) -> AtlasGraph {
    AtlasGraph::from_documents(docs, &catalogue()).0
}

fn wsis20() -> document::Document {
    match document::bundled_document("wsis20") {
        Some(b) => b.document(),
        None => panic!("wsis20 is bundled"),
    }
}

fn load(name: &str) -> document::Document {
    match document::load(&dev(name)) {
        Ok(d) => d,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// One mandate as read by hand: document symbol, paragraph label, verb,
/// addressees (graph labels, or the words when the graph names no entity),
/// deliverable kind, due period (first and last day).
struct Truth {
    doc: &'static str,
    label: &'static str,
    verb: Role,
    addressees: &'static [&'static str],
    deliverable: Option<DeliverableKind>,
    due: Option<(Option<&'static str>, &'static str)>,
}

const fn t(
    doc: &'static str,
    label: &'static str,
    verb: Role,
    addressees: &'static [&'static str],
    deliverable: Option<DeliverableKind>,
    due: Option<(Option<&'static str>, &'static str)>,
) -> Truth {
    Truth { doc, label, verb, addressees, deliverable, due }
}

const W20: &str = "A/RES/80/173";
const R266: &str = "A/RES/73/266";
const R28: &str = "A/RES/74/28";

/// Read by hand from the texts. ¶119 (reaffirm), ¶120 (stress), ¶123
/// (recognize), ¶125's and ¶126's recalls and ¶126's "we resolve to
/// submit" (the Assembly's own commitment) ask nothing of anyone; 74/28
/// ¶3–4 welcome. A "(a) To …" sub-item is its own row; 73/266 ¶2's
/// sub-items are questions, not requests, and stay in their paragraph.
const TRUTH: &[Truth] = {
    use DeliverableKind::*;
    use Role::*;
    &[
        t(W20, "¶121", Calls, &[], None, None),
        t(W20, "¶121", Invites, &["UNGIS"], None, None),
        t(W20, "¶122", Requests, &["UNGIS"], Some(Report), Some((Some("2026-01-01"), "2026-12-31"))),
        t(W20, "¶124", Requests, &["Secretary-General"], Some(Report), None),
        t(W20, "¶124", Requests, &["CSTD", "ECOSOC"], None, None),
        t(W20, "¶125", Encourages, &["the high-level meeting"], None, None),
        t(W20, "¶126", Calls, &["General Assembly"], None, None),
        t(W20, "¶127", Requests, &["General Assembly"], Some(Meeting), Some((Some("2035-01-01"), "2035-12-31"))),
        t(R266, "¶1 (a)", Calls, &["Member States"], None, None),
        t(R266, "¶1 (b)", Calls, &["Member States"], None, None),
        t(R266, "¶2", Invites, &["Member States"], None, None),
        t(R266, "¶3", Requests, &["Secretary-General"], Some(Report), Some((Some("2021-09-01"), "2022-08-31"))),
        t(R266, "¶4", Requests, &["the Office for Disarmament Affairs of the Secretariat"], Some(Meeting), None),
        t(R266, "¶5", Requests, &["the Chair of the group of governmental experts"], Some(Meeting), None),
        t(R266, "¶6", Decides, &[], Some(AgendaItem), Some((Some("2019-09-01"), "2020-08-31"))),
        t(R28, "¶1 (a)", Calls, &["Member States"], None, None),
        t(R28, "¶1 (b)", Calls, &["Member States"], None, None),
        t(R28, "¶2", Invites, &["Member States"], None, None),
        t(R28, "¶5", Decides, &[], Some(AgendaItem), Some((Some("2020-09-01"), "2021-08-31"))),
    ]
};

/// Whether the truth's addressees are the row's: each by its graph label,
/// or (a name the graph does not know) as the start of the row's words.
fn same_addressees(truth: &[&str], row: &Mandate) -> bool {
    truth.len() == row.addressees.len()
        && truth.iter().all(|name| {
            row.addressees
                .iter()
                .any(|a| a.name == *name || (a.id.is_none() && a.name.to_lowercase().starts_with(&name.to_lowercase())))
        })
}

fn in_scope(m: &Mandate) -> bool {
    match m.document_label.as_str() {
        W20 => (119..=127).contains(&m.number),
        R266 | R28 => true,
        _ => false,
    }
}

#[test]
fn recall_precision_and_dates_against_hand_truth() {
    let graph = graph_of(vec![wsis20(), load("A-RES-73-266.txt"), load("A-RES-74-28.txt")]);
    let rows: Vec<Mandate> = registry(&graph).into_iter().filter(in_scope).collect();
    let mut matched = 0;
    let (mut addressees, mut deliverables, mut dates, mut dated) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut used = vec![false; rows.len()];
    for truth in TRUTH {
        // Two clauses of one paragraph may share a verb (WSIS+20 ¶124): each truth row takes the next.
        let found = rows.iter().enumerate().find(|(k, m)| {
            !used[*k] && m.document_label == truth.doc && m.label == truth.label && m.verb == truth.verb
        });
        let Some((k, row)) = found else {
            misses.push(format!("missed {} {} {}", truth.doc, truth.label, truth.verb.as_str()));
            continue;
        };
        used[k] = true;
        matched += 1;
        if same_addressees(truth.addressees, row) {
            addressees += 1;
        } else {
            misses.push(format!("{} {}: addressees {:?}", truth.doc, truth.label, row.addressee_names()));
        }
        if row.deliverable.as_ref().map(|d| d.kind) == truth.deliverable {
            deliverables += 1;
        } else {
            misses.push(format!("{} {}: deliverable {:?}", truth.doc, truth.label, row.deliverable));
        }
        let got = row.when.due.as_ref().and_then(|d| Some((d.from.map(|f| f.to_string()), d.to?.to_string())));
        let want = truth.due.map(|(f, t)| (f.map(str::to_owned), t.to_owned()));
        if truth.due.is_some() {
            dated += 1;
        }
        if got == want {
            if truth.due.is_some() {
                dates += 1;
            }
        } else {
            misses.push(format!("{} {}: due {got:?}, want {want:?}", truth.doc, truth.label));
        }
    }
    let spurious: Vec<String> = rows
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(m, _)| m)
        .map(|m| format!("{} {} {}", m.document_label, m.label, m.verb.as_str()))
        .collect();
    let recall = matched as f64 / TRUTH.len() as f64;
    let precision = matched as f64 / rows.len().max(1) as f64;
    eprintln!(
        "mandates: {} truth rows, {} read; recall {recall:.3}, precision {precision:.3}; addressees {addressees}/{matched}, \
         deliverables {deliverables}/{matched}, exact due dates {dates}/{dated}",
        TRUTH.len(),
        rows.len()
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    for s in &spurious {
        eprintln!("  spurious {s}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}: {misses:?}");
    assert!(precision >= 0.95, "precision {precision:.3}: {spurious:?}");
    assert_eq!(dates, dated, "every due date exact: {misses:?}");
    assert!(deliverables * 100 >= matched * 85, "deliverables {deliverables}/{matched}: {misses:?}");
    assert!(addressees * 100 >= matched * 70, "addressees {addressees}/{matched}: {misses:?}");
}

#[test]
fn wsis20_follow_up_reports_where_and_how_often() {
    let graph = graph_of(vec![wsis20()]);
    let rows = registry(&graph);
    let sg = rows
        .iter()
        .find(|m| m.label == "¶124" && m.addressed_to("Secretary-General"))
        .unwrap_or_else(|| panic!("¶124 asks the Secretary-General"));
    assert_eq!(sg.reports_to, ["through the Commission on Science and Technology for Development"]);
    assert_eq!((sg.when.every_years, sg.when.periodicity.as_deref()), (Some(2), Some("biennial")));
    assert!(sg.when.due.is_none(), "a biennial report with no date is not given one");
    let road_map = rows.iter().find(|m| m.label == "¶122").unwrap_or_else(|| panic!("¶122"));
    assert_eq!(
        road_map.reports_to,
        [
            "for the consideration of the Commission on Science and Technology for Development at its twenty-ninth session"
        ]
    );
    // The Commission's twenty-ninth session is not the Assembly's: shown as words, not dated.
    assert_eq!(road_map.when.unresolved, ["at its twenty-ninth session"]);
    assert_eq!(road_map.when.due.as_ref().map(|d| d.quote.as_str()), Some("in 2026"));
    // Nothing that only recognizes, reaffirms or stresses is a row.
    assert!(!rows.iter().any(|m| ["¶119", "¶120", "¶123"].contains(&m.label.as_str())));
    // The highlight is the clause's own words.
    let p = graph.node_by_id(&sg.paragraph).and_then(|n| n.text.clone()).unwrap_or_default();
    assert_eq!(p.get(sg.span.clone()), Some(sg.task.as_str()));
}

/// A resolution in UN layout, written for these tests.
fn hand_made() -> AtlasGraph {
    let text = "\
United Nations A/RES/80/999
General Assembly Distr.: General
20 December 2025

Eightieth session
Agenda item 15

Resolution adopted by the General Assembly on 19 December 2025

80/999. Mandates written by hand

The General Assembly,

Recalling its resolution 70/125 of 16 December 2015,

1. Requests the Secretary-General to submit a report to the General Assembly at its eighty-first session;

2. Decides to convene a high-level meeting in 2035;

3. Urges Member States to adopt national digital strategies by 2030;

4. Invites the Commission on Science and Technology for Development to submit its findings no later than July 2026;

5. Encourages all stakeholders to share good practices every four years;

6. Calls upon the Secretary-General and the Commission on Science and Technology for Development to hold consultations annually;

7. Recognizes that information and communications technologies matter;

8. Requests the Secretary-General to submit, through the Economic and Social Council, a biennial report until its eighty-fifth session;

9. Decides to include in the provisional agenda of its next session the item entitled \u{201c}Mandates\u{201d};

10. Calls for the establishment of a working group before 31 December 2027;

11. Requests the Secretary-General to report to the Commission at its thirtieth session;
";
    graph_of(vec![document::parse("hand", "hand-made", text)])
}

fn row<'a>(rows: &'a [Mandate], label: &str) -> &'a Mandate {
    rows.iter().find(|m| m.label == label).unwrap_or_else(|| panic!("no row {label}: {rows:#?}"))
}

fn due(m: &Mandate) -> (Option<String>, Option<String>) {
    let d = m.when.due.as_ref();
    (d.and_then(|d| d.from).map(|f| f.to_string()), d.and_then(|d| d.to).map(|t| t.to_string()))
}

#[test]
fn hand_made_clauses_each_verb_date_form_and_addressee() {
    let graph = hand_made();
    let rows = registry(&graph);
    let labels: Vec<&str> = rows.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["¶1", "¶2", "¶3", "¶4", "¶5", "¶6", "¶8", "¶9", "¶10", "¶11"], "¶7 recognizes: asks nothing");

    let r1 = row(&rows, "¶1");
    assert_eq!((r1.verb, r1.addressee_names().as_str()), (Role::Requests, "Secretary-General"));
    assert_eq!(r1.deliverable.as_ref().map(|d| d.kind), Some(DeliverableKind::Report));
    assert_eq!(r1.reports_to, ["to the General Assembly at its eighty-first session"]);
    assert_eq!(due(r1), (Some("2026-09-01".into()), Some("2027-08-31".into())), "September to September");

    let r2 = row(&rows, "¶2");
    assert_eq!((r2.verb, r2.addressees.len()), (Role::Decides, 0));
    assert_eq!(r2.deliverable.as_ref().map(|d| d.quote.as_str()), Some("high-level meeting"));
    assert_eq!(due(r2), (Some("2035-01-01".into()), Some("2035-12-31".into())));

    let r3 = row(&rows, "¶3");
    assert_eq!((r3.verb, r3.addressee_names().as_str()), (Role::Urges, "Member States"));
    assert_eq!(due(r3), (None, Some("2030-12-31".into())), "by 2030: any time until its end");

    let r4 = row(&rows, "¶4");
    assert_eq!((r4.verb, r4.addressee_names().as_str()), (Role::Invites, "CSTD"));
    assert_eq!(due(r4), (None, Some("2026-07-31".into())));

    let r5 = row(&rows, "¶5");
    assert_eq!((r5.verb, r5.addressee_names().as_str()), (Role::Encourages, "all stakeholders"));
    assert_eq!(r5.when.every_years, Some(4));

    let r6 = row(&rows, "¶6");
    assert_eq!(r6.verb, Role::Calls);
    let names: Vec<&str> = r6.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Secretary-General", "CSTD"], "a plural addressee: both bodies");
    assert_eq!(
        (r6.when.every_years, r6.deliverable.as_ref().map(|d| d.kind)),
        (Some(1), Some(DeliverableKind::Meeting))
    );

    let r8 = row(&rows, "¶8");
    assert_eq!(r8.reports_to, ["through the Economic and Social Council"]);
    assert_eq!(r8.when.ends.as_deref(), Some("until its eighty-fifth session"));
    assert_eq!(r8.when.every_years, Some(2));
    assert!(r8.when.due.is_none(), "an end is not a due date");

    let r9 = row(&rows, "¶9");
    assert_eq!(r9.deliverable.as_ref().map(|d| d.kind), Some(DeliverableKind::AgendaItem));
    assert_eq!(due(r9), (Some("2026-09-01".into()), Some("2027-08-31".into())), "next session of the eightieth");

    let r10 = row(&rows, "¶10");
    assert!(r10.addressees.is_empty(), "calls for: nobody named");
    assert_eq!(due(r10), (None, Some("2027-12-31".into())));

    let r11 = row(&rows, "¶11");
    assert!(r11.when.due.is_none(), "another body's session is not dated");
    assert_eq!(r11.when.unresolved, ["at its thirtieth session"]);
}

#[test]
fn date_forms_read_alone() {
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("to report by 2030", None, Some("2030-12-31")),
        ("to report no later than July 2026", None, Some("2026-07-31")),
        ("to report not later than 15 March 2027", None, Some("2027-03-15")),
        ("to convene a meeting in 2035", Some("2035-01-01"), Some("2035-12-31")),
        ("to report at its eighty-second session", Some("2027-09-01"), Some("2028-08-31")),
        ("to report to the General Assembly at its seventy-ninth session", Some("2024-09-01"), Some("2025-08-31")),
        ("during its eighty-second session in 2027", Some("2027-09-01"), Some("2028-08-31")),
        ("by the end of 2030", None, Some("2030-12-31")),
        ("to report to the Human Rights Council at its sixtieth session", None, None),
        ("to report regularly", None, None),
    ];
    for (text, from, to) in cases {
        let w = when::read(text, Some(80));
        let got = (
            w.due.as_ref().and_then(|d| d.from).map(|d| d.to_string()),
            w.due.as_ref().and_then(|d| d.to).map(|d| d.to_string()),
        );
        assert_eq!(got, (from.map(str::to_owned), to.map(str::to_owned)), "{text}");
    }
    for (text, years) in [
        ("annually", 1),
        ("on an annual basis", 1),
        ("biennially", 2),
        ("every two years", 2),
        ("every four years", 4),
        ("quadrennial", 4),
    ] {
        assert_eq!(when::read(text, None).every_years, Some(years), "{text}");
    }
    assert_eq!(when::read("to continue until 2030", None).ends.as_deref(), Some("until 2030"));
    assert!(when::read("until 2030", None).due.is_none());
}

#[test]
fn overlaps_flag_a_series_and_the_same_report_twice() {
    let graph = graph_of(vec![wsis20(), load("A-RES-78-132.txt"), load("A-RES-76-189.txt")]);
    let rows = registry(&graph);
    let pairs = overlaps(&graph, &rows);
    let pair = |a: &str, b: &str| {
        pairs.iter().find(|o| {
            let (x, y) = (&rows[o.a], &rows[o.b]);
            let names = [x.document_label.as_str(), x.label.as_str(), y.document_label.as_str(), y.label.as_str()];
            let (aa, ab) = a.split_once(' ').unwrap_or_default();
            let (ba, bb) = b.split_once(' ').unwrap_or_default();
            (names == [aa, ab, ba, bb]) || (names == [ba, bb, aa, ab])
        })
    };
    // The Secretary-General's report, renewed from 76/189 to 78/132.
    let renewed = pair("A/RES/78/132 ¶57", "A/RES/76/189 ¶46").unwrap_or_else(|| panic!("{pairs:#?}"));
    assert_eq!(renewed.kind, OverlapKind::Renewed);
    assert_eq!(renewed.shared, ["Secretary-General"]);
    // WSIS+20's biennial report and the series' annual one: possibly the same report.
    let twice = pair("A/RES/80/173 ¶124", "A/RES/78/132 ¶57").unwrap_or_else(|| panic!("{pairs:#?}"));
    assert_eq!(twice.kind, OverlapKind::Duplicate);
    // Never within one document, always with a shared addressee.
    for o in &pairs {
        assert_ne!(rows[o.a].document, rows[o.b].document);
        assert!(!o.shared.is_empty());
    }
}

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wsis-atlas")).args(args).output().expect("the binary runs")
}

#[test]
fn command_writes_each_format() {
    let file = dev("A-RES-73-266.txt");
    let path = file.to_str().unwrap_or_default();
    let csv = atlas(&["mandates", path, "--format", "csv"]);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let text = String::from_utf8_lossy(&csv.stdout);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().map(|h| h.iter().map(str::to_owned).collect()).unwrap_or_default();
    assert_eq!(header, wsis_atlas::mandates::export::CSV_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(records.len(), 7);
    assert!(records.iter().any(|r| r.get(2) == Some("¶3") && r.get(12) == Some("2022-08-31")));

    let json = atlas(&["mandates", path, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_default();
    assert_eq!(value["mandates"].as_array().map(Vec::len), Some(7));
    assert_eq!(value["mandates"][0]["verb"], "calls");

    let md = atlas(&["mandates", path, "--format", "md"]);
    assert!(String::from_utf8_lossy(&md.stdout).contains("| A/RES/73/266 | ¶3 | requests | Secretary-General |"));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("mandates.ics");
    let ics = atlas(&["mandates", path, "--format", "ics", "--out", out.to_str().unwrap_or_default()]);
    assert!(ics.status.success(), "{}", String::from_utf8_lossy(&ics.stderr));
    let cal = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n") && cal.ends_with("END:VCALENDAR\r\n"));
    // ¶3's report (seventy-sixth session) and ¶6's agenda item (seventy-fourth): the dated deliverables.
    assert_eq!(cal.matches("BEGIN:VEVENT").count(), 2);
    assert!(cal.contains("DTSTART;VALUE=DATE:20210901\r\n") && cal.contains("DTEND;VALUE=DATE:20220901\r\n"));
    assert!(cal.split("\r\n").all(|l| l.len() <= 75));
    // Not replaced without --force.
    let again = atlas(&["mandates", path, "--format", "ics", "--out", out.to_str().unwrap_or_default()]);
    assert!(!again.status.success());

    let missing = atlas(&["mandates", "/nonexistent/file.txt"]);
    assert!(!missing.status.success());
    assert!(!String::from_utf8_lossy(&missing.stderr).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the clause, reading its time words never panics, and a
    /// period never ends before it starts.
    #[test]
    fn time_words_never_panic(text in "[a-zA-Z0-9 ,;.()-]{0,120}", session in proptest::option::of(1u16..200)) {
        let w = when::read(&text, session);
        if let Some(d) = w.due {
            if let (Some(f), Some(t)) = (d.from, d.to) {
                prop_assert!(f <= t);
            }
            prop_assert!(text.contains(&d.quote));
        }
    }

    /// Operative paragraphs made of mandate words: every row's span is its
    /// task in the paragraph's text, and every export encodes.
    #[test]
    fn rows_point_at_their_words(
        clauses in proptest::collection::vec(
            (
                proptest::sample::select(vec!["Requests", "Decides", "Urges", "Invites", "Encourages", "Calls upon", "Recognizes"]),
                proptest::sample::select(vec!["the Secretary-General", "all stakeholders", "Member States", "the ITU and UNESCO", "a group"]),
                proptest::sample::select(vec!["to submit a report", "to hold a meeting", "to act", "to establish a working group", ""]),
                proptest::sample::select(vec![" by 2030", " at its eighty-first session", " annually", " until 2040", "", " (a) to x; (b) to y"]),
            ),
            1..6,
        )
    ) {
        let mut text = String::from("The General Assembly,\n\nRecalling its resolutions,\n\n");
        for (k, (verb, who, task, when)) in clauses.iter().enumerate() {
            text.push_str(&format!("{}. {verb} {who} {task}{when};\n\n", k + 1));
        }
        let graph = graph_of(vec![document::parse("prop", "proptest", &text)]);
        let rows = registry(&graph);
        for m in &rows {
            let p = graph.node_by_id(&m.paragraph).and_then(|n| n.text.clone()).unwrap_or_default();
            prop_assert_eq!(p.get(m.span.clone()).map(str::trim_end), Some(m.task.as_str()));
            prop_assert!(m.verb != Role::Recognizes);
        }
        let pairs = overlaps(&graph, &rows);
        for f in Format::ALL {
            prop_assert!(render(&rows, &pairs, f, jiff::Timestamp::UNIX_EPOCH).is_ok());
        }
    }
}
