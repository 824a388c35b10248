//! Integration tests: analysis — clause roles, who is asked to act and by
//! when, paragraphs that say the same thing, and document comparison, on the
//! bundled WSIS+10 outcome document.

use petgraph::stable_graph::NodeIndex;
use wsis_atlas::analysis::{self, DiffOp, Role, Status};
use wsis_atlas::document;
use wsis_atlas::extract::Catalogue;
use wsis_atlas::graph::{AtlasGraph, EdgeKind};

fn bundled() -> AtlasGraph {
    AtlasGraph::bundled().expect("bundled lexicons load")
}

fn para(graph: &AtlasGraph, n: u32) -> NodeIndex {
    graph.index_of(&format!("para:wsis10:{n}")).expect("paragraph exists")
}

fn roles(graph: &AtlasGraph, n: u32) -> Vec<Role> {
    graph.node(para(graph, n)).map(|node| node.roles.clone()).expect("a paragraph node")
}

#[test]
fn paragraph_roles_come_from_their_openings() {
    let g = bundled();
    // "Recalling the request in paragraph 111 …, and in this regard reaffirming …"
    assert_eq!(roles(&g, 1), [Role::Recalls, Role::Reaffirms]);
    // "We emphasize our concern … We recognize … we commit … We call for … We reaffirm …"
    let r32 = roles(&g, 32);
    assert!(r32.contains(&Role::Commits) && r32.contains(&Role::Calls), "{r32:?}");
    assert_eq!(r32.first(), Some(&Role::ExpressesConcern));
    assert_eq!(roles(&g, 70), [Role::Notes, Role::Calls, Role::Invites]);
    // "We acknowledge … and call for …": the second clause has no "we" of its own.
    assert_eq!(roles(&g, 76), [Role::Recognizes, Role::Calls]);
    // "Building on …" has no role.
    assert!(roles(&g, 3).is_empty());
}

#[test]
fn clauses_carry_their_spans() {
    let g = bundled();
    let text = g.node(para(&g, 32)).and_then(|n| n.text.clone()).unwrap();
    let clauses = analysis::clauses(&text);
    let commit = clauses.iter().find(|c| c.role == Role::Commits).expect("a commitment");
    assert_eq!(text.get(commit.opening.clone()), Some("we commit"));
    let clause = text.get(commit.clause.clone()).unwrap();
    assert!(clause.starts_with("we commit to mainstream gender in the WSIS process"), "{clause}");
    assert!(clause.ends_with("including UN Women."), "{clause}");
}

#[test]
fn paragraph_70_invites_the_cstd_chair_through_ecosoc_by_july_2016() {
    let g = bundled();
    let p70 = para(&g, 70);
    let cstd = g.index_of("org:CSTD").expect("CSTD node");
    let ecosoc = g.index_of("org:ECOSOC").expect("ECOSOC node");
    for body in [cstd, ecosoc] {
        let edge = g.edge_between(p70, body, EdgeKind::AddressedTo).and_then(|e| g.edge(e)).expect("addressed_to");
        assert_eq!(edge.deadlines, ["no later than July 2016"]);
        let text = g.node(p70).and_then(|n| n.text.as_deref()).unwrap();
        assert_eq!(edge.evidence.first().map(|e| e.quote.as_str()), Some("We accordingly invite"));
        for e in &edge.evidence {
            assert_eq!(text.get(e.start..e.end), Some(e.quote.as_str()));
        }
    }
    // The note and the call of ¶70 address nobody.
    assert_eq!(g.links(p70).iter().filter(|l| l.weight.kind == EdgeKind::AddressedTo).count(), 2);
}

#[test]
fn what_is_the_cstd_asked_to_do() {
    let g = bundled();
    let cstd = g.index_of("org:CSTD").expect("CSTD node");
    let tasks = analysis::tasks_for(&g, cstd);
    let numbers: Vec<u32> = tasks.iter().filter_map(|t| g.node(t.paragraph).and_then(|n| n.number)).collect();
    assert_eq!(numbers, [38, 68, 70]);
    let invite = tasks.iter().find(|t| t.role == Role::Invites).expect("the invitation of ¶70");
    assert!(invite.sentence.starts_with("We accordingly invite the Chair of the Commission"), "{}", invite.sentence);
    assert_eq!(invite.deadlines, ["no later than July 2016"]);
    assert!(tasks.iter().any(|t| t.role == Role::Requests));
    for t in &tasks {
        let text = g.node(t.paragraph).and_then(|n| n.text.as_deref()).unwrap();
        assert_eq!(text.get(t.span.clone()), Some(t.sentence.as_str()));
    }
    // A stakeholder group called on in ¶17, with everyone else.
    let private = g.index_of("stk:private-sector").expect("private sector");
    assert!(analysis::tasks_for(&g, private).iter().any(|t| t.role == Role::Calls));
    // A node nobody asks anything of.
    assert!(analysis::tasks_for(&g, para(&g, 1)).is_empty());
}

#[test]
fn repeated_paragraphs_are_linked_as_similar_and_nothing_else_is() {
    let g = bundled();
    let similar: Vec<(u32, u32, f32)> = g
        .edges()
        .filter(|(_, _, e)| e.kind == EdgeKind::Similar)
        .filter_map(|(a, b, e)| Some((g.node(a)?.number?, g.node(b)?.number?, e.score()?)))
        .collect();
    let pairs: Vec<(u32, u32)> = similar.iter().map(|&(a, b, _)| (a, b)).collect();
    // ¶75 and ¶76 end with the same sentence; ¶14 and ¶48 both say the same
    // rights apply offline and online. Paragraphs that merely share a list of
    // country groups (¶12, ¶35, ¶66) are not linked.
    assert!(pairs.contains(&(75, 76)), "{similar:?}");
    assert!(pairs.contains(&(14, 48)), "{similar:?}");
    assert!(!pairs.contains(&(35, 66)) && !pairs.contains(&(12, 35)), "{similar:?}");
    assert!(similar.iter().all(|&(_, _, s)| (0.5..=1.0).contains(&s)), "{similar:?}");
    let (a, b) = (para(&g, 14), para(&g, 48));
    let edge = g.edge_between(a, b, EdgeKind::Similar).and_then(|e| g.edge(e)).expect("¶14 ~ ¶48");
    assert_eq!(
        edge.evidence.first().map(|e| e.quote.as_str()),
        Some("We moreover reaffirm that the same rights that people have offline must also be protected online.")
    );
}

#[test]
fn json_export_carries_roles_scores_and_deadlines() {
    let g = bundled();
    let json = wsis_atlas::export::json::to_json(&g, |_| None).expect("JSON");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let nodes = value["nodes"].as_array().expect("nodes");
    let p1 = nodes.iter().find(|n| n["id"] == "para:wsis10:1").expect("¶1");
    assert_eq!(p1["roles"], serde_json::json!(["recalls", "reaffirms"]));
    let links = value["links"].as_array().expect("links");
    let invite = links
        .iter()
        .find(|l| l["source"] == "para:wsis10:70" && l["target"] == "org:CSTD" && l["kind"] == "addressed_to")
        .expect("¶70 → CSTD");
    assert_eq!(invite["deadlines"], serde_json::json!(["no later than July 2016"]));
    let similar = links.iter().find(|l| l["source"] == "para:wsis10:75" && l["kind"] == "similar").expect("¶75 ~ ¶76");
    assert_eq!(similar["score"].as_f64(), Some(1.0));
    // Other edges carry neither field.
    let cites = links.iter().find(|l| l["kind"] == "cites").expect("a citation");
    assert!(cites.get("score").is_none() && cites.get("deadlines").is_none());
    // The export reads back to the same graph data.
    let back: wsis_atlas::export::json::NodeLink = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, wsis_atlas::export::json::node_link(&g, |_| None));
}

#[test]
fn stats_count_paragraphs_per_role() {
    let g = bundled();
    let stats = wsis_atlas::stats::stats(&g);
    let count = |role: Role| stats.roles.iter().find(|(r, _)| *r == role).map_or(0, |(_, c)| *c);
    assert_eq!(stats.roles.len(), Role::ALL.len());
    assert!(count(Role::Recognizes) > count(Role::Invites));
    // ¶70 "We accordingly invite", ¶72 "and in this regard invite", ¶73 "we invite".
    assert_eq!(count(Role::Invites), 3);
    assert!(stats.to_string().contains("clause roles (paragraphs):"));
}

#[test]
fn word_diff_of_the_repeated_ending() {
    let g = bundled();
    let text = |n| g.node(para(&g, n)).and_then(|node| node.text.clone()).unwrap();
    let ops = analysis::word_diff(&text(75), &text(76));
    match ops.last() {
        Some(DiffOp::Equal(tail)) => {
            assert!(tail.ends_with("data gathering and dissemination and should be continued."), "{tail}")
        }
        other => panic!("the paragraphs end alike: {other:?}"),
    }
    assert!(ops.iter().any(|op| matches!(op, DiffOp::Delete(_))));
    assert!(ops.iter().any(|op| matches!(op, DiffOp::Insert(_))));
}

/// The bundled text with ¶15 replaced by an unrelated sentence, ¶32's target year changed, under another id.
fn revised() -> document::Document {
    let text = document::BUNDLED_TEXT
        .replace(
            "15. Building confidence and security in the use of ICTs for sustainable development should also be a \
             priority, especially given growing challenges, including the abuse of ICTs for harmful activities from \
             harassment to crime to terrorism.",
            "15. Cats sleep all day in the warm sun of the garden, and dogs bark at the postman every morning.",
        )
        .replace("gender equality in internet users by 2020", "gender equality in internet users by 2030");
    document::parse("wsis10b", "revised", &text)
}

#[test]
fn comparing_two_versions_of_the_document() {
    let catalogue = Catalogue::bundled().expect("lexicons");
    let (g, errors) = AtlasGraph::from_documents(vec![document::bundled(), revised()], &catalogue);
    assert!(errors.is_empty());
    let (a, b) = (g.index_of("doc:wsis10").expect("a"), g.index_of("doc:wsis10b").expect("b"));
    let comparisons = analysis::compare_documents(&g, a, b);
    let status_of = |id: &str| {
        let index = g.index_of(id).expect("paragraph");
        comparisons.iter().find(|c| c.paragraph == index).map(|c| (c.status, c.best_match))
    };
    let n = g.documents().first().map_or(0, |d| d.paragraphs.len());
    assert_eq!(comparisons.len(), n + 1, "every paragraph of b, and the dropped ¶15 of a");
    assert_eq!(status_of("para:wsis10b:15").map(|s| s.0), Some(Status::New));
    assert_eq!(status_of("para:wsis10:15").map(|s| s.0), Some(Status::Dropped));
    let (status, best) = status_of("para:wsis10b:32").expect("¶32 of b");
    assert_eq!(status, Status::Changed);
    assert_eq!(best.map(|(i, _)| i), g.index_of("para:wsis10:32"));
    assert!(best.is_some_and(|(_, s)| s > 0.9 && s < 1.0), "{best:?}");
    // ¶76 ends like ¶75, but its own counterpart is the one with the same words.
    for n in [48, 75, 76] {
        let (status, best) = status_of(&format!("para:wsis10b:{n}")).expect("a paragraph of b");
        assert_eq!(status, Status::CarriedOver);
        assert_eq!(best, g.index_of(&format!("para:wsis10:{n}")).map(|i| (i, 1.0)));
    }
    // Similar edges now also run across the documents, and go when b goes.
    let across = |g: &AtlasGraph| {
        g.edges()
            .filter(|(s, t, e)| {
                e.kind == EdgeKind::Similar
                    && g.node(*s).and_then(|n| n.document.clone()) != g.node(*t).and_then(|n| n.document.clone())
            })
            .count()
    };
    assert!(across(&g) >= n - 1);
    let mut g = g;
    assert!(g.remove_document("wsis10b"));
    assert_eq!(across(&g), 0);
    let within = g.edges().filter(|(_, _, e)| e.kind == EdgeKind::Similar).count();
    assert_eq!(within, bundled().edges().filter(|(_, _, e)| e.kind == EdgeKind::Similar).count());
}

/// Ids of the bodies and groups a paragraph of the bundled text is addressed to.
fn addressed(g: &AtlasGraph, n: u32) -> Vec<String> {
    let mut ids: Vec<String> = g
        .links(para(g, n))
        .iter()
        .filter(|l| l.weight.kind == EdgeKind::AddressedTo)
        .filter_map(|l| g.node(l.other).map(|node| node.id.clone()))
        .collect();
    ids.sort();
    ids
}

#[test]
fn common_un_addressees_resolve_on_the_bundled_text() {
    let g = bundled();
    let expected: [(u32, &[&str]); 11] = [
        // "encourage all stakeholders to ensure the full participation of women"
        (11, &["stk:all-stakeholders"]),
        // "call on all governments, … and all other relevant stakeholders …, and request United
        // Nations entities facilitating the WSIS Action Lines to review their reporting"
        (
            17,
            &[
                "org:action-line-facilitators",
                "stk:academia",
                "stk:all-stakeholders",
                "stk:civil-society",
                "stk:governments",
                "stk:international-organizations",
                "stk:private-sector",
                "stk:technical-community",
            ],
        ),
        // "call on all stakeholders, particularly United Nations entities that are facilitating WSIS Action Lines"
        (28, &["org:action-line-facilitators", "stk:all-stakeholders"]),
        (30, &["stk:all-stakeholders"]),
        // "request CSTD within its mandate related to the follow up to WSIS, and all Action Line
        // facilitators … to work with all stakeholders": the prepositional "to"s do not end the
        // addressees, the infinitive does (so "all stakeholders" after it is not one).
        (38, &["org:CSTD", "org:action-line-facilitators"]),
        (43, &["stk:governments"]),
        // "We call on States to take all appropriate measures", "we call upon all States to review".
        (49, &["stk:member-states"]),
        (51, &["stk:member-states"]),
        (58, &["stk:member-states"]),
        (70, &["org:CSTD", "org:ECOSOC"]),
        (72, &["org:HLPF", "org:UNGIS"]),
    ];
    for (n, ids) in expected {
        assert_eq!(addressed(&g, n), ids, "¶{n}");
    }
    // "We also encourage a prominent profile for ICTs in the new technology facilitation
    // mechanism": a thing encouraged, not a body asked. "We call for …" asks nobody.
    assert!(addressed(&g, 44).is_empty());
    for n in [10, 32, 45, 59, 66] {
        assert!(addressed(&g, n).is_empty(), "¶{n}: {:?}", addressed(&g, n));
    }
    // Every clause of the bundled text that asks someone to act and names a
    // body or group in its addressee phrase produces an edge; the clauses
    // whose object is a thing (¶23 "greater investments", ¶77 "its outcome") do not.
    let catalogue = Catalogue::bundled().expect("lexicons");
    let mut thingy = Vec::new();
    for p in &document::bundled().paragraphs {
        let mentions = wsis_atlas::extract::extract(&p.text, &catalogue);
        for c in analysis::clauses(&p.text) {
            if analysis::addressees::addressee_phrase(&p.text, &c).is_some()
                && analysis::addressees::addressees(&p.text, &c, &mentions).is_empty()
            {
                thingy.push(p.number);
            }
        }
    }
    assert_eq!(thingy, [23, 77]);
}

#[test]
fn common_un_addressees_resolve_in_hand_made_calls() {
    let catalogue = Catalogue::bundled().expect("lexicons");
    let addressees = |text: &str| -> Vec<Vec<String>> {
        let mentions = wsis_atlas::extract::extract(text, &catalogue);
        analysis::clauses(text)
            .iter()
            .filter(|c| c.role.asks_to_act())
            .map(|c| analysis::addressees::addressees(text, c, &mentions).iter().map(|m| m.entity.id()).collect())
            .collect()
    };
    assert_eq!(addressees("We call upon all States to respect privacy."), [["stk:member-states"]]);
    assert_eq!(addressees("We call on all stakeholders to cooperate."), [["stk:all-stakeholders"]]);
    assert_eq!(addressees("Invites Member States to consider the report;"), [["stk:member-states"]]);
    assert_eq!(addressees("Urges all relevant stakeholders to act;"), [["stk:all-stakeholders"]]);
    assert_eq!(
        addressees("We encourage Member States and all stakeholders to share good practices."),
        [["stk:member-states", "stk:all-stakeholders"]]
    );
    assert_eq!(
        addressees("Requests the Action Line facilitators to report annually;"),
        [["org:action-line-facilitators"]]
    );
    // A call for an action names nobody, even when a group follows.
    assert_eq!(addressees("We call for all States to be consulted."), [Vec::<String>::new()]);
    // Nor does "other relevant stakeholders" without "all" make an entry of its own.
    assert_eq!(addressees("We call on governments and other relevant stakeholders to act."), [["stk:governments"]]);
}

/// The edges of `kind` with an end in document `doc`, by ids, with their data.
fn edges_touching(g: &AtlasGraph, kind: EdgeKind, doc: &str) -> Vec<(String, String, String)> {
    let of = |n| g.node(n).expect("an end");
    let in_doc = |n| of(n).document.as_deref() == Some(doc);
    let mut out: Vec<(String, String, String)> = g
        .edges()
        .filter(|(s, t, e)| e.kind == kind && (in_doc(*s) || in_doc(*t)))
        .map(|(s, t, e)| {
            (of(s).id.clone(), of(t).id.clone(), format!("{:?} {:?} {:?}", e.score, e.evidence, e.deadlines))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_document_added_to_an_open_map_is_analysed_as_if_opened_with_it() {
    let catalogue = Catalogue::bundled().expect("lexicons");
    let (at_once, errors) = wsis_atlas::corpus::build(vec![document::bundled(), revised()], &catalogue);
    assert!(errors.is_empty());
    let mut open = bundled();
    let mut links = analysis::SimilarLinks::new(&open);
    let added = open.add_document(revised(), &catalogue).expect("a new id");
    analysis::enrich_added(&mut open, &added, &mut links);
    for kind in [EdgeKind::Similar, EdgeKind::AddressedTo, EdgeKind::Cites, EdgeKind::PartOf] {
        let expected = edges_touching(&at_once, kind, "doc:wsis10b");
        assert!(kind != EdgeKind::Similar || expected.len() > 70, "{kind:?}: {}", expected.len());
        assert_eq!(edges_touching(&open, kind, "doc:wsis10b"), expected, "{kind:?}");
    }
    let roles = |g: &AtlasGraph| {
        g.nodes()
            .filter(|(_, n)| n.document.as_deref() == Some("doc:wsis10b"))
            .map(|(_, n)| n.roles.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(roles(&open), roles(&at_once));
    // Closing it again leaves the bundled map's own edges.
    let paragraphs: Vec<NodeIndex> = added.paragraphs.iter().map(|(p, _)| *p).collect();
    assert!(open.remove_document("wsis10b"));
    links.forget(&mut open, &paragraphs);
    assert_eq!(open.edge_count(), bundled().edge_count());
}

/// The dev corpus of real UN documents (`../shared/corpus/dev`).
const DEV_CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");

/// The paragraph texts of the dev corpus documents with these file stems
/// (every `.txt` file when `stems` is empty), in file name order.
fn dev_paragraphs(stems: &[&str]) -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(DEV_CORPUS)
        .expect("the dev corpus beside the repository")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| stems.is_empty() || p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| stems.contains(&s)))
        .collect();
    paths.sort();
    if !stems.is_empty() {
        assert_eq!(paths.len(), stems.len(), "{paths:?}");
    }
    paths.iter().flat_map(|p| document::load(p).expect("a dev corpus file loads").paragraphs).map(|p| p.text).collect()
}

/// The pairs the bounded search finds (default parameters) against those
/// of the exhaustive search: (found, exhaustive, recall). Every pair found
/// must be an exhaustive pair with the same score.
fn bounded_recall(texts: &[String], params: analysis::SimilarityParams) -> (usize, usize, f64) {
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let found = analysis::similar_pairs(&texts, &params);
    let exact = analysis::similar_pairs(&texts, &params.exhaustive());
    let exact_keys: std::collections::HashMap<(usize, usize), f32> =
        exact.iter().map(|p| ((p.a, p.b), p.score)).collect();
    for p in &found {
        let score = exact_keys.get(&(p.a, p.b)).copied();
        assert!(score.is_some_and(|s| (s - p.score).abs() < 1e-5), "{p:?} not found exhaustively ({score:?})");
    }
    #[allow(clippy::cast_precision_loss)]
    let recall = if exact.is_empty() { 1.0 } else { found.len() as f64 / exact.len() as f64 };
    (found.len(), exact.len(), recall)
}

#[test]
fn bounded_similarity_search_finds_the_exhaustive_pairs_of_real_documents() {
    let params = analysis::SimilarityParams::default();
    // WSIS+10 and WSIS+20: the later outcome repeats many paragraphs of the earlier.
    let wsis: Vec<String> =
        document::BUNDLED_DOCUMENTS.iter().flat_map(|b| b.document().paragraphs).map(|p| p.text).collect();
    let (found, exact, recall) = bounded_recall(&wsis, params);
    eprintln!("WSIS+10 ↔ WSIS+20: {found} of {exact} pairs, recall {recall:.4}");
    assert!(exact > 20, "{exact}");
    assert!(recall >= 0.99, "{found} of {exact}");

    // A series: the "ICT for sustainable development" resolutions.
    let series = dev_paragraphs(&["A-RES-72-200", "A-RES-74-197", "A-RES-75-202", "A-RES-76-189", "A-RES-78-132"]);
    let (found, exact, recall) = bounded_recall(&series, params);
    eprintln!("ICT for development series ({} paragraphs): {found} of {exact} pairs, recall {recall:.4}", series.len());
    assert!(exact > 100, "{exact}");
    assert!(recall >= 0.99, "{found} of {exact}");

    // The whole dev corpus with posting lists capped below its common words'
    // document frequencies (40 of about 1,600 paragraphs, where the default
    // cap is 1,000 and words in more than a tenth of the texts carry no
    // weight): what the cap costs when it bites. Pairs alike only through
    // words in more than 40 paragraphs (formulas every resolution repeats)
    // go unfound: since the omnibus budget resolution is read section by
    // section, its two dozen `Takes note of the report of the
    // Secretary-General;` are paragraphs of their own, and about 0.91 is found.
    let all = dev_paragraphs(&[]);
    // Here candidate generation alone is measured: every pair of a text is
    // kept (a formula repeated by many resolutions has more than `best_k`).
    let every_pair = analysis::SimilarityParams { best_k: usize::MAX, ..params };
    let capped = analysis::SimilarityParams { max_posting: 40, ..every_pair };
    let (found, exact, recall) = bounded_recall(&all, capped);
    eprintln!(
        "dev corpus ({} paragraphs), posting lists of at most 40: {found} of {exact} pairs, recall {recall:.4}",
        all.len()
    );
    assert!(exact > 1_000, "{exact}");
    assert!(recall >= 0.9, "{found} of {exact}");
    // With the default cap, the whole dev corpus too; then what keeping
    // each text's best 10 pairs leaves.
    let (found, exact, recall) = bounded_recall(&all, every_pair);
    eprintln!("dev corpus, default cap: {found} of {exact} pairs, recall {recall:.4}");
    assert!(recall >= 0.99, "{found} of {exact}");
    let (kept, _, _) = bounded_recall(&all, params);
    eprintln!("dev corpus, default parameters (best 10 per paragraph): {kept} pairs");
    assert!(kept <= found, "{kept} of {found}");
}
