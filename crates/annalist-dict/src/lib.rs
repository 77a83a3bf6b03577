//! annalist's dictionaries: the source format (see `dictionaries/FORMAT.md`), its
//! validation, and its compilation into automata.
//!
//! [`Sources`] are the raw files (embedded in the binary, or read from a folder);
//! [`Dictionary::parse`] turns them into typed entries, collecting every error with its file
//! and line; [`Compiled::new`] builds the automata the coder runs. Both happen once.
//!
//! ```
//! let dict = annalist_dict::Dictionary::parse(&annalist_dict::Sources::embedded()).unwrap();
//! let compiled = annalist_dict::Compiled::new(&dict);
//! assert!(compiled.terms().len() > 0);
//! ```

pub mod actors;
mod check;
pub mod compare;
mod compile;
mod error;
pub mod lemma;
pub mod offices;
pub mod patterns;
pub mod peer_format;

use std::path::Path;

use annalist_text::CameoTable;

pub use actors::{Agent, Country, Org, Person, Role};
pub use check::{check, stats, Finding, Severity, Stats};
pub use compile::{person_surnames, Compiled, CountryForms, RawMatch, Term, TermKind};
pub use error::DictError;
pub use patterns::{Example, Expect, PTok, Pattern};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The raw source files of a dictionary: `(path relative to the folder, content)`.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub files: Vec<(String, String)>,
}

impl Sources {
    /// The dictionaries compiled into this binary.
    pub fn embedded() -> Sources {
        Sources { files: embedded::EMBEDDED.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect() }
    }

    /// Every `.toml`, `.txt` and `.tsv` file below `dir`.
    ///
    /// # Errors
    /// When `dir` or a file below it cannot be read.
    pub fn from_dir(dir: &Path) -> std::io::Result<Sources> {
        let mut paths = Vec::new();
        walk(dir, &mut paths)?;
        paths.sort();
        let mut files = Vec::with_capacity(paths.len());
        for p in paths {
            let rel = p.strip_prefix(dir).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            files.push((rel, std::fs::read_to_string(&p)?));
        }
        Ok(Sources { files })
    }
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("toml" | "txt" | "tsv")) {
            out.push(p);
        }
    }
    Ok(())
}

/// Every entry of a dictionary, typed.
#[derive(Debug, Default)]
pub struct Dictionary {
    pub cameo: CameoTable,
    pub countries: Vec<Country>,
    pub orgs: Vec<Org>,
    pub agents: Vec<Agent>,
    pub persons: Vec<Person>,
    pub patterns: Vec<Pattern>,
    /// Countries whose office holders are promised complete (`offices.toml`).
    pub scope: Vec<offices::Scope>,
    /// Which file each org came from (orgs.toml, groups.toml ...).
    pub org_files: Vec<String>,
}

impl Dictionary {
    /// Parses all source files.
    ///
    /// # Errors
    /// Every malformed file or line, each with its location. Nothing is partially loaded.
    pub fn parse(sources: &Sources) -> Result<Dictionary, Vec<DictError>> {
        let mut d = Dictionary::default();
        let mut errors = Vec::new();
        for (path, content) in &sources.files {
            if path.ends_with("cameo.tsv") {
                match CameoTable::parse(content) {
                    Ok(t) => d.cameo = t,
                    Err(e) => errors.push(DictError::new(path, e.line, e.reason)),
                }
            } else if path.starts_with("verbs/") && path.ends_with(".txt") {
                d.patterns.extend(patterns::parse_pattern_file(path, content, &mut errors));
            } else if path.ends_with(".toml") {
                match toml::from_str::<actors::ActorFile>(content) {
                    Ok(f) => {
                        d.countries.extend(f.country);
                        for o in f.org {
                            d.orgs.push(o);
                            d.org_files.push(path.clone());
                        }
                        d.agents.extend(f.agent);
                        for p in f.person {
                            d.persons.push(actors::person_from_raw(p, path, &mut errors));
                        }
                        d.scope.extend(f.scope.into_iter().filter_map(|s| offices::scope_from_raw(s, path, &mut errors)));
                    }
                    Err(e) => {
                        let line = e.span().map_or(0, |s| content[..s.start.min(content.len())].lines().count().max(1));
                        errors.push(DictError::new(path, line, e.message().to_string()));
                    }
                }
            }
        }
        if d.cameo.is_empty() {
            errors.push(DictError::new("cameo.tsv", 0, "missing or empty CAMEO code table"));
        }
        if errors.is_empty() {
            Ok(d)
        } else {
            Err(errors)
        }
    }
}
