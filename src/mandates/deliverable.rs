//! What a mandate asks to be produced (a report, a meeting, a review, a new
//! body or process, an agenda item) and to whom it goes (`to the General
//! Assembly at its eighty-second session`, `through the Economic and Social
//! Council`), from the words of the task after its addressees.

use serde::Serialize;

/// The kind of thing a mandate asks to be produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliverableKind {
    /// A report, road map, study or compilation.
    Report,
    /// A meeting, conference, summit, forum, dialogue or event.
    Meeting,
    /// A review, assessment or evaluation.
    Review,
    /// A new body, mechanism, group, fund or process.
    Body,
    /// An item on a session's agenda.
    AgendaItem,
}

impl DeliverableKind {
    /// Every kind, in the order filters list them.
    pub const ALL: [DeliverableKind; 5] = [
        DeliverableKind::Report,
        DeliverableKind::Meeting,
        DeliverableKind::Review,
        DeliverableKind::Body,
        DeliverableKind::AgendaItem,
    ];

    /// The name in tables and files: `agenda item`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DeliverableKind::Report => "report",
            DeliverableKind::Meeting => "meeting",
            DeliverableKind::Review => "review",
            DeliverableKind::Body => "body",
            DeliverableKind::AgendaItem => "agenda item",
        }
    }
}

/// A deliverable: its kind and the words that name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deliverable {
    /// What kind.
    pub kind: DeliverableKind,
    /// The words that name it: `report`, `high-level meeting`, `road map`.
    pub quote: String,
}

/// Word sequences (lower case) that name a deliverable. The first in the
/// task's text order wins ("hold a high-level meeting on the overall
/// review" asks for a meeting).
const NAMES: &[(&[&str], DeliverableKind)] = {
    use DeliverableKind::*;
    &[
        (&["provisional", "agenda"], AgendaItem),
        (&["report"], Report),
        (&["reports"], Report),
        (&["road", "map"], Report),
        (&["roadmap"], Report),
        (&["study"], Report),
        (&["compilation"], Report),
        (&["summary"], Report),
        (&["high-level", "meeting"], Meeting),
        (&["meeting"], Meeting),
        (&["meetings"], Meeting),
        (&["conference"], Meeting),
        (&["consultations"], Meeting),
        (&["summit"], Meeting),
        (&["dialogue"], Meeting),
        (&["workshop"], Meeting),
        (&["event"], Meeting),
        (&["review"], Review),
        (&["assessment"], Review),
        (&["evaluation"], Review),
        (&["stock"], Review),
        (&["working", "group"], Body),
    ]
};

/// Verbs that produce a deliverable: a report, meeting or body named
/// before the first of them is something to consider or take into
/// account, not something asked for ("consider the report").
const PRODUCE: &[&str] = &[
    "submit",
    "submitting",
    "prepare",
    "preparing",
    "present",
    "presented",
    "produce",
    "convene",
    "convening",
    "hold",
    "holding",
    "organize",
    "organise",
    "organizing",
    "establish",
    "establishing",
    "include",
    "report",
    "provide",
    "transmit",
    "issue",
    "develop",
    "compile",
    "create",
    "set",
    "conduct",
    "undertake",
    "launch",
];

/// Nouns that, within a few words after `establish`, `create` or `set up`,
/// name a new body or process.
const BODIES: &[&str] = &[
    "group",
    "mechanism",
    "body",
    "committee",
    "panel",
    "fund",
    "network",
    "office",
    "forum",
    "process",
    "platform",
    "council",
    "commission",
    "facility",
    "task",
    "team",
    "programme",
];

/// Words (lower case) with their byte ranges.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let wordy = c.is_alphanumeric() || (start.is_some() && c == '-');
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                out.push((s, i, text.get(s..i).unwrap_or_default().to_lowercase()));
            }
            _ => {}
        }
    }
    out
}

/// The first deliverable named in `text` (the task after its addressees),
/// outside the byte ranges in `names` (bodies' names: the Internet
/// Governance *Forum* is no meeting asked for).
#[must_use]
pub fn deliverable(text: &str, names: &[std::ops::Range<usize>]) -> Option<Deliverable> {
    let words = words(text);
    // `take stock` produces a review; `take into account` nothing.
    let first = words.iter().enumerate().position(|(k, w)| {
        PRODUCE.contains(&w.2.as_str()) || (w.2 == "take" && words.get(k + 1).is_some_and(|n| n.2 == "stock"))
    })?;
    for i in first..words.len() {
        if matches!(words.get(i).map(|w| w.2.as_str()), Some("establish" | "establishing" | "create" | "set"))
            && let Some(k) = (i + 1..(i + 7).min(words.len()))
                .find(|&k| words.get(k).is_some_and(|w| BODIES.contains(&w.2.as_str())))
        {
            let (start, end) = (words.get(i)?.0, words.get(k)?.1);
            return Some(Deliverable { kind: DeliverableKind::Body, quote: text.get(start..end)?.to_owned() });
        }
        for (sequence, kind) in NAMES {
            let matched = sequence.iter().enumerate().all(|(k, s)| words.get(i + k).is_some_and(|w| w.2 == *s));
            if !matched {
                continue;
            }
            let (start, end) = (words.get(i)?.0, words.get(i + sequence.len() - 1)?.1);
            if names.iter().any(|r| r.start < end && start < r.end) {
                continue;
            }
            // `take stock` is a review; `stock` alone is not.
            if *sequence == ["stock"] && !(i > 0 && words.get(i - 1).is_some_and(|w| w.2 == "take")) {
                continue;
            }
            return Some(Deliverable { kind: *kind, quote: text.get(start..end)?.to_owned() });
        }
    }
    None
}

/// Where the deliverable goes: each organization named (at `bodies`, byte
/// ranges in `text`) right after `through`, `to`, `submit to` or `for the
/// consideration of`, with the lead and a following `at its … session`,
/// as written: `to the General Assembly at its eighty-second session`.
#[must_use]
pub fn reports_to(text: &str, bodies: &[std::ops::Range<usize>]) -> Vec<String> {
    const LEADS: &[&str] = &["through the", "through", "to the", "to", "consideration of the", "consideration of"];
    let mut out: Vec<String> = Vec::new();
    let mut last_end: Option<usize> = None;
    for body in bodies {
        let before = text.get(..body.start).unwrap_or_default().trim_end();
        let lower = before.to_lowercase();
        // `through the Commission … and the Economic and Social Council`: one way.
        if let (Some(end), Some(prev)) = (last_end, out.last_mut())
            && text.get(end..body.start).is_some_and(|gap| matches!(gap.trim(), "and" | "and the" | "and to the"))
        {
            let joined = text.get(end..body.end).unwrap_or_default();
            prev.push(' ');
            prev.push_str(&joined.split_whitespace().collect::<Vec<_>>().join(" "));
            last_end = Some(body.end);
            continue;
        }
        let Some(lead) = LEADS.iter().find(|l| lower.ends_with(*l) && word_boundary(&lower, l.len())) else {
            continue;
        };
        // `to the …` goes somewhere only after a verb of reporting
        // (`submit to the General Assembly`, `report to`; the General
        // Assembly, where reports go, after any words), not in a name
        // (`Improvements to the Internet Governance Forum`).
        let assembly = text.get(body.clone()).is_some_and(|b| b.starts_with("General Assembly"));
        if lead.starts_with("to") && !assembly {
            let head = lower.get(..lower.len() - lead.len()).unwrap_or_default();
            let recent: Vec<&str> =
                head.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(4).collect();
            if !recent.iter().any(|w| REPORTING.contains(w)) {
                continue;
            }
        }
        let start = before.len() - lead.len();
        let start = if lead.starts_with("consideration") {
            // `for the consideration of`.
            let pre = text.get(..start).unwrap_or_default().trim_end();
            pre.to_lowercase().strip_suffix("for the").map_or(start, |p| p.len())
        } else {
            start
        };
        let mut end = body.end;
        let after = text.get(end..).unwrap_or_default();
        if let Some(rest) = after.strip_prefix(" at its ").or_else(|| after.strip_prefix(" at the "))
            && let Some(k) = rest.find(" session")
            && rest.get(..k).is_some_and(|w| w.split_whitespace().count() <= 2)
        {
            end += after.len() - rest.len() + k + " session".len();
        }
        if let Some(quote) = text.get(start..end) {
            out.push(quote.split_whitespace().collect::<Vec<_>>().join(" "));
            last_end = Some(end);
        }
    }
    out
}

/// Verbs after which `to the …` names where a deliverable goes.
const REPORTING: &[&str] = &[
    "submit",
    "submitted",
    "report",
    "reports",
    "reporting",
    "transmit",
    "transmitted",
    "present",
    "presented",
    "forward",
    "communicate",
    "provide",
    "it",
    "them",
];

/// Whether the suffix of `text` of `len` bytes starts a word.
fn word_boundary(text: &str, len: usize) -> bool {
    text.len() == len || text.get(..text.len() - len).is_some_and(|p| p.ends_with(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_deliverable_in_text_order() {
        assert!(deliverable("to take into account the outcomes of the road map", &[]).is_none());
        let d = deliverable("to establish an open-ended working group on security", &[]);
        assert_eq!(
            d.map(|d| (d.kind, d.quote)),
            Some((DeliverableKind::Body, "establish an open-ended working group".into()))
        );
        let d = deliverable("to hold a high-level meeting on the overall review in 2035", &[]);
        assert_eq!(d.map(|d| (d.kind, d.quote)), Some((DeliverableKind::Meeting, "high-level meeting".into())));
        let d = deliverable("to submit a biennial report on progress", &[]);
        assert_eq!(d.map(|d| d.kind), Some(DeliverableKind::Report));
        assert!(deliverable("to work together", &[]).is_none());
        let text = "to strengthen the Internet Governance Forum";
        let forum = text.find("Internet").unwrap_or(0)..text.len();
        assert!(deliverable(text, &[forum]).is_none());
        assert!(deliverable("to put stock in it", &[]).is_none());
        assert_eq!(deliverable("to take stock of progress", &[]).map(|d| d.kind), Some(DeliverableKind::Review));
    }

    #[test]
    fn reports_to_with_session() {
        let text = "to submit to the General Assembly at its eighty-second session a report";
        let ga = text.find("General").unwrap_or(0)..text.find(" at its").unwrap_or(0);
        assert_eq!(reports_to(text, &[ga]), ["to the General Assembly at its eighty-second session"]);
        let text = "to submit, through the Commission, a report";
        let c = text.find("Commission").unwrap_or(0)..text.find(", a").unwrap_or(0);
        assert_eq!(reports_to(text, &[c]), ["through the Commission"]);
        let text = "presented for the consideration of the Commission at its twenty-ninth session";
        let c = text.find("Commission").unwrap_or(0)..text.find(" at its").unwrap_or(0);
        assert_eq!(reports_to(text, &[c]), ["for the consideration of the Commission at its twenty-ninth session"]);
        let text = "through the Commission and the Council, a report";
        let c = text.find("Commission").unwrap_or(0)..text.find(" and").unwrap_or(0);
        let e = text.find("Council").unwrap_or(0)..text.find(", a").unwrap_or(0);
        assert_eq!(reports_to(text, &[c, e]), ["through the Commission and the Council"]);
        let text = "the report of the Working Group on Improvements to the Forum";
        let f = text.find("Forum").unwrap_or(0)..text.len();
        assert!(reports_to(text, &[f]).is_empty());
        let text = "to work with the Commission";
        let c = text.find("Commission").unwrap_or(0)..text.len();
        assert!(reports_to(text, &[c]).is_empty());
    }
}
