//! The CAMEO event-code table: names, Goldstein values, quad classes and PLOVER types.
//!
//! The table is data (`dictionaries/cameo.tsv`); this module only parses and indexes it.

use std::collections::HashMap;

/// GDELT-style quad class of a code's root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuadClass {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl QuadClass {
    pub fn from_number(n: u8) -> Option<QuadClass> {
        match n {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// The quad class CAMEO assigns to a root ("01".."20").
    pub fn of_root(root: &str) -> Option<QuadClass> {
        match root.parse::<u8>().ok()? {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=9 => Some(QuadClass::MaterialCooperation),
            10..=14 => Some(QuadClass::VerbalConflict),
            15..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub quad_class: QuadClass,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
    pub plover_context: Option<String>,
}

impl CameoCode {
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// The whole table, indexed by code string (`"0311"`, `"190"`).
#[derive(Clone, Debug, Default)]
pub struct CameoTable {
    codes: Vec<CameoCode>,
    by_code: HashMap<String, usize>,
}

/// A malformed line of the code table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameoParseError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for CameoParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cameo.tsv line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for CameoParseError {}

impl CameoTable {
    /// Parses `code, name, goldstein, quad_class[, plover_type, plover_mode, plover_context]`
    /// tab-separated rows; a first line starting with `code` is a header, `#` lines are comments.
    pub fn parse(tsv: &str) -> Result<CameoTable, CameoParseError> {
        let mut table = CameoTable::default();
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || (i == 0 && line.starts_with("code")) {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |reason: String| CameoParseError { line: line_no, reason };
            if cols.len() < 4 {
                return Err(err(format!("expected at least 4 tab-separated columns, found {}", cols.len())));
            }
            let code = cols[0].trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(format!("bad code {code:?}")));
            }
            let goldstein: f64 =
                cols[2].trim().parse().map_err(|_| err(format!("bad goldstein {:?}", cols[2])))?;
            let quad = cols[3]
                .trim()
                .parse::<u8>()
                .ok()
                .and_then(QuadClass::from_number)
                .ok_or_else(|| err(format!("bad quad class {:?}", cols[3])))?;
            let opt = |k: usize| cols.get(k).map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from);
            if table.by_code.contains_key(code) {
                return Err(err(format!("duplicate code {code}")));
            }
            table.by_code.insert(code.to_string(), table.codes.len());
            table.codes.push(CameoCode {
                code: code.to_string(),
                name: cols[1].trim().to_string(),
                goldstein,
                quad_class: quad,
                plover_type: opt(4),
                plover_mode: opt(5),
                plover_context: opt(6),
            });
        }
        Ok(table)
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    pub fn contains(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    pub fn iter(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter()
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The PLOVER type of a code, falling back to its parent codes' types.
    pub fn plover(&self, code: &str) -> Option<&str> {
        (2..=code.len()).rev().find_map(|n| {
            self.get(code.get(..n)?).and_then(|c| c.plover_type.as_deref())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_falls_back_to_parent_plover() {
        let t = CameoTable::parse("code\tname\tgoldstein\tquad_class\tplover_type\n19\tFight\t-10\t4\tASSAULT\n190\tFight, unspecified\t-10.0\t4\n").unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("190").unwrap().goldstein, -10.0);
        assert_eq!(t.plover("190"), Some("ASSAULT"));
    }

    #[test]
    fn rejects_bad_rows_with_line_numbers() {
        let e = CameoTable::parse("01\tx\tnot-a-number\t1\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
