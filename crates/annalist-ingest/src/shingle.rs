//! The scoring of the article-extraction benchmark (Scrapinghub's, 181 pages): 4-gram shingle
//! precision, recall and F1, computed exactly as its `evaluate.py` does.
//!
//! Per document, the true and predicted bodies are split into `\w+` tokens, turned into
//! counted 4-token shingles (a text of fewer than four tokens is one shorter shingle), and
//! compared as multisets; tp, fp and fn are normalised to sum to one. Precision is the mean
//! over documents with `tp + fp > 0` of the per-document precision, recall likewise, and F1 is
//! the harmonic mean of those two means.
//!
//! ```
//! use annalist_ingest::shingle::{matching, Scores};
//! let m = matching("the quick brown fox jumps", "the quick brown fox");
//! let s = Scores::from_matches(&[m]);
//! assert!((s.precision - 1.0).abs() < 1e-9 && (s.recall - 0.5).abs() < 1e-9);
//! ```

use std::collections::HashMap;

/// Normalised true positives, false positives and false negatives of one document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// Python's `re.findall(r'\w+', text)` with Unicode: runs of alphanumerics and `_`.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    let count = tokens.len().saturating_sub(n) + 1;
    for i in 0..count.max(1) {
        let end = (i + n).min(tokens.len());
        if i >= end {
            continue;
        }
        *m.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    m
}

/// `string_shingle_matching(true, pred)` with 4-gram shingles.
pub fn matching(truth: &str, pred: &str) -> Match {
    let t = tokenize(truth);
    let p = tokenize(pred);
    let ts = shingles(&t, 4);
    let ps = shingles(&p, 4);
    let (mut tp, mut fp, mut fn_) = (0.0f64, 0.0f64, 0.0f64);
    for (k, &tc) in &ts {
        let pc = ps.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
        fp += pc.saturating_sub(tc) as f64;
    }
    for (k, &pc) in &ps {
        if !ts.contains_key(k) {
            fp += pc as f64;
        }
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        Match { tp: tp / s, fp: fp / s, fn_: fn_ / s }
    } else {
        Match { tp, fp, fn_ }
    }
}

/// Benchmark-level precision, recall and F1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn precision_score(m: &Match) -> f64 {
    if m.fp == 0.0 && m.fn_ == 0.0 {
        1.0
    } else if m.tp == 0.0 && m.fp == 0.0 {
        0.0
    } else {
        m.tp / (m.tp + m.fp)
    }
}

fn recall_score(m: &Match) -> f64 {
    if m.fp == 0.0 && m.fn_ == 0.0 {
        1.0
    } else if m.tp == 0.0 && m.fn_ == 0.0 {
        0.0
    } else {
        m.tp / (m.tp + m.fn_)
    }
}

fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += x;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        s / n as f64
    }
}

impl Scores {
    /// `metrics_from_tp_fp_fns`.
    pub fn from_matches(ms: &[Match]) -> Scores {
        let precision = mean(ms.iter().filter(|m| m.tp + m.fp > 0.0).map(precision_score));
        let recall = mean(ms.iter().filter(|m| m.tp + m.fn_ > 0.0).map(recall_score));
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Scores { precision, recall, f1 }
    }
}

/// Runs the extraction benchmark in `dir` (`html/<id>.html.gz` and `ground-truth.json`):
/// each page's extracted text scored against its ground truth. `Ok(None)` when `dir` is
/// absent.
///
/// # Errors
/// A page or the ground truth that cannot be read.
pub fn run_benchmark(dir: &std::path::Path) -> std::io::Result<Option<Vec<(String, Match)>>> {
    use std::io::Read;
    let truth_path = dir.join("ground-truth.json");
    if !truth_path.exists() {
        return Ok(None);
    }
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&std::fs::read(&truth_path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let mut out = Vec::new();
    for (id, v) in &truth {
        let body = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
        let url = v.get("url").and_then(|b| b.as_str());
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
        let html = crate::html::decode(&bytes, None);
        let x = crate::html::extract(&html, url);
        if std::env::var_os("ANNALIST_BENCH_DUMP").is_some() {
            let d = std::path::PathBuf::from(std::env::var_os("ANNALIST_BENCH_DUMP").unwrap_or_default());
            std::fs::create_dir_all(&d)?;
            std::fs::write(d.join(format!("{id}.pred.txt")), &x.text)?;
            std::fs::write(d.join(format!("{id}.true.txt")), body)?;
        }
        out.push((id.clone(), matching(body, &x.text)));
    }
    Ok(Some(out))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_python_w() {
        assert_eq!(tokenize("It’s 3 o'clock — naïve_x!"), vec!["It", "s", "3", "o", "clock", "naïve_x"]);
    }

    #[test]
    fn short_texts_make_one_shingle() {
        let m = matching("one two", "one two");
        assert_eq!(m, Match { tp: 1.0, fp: 0.0, fn_: 0.0 });
        let m = matching("", "");
        assert_eq!(m, Match { tp: 0.0, fp: 0.0, fn_: 0.0 });
    }

    #[test]
    fn counts_repeated_shingles() {
        // true: a b c d a b c d -> shingles abcd, bcda, cdab, dabc, abcd (abcd x2)
        let m = matching("a b c d a b c d", "a b c d");
        assert!((m.tp - 1.0 / 5.0).abs() < 1e-12);
        assert!((m.fn_ - 4.0 / 5.0).abs() < 1e-12);
    }
}
