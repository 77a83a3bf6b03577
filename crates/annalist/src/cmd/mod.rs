//! One module per subcommand.

pub mod code;
pub mod dict;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod query;
