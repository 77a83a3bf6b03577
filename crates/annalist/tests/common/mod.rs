//! What the CLI tests share: the binary, and short news-like articles to ingest.

use std::process::Command;

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
}

const SENTENCES: [&str; 8] = [
    "Syrian troops shelled the city of Homs on Tuesday, killing at least {n} people, activists said.",
    "Israeli aircraft struck targets in Gaza overnight, the army said.",
    "The United Nations Security Council condemned the attack and called for a ceasefire.",
    "Police arrested {n} protesters in Cairo after clashes near Tahrir Square.",
    "Russia's foreign minister met his Iranian counterpart in Moscow to discuss the nuclear programme.",
    "Rebels seized control of the northern town after days of fighting with government forces.",
    "The European Union imposed new sanctions on Iran's oil exports.",
    "Turkey accused Syria of shelling its border villages and threatened to retaliate.",
];

/// Article `i`: four of the sentences, starting at a place that moves with `i`, the counts
/// `i % counts + 2`, paragraphs apart.
pub fn article_text(i: usize, counts: usize) -> String {
    let text: Vec<String> = (0..4)
        .map(|k| SENTENCES[(i * 3 + k) % SENTENCES.len()].replace("{n}", &(i % counts + 2).to_string()))
        .collect();
    text.join("\n\n")
}
