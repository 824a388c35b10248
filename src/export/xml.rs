//! XML escaping shared by the SVG and GraphML writers: `&`, `<`, `>`, both
//! quotes, and characters XML 1.0 cannot hold at all (most C0 controls),
//! which are dropped so any node text yields a well-formed file.

use std::fmt::Write as _;

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Appends `text` to `out`, escaped for element content and attribute values
/// (double- or single-quoted). Line breaks in attributes are written as
/// character references so they survive attribute normalisation.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `text` escaped (see [`escape_into`]).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// A coordinate or length with at most two decimals and no trailing zeros,
/// to keep files small (`12`, `3.5`, `-0.25`). Non-finite values become `0`.
pub fn num_into(out: &mut String, v: f32) {
    if !v.is_finite() {
        out.push('0');
        return;
    }
    let rounded = (v * 100.0).round() / 100.0;
    let start = out.len();
    let _ = write!(out, "{rounded:.2}");
    while out.ends_with('0') {
        out.pop();
    }
    if out.ends_with('.') {
        out.pop();
    }
    if &out[start..] == "-0" {
        out.truncate(start);
        out.push('0');
    }
}

/// [`num_into`] as a new string.
#[must_use]
pub fn num(v: f32) -> String {
    let mut out = String::new();
    num_into(&mut out, v);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_drops_invalid_controls() {
        assert_eq!(escape("a<b>&\"c'\u{1}\u{0}d"), "a&lt;b&gt;&amp;&quot;c&apos;d");
        assert_eq!(escape("x\ny"), "x&#10;y");
        assert_eq!(escape("¶32 — SDG"), "¶32 — SDG");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(3.5), "3.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-0.256), "-0.26");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(100.0), "100");
    }
}
