//! CI guard: accuracy on the development gold set must not fall below the saved baseline.
//!
//! The test codes `testdata/gold` with the built binary (`annalist eval`) and fails when the
//! event, triple or full F1 falls more than 0.02 below `testdata/eval_baseline.json`.
//!
//! Whoever improves the coder (or changes the gold set) re-saves the baseline, from the
//! repository root, and commits it with the change:
//!
//!     cargo run -p annalist -- eval --gold testdata/gold --save-baseline testdata/eval_baseline.json
//!
//! `--baseline testdata/eval_baseline.json --report /tmp/eval.md` first shows, event by event,
//! what the change fixed and what it broke.

use std::path::{Path, PathBuf};
use std::process::Command;

/// How far F1 may fall below the baseline at any level before CI fails.
const MARGIN: f64 = 0.02;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn eval_f1_not_below_baseline() {
    let root = root();
    let baseline = root.join("testdata/eval_baseline.json");
    assert!(baseline.is_file(), "no baseline at {}", baseline.display());
    let report = std::env::temp_dir().join(format!("annalist-eval-guard-{}.md", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .arg("eval")
        .arg("--gold")
        .arg(root.join("testdata/gold"))
        .arg("--baseline")
        .arg(&baseline)
        .arg("--min-f1-drop")
        .arg(MARGIN.to_string())
        .arg("--report")
        .arg(&report)
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => panic!("could not run annalist eval: {e}"),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        out.status.success(),
        "F1 on testdata/gold fell more than {MARGIN} below testdata/eval_baseline.json \
         (exit {:?}); the full report with what got worse, event by event, is {}",
        out.status.code(),
        report.display()
    );
    let _ = std::fs::remove_file(report);
}

#[test]
fn baseline_is_for_this_gold_set() {
    let root = root();
    let baseline = annalist_eval::Baseline::load(&root.join("testdata/eval_baseline.json"));
    let gold = annalist_eval::load_gold(&root.join("testdata/gold"));
    let (Ok(baseline), Ok(gold)) = (baseline, gold) else {
        panic!("baseline or gold set unreadable");
    };
    assert_eq!(
        (baseline.gold_docs, baseline.gold_events),
        (gold.docs.len(), gold.event_count()),
        "the gold set changed since the baseline was saved: re-save it (command at the top of this file)"
    );
}
