//! Saved baselines and what changed since: scores plus the match keys of every event, so a
//! change to the coder shows, event by event, what it fixed and what it broke.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::EvalError;
use crate::matching::Level;
use crate::score::{Attributes, Counts, Evaluation};

/// The format version written in every baseline.
pub const BASELINE_FORMAT: u32 = 1;

/// One level of a baseline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineLevel {
    pub counts: Counts,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub negated_as_fact: usize,
    pub matched: Vec<String>,
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
}

/// What `--save-baseline` writes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub format: u32,
    pub gold_docs: usize,
    pub gold_events: usize,
    pub predictions: usize,
    /// `event`, `triple`, `full`.
    pub levels: BTreeMap<Level, BaselineLevel>,
    pub attributes: Attributes,
    pub null_hits: usize,
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Baseline {
    pub fn from_evaluation(ev: &Evaluation) -> Baseline {
        let levels = ev
            .levels
            .iter()
            .filter_map(|l| {
                let level = l.level?;
                let sorted = |v: &[String]| {
                    let mut v = v.to_vec();
                    v.sort();
                    v
                };
                Some((
                    level,
                    BaselineLevel {
                        counts: l.counts,
                        precision: round(l.counts.precision()),
                        recall: round(l.counts.recall()),
                        f1: round(l.counts.f1()),
                        negated_as_fact: l.negated_as_fact,
                        matched: sorted(&l.matched),
                        missed: sorted(&l.missed),
                        spurious: sorted(&l.spurious),
                    },
                ))
            })
            .collect();
        Baseline {
            format: BASELINE_FORMAT,
            gold_docs: ev.gold_docs,
            gold_events: ev.gold_events,
            predictions: ev.predictions,
            levels,
            attributes: ev.attributes.clone(),
            null_hits: ev.null_hits.len(),
        }
    }

    /// # Errors
    /// When the file cannot be read or is not a baseline.
    pub fn load(path: &Path) -> Result<Baseline, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|err| EvalError::Io { path: path.to_path_buf(), err })?;
        serde_json::from_str(&text).map_err(|err| EvalError::Baseline { path: path.to_path_buf(), err })
    }

    /// Writes the baseline as pretty JSON (one key a line, so that diffs of it read well).
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), EvalError> {
        let io = |err| EvalError::Io { path: path.to_path_buf(), err };
        let mut text = serde_json::to_string_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        text.push('\n');
        std::fs::write(path, text).map_err(io)
    }
}

/// What changed at one level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LevelDiff {
    pub level: Option<Level>,
    pub before: BaselineLevel,
    pub after: BaselineLevel,
    /// Gold events missed before and matched now.
    pub fixed: Vec<String>,
    /// Gold events matched before and missed now.
    pub broken: Vec<String>,
    /// False positives that are gone.
    pub fp_gone: Vec<String>,
    /// False positives that are new.
    pub fp_new: Vec<String>,
    /// Gold events not in the baseline (the gold set changed).
    pub gold_added: Vec<String>,
    /// Baseline gold events no longer in the gold set.
    pub gold_removed: Vec<String>,
}

impl LevelDiff {
    pub fn f1_change(&self) -> f64 {
        self.after.f1 - self.before.f1
    }

    pub fn better(&self) -> usize {
        self.fixed.len() + self.fp_gone.len()
    }

    pub fn worse(&self) -> usize {
        self.broken.len() + self.fp_new.len()
    }
}

/// The current evaluation against a baseline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    pub levels: Vec<LevelDiff>,
}

impl Diff {
    pub fn new(base: &Baseline, now: &Baseline) -> Diff {
        let levels = Level::ALL
            .iter()
            .map(|level| {
                let before = base.levels.get(level).cloned().unwrap_or_default();
                let after = now.levels.get(level).cloned().unwrap_or_default();
                let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<String>>();
                let (bm, bx, bs) = (set(&before.matched), set(&before.missed), set(&before.spurious));
                let (am, ax, a_s) = (set(&after.matched), set(&after.missed), set(&after.spurious));
                let b_all: BTreeSet<String> = bm.union(&bx).cloned().collect();
                let a_all: BTreeSet<String> = am.union(&ax).cloned().collect();
                LevelDiff {
                    level: Some(*level),
                    fixed: bx.intersection(&am).cloned().collect(),
                    broken: bm.intersection(&ax).cloned().collect(),
                    fp_gone: bs.difference(&a_s).cloned().collect(),
                    fp_new: a_s.difference(&bs).cloned().collect(),
                    gold_added: a_all.difference(&b_all).cloned().collect(),
                    gold_removed: b_all.difference(&a_all).cloned().collect(),
                    before,
                    after,
                }
            })
            .collect();
        Diff { levels }
    }

    /// Levels whose F1 fell by more than `margin`: `(level, before, after)`.
    pub fn regressions(&self, margin: f64) -> Vec<(Level, f64, f64)> {
        self.levels
            .iter()
            .filter(|d| d.before.f1 - d.after.f1 > margin + 1e-9)
            .filter_map(|d| Some((d.level?, d.before.f1, d.after.f1)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lvl(f1: f64, matched: &[&str], missed: &[&str], spurious: &[&str]) -> BaselineLevel {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
        BaselineLevel { f1, matched: v(matched), missed: v(missed), spurious: v(spurious), ..BaselineLevel::default() }
    }

    #[test]
    fn diff_event_by_event() {
        let mut base = Baseline::default();
        let mut now = Baseline::default();
        base.levels.insert(Level::Event, lvl(0.50, &["a", "b"], &["c"], &["x"]));
        now.levels.insert(Level::Event, lvl(0.47, &["a", "c"], &["b", "d"], &["y"]));
        let d = Diff::new(&base, &now);
        let e = &d.levels[0];
        assert_eq!(e.fixed, ["c"]);
        assert_eq!(e.broken, ["b"]);
        assert_eq!(e.fp_gone, ["x"]);
        assert_eq!(e.fp_new, ["y"]);
        assert_eq!(e.gold_added, ["d"]);
        assert!(d.regressions(0.02).iter().any(|r| r.0 == Level::Event));
        assert!(d.regressions(0.05).is_empty());
    }

    #[test]
    fn baseline_round_trips() {
        let mut b = Baseline { format: BASELINE_FORMAT, gold_docs: 2, ..Baseline::default() };
        b.levels.insert(Level::Full, lvl(0.25, &["a"], &[], &[]));
        let text = serde_json::to_string(&b).unwrap_or_default();
        let back: Baseline = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(b, back);
    }
}
