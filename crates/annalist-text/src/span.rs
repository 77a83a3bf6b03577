use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of byte offsets into a text.
///
/// Spans are `Copy` and carry no reference to their text, so stages can pass them around
/// freely; [`Span::slice`] never panics, even on a span that does not fit the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers, or `""` when it does not fit `text` or splits a character.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// This span moved by `delta` bytes (used to turn sentence-relative spans absolute).
    pub fn shift(self, delta: usize) -> Span {
        Span::new(self.start() + delta, self.end() + delta)
    }

    /// This span made relative to `base`, which must start at or before it.
    pub fn relative_to(self, base: Span) -> Span {
        Span::new(self.start().saturating_sub(base.start()), self.end().saturating_sub(base.start()))
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// `span` (bytes into `text`) as `[start, end)` Unicode code-point offsets, as the event
/// record's spans are written.
pub fn char_span(text: &str, span: Span) -> [usize; 2] {
    let chars_before = |byte: usize| {
        let byte = byte.min(text.len());
        // Count chars in the longest valid prefix up to `byte`.
        let mut b = byte;
        while b > 0 && !text.is_char_boundary(b) {
            b -= 1;
        }
        text[..b].chars().count()
    };
    [chars_before(span.start()), chars_before(span.end())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_out_of_range_is_empty() {
        assert_eq!(Span::new(3, 99).slice("abc"), "");
        assert_eq!(Span::new(1, 2).slice("é"), "");
    }

    #[test]
    fn char_span_counts_code_points() {
        let t = "é a";
        assert_eq!(char_span(t, Span::new(3, 4)), [2, 3]);
    }
}
