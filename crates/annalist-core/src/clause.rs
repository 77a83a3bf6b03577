//! Clause analysis.
