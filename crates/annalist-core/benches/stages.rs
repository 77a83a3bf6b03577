//! Per-stage microbenchmarks over the development gold set's 30 articles:
//! `docstruct::structure`, `segment::sentences` + `tokenize`, and the whole `Coder::code`.
//!
//!     cargo bench -p annalist-core --bench stages [-- FILTER]
//!
//! Every iteration checks its counts against a first, untimed pass (and a fixed text against
//! hand-counted sentences), so a benchmark can never get faster by doing less work.

mod harness;

use annalist_core::{docstruct, segment, CodeOptions, Coder};
use annalist_text::Document;
use harness::Bench;

/// A paragraph with abbreviations and initials and its hand-counted sentences.
const FIXED: &str = "Gen. David H. Petraeus met U.S. officials in Kabul on Feb. 3, 2010. \
    Talks ended without agreement! Did they fail? Mr. Karzai said on Tuesday that he would \
    meet them again in Jan. next year.\n\nA second paragraph starts here";
const FIXED_SENTENCES: usize = 5;

fn main() {
    let bench = Bench::from_args();
    let docs: Vec<Document> = harness::gold_texts().into_iter().map(|(id, text)| Document::plain(id, text)).collect();
    assert!(docs.len() >= 30, "the development gold set (testdata/gold) has {} articles", docs.len());
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    // Reference counts from one untimed pass.
    let structures: Vec<docstruct::Structure> = docs.iter().map(docstruct::structure).collect();
    let paragraphs: usize = structures.iter().map(|s| s.paragraphs.len()).sum();
    let body_bytes: usize = structures.iter().map(|s| s.body.len()).sum();
    let mut tokens_buf = Vec::new();
    let (mut sentences, mut tokens) = (0usize, 0usize);
    for s in &structures {
        for span in segment::sentences(&s.body) {
            sentences += 1;
            segment::tokenize(span.slice(&s.body), &mut tokens_buf);
            tokens += tokens_buf.len();
        }
    }
    let coder = match Coder::builder().build() {
        Ok(c) => c,
        Err(e) => panic!("building the coder: {e}"),
    };
    let opts = CodeOptions { all: true, ..CodeOptions::default() };
    let events: usize = docs.iter().map(|d| coder.code(d, &opts).events.len()).sum();
    println!(
        "{} articles, {bytes} bytes; {paragraphs} paragraphs, {sentences} sentences, {tokens} tokens, {events} events (--all)",
        docs.len()
    );
    assert!(sentences > docs.len() * 5 && tokens > sentences * 5, "implausible segmentation");

    bench.run("segment/fixed_text", FIXED.len(), "sentences", FIXED_SENTENCES, || {
        let n = segment::sentences(std::hint::black_box(FIXED)).len();
        assert_eq!(n, FIXED_SENTENCES, "sentences of the fixed text");
    });

    bench.run("docstruct/structure", bytes, "docs", docs.len(), || {
        let mut p = 0;
        let mut b = 0;
        for d in &docs {
            let s = docstruct::structure(std::hint::black_box(d));
            p += s.paragraphs.len();
            b += s.body.len();
        }
        assert_eq!((p, b), (paragraphs, body_bytes), "paragraphs and body bytes");
    });

    bench.run("segment/sentences+tokenize", body_bytes, "sentences", sentences, || {
        let (mut n, mut t) = (0, 0);
        for s in &structures {
            for span in segment::sentences(std::hint::black_box(&s.body)) {
                n += 1;
                segment::tokenize(span.slice(&s.body), &mut tokens_buf);
                t += tokens_buf.len();
            }
        }
        assert_eq!((n, t), (sentences, tokens), "sentences and tokens");
    });

    bench.run("coder/code", bytes, "sentences", sentences, || {
        let (mut n, mut e) = (0, 0);
        for d in &docs {
            let coded = coder.code(std::hint::black_box(d), &opts);
            n += coded.sentences.len();
            e += coded.events.len();
        }
        assert_eq!(e, events, "events");
        assert_eq!(n, sentences, "the coder's sentences are the segmenter's");
    });
}
