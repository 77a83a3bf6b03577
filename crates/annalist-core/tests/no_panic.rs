//! No input panics: arbitrary text and bytes through the whole coder.

use std::sync::OnceLock;

use annalist_core::{CodeOptions, Coder};
use annalist_text::Document;
use proptest::prelude::*;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::builder().build().expect("built-in dictionaries load"))
}

fn run(text: String) {
    let opts = CodeOptions { all: true, explain: true, default_date: None };
    let coded = coder().code(&Document::plain("p", text), &opts);
    for e in coded.events {
        assert!(e.sentence_text.chars().count() >= e.trigger.span[1]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,400}") {
        run(text);
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        run(String::from_utf8_lossy(&bytes).into_owned());
    }

    #[test]
    fn news_like_words(words in proptest::collection::vec(prop_oneof![
        Just("Syria"), Just("Syrian"), Just("troops"), Just("shelled"), Just("the"), Just("’s"), Just("did"),
        Just("not"), Just("U.S."), Just(","), Just("and"), Just("by"), Just("were"), Just("killed"),
        Just("(Reuters)"), Just("-"), Just("."), Just("“"), Just("Lavrov"), Just("he"), Just("its"),
        Just("between"), Just("recalled"), Just("ambassador"), Just("from"), Just("\n\n"), Just("é"),
    ], 0..60)) {
        run(words.join(" "));
    }
}

#[test]
fn pathological_inputs() {
    for t in ["", ".", "\n\n\n", "’s", "A. B. C.", &"x ".repeat(50_000), &"Syria, ".repeat(2_000), "\u{0}\u{feff}é\u{200b}"] {
        run(t.to_string());
    }
}
