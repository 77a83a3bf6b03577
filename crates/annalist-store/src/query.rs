//! Event queries: filters turned into one SQL statement over the indexed columns.

use rusqlite::types::Value;

/// Which side of an event an actor filter looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    Source,
    Target,
    #[default]
    Either,
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "source" => Ok(Role::Source),
            "target" => Ok(Role::Target),
            "either" | "any" => Ok(Role::Either),
            o => Err(format!("unknown role {o:?} (source, target, either)")),
        }
    }
}

/// Filters on stored events; every field set must hold. Dates compare as `YYYY-MM-DD`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Event date on or after.
    pub from: Option<String>,
    /// Event date on or before.
    pub to: Option<String>,
    /// Actor code prefix: a country (`SYR`), a code (`SYRMIL`) or an organisation (`IGOUNO`).
    pub actor: Option<String>,
    pub role: Role,
    /// CAMEO code or prefix: `19` (a root), `190`, `0311`.
    pub code: Option<String>,
    pub quad: Option<u8>,
    /// Place name (case-insensitive, substring) or its country code.
    pub place: Option<String>,
    /// FTS5 query over the event's sentence.
    pub text: Option<String>,
    /// Leave out negated and hypothetical events (stored only by `ingest --all`).
    pub facts_only: bool,
    pub limit: Option<usize>,
}

/// `abc` -> a GLOB pattern matching strings that start with `abc` (GLOB can use the index).
fn prefix_glob(p: &str) -> String {
    let mut g = String::new();
    for c in p.chars() {
        match c {
            '*' | '?' | '[' | ']' => {
                g.push('[');
                g.push(c);
                g.push(']');
            }
            c => g.push(c),
        }
    }
    g.push('*');
    g
}

impl Query {
    /// The SQL selecting the ids of the matching events, in order, and its parameters. Only
    /// ids are sorted (records are fetched by id afterwards): sorting whole records of a large
    /// match costs tens of seconds.
    pub(crate) fn to_sql(&self) -> (String, Vec<Value>) {
        let mut sql = String::from("SELECT e.id FROM events e");
        if self.text.is_some() {
            // Driven from the full-text matches (CROSS JOIN fixes the join order in SQLite):
            // else the planner may walk every event in date order and test each sentence.
            sql = String::from(
                "SELECT e.id FROM sentences_fts f
                 CROSS JOIN sentences s ON s.id = f.rowid
                 CROSS JOIN events e ON e.document_id = s.document_id AND e.sentence = s.idx",
            );
        }
        let mut wh: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let arg = |args: &mut Vec<Value>, v: Value| {
            args.push(v);
            format!("?{}", args.len())
        };
        if let Some(f) = &self.from {
            let a = arg(&mut args, Value::Text(f.clone()));
            wh.push(format!("e.date >= {a}"));
        }
        if let Some(t) = &self.to {
            let a = arg(&mut args, Value::Text(t.clone()));
            wh.push(format!("e.date <= {a}"));
        }
        if let Some(actor) = &self.actor {
            let a = arg(&mut args, Value::Text(prefix_glob(&actor.to_uppercase())));
            wh.push(match self.role {
                Role::Source => format!("e.source_code GLOB {a}"),
                Role::Target => format!("e.target_code GLOB {a}"),
                Role::Either => format!("(e.source_code GLOB {a} OR e.target_code GLOB {a})"),
            });
        }
        if let Some(c) = &self.code {
            let a = arg(&mut args, Value::Text(prefix_glob(c)));
            wh.push(format!("e.code GLOB {a}"));
        }
        if let Some(q) = self.quad {
            let a = arg(&mut args, Value::Integer(i64::from(q)));
            wh.push(format!("e.quad_class = {a}"));
        }
        if let Some(p) = &self.place {
            let a = arg(&mut args, Value::Text(format!("%{p}%")));
            let b = arg(&mut args, Value::Text(p.to_uppercase()));
            wh.push(format!("(e.place LIKE {a} OR e.place_country = {b})"));
        }
        if let Some(t) = &self.text {
            let a = arg(&mut args, Value::Text(t.clone()));
            wh.push(format!("sentences_fts MATCH {a}"));
        }
        if self.facts_only {
            wh.push("e.negated = 0 AND e.hypothetical = 0".into());
        }
        if !wh.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&wh.join(" AND "));
        }
        // Date, then insertion order: both in the `events_date` index, so a LIMIT needs no sort.
        sql.push_str(" ORDER BY e.date, e.id");
        if let Some(l) = self.limit {
            let a = arg(&mut args, Value::Integer(l as i64));
            sql.push_str(&format!(" LIMIT {a}"));
        }
        (sql, args)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn glob_escapes() {
        assert_eq!(prefix_glob("SYR"), "SYR*");
        assert_eq!(prefix_glob("a*b"), "a[*]b*");
    }

    #[test]
    fn builds_parameters_in_order() {
        let q = Query { from: Some("2012-01-01".into()), actor: Some("syr".into()), limit: Some(5), ..Query::default() };
        let (sql, args) = q.to_sql();
        assert!(sql.starts_with("SELECT e.id FROM events e WHERE e.date >= ?1"));
        assert!(sql.contains("GLOB ?2 OR e.target_code GLOB ?2"));
        assert!(sql.ends_with("LIMIT ?3"));
        assert_eq!(args.len(), 3);
    }
}
