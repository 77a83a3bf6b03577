//! Actor recognition.
