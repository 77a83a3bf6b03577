use std::fmt;

/// A problem in a dictionary source file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictError {
    /// Path relative to the dictionary folder.
    pub file: String,
    /// 1-based line, 0 when the whole file is at fault.
    pub line: usize,
    pub message: String,
}

impl DictError {
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> DictError {
        DictError { file: file.to_string(), line, message: message.into() }
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for DictError {}
