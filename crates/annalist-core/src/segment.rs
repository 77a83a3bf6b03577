//! Sentences and tokens with byte spans.
//!
//! Sentence boundaries are found at `.`, `!` and `?` followed by space and a likely sentence
//! start, unless the period ends an abbreviation (`Gen.`, `Feb.`, `U.S.`) or an initial
//! (`George W. Bush`). Paragraph breaks always end a sentence. Tokens are words (with inner
//! hyphens, apostrophes and abbreviation periods), numbers (`5,000`, `1.3`), possessive
//! endings (`'s`) and single punctuation marks.

use annalist_text::Span;

/// Abbreviations that do not end a sentence when followed by a capitalised word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "brig", "adm", "gov",
    "sen", "rep", "rev", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jr", "sr", "prof", "mt",
    "ft", "pres", "gens", "cmdr", "cdr", "pvt", "cpl", "supt", "insp", "hon", "messrs", "fr",
    "approx", "est", "dept", "univ", "assn", "bros", "ave", "blvd", "rd",
];

/// Sentence spans of `text`, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            push_trimmed(text, start, i, &mut out);
            start = i + 2;
            i += 2;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over closing quotes, brackets and repeated marks.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '.' | '!' | '?' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if is_boundary(text, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// Whether the mark at `mark` (with its closing characters up to `end`) ends a sentence.
fn is_boundary(text: &str, mark: usize, end: usize) -> bool {
    let after = &text[end..];
    let ws = after.len() - after.trim_start().len();
    if ws == 0 {
        return after.is_empty();
    }
    let next = after.trim_start();
    let Some(c) = next.chars().next() else { return true };
    let starts_sentence = c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-');
    if !starts_sentence {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[..mark];
    let word_start = before.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“')).map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // Initials and dotted abbreviations: "W.", "U.S.", "U.N.".
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') && letters <= 4 {
        // "U.S." ends a sentence only before a word that commonly starts one.
        return starts_common_sentence(next);
    }
    let lower = word.to_ascii_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

fn starts_common_sentence(next: &str) -> bool {
    let w: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        w.as_str(),
        "The" | "He" | "She" | "It" | "They" | "We" | "I" | "In" | "A" | "An" | "But" | "This"
            | "That" | "There" | "His" | "Her" | "Their" | "On" | "At" | "Some" | "Its" | "As"
    )
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// `'s` or `’s` after a noun.
    Possessive,
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes into the sentence.
    pub span: Span,
    pub kind: TokKind,
}

impl Token {
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        self.span.slice(sentence)
    }
}

/// Tokens of `sentence`, appended to `out` (cleared first).
pub fn tokenize(sentence: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut it = sentence.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let joins = d.is_alphanumeric()
                    || (matches!(d, '-' | '\'' | '’' | '.' | ',' | '&') && {
                        let after = sentence[j + d.len_utf8()..].chars().next();
                        match d {
                            // 5,000 and 1.3 inside numbers; U.S. and al-Assad inside words.
                            ',' => numeric && after.is_some_and(|a| a.is_ascii_digit()),
                            '.' => after.is_some_and(|a| a.is_alphanumeric()) && (numeric || end - i <= 2 || sentence[i..end].contains('.')),
                            '\'' | '’' => after.is_some_and(|a| a.is_alphabetic()) && !is_possessive(&sentence[j..]),
                            '&' => after.is_some_and(|a| a.is_uppercase()) && end - i <= 2,
                            _ => after.is_some_and(|a| a.is_alphanumeric()),
                        }
                    });
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            // A trailing period of a dotted abbreviation ("U.S.") belongs to the word.
            if sentence[i..end].contains('.') && sentence[end..].starts_with('.') && !numeric {
                end += 1;
                it.next();
            }
            let kind = if numeric && sentence[i..end].chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token { span: Span::new(i, end), kind });
        } else if matches!(c, '\'' | '’') && is_possessive(&sentence[i..]) {
            let len = c.len_utf8() + 1;
            it.next();
            out.push(Token { span: Span::new(i, i + len), kind: TokKind::Possessive });
        } else {
            out.push(Token { span: Span::new(i, i + c.len_utf8()), kind: TokKind::Punct });
        }
    }
}

/// `'s` followed by a non-letter.
fn is_possessive(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some('\'' | '’')) && matches!(cs.next(), Some('s')) && !cs.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|s| s.slice(t)).collect()
    }

    fn toks(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(t, &mut v);
        v.iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(split("Gen. Smith met Lt. Col. Jones on Feb. 4. They talked."), vec!["Gen. Smith met Lt. Col. Jones on Feb. 4.", "They talked."]);
        assert_eq!(split("George W. Bush spoke. The U.N. Security Council met."), vec!["George W. Bush spoke.", "The U.N. Security Council met."]);
        assert_eq!(split("He flew to the U.S. The talks failed."), vec!["He flew to the U.S.", "The talks failed."]);
    }

    #[test]
    fn quotes_close_sentences_and_paragraphs_split() {
        assert_eq!(split("“We will fight.” He left.\n\nNext one"), vec!["“We will fight.”", "He left.", "Next one"]);
        assert_eq!(split("Prices rose 1.3 percent. Then fell."), vec!["Prices rose 1.3 percent.", "Then fell."]);
    }

    #[test]
    fn tokens_keep_names_numbers_and_possessives() {
        assert_eq!(toks("Syria’s al-Assad said 5,000 died."), vec!["Syria", "’s", "al-Assad", "said", "5,000", "died", "."]);
        assert_eq!(toks("The U.S. and U.N. won't."), vec!["The", "U.S.", "and", "U.N.", "won't", "."]);
        assert_eq!(toks("1.3 million, (AP)"), vec!["1.3", "million", ",", "(", "AP", ")"]);
    }
}
