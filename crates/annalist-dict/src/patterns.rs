//! The event pattern files (`verbs/*.txt`): a line format, lemmatised at load.

use chrono::NaiveDate;

use crate::lemma::lemma;
use crate::DictError;

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PTok {
    /// A token whose lemma key is one of these.
    Word(Vec<String>),
    /// Skip 0 to 3 tokens.
    Gap,
    /// The target is the first actor at or after this point.
    Target,
    /// The source is the first actor at or after this point.
    Source,
}

/// What an example expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// This event (`None` actor codes: null actor).
    Event { source: Option<String>, code: String, target: Option<String> },
    /// No event with the section's code.
    NoEvent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub sentence: String,
    pub date: Option<NaiveDate>,
    pub expect: Expect,
    pub line: usize,
    /// Written `?+` / `?-`: a known failure of the coder, reported but not failing the run.
    pub known_failure: bool,
}

/// One event pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub code: String,
    pub tokens: Vec<PTok>,
    pub mutual: bool,
    /// The line as written, for `--explain`.
    pub text: String,
    pub file: String,
    pub line: usize,
    pub examples: Vec<Example>,
}

impl Pattern {
    /// The anchor's lemma alternatives (the first token is always a word).
    pub fn anchor(&self) -> &[String] {
        match self.tokens.first() {
            Some(PTok::Word(alts)) => alts,
            _ => &[],
        }
    }

    /// Number of literal words: longer patterns win.
    pub fn weight(&self) -> usize {
        self.tokens.iter().filter(|t| matches!(t, PTok::Word(_))).count()
    }
}

/// Parses one pattern file. Errors are collected; good lines are kept.
pub fn parse_pattern_file(file: &str, text: &str, errors: &mut Vec<DictError>) -> Vec<Pattern> {
    let mut out: Vec<Pattern> = Vec::new();
    let mut code: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('[') {
            match rest.split_once(']') {
                Some((c, _)) if (2..=4).contains(&c.trim().len()) && c.trim().bytes().all(|b| b.is_ascii_digit()) => {
                    code = Some(c.trim().to_string());
                }
                _ => errors.push(DictError::new(file, line_no, format!("bad section header {trimmed:?}"))),
            }
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        let known = trimmed.starts_with("?+ ") || trimmed.starts_with("?- ");
        let trimmed = if known { &trimmed[1..] } else { trimmed };
        if indented && (trimmed.starts_with("+ ") || trimmed.starts_with("- ")) {
            let Some(last) = out.last_mut() else {
                errors.push(DictError::new(file, line_no, "example before any pattern"));
                continue;
            };
            match parse_example(trimmed, line_no, &last.code) {
                Ok(ex) => last.examples.push(Example { known_failure: known, ..ex }),
                Err(m) => errors.push(DictError::new(file, line_no, m)),
            }
            continue;
        }
        let Some(code) = code.clone() else {
            errors.push(DictError::new(file, line_no, "pattern before any [CODE] section"));
            continue;
        };
        let body = trimmed.split(" #").next().unwrap_or(trimmed).trim();
        match parse_pattern(body) {
            Ok((tokens, mutual)) => out.push(Pattern {
                code,
                tokens,
                mutual,
                text: body.to_string(),
                file: file.to_string(),
                line: line_no,
                examples: Vec::new(),
            }),
            Err(m) => errors.push(DictError::new(file, line_no, m)),
        }
    }
    out
}

fn parse_pattern(body: &str) -> Result<(Vec<PTok>, bool), String> {
    let mut mutual = false;
    let mut tokens = Vec::new();
    for w in body.split_whitespace() {
        match w {
            "{mutual}" => mutual = true,
            "*" => tokens.push(PTok::Gap),
            "+" => tokens.push(PTok::Target),
            "$" => tokens.push(PTok::Source),
            w if w.starts_with('{') => return Err(format!("unknown flag {w}")),
            w => {
                let alts: Vec<String> = w.split('|').filter(|a| !a.is_empty()).map(lemma).collect();
                if alts.is_empty() || alts.iter().any(|a| a.is_empty() || a.contains(['*', '+', '$'])) {
                    return Err(format!("bad word {w:?}"));
                }
                tokens.push(PTok::Word(alts));
            }
        }
    }
    if !matches!(tokens.first(), Some(PTok::Word(_))) {
        return Err(format!("pattern must start with a word: {body:?}"));
    }
    if tokens.iter().filter(|t| **t == PTok::Target).count() > 1 || tokens.iter().filter(|t| **t == PTok::Source).count() > 1 {
        return Err(format!("at most one + and one $: {body:?}"));
    }
    if tokens.windows(2).any(|w| w[0] == PTok::Gap && w[1] == PTok::Gap) {
        return Err(format!("two gaps in a row: {body:?}"));
    }
    Ok((tokens, mutual))
}

fn parse_example(line: &str, line_no: usize, code: &str) -> Result<Example, String> {
    let (positive, rest) = (line.starts_with('+'), line[1..].trim());
    let (date, rest) = match rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((d, r)) => (
            Some(NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| format!("bad example date {d:?}"))?),
            r.trim(),
        ),
        None => (None, rest),
    };
    if !positive {
        return Ok(Example { sentence: rest.to_string(), date, expect: Expect::NoEvent, line: line_no, known_failure: false });
    }
    let (sentence, expect) = rest.rsplit_once("=>").ok_or("positive example needs `=> SOURCE CODE TARGET`")?;
    let parts: Vec<&str> = expect.split_whitespace().collect();
    let [s, c, t] = parts[..] else {
        return Err(format!("expected `=> SOURCE CODE TARGET`, got {expect:?}"));
    };
    let actor = |a: &str| if a == "-" { None } else { Some(a.to_string()) };
    let _ = code;
    Ok(Example {
        sentence: sentence.trim().to_string(),
        date,
        expect: Expect::Event { source: actor(s), code: c.to_string(), target: actor(t) },
        line: line_no,
        known_failure: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_patterns_and_examples() {
        let mut errs = Vec::new();
        let ps = parse_pattern_file(
            "verbs/16.txt",
            "# c\n[161] reduce relations\nrecall * ambassador|envoy from +\n  + France recalled its ambassador from Syria. => FRA 161 SYR\n  ?- He recalled his youth.\nmeet with + {mutual}\n",
            &mut errs,
        );
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].code, "161");
        assert_eq!(ps[0].tokens.len(), 5);
        assert_eq!(ps[0].examples.len(), 2);
        assert!(ps[0].examples[1].known_failure);
        assert!(ps[1].mutual);
        assert_eq!(ps[0].anchor(), &[lemma("recalled")]);
    }

    #[test]
    fn reports_bad_lines_and_keeps_going() {
        let mut errs = Vec::new();
        let ps = parse_pattern_file("f", "recall +\n[1x]\n[190]\n* attack\nattack +\n", &mut errs);
        assert_eq!(ps.len(), 1);
        assert_eq!(errs.len(), 3);
        assert_eq!(errs[0].line, 1);
    }
}
