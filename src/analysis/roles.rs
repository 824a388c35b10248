//! Clause roles: the verb that gives a paragraph (or each clause of it) its
//! force — preambular `Recalling`, `Welcoming`; operative `We reaffirm`,
//! `We call on`, `decides`, `urges` — read from the clause openings.

use std::ops::Range;

pub use crate::graph::Role;

/// One clause of a paragraph and its role.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Clause {
    /// What it does.
    pub role: Role,
    /// Byte range of the opening words (`We accordingly invite`, `Noting with concern`).
    pub opening: Range<usize>,
    /// Byte range of the clause: from the opening to the next clause's
    /// opening (or the end of the paragraph), trailing `, and` trimmed.
    pub clause: Range<usize>,
    /// For `call on` / `call upon` and the other roles that ask someone to
    /// act: whether the opening takes a direct addressee (`call for` does not).
    pub has_addressee: bool,
}

/// How a verb form may open a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// After `we`: `recall`, `call`.
    Base,
    /// Third person (`recalls`, `decides`): operative paragraphs of resolutions.
    Third,
    /// Participle (`recalling`): preambular paragraphs.
    Participle,
}

/// A verb's lemma: the role it gives, before the words after it refine it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lemma {
    Plain(Role),
    /// `call` needs `on` / `upon` / `for`.
    Call,
    /// `note`: `with concern` makes it a concern.
    Note,
    /// `express`: `concern` or `appreciation` decide.
    Express,
    /// `emphasize`, `stress`: `our concern` makes it a concern.
    Emphasize,
    /// `take` needs `note`.
    Take,
}

/// Verb forms (lower case) → (form, lemma).
const VERBS: &[(&str, Form, Lemma)] = {
    use Form::{Base as B, Participle as P, Third as T};
    use Lemma::{Call, Emphasize, Express, Note, Plain, Take};
    use Role::*;
    &[
        ("recall", B, Plain(Recalls)),
        ("recalls", T, Plain(Recalls)),
        ("recalling", P, Plain(Recalls)),
        ("reaffirm", B, Plain(Reaffirms)),
        ("reaffirms", T, Plain(Reaffirms)),
        ("reaffirming", P, Plain(Reaffirms)),
        ("reiterate", B, Plain(Reaffirms)),
        ("reiterates", T, Plain(Reaffirms)),
        ("reiterating", P, Plain(Reaffirms)),
        ("reconfirm", B, Plain(Reaffirms)),
        ("recognize", B, Plain(Recognizes)),
        ("recognise", B, Plain(Recognizes)),
        ("recognizes", T, Plain(Recognizes)),
        ("recognises", T, Plain(Recognizes)),
        ("recognizing", P, Plain(Recognizes)),
        ("recognising", P, Plain(Recognizes)),
        ("acknowledge", B, Plain(Recognizes)),
        ("acknowledges", T, Plain(Recognizes)),
        ("acknowledging", P, Plain(Recognizes)),
        ("note", B, Note),
        ("notes", T, Note),
        ("noting", P, Note),
        ("take", B, Take),
        ("takes", T, Take),
        ("taking", P, Take),
        ("welcome", B, Plain(Welcomes)),
        ("welcomes", T, Plain(Welcomes)),
        ("welcoming", P, Plain(Welcomes)),
        ("express", B, Express),
        ("expresses", T, Express),
        ("expressing", P, Express),
        ("commit", B, Plain(Commits)),
        ("recommit", B, Plain(Commits)),
        ("commits", T, Plain(Commits)),
        ("resolve", B, Plain(Commits)),
        ("resolves", T, Plain(Commits)),
        ("call", B, Call),
        ("calls", T, Call),
        ("calling", P, Call),
        ("request", B, Plain(Requests)),
        ("requests", T, Plain(Requests)),
        ("requesting", P, Plain(Requests)),
        ("invite", B, Plain(Invites)),
        ("invites", T, Plain(Invites)),
        ("inviting", P, Plain(Invites)),
        ("decide", B, Plain(Decides)),
        ("decides", T, Plain(Decides)),
        ("agree", B, Plain(Decides)),
        ("agrees", T, Plain(Decides)),
        ("urge", B, Plain(Urges)),
        ("urges", T, Plain(Urges)),
        ("urging", P, Plain(Urges)),
        ("encourage", B, Plain(Encourages)),
        ("encourages", T, Plain(Encourages)),
        ("encouraging", P, Plain(Encourages)),
        ("emphasize", B, Emphasize),
        ("emphasise", B, Emphasize),
        ("emphasizes", T, Emphasize),
        ("emphasises", T, Emphasize),
        ("emphasizing", P, Emphasize),
        ("emphasising", P, Emphasize),
        ("stress", B, Emphasize),
        ("stresses", T, Emphasize),
        ("stressing", P, Emphasize),
        ("underline", B, Emphasize),
        ("underlines", T, Emphasize),
        ("underlining", P, Emphasize),
        ("underscore", B, Emphasize),
        ("underscores", T, Emphasize),
        ("underscoring", P, Emphasize),
    ]
};

/// Adverbs that may sit between the subject and the verb (`We accordingly
/// invite`, `Also decides`).
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "moreover",
    "accordingly",
    "therefore",
    "however",
    "again",
    "strongly",
    "hereby",
    "thus",
    "fully",
    "firmly",
    "simultaneously",
    "equally",
    "similarly",
    "finally",
    "once",
    "deeply",
    "highly",
    "duly",
    "now",
    "all",
];

/// A word of the text with its byte range and whether a clause boundary
/// (`.`, `;`, `:` or the start of the text) comes right before it.
#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    lower: String,
    after_stop: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut stop = true;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let wordy = c.is_alphanumeric() || (start.is_some() && (c == '\'' || c == '’' || c == '-'));
        if wordy {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            let range = s..i;
            let lower = text.get(range.clone()).unwrap_or_default().to_lowercase();
            out.push(Word { range, lower, after_stop: stop });
            stop = false;
        }
        if matches!(c, '.' | ';' | ':' | '!' | '?') {
            stop = true;
        }
    }
    out
}

fn lookup(word: &str) -> Option<(Form, Lemma)> {
    VERBS.iter().find(|(w, _, _)| *w == word).map(|&(_, f, l)| (f, l))
}

/// The clauses of a paragraph, in text order, each with its role.
///
/// Openings recognised: `we` + adverbs + a verb (`We accordingly call on`,
/// `we are encouraged`), and a base verb after `and` once a `we` clause has
/// opened (`We acknowledge … and call for …`); at the start of the paragraph
/// or of a sentence, a participle or third-person verb (`Recalling`, `Also
/// decides`); and, in a paragraph that opened that way, the same forms after
/// `and` (`…, and in this regard reaffirming …`). Never panics, whatever the text.
///
/// # Complexity
///
/// Linear in the text.
#[must_use]
pub fn clauses(text: &str) -> Vec<Clause> {
    let words = words(text);
    let mut found: Vec<(Role, Range<usize>, bool)> = Vec::new();
    let mut resolution_style = false;
    let mut we_style = false;
    let mut i = 0;
    while i < words.len() {
        let Some(w) = words.get(i) else { break };
        let matched = if w.lower == "we" {
            let m = opening_after_we(&words, i);
            we_style |= m.is_some();
            m
        } else if w.after_stop || (resolution_style && is_and_start(&words, i)) {
            let m = opening_without_subject(&words, i);
            if i == 0 && m.is_some() {
                resolution_style = true;
            }
            m
        } else if we_style && is_and_start(&words, i) {
            // "We acknowledge … and call for …": the subject carries over.
            opening_base(&words, i)
        } else {
            None
        };
        if let Some((role, end_word, addressee)) = matched {
            let end = words.get(end_word).map_or(w.range.end, |e| e.range.end);
            found.push((role, w.range.start..end, addressee));
            i = end_word + 1;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for (k, (role, opening, has_addressee)) in found.iter().enumerate() {
        let next = found.get(k + 1).map_or(text.len(), |(_, o, _)| o.start);
        let end = trim_connectors(text, opening.start, next);
        out.push(Clause {
            role: *role,
            opening: opening.clone(),
            clause: opening.start..end,
            has_addressee: *has_addressee,
        });
    }
    out
}

/// The distinct roles of a paragraph, in order of first appearance.
#[must_use]
pub fn roles(text: &str) -> Vec<Role> {
    let mut out: Vec<Role> = Vec::new();
    for c in clauses(text) {
        if !out.contains(&c.role) {
            out.push(c.role);
        }
    }
    out
}

/// Whether word `i` starts a clause after `and` (`…, and in this regard reaffirming`).
fn is_and_start(words: &[Word], i: usize) -> bool {
    i > 0 && words.get(i - 1).is_some_and(|p| p.lower == "and")
}

/// Skips adverbs, and `in this regard` / `in this context` / `in that respect`, from word `i`.
fn skip_fillers(words: &[Word], mut i: usize) -> usize {
    loop {
        let Some(w) = words.get(i) else { return i };
        if ADVERBS.contains(&w.lower.as_str()) {
            i += 1;
            continue;
        }
        let phrase = |k: usize| words.get(i + k).map(|w| w.lower.as_str());
        if w.lower == "in"
            && matches!(phrase(1), Some("this" | "that"))
            && matches!(phrase(2), Some("regard" | "context" | "respect"))
        {
            i += 3;
            continue;
        }
        return i;
    }
}

/// `we` at `i`: adverbs, then a base verb or `are`/`remain` + adjective.
/// Returns (role, last word of the opening, takes an addressee).
fn opening_after_we(words: &[Word], i: usize) -> Option<(Role, usize, bool)> {
    let j = skip_fillers(words, i + 1);
    let w = words.get(j)?;
    if matches!(w.lower.as_str(), "are" | "remain" | "were") {
        let k = skip_fillers(words, j + 1);
        let adj = words.get(k)?;
        let role = match adj.lower.as_str() {
            "encouraged" | "pleased" | "gratified" => Role::Welcomes,
            "concerned" | "alarmed" => Role::ExpressesConcern,
            "committed" | "determined" | "resolved" => Role::Commits,
            _ => return None,
        };
        return Some((role, k, false));
    }
    let (form, lemma) = lookup(&w.lower)?;
    if form != Form::Base {
        return None;
    }
    refine(words, j, lemma)
}

/// A clause whose subject `we` carries over from an earlier one (`… and call for`):
/// adverbs, then a base verb.
fn opening_base(words: &[Word], i: usize) -> Option<(Role, usize, bool)> {
    let j = skip_fillers(words, i);
    let (form, lemma) = lookup(&words.get(j)?.lower)?;
    if form != Form::Base {
        return None;
    }
    refine(words, j, lemma)
}

/// A clause with no subject at `i`: adverbs, then a participle or a third-person verb.
fn opening_without_subject(words: &[Word], i: usize) -> Option<(Role, usize, bool)> {
    let j = skip_fillers(words, i);
    let w = words.get(j)?;
    let (form, lemma) = lookup(&w.lower)?;
    if form == Form::Base {
        return None;
    }
    refine(words, j, lemma)
}

/// The words after the verb at `j` settle its role.
fn refine(words: &[Word], j: usize, lemma: Lemma) -> Option<(Role, usize, bool)> {
    let next = |k: usize| words.get(j + k).map(|w| w.lower.as_str());
    // The next few words, skipping "however", "our", "deep", "grave", "serious".
    let concern_within = |n: usize| {
        (1..=n).find(|&k| matches!(next(k), Some("concern" | "concerns"))).filter(|&k| {
            (1..k).all(|m| {
                matches!(next(m), Some("however" | "with" | "our" | "its" | "deep" | "grave" | "serious" | "great"))
            })
        })
    };
    match lemma {
        Lemma::Plain(role) => Some((role, j, role.asks_to_act())),
        Lemma::Call => match next(1)? {
            "on" | "upon" => Some((Role::Calls, j + 1, true)),
            "for" => Some((Role::Calls, j + 1, false)),
            _ => None,
        },
        Lemma::Note => match concern_within(4) {
            Some(k) => Some((Role::ExpressesConcern, j + k, false)),
            None => Some((Role::Notes, j, false)),
        },
        Lemma::Take => (next(1)? == "note").then_some((Role::Notes, j + 1, false)),
        Lemma::Express => {
            if let Some(k) = concern_within(3) {
                return Some((Role::ExpressesConcern, j + k, false));
            }
            let k = (1..=3).find(|&k| matches!(next(k), Some("appreciation" | "gratitude" | "satisfaction")))?;
            Some((Role::Welcomes, j + k, false))
        }
        Lemma::Emphasize => match concern_within(2) {
            Some(k) => Some((Role::ExpressesConcern, j + k, false)),
            None => Some((Role::Emphasizes, j, false)),
        },
    }
}

/// The end of a clause that runs up to `next`, without the trailing
/// whitespace, commas and `and` that join it to the next one.
fn trim_connectors(text: &str, start: usize, next: usize) -> usize {
    let mut end = next;
    loop {
        let Some(s) = text.get(start..end) else { return next };
        let trimmed = s.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        let trimmed = trimmed.strip_suffix(" and").unwrap_or(trimmed);
        let new_end = start + trimmed.len();
        if new_end == end {
            return end;
        }
        end = new_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_principal_role_is_the_most_binding() {
        assert_eq!(Role::principal(&[Role::Notes, Role::Calls, Role::Invites]), Some(Role::Calls));
        assert_eq!(Role::principal(&[Role::ExpressesConcern, Role::Recognizes, Role::Commits]), Some(Role::Commits));
        assert_eq!(Role::principal(&[Role::Recalls]), Some(Role::Recalls));
        assert_eq!(Role::principal(&[]), None);
        // Every role has its own rank.
        let mut forces: Vec<u8> = Role::ALL.iter().map(|r| r.force()).collect();
        forces.sort_unstable();
        forces.dedup();
        assert_eq!(forces.len(), Role::ALL.len());
    }

    fn roles_of(text: &str) -> Vec<&'static str> {
        roles(text).into_iter().map(Role::as_str).collect()
    }

    #[test]
    fn preambular_participles_and_their_continuations() {
        assert_eq!(
            roles_of(
                "Recalling the request in paragraph 111, and in this regard reaffirming the role of the Assembly,"
            ),
            ["recalls", "reaffirms"]
        );
        assert_eq!(roles_of("Noting with concern the digital divides,"), ["expresses_concern"]);
        assert_eq!(roles_of("Building on the reviews,"), Vec::<&str>::new());
    }

    #[test]
    fn operative_we_clauses_with_adverbs_and_particles() {
        let text = "We recognize that ICTs matter, and we accordingly call on all governments to act. \
                    We note, however, with concern that threats remain. We take note of the report.";
        assert_eq!(roles_of(text), ["recognizes", "calls", "expresses_concern", "notes"]);
        let cs = clauses(text);
        assert_eq!(text.get(cs[1].opening.clone()), Some("we accordingly call on"));
        assert!(cs[1].has_addressee);
        assert_eq!(text.get(cs[0].clause.clone()), Some("We recognize that ICTs matter"));
        assert_eq!(roles_of("We call for immediate measures."), ["calls"]);
        assert!(!clauses("We call for immediate measures.")[0].has_addressee);
        assert_eq!(roles_of("We are highly encouraged that numbers rose."), ["welcomes"]);
        assert_eq!(roles_of("We emphasize our concern that only some have access."), ["expresses_concern"]);
    }

    #[test]
    fn resolution_style_third_person() {
        assert_eq!(
            roles_of("Decides to convene a meeting, and requests the Secretary-General to report. Also urges States."),
            ["decides", "requests", "urges"]
        );
        // A noun in the middle of a sentence is not an opening.
        assert_eq!(roles_of("We welcome the notes and requests of the Council."), ["welcomes"]);
        // "and welcoming" in an operative paragraph is an adjective.
        assert_eq!(roles_of("We commit to a safe and welcoming environment."), ["commits"]);
        // The subject carries over "and".
        assert_eq!(roles_of("We acknowledge the data and call for more of it."), ["recognizes", "calls"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "we", "We are", "We call", "Recalling", "…é, and", "We take", "We express our"] {
            let _ = clauses(text);
        }
        assert!(clauses("we").is_empty());
    }
}
