//! A tiny timing harness for `harness = false` benches (no criterion: it would double the
//! workspace's compile time for little gain here).
//!
//! `cargo bench` passes `--bench`: each case then runs for at least two seconds (and five
//! iterations) after one warm-up. Without it (`cargo test --benches`, as CI does) each case
//! runs once, so the correctness checks inside the loops still run. A non-flag argument
//! filters cases by name.

#![allow(dead_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub struct Bench {
    quick: bool,
    filter: Option<String>,
}

impl Bench {
    pub fn from_args() -> Bench {
        let args: Vec<String> = std::env::args().skip(1).collect();
        Bench {
            quick: !args.iter().any(|a| a == "--bench"),
            filter: args.into_iter().find(|a| !a.starts_with('-')),
        }
    }

    /// Whether this is a real timing run (`cargo bench`).
    pub fn timing(&self) -> bool {
        !self.quick
    }

    /// Times `f` over `bytes` of input holding `units` countable items (sentences, ...).
    pub fn run(&self, name: &str, bytes: usize, unit: &str, units: usize, mut f: impl FnMut()) {
        if self.filter.as_deref().is_some_and(|flt| !name.contains(flt)) {
            return;
        }
        f();
        if self.quick {
            println!("{name:<28} ok (checked once; `cargo bench` to time)");
            return;
        }
        let mut times = Vec::new();
        let start = Instant::now();
        while times.len() < 5 || start.elapsed() < Duration::from_secs(2) {
            let t = Instant::now();
            f();
            times.push(t.elapsed());
        }
        times.sort();
        let median = times[times.len() / 2].as_secs_f64();
        let min = times[0].as_secs_f64();
        println!(
            "{name:<28} median {:>9.3} ms  min {:>9.3} ms  {:>8.1} MB/s  {:>10.0} {unit}/s  ({} iterations)",
            median * 1e3,
            min * 1e3,
            bytes as f64 / median / 1e6,
            units as f64 / median,
            times.len()
        );
    }
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The development gold set's articles: `(id, text)`, sorted by id.
pub fn gold_texts() -> Vec<(String, String)> {
    let dir = workspace().join("testdata/gold");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    let id = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    out.push((id, text));
                }
            }
        }
    }
    out.sort();
    out
}

/// Peak resident memory of this process in KiB (`VmHWM` of /proc/self/status; Linux only).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) this process has used, in seconds, from /proc/self/stat (Linux;
/// clock ticks taken as 1/100 s, so good to about 10 ms). Unlike wall time it does not grow
/// while other processes hold the core, so it is the fairer "one core" figure on a busy machine.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = f.get(11)?.parse().ok()?;
    let stime: u64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}
