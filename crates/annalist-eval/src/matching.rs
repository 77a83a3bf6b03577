//! Matching predictions to gold events, exactly as SPEC.md "Gold sets" defines it.
//!
//! A prediction matches a gold event of its document when its `sentence_text` contains the
//! gold `sentence_contains` (both [folded](crate::fold::fold_text)) and, by [`Level`]:
//! - **event**: the same root code;
//! - **triple**: also the same source and target country (first three letters of the codes);
//! - **full**: the same code, source code and target code.
//!
//! At each level both sides are first collapsed to distinct keys (sentence plus that level's
//! fields), so a coder neither gains by repeating an event nor loses when the annotators
//! wrote one twice; then keys are matched one to one by a maximum bipartite matching. A gold
//! event's `alt_codes` are accepted as well as its `code` (a collapsed key accepts the union).

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::fold::fold_text;
use crate::gold::GoldEvent;
use crate::prediction::Prediction;

/// How much of an event must agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Sentence and root code.
    Event,
    /// Also source and target country.
    Triple,
    /// Sentence, full code, source code and target code.
    Full,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Event, Level::Triple, Level::Full];

    pub fn name(self) -> &'static str {
        match self {
            Level::Event => "event",
            Level::Triple => "triple",
            Level::Full => "full",
        }
    }

    /// The part of an event code this level compares.
    pub fn code_part(self, code: &str) -> String {
        match self {
            Level::Event | Level::Triple => root(code).to_string(),
            Level::Full => code.to_string(),
        }
    }

    /// The part of an actor code this level compares (`None` for no actor or no code).
    pub fn actor_part(self, code: Option<&str>) -> Option<String> {
        let code = code.filter(|c| !c.is_empty())?;
        match self {
            Level::Event => None,
            Level::Triple => Some(code.chars().take(3).collect()),
            Level::Full => Some(code.to_string()),
        }
    }
}

/// The root of a CAMEO code: its first two digits.
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// A collapsed key: a sentence and one level's fields, with the events it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    /// Folded: the gold `sentence_contains`, or the predicted `sentence_text`.
    pub sentence: String,
    /// This level's part of the (primary) code.
    pub code: String,
    /// Code parts accepted (gold: `code` and `alt_codes`; prediction: its own code part).
    pub accepted: BTreeSet<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// Indices of the events collapsed into this key, in their input order.
    pub members: Vec<usize>,
}

impl Key {
    /// `19 BIH>IGO`: the level's fields, `-` for a missing actor.
    pub fn fields(&self, level: Level) -> String {
        let dash = |a: &Option<String>| a.clone().unwrap_or_else(|| "-".into());
        match level {
            Level::Event => self.code.clone(),
            _ => format!("{} {}>{}", self.code, dash(&self.source), dash(&self.target)),
        }
    }

    /// Whether prediction key `p` may be matched to this gold key.
    pub fn accepts(&self, p: &Key) -> bool {
        p.sentence.contains(&self.sentence)
            && self.accepted.contains(&p.code)
            && self.source == p.source
            && self.target == p.target
    }
}

fn collapse(items: impl Iterator<Item = (usize, Key)>) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    let mut index: HashMap<(String, String, Option<String>, Option<String>), usize> = HashMap::new();
    for (i, k) in items {
        let id = (k.sentence.clone(), k.code.clone(), k.source.clone(), k.target.clone());
        match index.get(&id) {
            Some(&at) => {
                keys[at].accepted.extend(k.accepted);
                keys[at].members.push(i);
            }
            None => {
                index.insert(id, keys.len());
                keys.push(Key { members: vec![i], ..k });
            }
        }
    }
    keys
}

/// Gold events (those `keep` selects, by index into `events`) collapsed to `level` keys.
pub fn gold_keys(level: Level, events: &[GoldEvent], keep: impl Fn(&GoldEvent) -> bool) -> Vec<Key> {
    collapse(events.iter().enumerate().filter(|(_, e)| keep(e)).map(|(i, e)| {
        let accepted = std::iter::once(&e.code).chain(&e.alt_codes).map(|c| level.code_part(c)).collect();
        let key = Key {
            sentence: fold_text(&e.sentence_contains),
            code: level.code_part(&e.code),
            accepted,
            source: level.actor_part(e.source.as_deref()),
            target: level.actor_part(e.target.as_deref()),
            members: Vec::new(),
        };
        (i, key)
    }))
}

/// Predictions (those `keep` selects, by index into `preds`) collapsed to `level` keys.
pub fn pred_keys(level: Level, preds: &[&Prediction], keep: impl Fn(&Prediction) -> bool) -> Vec<Key> {
    collapse(preds.iter().enumerate().filter(|(_, p)| keep(p)).map(|(i, p)| {
        let code = level.code_part(&p.code);
        let key = Key {
            sentence: fold_text(&p.sentence_text),
            accepted: BTreeSet::from([code.clone()]),
            code,
            source: level.actor_part(p.source_code()),
            target: level.actor_part(p.target_code()),
            members: Vec::new(),
        };
        (i, key)
    }))
}

/// A maximum one-to-one matching between `n_gold` and `n_pred` items where `ok(g, p)` says
/// which pairs may match (Kuhn's augmenting paths, gold in order: deterministic). Returns
/// `(gold, pred)` pairs sorted by gold index.
pub fn one_to_one(n_gold: usize, n_pred: usize, ok: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let adj: Vec<Vec<usize>> = (0..n_gold).map(|g| (0..n_pred).filter(|&p| ok(g, p)).collect()).collect();
    let mut pred_of: Vec<Option<usize>> = vec![None; n_pred];
    fn augment(g: usize, adj: &[Vec<usize>], seen: &mut [bool], pred_of: &mut [Option<usize>]) -> bool {
        for &p in &adj[g] {
            if seen[p] {
                continue;
            }
            seen[p] = true;
            let free = match pred_of[p] {
                None => true,
                Some(g2) => augment(g2, adj, seen, pred_of),
            };
            if free {
                pred_of[p] = Some(g);
                return true;
            }
        }
        false
    }
    for g in 0..n_gold {
        let mut seen = vec![false; n_pred];
        augment(g, &adj, &mut seen, &mut pred_of);
    }
    let mut pairs: Vec<(usize, usize)> =
        pred_of.iter().enumerate().filter_map(|(p, g)| g.map(|g| (g, p))).collect();
    pairs.sort_unstable();
    pairs
}

/// The outcome of matching one document at one level.
#[derive(Clone, Debug, Default)]
pub struct DocMatch {
    /// Gold fact keys.
    pub gold: Vec<Key>,
    /// Predicted fact keys.
    pub pred: Vec<Key>,
    /// Matched `(gold, pred)` key indices.
    pub pairs: Vec<(usize, usize)>,
    /// Unmatched prediction keys that match a negated or hypothetical gold event: the coder
    /// emitted as a fact what the article does not report as one.
    pub negated_as_fact: Vec<usize>,
}

impl DocMatch {
    pub fn missed(&self) -> impl Iterator<Item = usize> + '_ {
        let hit: BTreeSet<usize> = self.pairs.iter().map(|&(g, _)| g).collect();
        (0..self.gold.len()).filter(move |g| !hit.contains(g))
    }

    pub fn spurious(&self) -> impl Iterator<Item = usize> + '_ {
        let hit: BTreeSet<usize> = self.pairs.iter().map(|&(_, p)| p).collect();
        (0..self.pred.len()).filter(move |p| !hit.contains(p))
    }
}

/// Matches one document's fact predictions to its fact gold events at `level`.
/// Predictions flagged negated or hypothetical are ignored here (see [`match_flagged`]).
pub fn match_doc(level: Level, gold: &[GoldEvent], preds: &[&Prediction]) -> DocMatch {
    let g = gold_keys(level, gold, GoldEvent::is_fact);
    let p = pred_keys(level, preds, Prediction::is_fact);
    let pairs = one_to_one(g.len(), p.len(), |i, j| g[i].accepts(&p[j]));
    let not_facts = gold_keys(level, gold, |e| !e.is_fact());
    let matched: BTreeSet<usize> = pairs.iter().map(|&(_, j)| j).collect();
    let negated_as_fact =
        (0..p.len()).filter(|j| !matched.contains(j) && not_facts.iter().any(|n| n.accepts(&p[*j]))).collect();
    DocMatch { gold: g, pred: p, pairs, negated_as_fact }
}

/// Matches predictions flagged negated or hypothetical to the negated or hypothetical gold
/// events at `level`: how well the coder recognises what did not (yet) happen.
pub fn match_flagged(level: Level, gold: &[GoldEvent], preds: &[&Prediction]) -> DocMatch {
    let g = gold_keys(level, gold, |e| !e.is_fact());
    let p = pred_keys(level, preds, |p| !p.is_fact());
    let pairs = one_to_one(g.len(), p.len(), |i, j| g[i].accepts(&p[j]));
    DocMatch { gold: g, pred: p, pairs, negated_as_fact: Vec::new() }
}
