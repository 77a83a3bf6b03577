//! The terminal summary and the markdown report.

use std::fmt::Write as _;

use crate::baseline::{Diff, LevelDiff};
use crate::score::{Counts, Evaluation};

fn prf(c: &Counts) -> String {
    format!("{:.3}  {:.3}  {:.3}", c.precision(), c.recall(), c.f1())
}

/// A short summary for the terminal; with a diff, the F1 changes and the first event-level
/// changes (at most `max_lines` of each kind).
pub fn summary(ev: &Evaluation, diff: Option<&Diff>, max_lines: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "gold: {} documents, {} events ({} negated or hypothetical); predictions: {} ({} flagged), {} for other documents (ignored)",
        ev.gold_docs, ev.gold_events, ev.gold_not_facts, ev.predictions, ev.flagged_predictions, ev.unknown_doc_predictions
    );
    let _ = writeln!(s, "level   P      R      F1     matched/gold/pred  negated-as-fact");
    for l in &ev.levels {
        let name = l.level.map_or("?", |l| l.name());
        let c = &l.counts;
        let _ = writeln!(
            s,
            "{name:<7} {}  {:>5}/{:>4}/{:<4}        {}",
            prf(c),
            c.tp,
            c.gold,
            c.pred,
            l.negated_as_fact
        );
    }
    if let Some(l) = ev.levels.first() {
        let _ = writeln!(
            s,
            "negated/hypothetical (event level, flagged predictions): P R F1 {}  ({}/{}/{})",
            prf(&l.flagged),
            l.flagged.tp,
            l.flagged.gold,
            l.flagged.pred
        );
    }
    let attrs: Vec<String> = ev
        .attributes
        .rows()
        .iter()
        .map(|(name, a)| format!("{name} {}/{}", a.correct, a.total))
        .collect();
    let _ = writeln!(s, "on triple matches: {}", attrs.join(", "));
    let _ = writeln!(s, "predictions in null sentences: {}", ev.null_hits.len());
    if let Some(diff) = diff {
        let _ = writeln!(s, "against the baseline:");
        for d in &diff.levels {
            let _ = writeln!(
                s,
                "  {:<7} F1 {:.3} -> {:.3} ({:+.3}); {} better, {} worse",
                d.level.map_or("?", |l| l.name()),
                d.before.f1,
                d.after.f1,
                d.f1_change(),
                d.better(),
                d.worse()
            );
        }
        if let Some(d) = diff.levels.first() {
            for (sign, what, items) in changes(d) {
                for item in items.iter().take(max_lines) {
                    let _ = writeln!(s, "  {sign} {what}: {}", clip(item, 160));
                }
                if items.len() > max_lines {
                    let _ = writeln!(s, "  {sign} ... {} more {what} (see the report)", items.len() - max_lines);
                }
            }
        }
    }
    s
}

fn changes(d: &LevelDiff) -> [(&'static str, &'static str, &Vec<String>); 4] {
    [
        ("-", "now missed", &d.broken),
        ("-", "new false positive", &d.fp_new),
        ("+", "now found", &d.fixed),
        ("+", "false positive gone", &d.fp_gone),
    ]
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The full markdown report.
pub fn markdown(ev: &Evaluation, diff: Option<&Diff>, gold_dir: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# annalist eval: `{gold_dir}`\n");
    let _ = writeln!(
        s,
        "{} documents, {} gold events ({} negated or hypothetical); {} predictions ({} flagged negated or hypothetical); {} predictions for documents not in the gold set were ignored.\n",
        ev.gold_docs, ev.gold_events, ev.gold_not_facts, ev.predictions, ev.flagged_predictions, ev.unknown_doc_predictions
    );
    let _ = writeln!(s, "Matching follows SPEC.md \"Gold sets\": keys collapsed per level, then matched one to one.\n");
    let _ = writeln!(s, "## Scores\n");
    let _ = writeln!(s, "| level | P | R | F1 | matched | gold keys | predicted keys | negated/hypothetical emitted as fact |");
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for l in &ev.levels {
        let c = &l.counts;
        let _ = writeln!(
            s,
            "| {} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {} |",
            l.level.map_or("?", |l| l.name()),
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.gold,
            c.pred,
            l.negated_as_fact
        );
    }
    let _ = writeln!(s, "\n### Negated and hypothetical events (scored separately)\n");
    let _ = writeln!(s, "Gold events marked negated or hypothetical against predictions flagged so (`--all`).\n");
    let _ = writeln!(s, "| level | P | R | F1 | matched | gold keys | predicted keys |\n|---|---:|---:|---:|---:|---:|---:|");
    for l in &ev.levels {
        let c = &l.flagged;
        let _ = writeln!(
            s,
            "| {} | {:.3} | {:.3} | {:.3} | {} | {} | {} |",
            l.level.map_or("?", |l| l.name()),
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.gold,
            c.pred
        );
    }

    let _ = writeln!(s, "\n## Attributes on triple-level matches\n");
    let _ = writeln!(s, "Accuracy over matches whose gold event gives a value; \"unexpected\": the gold event gives none, the prediction does.\n");
    let _ = writeln!(s, "| attribute | correct | of | accuracy | unexpected |\n|---|---:|---:|---:|---:|");
    for (name, a) in ev.attributes.rows() {
        let _ = writeln!(s, "| {name} | {} | {} | {:.3} | {} |", a.correct, a.total, a.rate(), a.unexpected);
    }

    let _ = writeln!(s, "\n## Root confusion (event level)\n");
    let _ = writeln!(s, "Rows: gold root; columns: predicted root on the same sentence; `-`: none.\n");
    let mut cols: Vec<String> = ev.confusion.values().flat_map(|r| r.keys().cloned()).collect();
    cols.sort();
    cols.dedup();
    let _ = writeln!(s, "| gold \\ pred | {} |", cols.join(" | "));
    let _ = writeln!(s, "|---|{}", "---:|".repeat(cols.len()));
    for (g, row) in &ev.confusion {
        let cells: Vec<String> = cols.iter().map(|c| row.get(c).map_or(String::new(), |n| n.to_string())).collect();
        let _ = writeln!(s, "| **{g}** | {} |", cells.join(" | "));
    }

    let _ = writeln!(s, "\n## Per document\n");
    let _ = writeln!(s, "| document | gold events | predictions | event F1 | triple F1 | full F1 |\n|---|---:|---:|---:|---:|---:|");
    for d in &ev.docs {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            d.id,
            d.gold_events,
            d.predictions,
            d.levels[0].f1(),
            d.levels[1].f1(),
            d.levels[2].f1()
        );
    }

    let _ = writeln!(s, "\n## Predictions in null sentences ({})\n", ev.null_hits.len());
    for h in &ev.null_hits {
        let _ = writeln!(s, "- {} root {}: \"{}\"", h.doc, h.code, md_escape(&h.null_sentence));
    }
    if let Some(l) = ev.levels.first() {
        let _ = writeln!(s, "\n## Negated or hypothetical events emitted as facts ({})\n", l.negated_as_fact_labels.len());
        for x in &l.negated_as_fact_labels {
            let _ = writeln!(s, "- {}", md_escape(x));
        }
    }

    if let Some(diff) = diff {
        let _ = writeln!(s, "\n## Against the baseline\n");
        let _ = writeln!(s, "| level | F1 before | F1 now | change | better | worse |\n|---|---:|---:|---:|---:|---:|");
        for d in &diff.levels {
            let _ = writeln!(
                s,
                "| {} | {:.3} | {:.3} | {:+.3} | {} | {} |",
                d.level.map_or("?", |l| l.name()),
                d.before.f1,
                d.after.f1,
                d.f1_change(),
                d.better(),
                d.worse()
            );
        }
        for d in &diff.levels {
            let name = d.level.map_or("?", |l| l.name());
            for (sign, what, items) in changes(d) {
                if items.is_empty() {
                    continue;
                }
                let _ = writeln!(s, "\n### {name} level: {what} ({sign}{})\n", items.len());
                for x in items {
                    let _ = writeln!(s, "- {}", md_escape(x));
                }
            }
            if !d.gold_added.is_empty() || !d.gold_removed.is_empty() {
                let _ = writeln!(
                    s,
                    "\n{name} level: the gold set changed since the baseline ({} keys added, {} removed).",
                    d.gold_added.len(),
                    d.gold_removed.len()
                );
            }
        }
    }

    for l in &ev.levels {
        let name = l.level.map_or("?", |l| l.name());
        for (what, items) in [("missed gold events", &l.missed), ("false positives", &l.spurious)] {
            let _ = writeln!(s, "\n<details><summary>{name} level: {what} ({})</summary>\n", items.len());
            for x in items {
                let _ = writeln!(s, "- {}", md_escape(x));
            }
            let _ = writeln!(s, "\n</details>");
        }
    }
    s
}
