//! Scores over a whole gold set: P/R/F1 per level, root confusion, attribute accuracy.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::fold::{fold_name, fold_text, loose_overlap};
use crate::gold::{GoldDoc, GoldEvent, GoldSet};
use crate::matching::{match_doc, match_flagged, one_to_one, DocMatch, Key, Level};
use crate::prediction::Prediction;

/// Matched, expected and predicted key counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Matched keys (true positives).
    pub tp: usize,
    /// Gold keys.
    pub gold: usize,
    /// Predicted keys.
    pub pred: usize,
}

impl Counts {
    /// Matched over predicted; 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }

    /// Matched over expected; 0 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, m: &DocMatch) {
        self.tp += m.pairs.len();
        self.gold += m.gold.len();
        self.pred += m.pred.len();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Accuracy of one attribute over triple-level matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accuracy {
    /// Matches where the prediction agrees with the gold value.
    pub correct: usize,
    /// Matches where the gold event gives a value.
    pub total: usize,
    /// Matches where the gold event gives none but the prediction does.
    pub unexpected: usize,
}

impl Accuracy {
    pub fn rate(&self) -> f64 {
        ratio(self.correct, self.total)
    }

    fn record(&mut self, gold_has: bool, pred_has: bool, agrees: bool) {
        if gold_has {
            self.total += 1;
            self.correct += usize::from(agrees);
        } else if pred_has {
            self.unexpected += 1;
        }
    }
}

/// Attribute accuracy over triple-level matches. A collapsed key may stand for several
/// events: the gold side is its first event, and the prediction agrees when any of the
/// predictions collapsed into the matched key does.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attributes {
    /// Event date (`YYYY-MM-DD`) equal.
    pub date: Accuracy,
    /// Place name equal with case and diacritics folded.
    pub location: Accuracy,
    /// Gold `country` equal to the predicted location's country.
    pub country: Accuracy,
    pub killed: Accuracy,
    pub wounded: Accuracy,
    /// Attribution sharing a content word with the gold one.
    pub reported_by: Accuracy,
}

impl Attributes {
    pub fn rows(&self) -> [(&'static str, &Accuracy); 6] {
        [
            ("date", &self.date),
            ("location", &self.location),
            ("country", &self.country),
            ("killed", &self.killed),
            ("wounded", &self.wounded),
            ("reported_by", &self.reported_by),
        ]
    }
}

/// The scores at one level, and which events they came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LevelResult {
    pub level: Option<Level>,
    pub counts: Counts,
    /// Fact predictions matching only a negated or hypothetical gold event (they count
    /// against precision).
    pub negated_as_fact: usize,
    /// Negated and hypothetical gold events against predictions flagged so.
    pub flagged: Counts,
    /// Labels of matched gold keys (`doc | fields | sentence_contains`).
    pub matched: Vec<String>,
    /// Labels of unmatched gold keys.
    pub missed: Vec<String>,
    /// Labels of unmatched prediction keys (`doc | fields | sentence_text`).
    pub spurious: Vec<String>,
    /// Labels of the negated-as-fact prediction keys.
    pub negated_as_fact_labels: Vec<String>,
}

/// A prediction in a sentence the gold set says reports no codable event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NullHit {
    pub doc: String,
    pub null_sentence: String,
    pub code: String,
}

/// One document's counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocScore {
    pub id: String,
    pub gold_events: usize,
    pub predictions: usize,
    /// Event, triple, full.
    pub levels: [Counts; 3],
}

/// Everything `annalist eval` reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub gold_docs: usize,
    pub gold_events: usize,
    /// Gold events marked negated or hypothetical.
    pub gold_not_facts: usize,
    /// Predictions for gold documents.
    pub predictions: usize,
    /// Of those, flagged negated or hypothetical.
    pub flagged_predictions: usize,
    /// Predictions for documents the gold set does not have (ignored).
    pub unknown_doc_predictions: usize,
    /// Event, triple, full.
    pub levels: Vec<LevelResult>,
    /// Gold root -> predicted root -> count, on sentence matches at the event level; `-` is
    /// "none" (a missed gold event, or a prediction with no gold event in its sentence).
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub attributes: Attributes,
    pub null_hits: Vec<NullHit>,
    pub docs: Vec<DocScore>,
}

impl Evaluation {
    pub fn level(&self, level: Level) -> &LevelResult {
        let i = Level::ALL.iter().position(|l| *l == level).unwrap_or(0);
        &self.levels[i]
    }
}

fn gold_label(doc: &str, level: Level, k: &Key, events: &[GoldEvent]) -> String {
    let text = k.members.first().map_or(k.sentence.as_str(), |&i| events[i].sentence_contains.as_str());
    format!("{doc} | {} | {}", k.fields(level), fold_text(text))
}

/// A prediction key's label: its sentence clipped to 90 characters, which identifies it
/// well enough and keeps saved baselines small.
fn pred_label(doc: &str, level: Level, k: &Key) -> String {
    let clipped = match k.sentence.char_indices().nth(90) {
        Some((i, _)) => format!("{}…", &k.sentence[..i]),
        None => k.sentence.clone(),
    };
    format!("{doc} | {} | {clipped}", k.fields(level))
}

/// Scores `preds` against `gold`.
pub fn evaluate(gold: &GoldSet, preds: &[Prediction]) -> Evaluation {
    let mut by_doc: HashMap<&str, Vec<&Prediction>> = HashMap::new();
    for p in preds {
        by_doc.entry(p.doc.as_str()).or_default().push(p);
    }
    let known: BTreeSet<&str> = gold.docs.iter().map(|d| d.id.as_str()).collect();
    let mut ev = Evaluation {
        gold_docs: gold.docs.len(),
        gold_events: gold.event_count(),
        unknown_doc_predictions: preds.iter().filter(|p| !known.contains(p.doc.as_str())).count(),
        levels: Level::ALL.iter().map(|&l| LevelResult { level: Some(l), ..LevelResult::default() }).collect(),
        ..Evaluation::default()
    };
    for doc in &gold.docs {
        let doc_preds = by_doc.get(doc.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        score_doc(&mut ev, doc, doc_preds);
    }
    ev
}

fn score_doc(ev: &mut Evaluation, doc: &GoldDoc, preds: &[&Prediction]) {
    ev.gold_not_facts += doc.events.iter().filter(|e| !e.is_fact()).count();
    ev.predictions += preds.len();
    ev.flagged_predictions += preds.iter().filter(|p| !p.is_fact()).count();
    let mut ds = DocScore {
        id: doc.id.clone(),
        gold_events: doc.events.len(),
        predictions: preds.len(),
        ..DocScore::default()
    };
    for (li, &level) in Level::ALL.iter().enumerate() {
        let m = match_doc(level, &doc.events, preds);
        let out = &mut ev.levels[li];
        out.counts.add(&m);
        ds.levels[li].add(&m);
        out.flagged.add(&match_flagged(level, &doc.events, preds));
        out.negated_as_fact += m.negated_as_fact.len();
        out.negated_as_fact_labels.extend(m.negated_as_fact.iter().map(|&j| pred_label(&doc.id, level, &m.pred[j])));
        out.matched.extend(m.pairs.iter().map(|&(g, _)| gold_label(&doc.id, level, &m.gold[g], &doc.events)));
        out.missed.extend(m.missed().map(|g| gold_label(&doc.id, level, &m.gold[g], &doc.events)));
        out.spurious.extend(m.spurious().map(|j| pred_label(&doc.id, level, &m.pred[j])));
        match level {
            Level::Event => {
                confusion(&mut ev.confusion, &m);
                null_hits(&mut ev.null_hits, doc, &m);
            }
            Level::Triple => attributes(&mut ev.attributes, &m, &doc.events, preds),
            Level::Full => {}
        }
    }
    ev.docs.push(ds);
}

fn confusion(table: &mut BTreeMap<String, BTreeMap<String, usize>>, m: &DocMatch) {
    let mut bump = |g: &str, p: &str| *table.entry(g.to_string()).or_default().entry(p.to_string()).or_default() += 1;
    for &(_, p) in &m.pairs {
        bump(&m.pred[p].code, &m.pred[p].code);
    }
    let missed: Vec<usize> = m.missed().collect();
    let spurious: Vec<usize> = m.spurious().collect();
    let pairs = one_to_one(missed.len(), spurious.len(), |g, p| {
        m.pred[spurious[p]].sentence.contains(&m.gold[missed[g]].sentence)
    });
    for &(g, p) in &pairs {
        bump(&m.gold[missed[g]].code, &m.pred[spurious[p]].code);
    }
    for (g, &gi) in missed.iter().enumerate() {
        if !pairs.iter().any(|&(g2, _)| g2 == g) {
            bump(&m.gold[gi].code, "-");
        }
    }
    for (p, &pi) in spurious.iter().enumerate() {
        if !pairs.iter().any(|&(_, p2)| p2 == p) {
            bump("-", &m.pred[pi].code);
        }
    }
}

fn null_hits(hits: &mut Vec<NullHit>, doc: &GoldDoc, m: &DocMatch) {
    for k in &m.pred {
        if let Some(n) = doc.null_sentences.iter().find(|n| k.sentence.contains(&fold_text(n))) {
            hits.push(NullHit { doc: doc.id.clone(), null_sentence: n.clone(), code: k.code.clone() });
        }
    }
}

fn attributes(acc: &mut Attributes, m: &DocMatch, events: &[GoldEvent], preds: &[&Prediction]) {
    for &(g, p) in &m.pairs {
        let Some(&gi) = m.gold[g].members.first() else { continue };
        let gold = &events[gi];
        let ps: Vec<&Prediction> = m.pred[p].members.iter().map(|&j| preds[j]).collect();
        let first = ps.first().copied();
        let any = |f: &dyn Fn(&Prediction) -> bool| ps.iter().any(|p| f(p));
        let day = |d: &str| d.get(..10).unwrap_or(d).to_string();
        let loc = |p: &Prediction| p.location.as_ref().map(|l| l.name.clone()).filter(|n| !n.is_empty());
        let loc_country = |p: &Prediction| p.location.as_ref().and_then(|l| l.country.clone());

        acc.date.record(
            gold.date.is_some(),
            first.is_some_and(|p| p.date.is_some()),
            any(&|p| p.date.as_deref().map(day) == gold.date.as_deref().map(day)),
        );
        acc.location.record(
            gold.location.is_some(),
            first.is_some_and(|p| loc(p).is_some()),
            any(&|p| loc(p).map(|n| fold_name(&n)) == gold.location.as_deref().map(fold_name)),
        );
        acc.country.record(
            gold.country.is_some(),
            first.is_some_and(|p| loc_country(p).is_some()),
            any(&|p| loc_country(p) == gold.country),
        );
        acc.killed.record(gold.killed.is_some(), first.is_some_and(|p| p.killed.is_some()), any(&|p| p.killed == gold.killed));
        acc.wounded.record(
            gold.wounded.is_some(),
            first.is_some_and(|p| p.wounded.is_some()),
            any(&|p| p.wounded == gold.wounded),
        );
        acc.reported_by.record(
            gold.reported_by.is_some(),
            first.is_some_and(|p| p.reported_by.is_some()),
            any(&|p| match (&gold.reported_by, &p.reported_by) {
                (Some(g), Some(r)) => loose_overlap(g, r),
                _ => false,
            }),
        );
    }
}
