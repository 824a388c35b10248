//! Node ids, made and read in one place: `doc:wsis10`, `sec:wsis10:1.1`,
//! `para:wsis10:32`, `res:A/RES/70/125`, `res:A/RES/70/125:71`, `undoc:A/70/53`,
//! `inst:tunis-agenda:55`, `org:CSTD`, `sdg:5`, `stk:civil-society`, `al:C10`.
//!
//! Ids are the contract of annotation files, exports and the command line,
//! so their spelling never changes. This module depends on nothing else in
//! the crate: the document reader, the extractor, the graph and the window
//! all use it.

use std::fmt::Display;

/// `doc:<doc>`.
#[must_use]
pub fn document(doc: &str) -> String {
    format!("doc:{doc}")
}

/// `sec:<doc>:<key>`.
#[must_use]
pub fn section(doc: &str, key: &str) -> String {
    format!("sec:{doc}:{key}")
}

/// `res:<symbol>`.
#[must_use]
pub fn resolution(symbol: &str) -> String {
    format!("res:{symbol}")
}

/// `undoc:<symbol>`: a UN document cited by its symbol (a report, a record,
/// a note: `undoc:A/70/53`), not a resolution.
#[must_use]
pub fn cited_document(symbol: &str) -> String {
    format!("undoc:{symbol}")
}

/// `res:<symbol>:<part>` (`71`, `art5`).
#[must_use]
pub fn resolution_part(symbol: &str, part: impl Display) -> String {
    format!("res:{symbol}:{part}")
}

/// `res:<symbol>:<n>`: paragraph `n` of a resolution.
#[must_use]
pub fn resolution_paragraph(symbol: &str, number: u32) -> String {
    resolution_part(symbol, number)
}

/// `inst:<key>`, or `inst:<key>:<part>` for a part of an instrument.
#[must_use]
pub fn instrument(key: &str, part: Option<&dyn Display>) -> String {
    match part {
        Some(part) => format!("inst:{key}:{part}"),
        None => format!("inst:{key}"),
    }
}

/// `org:<key>`.
#[must_use]
pub fn organization(key: &str) -> String {
    format!("org:{key}")
}

/// `sdg:<goal>`.
#[must_use]
pub fn sdg(goal: u8) -> String {
    format!("sdg:{goal}")
}

/// `stk:<key>`.
#[must_use]
pub fn stakeholder(key: &str) -> String {
    format!("stk:{key}")
}

/// `al:<code>`.
#[must_use]
pub fn action_line(code: &str) -> String {
    format!("al:{code}")
}

/// The document key of a document id: `doc:wsis10` → `wsis10`. An id that
/// is not a document's is returned unchanged (a bare key is already one).
#[must_use]
pub fn document_key(id: &str) -> &str {
    id.strip_prefix("doc:").unwrap_or(id)
}

/// Whether `id` is the id of section `key` of document `doc` (a document
/// id or key), without building the id: the window asks it of every
/// paragraph on every frame.
#[must_use]
pub fn is_section(id: &str, doc: &str, key: &str) -> bool {
    let doc = document_key(doc);
    id.strip_prefix("sec:")
        .and_then(|rest| rest.strip_prefix(doc))
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|rest| rest == key)
}

/// `base`, or the first of `base-2`, `base-3`, … that is not `taken`: how a
/// second document of the same name gets its id.
#[must_use]
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_spelt_as_always() {
        assert_eq!(document("wsis10"), "doc:wsis10");
        assert_eq!(section("wsis10", "1.1"), "sec:wsis10:1.1");
        assert_eq!(resolution("A/RES/70/125"), "res:A/RES/70/125");
        assert_eq!(cited_document("A/70/53"), "undoc:A/70/53");
        assert_eq!(resolution_paragraph("A/RES/70/125", 71), "res:A/RES/70/125:71");
        assert_eq!(instrument("udhr", Some(&"art19")), "inst:udhr:art19");
        assert_eq!(instrument("tunis-agenda", None), "inst:tunis-agenda");
        assert_eq!((organization("CSTD"), sdg(5)), ("org:CSTD".to_owned(), "sdg:5".to_owned()));
        assert_eq!((stakeholder("civil-society"), action_line("C10")), ("stk:civil-society".into(), "al:C10".into()));
    }

    #[test]
    fn ids_are_read_back() {
        assert_eq!(document_key("doc:wsis10"), "wsis10");
        assert_eq!(document_key("wsis10"), "wsis10");
        assert!(is_section("sec:wsis10:1.1", "doc:wsis10", "1.1"));
        assert!(is_section("sec:wsis10:1.1", "wsis10", "1.1"));
        assert!(!is_section("sec:wsis10:1.1", "wsis1", "0:1.1"));
        assert!(!is_section("sec:wsis10:1.10", "wsis10", "1.1"));
        assert!(!is_section("para:wsis10:1", "wsis10", "1"));
    }

    #[test]
    fn unique_ids_count_from_two() {
        assert_eq!(unique("res", |_| false), "res");
        assert_eq!(unique("res", |c| c == "res" || c == "res-2"), "res-3");
    }
}
