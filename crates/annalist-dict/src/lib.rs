//! annalist dictionaries.
