//! Words for people: a count with its noun, in the singular or the plural
//! (`1 result`, `3 annotations`). One helper for the window, the reports and
//! the command line.

/// `n` and `word`, with an `s` unless `n` is 1: `1 link`, `0 problems`.
#[must_use]
pub fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", plural_s(n))
}

/// The `s` of a plural: empty for 1.
#[must_use]
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts() {
        assert_eq!(super::count(1, "link"), "1 link");
        assert_eq!(super::count(0, "problem"), "0 problems");
        assert_eq!(super::count(3, "annotation"), "3 annotations");
    }
}
