//! Event matching: patterns keyed by the lemma of their anchor word, tried at every token,
//! longest first. A pattern's words match lemma keys, so every inflection counts; `*` skips
//! up to three tokens or one whole actor mention; `+` and `$` mark where the target and
//! source are found.

use annalist_dict::{Compiled, PTok};

use crate::actors::Mention;
use crate::segment::{TokKind, Token};

/// A pattern matched in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    pub pattern: u32,
    /// Token of the anchor word.
    pub anchor: usize,
    /// One past the last matched token.
    pub end: usize,
    /// Tokens that matched pattern words.
    pub words: Vec<usize>,
    pub target_at: Option<usize>,
    pub source_at: Option<usize>,
}

/// Lemma keys of a sentence's tokens, stored in one buffer.
#[derive(Debug, Default)]
pub struct Lemmas {
    buf: String,
    ends: Vec<usize>,
    scratch: String,
}

impl Lemmas {
    pub fn fill(&mut self, sentence: &str, tokens: &[Token]) {
        self.buf.clear();
        self.ends.clear();
        for t in tokens {
            if t.kind == TokKind::Word {
                annalist_dict::lemma::lemma_into(t.text(sentence), &mut self.scratch);
                self.buf.push_str(&self.scratch);
            }
            self.ends.push(self.buf.len());
        }
    }

    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or("")
    }
}

struct Ctx<'a> {
    toks: &'a [PTok],
    lemmas: &'a Lemmas,
    tokens: &'a [Token],
    sentence: &'a str,
    /// For each token, the end of the mention starting there.
    mention_end: &'a [usize],
}

#[derive(Default)]
struct State {
    words: Vec<usize>,
    target_at: Option<usize>,
    source_at: Option<usize>,
}

fn is_barrier(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokKind::Punct && !matches!(t.text(ctx.sentence), "-" | "\"" | "“" | "”" | "'" | "$" | "€" | "£" | "%"))
}

fn go(ctx: &Ctx<'_>, pi: usize, ti: usize, st: &mut State, depth: usize) -> Option<usize> {
    if pi == ctx.toks.len() {
        return Some(ti);
    }
    if depth > 64 {
        return None;
    }
    match &ctx.toks[pi] {
        PTok::Word(alts) => {
            if ti < ctx.tokens.len() && alts.iter().any(|a| a == ctx.lemmas.get(ti)) {
                st.words.push(ti);
                if let Some(end) = go(ctx, pi + 1, ti + 1, st, depth + 1) {
                    return Some(end);
                }
                st.words.pop();
            }
            None
        }
        PTok::Gap => {
            // Skip 0..=3 tokens, or one whole mention (plus up to two tokens).
            let mut options = [usize::MAX; 7];
            let mut n = 0;
            let mut k = ti;
            options[n] = k;
            n += 1;
            for _ in 0..3 {
                if k >= ctx.tokens.len() || is_barrier(ctx, k) {
                    break;
                }
                k += 1;
                options[n] = k;
                n += 1;
            }
            if let Some(&e) = ctx.mention_end.get(ti) {
                if e > ti {
                    options[n] = e;
                    n += 1;
                    if e < ctx.tokens.len() && !is_barrier(ctx, e) {
                        options[n] = e + 1;
                        n += 1;
                    }
                }
            }
            // "their ambassadors": a determiner then a mention.
            if let Some(&e) = ctx.mention_end.get(ti + 1) {
                if e > ti + 1 && !is_barrier(ctx, ti) {
                    options[n] = e;
                    n += 1;
                }
            }
            for &o in &options[..n] {
                let saved = (st.words.len(), st.target_at, st.source_at);
                if let Some(end) = go(ctx, pi + 1, o, st, depth + 1) {
                    return Some(end);
                }
                st.words.truncate(saved.0);
                st.target_at = saved.1;
                st.source_at = saved.2;
            }
            None
        }
        PTok::Target | PTok::Source => {
            if matches!(ctx.toks[pi], PTok::Target) {
                st.target_at = Some(ti);
            } else {
                st.source_at = Some(ti);
            }
            // A slot in the middle of a pattern: the actor occupies the next tokens.
            let next = if pi + 1 < ctx.toks.len() {
                let mut e = ti;
                // Skip a determiner and a mention.
                if ctx.tokens.get(e).is_some_and(|t| matches!(t.text(ctx.sentence), "the" | "its" | "their" | "his" | "her")) {
                    e += 1;
                }
                ctx.mention_end.get(e).copied().filter(|&m| m > e).unwrap_or(e)
            } else {
                ti
            };
            go(ctx, pi + 1, next, st, depth + 1)
        }
    }
}

/// Finds the best pattern match at every anchor of the sentence, left to right; tokens
/// already part of a match do not anchor another.
pub fn find_matches(dict: &Compiled, sentence: &str, tokens: &[Token], lemmas: &Lemmas, mentions: &[Mention]) -> Vec<PatternMatch> {
    let mut mention_end = vec![0usize; tokens.len()];
    let mut in_mention = vec![false; tokens.len()];
    for m in mentions {
        if m.toks.0 < tokens.len() {
            mention_end[m.toks.0] = m.toks.1;
        }
        for slot in in_mention.iter_mut().take(m.toks.1.min(tokens.len())).skip(m.toks.0) {
            *slot = true;
        }
    }
    let mut out: Vec<PatternMatch> = Vec::new();
    let mut used = vec![false; tokens.len()];
    let mut cands: Vec<u32> = Vec::new();
    for i in 0..tokens.len() {
        if used[i] || in_mention[i] || tokens[i].kind != TokKind::Word {
            continue;
        }
        let anchor = lemmas.get(i);
        if !dict.is_anchor(anchor) {
            continue;
        }
        // Only patterns whose second word occurs a little further on can match.
        let window = (i + 1)..(i + 12).min(tokens.len());
        dict.candidates(anchor, window.map(|k| lemmas.get(k)), &mut cands);
        let mut best: Option<(usize, PatternMatch)> = None;
        for &pid in &cands {
            let p = &dict.patterns()[pid as usize];
            let ctx = Ctx { toks: &p.tokens, lemmas, tokens, sentence, mention_end: &mention_end };
            let mut st = State::default();
            if let Some(end) = go(&ctx, 0, i, &mut st, 0) {
                let weight = p.weight();
                if best.as_ref().is_none_or(|(w, _)| weight > *w) {
                    best = Some((
                        weight,
                        PatternMatch { pattern: pid, anchor: i, end, words: st.words, target_at: st.target_at, source_at: st.source_at },
                    ));
                }
            }
        }
        if let Some((_, m)) = best {
            for &w in &m.words {
                used[w] = true;
            }
            out.push(m);
        }
    }
    out
}
