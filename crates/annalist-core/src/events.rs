//! Event matching.
