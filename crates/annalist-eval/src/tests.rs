//! Matcher tests as tables: `t!(name, LEVEL, [gold...], [predictions...], (matched, gold keys,
//! predicted keys))`, optionally `neg = n` (negated or hypothetical emitted as fact).

use crate::gold::{GoldDoc, GoldEvent, GoldSet};
use crate::matching::{match_doc, match_flagged, Level};
use crate::prediction::{PredActor, PredLocation, Prediction};
use crate::score::evaluate;

fn actor(code: &str) -> Option<String> {
    (!code.is_empty()).then(|| code.to_string())
}

/// A gold fact: `g("substring", "SRC", "190", "TGT")` (`""`: no actor).
fn g(sentence: &str, source: &str, code: &str, target: &str) -> GoldEvent {
    GoldEvent {
        sentence_contains: sentence.into(),
        source: actor(source),
        code: code.into(),
        target: actor(target),
        ..GoldEvent::default()
    }
}

fn alt(mut e: GoldEvent, codes: &[&str]) -> GoldEvent {
    e.alt_codes = codes.iter().map(|c| c.to_string()).collect();
    e
}

fn negated(mut e: GoldEvent) -> GoldEvent {
    e.negated = true;
    e
}

fn hypothetical(mut e: GoldEvent) -> GoldEvent {
    e.hypothetical = true;
    e
}

/// A prediction: `p("the sentence", "SRC", "190", "TGT")`.
fn p(sentence: &str, source: &str, code: &str, target: &str) -> Prediction {
    let a = |c: &str| Some(PredActor { code: actor(c) });
    Prediction {
        doc: "d".into(),
        sentence_text: sentence.into(),
        code: code.into(),
        source: a(source),
        target: a(target),
        ..Prediction::default()
    }
}

fn flagged(mut pr: Prediction) -> Prediction {
    pr.negated = true;
    pr
}

macro_rules! t {
    ($name:ident, $level:ident, [$($g:expr),* $(,)?], [$($p:expr),* $(,)?], $want:expr $(, neg = $neg:expr)?) => {
        #[test]
        fn $name() {
            let gold: Vec<GoldEvent> = vec![$($g),*];
            let preds: Vec<Prediction> = vec![$($p),*];
            let refs: Vec<&Prediction> = preds.iter().collect();
            let m = match_doc(Level::$level, &gold, &refs);
            assert_eq!((m.pairs.len(), m.gold.len(), m.pred.len()), $want, "(matched, gold keys, predicted keys)");
            $(assert_eq!(m.negated_as_fact.len(), $neg, "negated as fact");)?
        }
    };
}

const S1: &str = "Israeli troops shelled Gaza on Monday, killing three people, medics said.";
const S2: &str = "Egypt condemned the attack.";

// COLLAPSE: repeats on either side count once.
t!(collapse_01_repeated_prediction, Full, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE"), p(S1, "ISRMIL", "190", "PSE")], (1, 1, 1));
t!(collapse_02_repeated_gold, Full, [g("troops shelled Gaza", "ISRMIL", "190", "PSE"), g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE")], (1, 1, 1));
t!(collapse_03_same_root_event_level, Event, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE"), p(S1, "ISRMIL", "193", "PSE")], (1, 1, 1));
t!(collapse_04_same_root_full_level, Full, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE"), p(S1, "ISRMIL", "193", "PSE")], (1, 1, 2));
t!(collapse_05_same_countries_triple, Triple, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE"), p(S1, "ISRGOV", "195", "PSECVL")], (1, 1, 1));
t!(collapse_06_other_sentence_kept, Event, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE"), p(S2, "EGY", "190", "ISR")], (1, 1, 2));

// ONE_TO_ONE: a prediction satisfies one gold event at most, and the matching is maximal.
t!(one_01_one_pred_two_gold, Event, [g("troops shelled Gaza", "ISRMIL", "190", "PSE"), g("killing three people", "ISRMIL", "193", "PSECVL")],
   [p(S1, "ISRMIL", "190", "PSE")], (1, 2, 1));
t!(one_02_augmenting_path, Event, [alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["171"]), g("shelled Gaza", "ISRMIL", "172", "PSE")],
   [p(S1, "ISRMIL", "171", "PSE"), p(S1, "ISRMIL", "181", "PSE")], (2, 2, 2));
t!(one_03_two_preds_two_gold, Full, [g("troops shelled Gaza", "ISRMIL", "190", "PSE"), g("killing three people", "ISRMIL", "190", "PSE")],
   [p(S1, "ISRMIL", "190", "PSE")], (1, 2, 1));
t!(one_04_nothing_predicted, Full, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")], [], (0, 1, 0));
t!(one_05_nothing_expected, Full, [], [p(S1, "ISRMIL", "190", "PSE")], (0, 0, 1));

// ALT_CODES: accepted as well as the code.
t!(alt_01_accepted_full, Full, [alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["171"])], [p(S1, "ISRMIL", "171", "PSE")], (1, 1, 1));
t!(alt_02_unlisted_code_full, Full, [alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["171"])], [p(S1, "ISRMIL", "173", "PSE")], (0, 1, 1));
t!(alt_03_root_of_alt_event, Event, [alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["171"])], [p(S1, "ISRMIL", "173", "PSE")], (1, 1, 1));
t!(alt_04_primary_still_accepted, Full, [alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["171"])], [p(S1, "ISRMIL", "181", "PSE")], (1, 1, 1));
t!(alt_05_collapsed_gold_unions_alts, Full,
   [alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["171"]), alt(g("troops shelled", "ISRMIL", "181", "PSE"), &["172"])],
   [p(S1, "ISRMIL", "172", "PSE")], (1, 1, 1));

// QUOTES: whitespace and quote styles folded, nothing else.
t!(quote_01_curly_in_prediction, Event, [g("called it \"a clear act\" of", "", "112", "")],
   [p("He called it \u{201C}a clear act\u{201D} of terrorism.", "", "112", "")], (1, 1, 1));
t!(quote_02_curly_in_gold, Event, [g("Assad\u{2019}s forces", "SYRMIL", "190", "")],
   [p("Assad's forces attacked.", "SYRMIL", "190", "")], (1, 1, 1));
t!(quote_03_whitespace, Event, [g("troops  shelled\nGaza", "ISRMIL", "190", "PSE")],
   [p("Israeli troops shelled \n Gaza.", "ISRMIL", "190", "PSE")], (1, 1, 1));
t!(quote_04_case_not_folded, Event, [g("israeli troops", "ISRMIL", "190", "PSE")], [p(S1, "ISRMIL", "190", "PSE")], (0, 1, 1));
t!(quote_05_not_contained, Event, [g("troops shelled Gaza on Tuesday", "ISRMIL", "190", "PSE")], [p(S1, "ISRMIL", "190", "PSE")], (0, 1, 1));

// NEGATED: not expected as facts; emitting them as facts counts against precision.
t!(neg_01_negated_gold_fact_pred, Event, [negated(g("troops shelled Gaza", "ISRMIL", "190", "PSE"))],
   [p(S1, "ISRMIL", "190", "PSE")], (0, 0, 1), neg = 1);
t!(neg_02_hypothetical_gold_fact_pred, Full, [hypothetical(g("troops shelled Gaza", "ISRMIL", "190", "PSE"))],
   [p(S1, "ISRMIL", "190", "PSE")], (0, 0, 1), neg = 1);
t!(neg_03_flagged_pred_ignored, Event, [negated(g("troops shelled Gaza", "ISRMIL", "190", "PSE"))],
   [flagged(p(S1, "ISRMIL", "190", "PSE"))], (0, 0, 0), neg = 0);
t!(neg_04_flagged_pred_not_a_fact_match, Event, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [flagged(p(S1, "ISRMIL", "190", "PSE"))], (0, 1, 0), neg = 0);
t!(neg_05_fact_and_negated_same_key, Event,
   [g("troops shelled Gaza", "ISRMIL", "190", "PSE"), negated(g("troops shelled Gaza", "ISRMIL", "190", "PSE"))],
   [p(S1, "ISRMIL", "190", "PSE")], (1, 1, 1), neg = 0);
t!(neg_06_other_fact_pred_not_counted, Event, [negated(g("troops shelled Gaza", "ISRMIL", "190", "PSE"))],
   [p(S2, "EGY", "111", "ISR")], (0, 0, 1), neg = 0);

// LEVELS: what each level compares.
t!(level_01_triple_country_prefix, Triple, [g("troops shelled Gaza", "IGONAT", "195", "BIHREB")],
   [p(S1, "IGOUNO", "190", "BIH")], (1, 1, 1));
t!(level_02_full_needs_codes, Full, [g("troops shelled Gaza", "IGONAT", "195", "BIHREB")],
   [p(S1, "IGOUNO", "195", "BIHREB")], (0, 1, 1));
t!(level_03_triple_other_country, Triple, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "EGYMIL", "190", "PSE")], (0, 1, 1));
t!(level_04_missing_target_matches_missing, Triple, [g("troops shelled Gaza", "ISRMIL", "190", "")],
   [p(S1, "ISRMIL", "190", "")], (1, 1, 1));
t!(level_05_missing_target_vs_target, Triple, [g("troops shelled Gaza", "ISRMIL", "190", "")],
   [p(S1, "ISRMIL", "190", "PSE")], (0, 1, 1));
t!(level_06_event_ignores_actors, Event, [g("troops shelled Gaza", "ISRMIL", "190", "PSE")],
   [p(S1, "EGY", "195", "")], (1, 1, 1));

#[test]
fn flagged_scored_separately() {
    let gold = [negated(g("troops shelled Gaza", "ISRMIL", "190", "PSE")), g("condemned", "EGY", "122", "ISR")];
    let preds = [flagged(p(S1, "ISRMIL", "190", "PSE")), p(S2, "EGY", "122", "ISR")];
    let refs: Vec<&Prediction> = preds.iter().collect();
    let m = match_flagged(Level::Full, &gold, &refs);
    assert_eq!((m.pairs.len(), m.gold.len(), m.pred.len()), (1, 1, 1));
}

fn set(events: Vec<GoldEvent>, nulls: &[&str]) -> GoldSet {
    GoldSet {
        docs: vec![GoldDoc {
            id: "d".into(),
            events,
            null_sentences: nulls.iter().map(|s| s.to_string()).collect(),
            ..GoldDoc::default()
        }],
        ..GoldSet::default()
    }
}

#[test]
fn scores_confusion_attributes_nulls() {
    let mut e1 = g("troops shelled Gaza", "ISRMIL", "190", "PSE");
    e1.date = Some("2012-02-06".into());
    e1.location = Some("Gaza".into());
    e1.killed = Some(3);
    e1.reported_by = Some("medics".into());
    let gold = set(vec![e1, g("Egypt condemned", "EGY", "122", "ISR")], &["Talks resume"]);
    let mut p1 = p(S1, "ISRMIL", "190", "PSE");
    p1.date = Some("2012-02-06".into());
    p1.location = Some(PredLocation { name: "GAZA".into(), country: Some("PSE".into()) });
    p1.killed = Some(2);
    p1.reported_by = Some("Palestinian medics".into());
    let preds = vec![
        p1,
        p(S2, "EGY", "111", "ISR"),
        p("Talks resume on Friday.", "ISR", "036", "PSE"),
        p("Unknown doc.", "ISR", "036", "PSE"),
    ];
    let mut preds = preds;
    preds[3].doc = "other".into();
    let ev = evaluate(&gold, &preds);
    let c = ev.level(Level::Event).counts;
    assert_eq!((c.tp, c.gold, c.pred), (1, 2, 3));
    assert!((c.precision() - 1.0 / 3.0).abs() < 1e-9 && (c.recall() - 0.5).abs() < 1e-9);
    assert!((c.f1() - 0.4).abs() < 1e-9);
    assert_eq!(ev.unknown_doc_predictions, 1);
    assert_eq!(ev.confusion["19"]["19"], 1);
    assert_eq!(ev.confusion["12"]["11"], 1);
    assert_eq!(ev.confusion["-"]["03"], 1);
    let a = &ev.attributes;
    assert_eq!((a.date.correct, a.date.total), (1, 1));
    assert_eq!((a.location.correct, a.location.total), (1, 1));
    assert_eq!((a.killed.correct, a.killed.total), (0, 1));
    assert_eq!((a.reported_by.correct, a.reported_by.total), (1, 1));
    assert_eq!((a.country.total, a.country.unexpected), (0, 1));
    assert_eq!(ev.null_hits.len(), 1);
}

#[test]
fn gold_set_in_repository_loads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/gold");
    if !dir.is_dir() {
        return;
    }
    let set = crate::gold::load(&dir);
    assert!(set.is_ok(), "{:?}", set.err());
    let set = set.unwrap_or_default();
    assert!(set.docs.len() >= 30);
    assert!(set.docs.iter().all(|d| d.article.is_some()), "every gold file has its article");
}
