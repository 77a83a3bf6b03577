//! Sentences and tokens with byte spans.
