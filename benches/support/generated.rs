//! Generated corpora for the pipeline benchmark (`benches/pipeline.rs`) and
//! the command-line figures (`examples/generate_corpus.rs`), all from the
//! bundled WSIS+10 text and a seeded generator, so every run sees the same
//! texts:
//!
//! - [`resolution`]: a ~30 KB resolution in the UN layout (masthead,
//!   numbered paragraphs), each paragraph three to five sentences of the
//!   bundled text with a fifth of their words swapped for words of a
//!   30,000-word invented vocabulary, every seventh citing a paragraph of the
//!   resolution before it: many documents share formulas and sentences, as
//!   a series of resolutions does, without being copies of each other;
//! - [`renumbered`]: one large document of the bundled paragraphs repeated
//!   and renumbered (the same texts again and again);
//! - [`all_different`]: one large document of paragraphs that are all
//!   different (the bundled sentences with swapped words).

#![allow(dead_code)] // each user takes what it needs

use std::fmt::Write as _;

use wsis_atlas::document;

/// A small seeded generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The bundled text's sentences of at least six words.
fn sentences() -> Vec<String> {
    let doc = document::bundled();
    doc.paragraphs
        .iter()
        .flat_map(|p| p.text.split_inclusive(". ").map(str::to_owned).collect::<Vec<_>>())
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect()
}

/// One paragraph's text: three to five bundled sentences, a fifth of the words swapped.
fn paragraph(sentences: &[String], rng: &mut Rng) -> String {
    let mut words: Vec<String> = Vec::new();
    for _ in 0..3 + rng.below(3) {
        let sentence = &sentences[rng.below(sentences.len())];
        for w in sentence.split_whitespace() {
            if rng.below(5) == 0 { words.push(format!("w{}", rng.below(30_000))) } else { words.push(w.to_owned()) }
        }
    }
    words.join(" ")
}

/// Resolution `k` (symbol `A/RES/90/<k+1>`), about `bytes` long.
pub fn resolution(k: usize, bytes: usize) -> String {
    let sentences = sentences();
    let mut rng = Rng(0x5eed ^ (k as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let mut out = format!(
        "United Nations\nA/RES/90/{}\nGeneral Assembly\nDistr.: General\n20 December 2026\nEighty-first session\n\
         Agenda item 13\n\nResolution adopted by the General Assembly on 18 December 2026\n\n\
         90/{}. Digital cooperation for sustainable development, part {}\n\nThe General Assembly,\n\n",
        k + 1,
        k + 1,
        k + 1
    );
    let mut n = 0;
    while out.len() < bytes {
        n += 1;
        let mut text = paragraph(&sentences, &mut rng);
        if k > 0 && n % 7 == 0 {
            let _ = write!(text, " Recalls paragraph {n} of resolution 90/{k}.");
        }
        let _ = write!(out, "{n}. {text}\n\n");
    }
    out
}

/// `paragraphs` paragraphs of the bundled text, repeated and renumbered.
pub fn renumbered(paragraphs: usize) -> String {
    let doc = document::bundled();
    let mut out = String::from("Renumbered copies of the WSIS+10 outcome\n\n");
    for (n, p) in doc.paragraphs.iter().cycle().take(paragraphs).enumerate() {
        let _ = write!(out, "{}. {}\n\n", n + 1, p.text);
    }
    out
}

/// `paragraphs` paragraphs that are all different.
pub fn all_different(paragraphs: usize) -> String {
    let sentences = sentences();
    let mut rng = Rng(0xd1ff);
    let mut out = String::from("All different paragraphs\n\n");
    for n in 1..=paragraphs {
        let _ = write!(out, "{n}. {}\n\n", paragraph(&sentences, &mut rng));
    }
    out
}

/// A word-bigram chain trained on the bundled texts (WSIS+10 and WSIS+20):
/// for each word, the words that follow it there, as often as they do.
pub struct Bigrams {
    words: Vec<String>,
    /// Per word id: the ids of the words that follow it (with repeats).
    next: Vec<Vec<u32>>,
    /// Ids of the words that open a sentence.
    starts: Vec<u32>,
}

impl Bigrams {
    /// The chain of the bundled paragraphs.
    pub fn bundled() -> Self {
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut chain = Bigrams { words: Vec::new(), next: Vec::new(), starts: Vec::new() };
        for bundled in document::BUNDLED_DOCUMENTS {
            for p in &bundled.document().paragraphs {
                let mut previous: Option<u32> = None;
                for w in p.text.split_whitespace() {
                    let id = *ids.entry(w.to_owned()).or_insert_with(|| {
                        chain.words.push(w.to_owned());
                        chain.next.push(Vec::new());
                        (chain.words.len() - 1) as u32
                    });
                    match previous {
                        Some(prev) => chain.next[prev as usize].push(id),
                        None => chain.starts.push(id),
                    }
                    // A sentence ends at a full stop: the next word opens one.
                    previous = if w.ends_with('.') || w.ends_with(';') { None } else { Some(id) };
                }
            }
        }
        chain
    }

    /// One sentence of 8 to 60 words, ending with a full stop.
    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let mut id = self.starts[rng.below(self.starts.len())];
        for n in 0..60 {
            let word = &self.words[id as usize];
            if n > 0 {
                out.push(' ');
            }
            let follow = &self.next[id as usize];
            let ends = word.ends_with(['.', ';']);
            if (ends && n >= 7) || follow.is_empty() || n == 59 {
                out.push_str(word.trim_end_matches(['.', ';', ',', ':']));
                out.push('.');
                return;
            }
            out.push_str(word);
            id = if ends { self.starts[rng.below(self.starts.len())] } else { follow[rng.below(follow.len())] };
        }
    }

    /// One paragraph of one to four sentences.
    pub fn paragraph(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        for k in 0..1 + rng.below(4) {
            if k > 0 {
                out.push(' ');
            }
            self.sentence(rng, &mut out);
        }
        out
    }
}

/// One document of `paragraphs` numbered paragraphs drawn from the bundled
/// texts' word-bigram chain (distinct, realistic text), with a heading
/// (`Section k. …`) every 60 paragraphs.
pub fn bigram_document(paragraphs: usize) -> String {
    let chain = Bigrams::bundled();
    let mut rng = Rng(0xb16a);
    let mut out = String::from("Paragraphs drawn from a word-bigram chain of the WSIS outcomes\n\n");
    for n in 1..=paragraphs {
        if n % 60 == 1 {
            let mut title = String::new();
            for k in 0..2 + rng.below(4) {
                let word = chain.words[chain.starts[rng.below(chain.starts.len())] as usize]
                    .trim_end_matches(['.', ',', ';', ':']);
                if k > 0 {
                    title.push(' ');
                }
                title.push_str(word);
            }
            let mut chars = title.chars();
            let title: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            let _ = write!(out, "Section {}. {title}\n\n", n / 60 + 1);
        }
        let _ = write!(out, "{n}. {}\n\n", chain.paragraph(&mut rng));
    }
    out
}
