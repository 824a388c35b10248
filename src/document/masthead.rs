//! The masthead and the closing lines of a UN document: what the document
//! says about itself (symbol, dates, session, agenda item, where it came
//! from, the plenary meeting) rather than what it says.
//!
//! A text is read as a UN document when it opens with a masthead (`United
//! Nations`, the symbol, `Distr.: General`, a job number…) followed, within
//! the first lines, by the opening `The General Assembly,` (comma or not).
//! The title is the run of non-masthead lines right before the opening,
//! without its `80/173.` number. An outcome document adopted by the
//! resolution (`Adopts the following outcome document …:`) brings its own
//! title after that clause; it is then the document's title.

use super::furniture::{is_barcode, is_job_token, is_symbol};
use super::lines::trim_closers;
use super::reading::{Facts, LineKind};

/// The opening line is looked for within this many non-empty lines.
const MASTHEAD_MAX_LINES: usize = 60;
/// An adopting clause runs over at most this many lines…
const CLAUSE_MAX_LINES: usize = 8;
/// …and the outcome document's own title over at most this many…
const TITLE_MAX_LINES: usize = 4;
/// …of at most twice this many characters each.
const TITLE_LINE_MAX_CHARS: usize = 90;

/// What the masthead told.
#[derive(Debug, Default)]
pub(super) struct Head {
    /// The document's symbol.
    pub symbol: Option<String>,
    /// The title.
    pub title: String,
    /// Its facts.
    pub facts: Facts,
    /// The kind of every line it read (0-based index, kind).
    pub kinds: Vec<(usize, LineKind)>,
    /// It ends with an opening (`The General Assembly,`), so a preamble may
    /// follow; a note or report (`Note by the Secretariat`) has none, and
    /// its body starts at its paragraph 1.
    pub opening: bool,
}

/// Reads the masthead of `lines` (trimmed), or `None` when the text has
/// none followed by an opening (then it is a plain text).
pub(super) fn read(lines: &[&str]) -> Option<Head> {
    let first_lines = || lines.iter().enumerate().filter(|(_, l)| !l.is_empty()).take(MASTHEAD_MAX_LINES);
    let (opening, has_opening) = match first_lines().find(|(_, l)| is_opening(l)) {
        Some((i, _)) => (i, true),
        // A note or report: a masthead, then paragraph 1.
        None => (first_lines().find(|(_, l)| is_first_paragraph(l))?.0, false),
    };
    let head: Vec<(usize, &str)> =
        lines.iter().take(opening).copied().enumerate().filter(|(_, l)| !l.is_empty()).collect();
    if !head.iter().any(|(_, l)| is_masthead(l)) {
        return None;
    }
    // Without an opening, only a full masthead (distribution and symbol).
    let full = head.iter().any(|(_, l)| l.starts_with("Distr.")) && head.iter().any(|(_, l)| is_symbol(l.trim()));
    if !(has_opening || full) {
        return None;
    }
    let mut out = Head { symbol: masthead_symbol(&head), opening: has_opening, ..Head::default() };
    let facts = &mut out.facts;
    // A draft's sponsors: the lines that end with `…: draft resolution`.
    let sponsor = sponsor_lines(&head);
    if let Some(list) = sponsor
        .iter()
        .rposition(|&s| s)
        .and_then(|last| draft_line(head[last].1))
        .map(|_| fold(head.iter().zip(&sponsor).filter(|(_, s)| **s).map(|((_, l), _)| *l)))
    {
        facts.sponsors = sponsors_in(draft_line(&list).unwrap_or_default());
    }
    // Lines the facts took that are not masthead lines by themselves: the
    // agenda item's title, the adoption date's wrap; a draft's sponsors.
    let mut taken = sponsor.clone();
    for (at, &(_, line)) in head.iter().enumerate() {
        if sponsor.get(at).copied().unwrap_or(false) {
            continue;
        }
        if let Some(kind) = line.strip_prefix("Distr.:") {
            facts.distribution = Some(kind.trim().to_owned());
            if let Some((_, next)) = head.get(at + 1).filter(|(_, l)| is_date(l)) {
                facts.distributed = Some((*next).to_owned());
            }
        } else if facts.job.is_none() && line.split_whitespace().next().is_some_and(is_job_token) {
            facts.job = Some(line.split_whitespace().take(2).collect::<Vec<_>>().join(" "));
        } else if line.ends_with(" session") && line.split_whitespace().count() <= 4 {
            facts.session = Some(line.to_owned());
        } else if let Some(item) = agenda_item(line) {
            facts.agenda_item = Some(item.trim().trim_end_matches('*').trim_end().to_owned());
            // Its title: the lines after it, up to the next masthead line
            // (or a draft's sponsors), when another run (the document's
            // title) follows.
            let run: Vec<usize> =
                (at + 1..head.len()).take_while(|&j| !is_masthead(head[j].1) && !sponsor[j]).collect();
            let later_run = run
                .last()
                .is_some_and(|&last| head.iter().skip(last + 1).any(|(_, l)| !is_masthead(l) && !is_adoption_wrap(l)));
            if !run.is_empty() && later_run {
                facts.agenda_title = Some(run.iter().map(|&j| head[j].1).collect::<Vec<_>>().join(" "));
                for j in run {
                    taken[j] = true;
                }
            }
        } else if let Some(rest) =
            line.strip_prefix("Resolution adopted by").or_else(|| line.strip_prefix("Decision adopted by"))
        {
            let mut text = rest.to_owned();
            if let Some((_, next)) = head.get(at + 1).filter(|(_, l)| is_adoption_wrap(l)) {
                text.push(' ');
                text.push_str(next);
                taken[at + 1] = true;
            }
            facts.adopted = date_in(&text);
        } else if line.starts_with('[') && line.ends_with(']') {
            facts.origin_note = Some(line.to_owned());
            facts.origin = origin_in(line);
        }
    }
    // The title: the last run of lines that are neither masthead nor taken.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (at, &(_, line)) in head.iter().enumerate() {
        if is_masthead(line) || taken[at] {
            if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(at);
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let title_run = runs.pop().unwrap_or_default();
    for (at, &(index, _)) in head.iter().enumerate() {
        let kind = if title_run.contains(&at) { LineKind::Title } else { LineKind::Masthead };
        out.kinds.push((index, kind));
    }
    let mut joined = fold(title_run.iter().map(|&at| head[at].1));
    // `Organization of work` / `Note by the Chair`: one title, as printed.
    if let Some((&last, rest)) = title_run.split_last()
        && !rest.is_empty()
        && ["Note by", "Report of", "Letter dated"].iter().any(|s| head[last].1.starts_with(s))
    {
        joined = format!("{}: {}", fold(rest.iter().map(|&at| head[at].1)), fold(std::iter::once(head[last].1)));
    }
    // `78/213. Information and…`
    out.title = match joined.split_once(". ") {
        Some((number, rest)) if is_resolution_number(number) => {
            out.facts.number = Some(number.to_owned());
            rest.to_owned()
        }
        _ => joined,
    };
    if out.symbol.is_none() {
        out.symbol = out.facts.number.as_ref().map(|n| format!("A/RES/{n}"));
    }
    if has_opening {
        out.kinds.push((opening, LineKind::Opening));
        out.facts.opening.push(lines.get(opening).copied().unwrap_or_default().to_owned());
        adopting_clause(lines, opening + 1, &mut out);
    }
    Some(out)
}

/// `1.` alone or `1. The agenda items…`: a note's first paragraph.
fn is_first_paragraph(line: &str) -> bool {
    line.strip_prefix("1.").is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// `Agenda item 97 (a)`, `Agenda items 15 and 116`, `Item 35 of the
/// provisional agenda*`: the item's number.
fn agenda_item(line: &str) -> Option<&str> {
    line.strip_prefix("Agenda items ")
        .or_else(|| line.strip_prefix("Agenda item "))
        .or_else(|| line.strip_prefix("Item ").and_then(|r| r.split_once(" of the provisional agenda").map(|(n, _)| n)))
}

/// `Algeria, Bangladesh … and Zimbabwe: draft resolution`, `Iraq:* draft
/// resolution`, `…: revised draft resolution`, `…:** draft decision`: the
/// sponsors' part before the colon.
fn draft_line(line: &str) -> Option<&str> {
    let line = line.trim_end();
    let before = ["draft resolution", "draft decision"].iter().find_map(|s| line.strip_suffix(s))?;
    let before = before.trim_end();
    let before = before.strip_suffix("revised").unwrap_or(before).trim_end().trim_end_matches('*');
    before.strip_suffix(':').filter(|b| !b.trim().is_empty())
}

/// Which masthead lines list a draft's sponsors: the line ending with
/// `…: draft resolution` and the lines of the list wrapped before it (no
/// blank line between, each ending with a comma or with a name cut after
/// `of`/`and`, or holding several names).
fn sponsor_lines(head: &[(usize, &str)]) -> Vec<bool> {
    let mut out = vec![false; head.len()];
    let Some(last) = head.iter().position(|(_, l)| draft_line(l).is_some()) else { return out };
    let mut first = last;
    while first > 0 {
        let ((prev_index, prev), (index, _)) = (head[first - 1], head[first]);
        let prev = prev.trim_end();
        let listy =
            prev.ends_with(',') || prev.ends_with(" of") || prev.ends_with(" and") || prev.matches(", ").count() >= 2;
        if prev_index + 1 != index || is_masthead(prev) || !listy {
            break;
        }
        first -= 1;
    }
    for slot in out.iter_mut().take(last + 1).skip(first) {
        *slot = true;
    }
    out
}

/// Names that hold an `and`, so that a list is not cut inside them.
const AND_NAMES: [&str; 9] = [
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Group of 77 and China",
    "Wallis and Futuna",
];

/// `Algeria, Iran (Islamic Republic of), Viet Nam and Zimbabwe` → the names.
fn sponsors_in(list: &str) -> Vec<String> {
    let mut text = fold(std::iter::once(list));
    for name in AND_NAMES {
        text = text.replace(name, &name.replace(" and ", " \u{1} "));
    }
    text.split(", ")
        .flat_map(|part| part.split(" and "))
        .map(|name| name.replace('\u{1}', "and").trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// After the opening, an adopting clause (`Adopts the following outcome
/// document …:`) and the outcome document's own title, which becomes the
/// document's title.
fn adopting_clause(lines: &[&str], from: usize, head: &mut Head) {
    let mut i = from;
    while lines.get(i).is_some_and(|l| l.is_empty()) {
        i += 1;
    }
    let Some(first) = lines.get(i) else { return };
    let verb = first.split_whitespace().next().unwrap_or_default();
    if !matches!(verb, "Adopts" | "Approves" | "Endorses") {
        return;
    }
    let Some(end) =
        (i..lines.len().min(i + CLAUSE_MAX_LINES)).find(|&j| lines.get(j).is_some_and(|l| l.ends_with(':')))
    else {
        return;
    };
    if lines.get(i..=end).is_some_and(|clause| clause.iter().any(|l| l.is_empty())) {
        return;
    }
    let clause = fold(lines.get(i..=end).unwrap_or_default().iter().copied());
    for j in i..=end {
        head.kinds.push((j, LineKind::Opening));
    }
    head.facts.opening.push(clause);
    // The outcome's title: a few heading-like lines, then a blank line or
    // the text's first words (`We, the Ministers…`).
    let mut j = end + 1;
    while lines.get(j).is_some_and(|l| l.is_empty()) {
        j += 1;
    }
    let start = j;
    while j < lines.len() && j - start < TITLE_MAX_LINES {
        let Some(line) = lines.get(j) else { break };
        if line.is_empty() || !title_like(line) || line.starts_with("We") {
            break;
        }
        j += 1;
    }
    let ends_well = lines.get(j).is_none_or(|l| l.is_empty() || l.starts_with("We"));
    if j > start && ends_well {
        // The resolution's own title is then a fact (when it says more than
        // the outcome's title), and this the title.
        let resolution_title = std::mem::take(&mut head.title);
        for (_, kind) in &mut head.kinds {
            if *kind == LineKind::Title {
                *kind = LineKind::Masthead;
            }
        }
        head.title = fold(lines.get(start..j).unwrap_or_default().iter().copied());
        if resolution_title != head.title {
            head.facts.resolution_title = Some(resolution_title);
        }
        for k in start..j {
            head.kinds.push((k, LineKind::Title));
        }
    }
}

/// A line of a long title: no closing punctuation, not too long.
fn title_like(line: &str) -> bool {
    line.chars().count() <= 2 * TITLE_LINE_MAX_CHARS && !trim_closers(line).ends_with(['.', ',', ';', ':', '!', '?'])
}

/// `Resolution adopted by the General Assembly` wrapped before its date:
/// `on 17 December 2025`.
fn is_adoption_wrap(line: &str) -> bool {
    line.strip_prefix("on ").is_some_and(is_date)
}

/// The first `DD Month YYYY` in `text`.
fn date_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().map(|w| w.trim_end_matches([',', '.', ']'])).collect();
    words.windows(3).map(|w| w.join(" ")).find(|d| is_date(d))
}

/// The last symbol in brackets of an origin note: `A/80/L.41` in `[without
/// reference to a Main Committee (A/80/L.41)]`, `A/79/458/Add.2` in `[on
/// the report of the Second Committee (A/79/458/Add.2)]`.
fn origin_in(note: &str) -> Option<String> {
    note.split(['(', ')', ' ', ','])
        .map(|t| t.trim_matches(|c: char| matches!(c, '[' | ']' | ';' | '.')))
        .rfind(|t| is_symbol(t))
        .map(str::to_owned)
}

/// `80/173`: a session and a number.
fn is_resolution_number(text: &str) -> bool {
    text.split_once('/').is_some_and(|(session, n)| {
        !session.is_empty() && !n.is_empty() && session.bytes().chain(n.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// Words joined by single spaces.
fn fold<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines.flat_map(str::split_whitespace).collect::<Vec<_>>().join(" ")
}

/// `The General Assembly,` (or without the comma) and the like: `The`, at
/// most six capitalised words.
fn is_opening(line: &str) -> bool {
    let Some(body) = line.strip_prefix("The ") else { return false };
    let body = body.strip_suffix(',').unwrap_or(body).trim_end();
    let words: Vec<&str> = body.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "of" | "on"))
        && matches!(words.last(), Some(&("Assembly" | "Council" | "Conference" | "Commission")))
}

/// A masthead line: `United Nations`, a symbol, a body, `Distr.: General`, a
/// date, a job number, the session and agenda item, "Resolution adopted by…",
/// a bracketed note, a barcode, the committee of a draft or note.
fn is_masthead(line: &str) -> bool {
    const STARTS: [&str; 9] = [
        "United Nations",
        "Distr.",
        "Original:",
        "Agenda item",
        "Resolution adopted by",
        "Decision adopted by",
        "Draft resolution",
        "[on the report",
        "[without reference",
    ];
    const BODIES: [&str; 4] =
        ["General Assembly", "Economic and Social Council", "Security Council", "Human Rights Council"];
    const COMMITTEES: [&str; 8] = [
        "First Committee",
        "Second Committee",
        "Third Committee",
        "Fourth Committee",
        "(Fourth Committee)",
        "Fifth Committee",
        "Sixth Committee",
        "Special Political and Decolonization Committee",
    ];
    STARTS.iter().any(|s| line.starts_with(s))
        || BODIES.contains(&line)
        || COMMITTEES.contains(&line)
        || line.split_whitespace().all(|t| is_symbol(t) || is_job_token(t) || is_barcode(t))
        || is_date(line)
        || (line.ends_with(" session") && line.split_whitespace().count() <= 4)
        || (line.starts_with('[') && line.ends_with(']'))
        || line.split_whitespace().next().is_some_and(is_symbol) && line.contains("Distr.")
}

/// `22 December 2023`.
fn is_date(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        [day, month, year] => {
            day.len() <= 2
                && day.bytes().all(|c| c.is_ascii_digit())
                && super::MONTHS.contains(month)
                && year.len() == 4
                && year.bytes().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The document's symbol: the first masthead token that is one, preferring
/// a resolution symbol.
fn masthead_symbol(head: &[(usize, &str)]) -> Option<String> {
    let symbols: Vec<&str> = head
        .iter()
        .map(|(_, l)| *l)
        .filter(|l| is_masthead(l))
        .flat_map(str::split_whitespace)
        .filter(|t| is_symbol(t) && !t.starts_with('('))
        .collect();
    symbols.iter().find(|s| s.contains("/RES/")).or(symbols.first()).map(|s| (*s).to_owned())
}

/// The closing lines: `NNth plenary meeting` and the date right after it.
/// Marks them in `kinds` (lines still unclassified only) and notes the
/// meeting and, when the masthead had none, the adoption date.
pub(super) fn closing(lines: &[&str], kinds: &mut [Option<LineKind>], facts: &mut Facts) {
    let mut after_plenary = false;
    for (line, slot) in lines.iter().zip(kinds.iter_mut()) {
        if line.is_empty() || slot.is_some() {
            continue;
        }
        if line.to_ascii_lowercase().ends_with("plenary meeting") && line.split_whitespace().count() <= 4 {
            *slot = Some(LineKind::Closing);
            facts.meeting = Some((*line).to_owned());
            after_plenary = true;
        } else if after_plenary && is_date(line) {
            *slot = Some(LineKind::Closing);
            if facts.adopted.is_none() {
                facts.adopted = Some((*line).to_owned());
            }
            after_plenary = false;
        } else {
            after_plenary = false;
        }
    }
}
