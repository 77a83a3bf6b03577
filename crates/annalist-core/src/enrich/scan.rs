//! A small tokenizer shared by the enrichment scanners: words, numbers and punctuation as byte
//! spans into one sentence. Every span boundary is a char boundary, so slicing never panics.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner apostrophes and hyphens ("al-Qusayr", "Syria's", "twenty-five").
    Word,
    /// Starts with a digit: "19", "1,200", "1.3", "2012-02-04", "9:47", "4th".
    Num,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    pub fn text(self, s: &str) -> &str {
        s.get(self.start..self.end).unwrap_or("")
    }

    /// ASCII case-insensitive comparison with `w`.
    pub fn is(self, s: &str, w: &str) -> bool {
        self.text(s).eq_ignore_ascii_case(w)
    }

    /// Case-insensitive membership in `ws`.
    pub fn is_any(self, s: &str, ws: &[&str]) -> bool {
        let t = self.text(s);
        ws.iter().any(|w| t.eq_ignore_ascii_case(w))
    }

    pub fn is_punct(self, s: &str, c: char) -> bool {
        self.kind == Kind::Punct && s.get(self.start..self.end).is_some_and(|t| t.starts_with(c))
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalised(self, s: &str) -> bool {
        self.kind == Kind::Word && self.text(s).chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `s` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(s: &str, out: &mut Vec<Tok>) {
    out.clear();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let kind = if c.is_ascii_digit() { Kind::Num } else { Kind::Word };
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // A joiner counts only when an alphanumeric character follows it.
                let joiner = match kind {
                    Kind::Word => is_apostrophe(d) || d == '-',
                    _ => matches!(d, ',' | '.' | '-' | ':' | '/'),
                };
                if !joiner {
                    break;
                }
                let next = s.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                let ok = match (kind, next) {
                    (Kind::Num, Some(n)) => n.is_ascii_digit(),
                    (_, Some(n)) => n.is_alphanumeric(),
                    _ => false,
                };
                if !ok {
                    break;
                }
                it.next();
                end = j + d.len_utf8();
            }
            out.push(Tok { start: i, end, kind });
        } else {
            out.push(Tok { start: i, end: i + c.len_utf8(), kind: Kind::Punct });
        }
    }
}

/// A number written in figures: "19", "1,200", "1.3" (as a float).
pub(crate) fn parse_figure(t: &str) -> Option<f64> {
    let mut v: f64 = 0.0;
    let mut frac: Option<f64> = None;
    let mut any = false;
    let b = t.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                any = true;
                let d = f64::from(c - b'0');
                match frac.as_mut() {
                    Some(scale) => {
                        *scale /= 10.0;
                        v += d * *scale;
                    }
                    None => v = v * 10.0 + d,
                }
            }
            // "1,200": a thousands separator is followed by exactly three digits.
            b',' if frac.is_none() => {
                let rest = &b[k + 1..];
                let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
                if digits != 3 {
                    return None;
                }
            }
            b'.' if frac.is_none() => frac = Some(1.0),
            _ => return None,
        }
    }
    any.then_some(v)
}

/// Numbers written in words below a hundred: "one" .. "ninety-nine".
pub(crate) fn word_number(t: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] =
        ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let find = |w: &str| -> Option<u32> {
        if let Some(k) = UNITS.iter().position(|u| w.eq_ignore_ascii_case(u)) {
            return u32::try_from(k).ok();
        }
        if let Some(k) = TENS.iter().position(|u| !u.is_empty() && w.eq_ignore_ascii_case(u)) {
            return u32::try_from(k * 10).ok();
        }
        None
    };
    if let Some((a, b)) = t.split_once('-') {
        let tens = find(a)?;
        let unit = find(b)?;
        if tens >= 20 && tens % 10 == 0 && (1..10).contains(&unit) {
            return Some(tens + unit);
        }
        return None;
    }
    find(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            texts("Syria's al-Qusayr, 1,200 on 2012-02-04."),
            ["Syria's", "al-Qusayr", ",", "1,200", "on", "2012-02-04", "."]
        );
        assert_eq!(texts("Feb. 4th, 9:47 AM"), ["Feb", ".", "4th", ",", "9:47", "AM"]);
        assert_eq!(texts("rebels' - x"), ["rebels", "'", "-", "x"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_figure("1,200"), Some(1200.0));
        assert_eq!(parse_figure("1.3"), Some(1.3));
        assert_eq!(parse_figure("12,34"), None);
        assert_eq!(word_number("twenty-five"), Some(25));
        assert_eq!(word_number("Six"), Some(6));
        assert_eq!(word_number("twenty-ten"), None);
    }
}
