//! The coder end to end, as tables: one sentence (or short story) in, the events it must
//! and must not give. Groups: BASICS, ROLES, LISTS, PASSIVE, REPORTED, NEGATION, MODALITY,
//! STRUCTURE, REGRESSION. Cases use the built-in dictionaries.

use std::sync::OnceLock;

use annalist_core::{CodeOptions, Coder};
use annalist_text::record::Event;
use annalist_text::Document;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::builder().build().expect("built-in dictionaries load"))
}

fn code(text: &str, date: &str, all: bool) -> Vec<Event> {
    let doc = Document::plain("t", text);
    let opts = CodeOptions { all, explain: false, default_date: date.parse().ok() };
    coder().code(&doc, &opts).events
}

/// (source, code or root prefix, target); `"-"` for a null actor, `"*"` for any.
type Exp = (&'static str, &'static str, &'static str);

fn has(events: &[Event], (s, c, t): Exp) -> bool {
    events.iter().any(|e| {
        let src = e.source_code().unwrap_or("-");
        let tgt = e.target_code().unwrap_or("-");
        e.code.starts_with(c) && (s == "*" || src == s) && (t == "*" || tgt == t)
    })
}

fn show(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| format!("{} {} {}{}", e.source_code().unwrap_or("-"), e.code, e.target_code().unwrap_or("-"), if e.negated { " NEG" } else if e.hypothetical { " HYP" } else { "" }))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `t!(name, text, [must...], [must_not...])`
macro_rules! t {
    ($name:ident, $text:expr, [$($must:expr),* $(,)?], [$($not:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let evs = code($text, "2015-06-10", false);
            $( assert!(has(&evs, $must), "missing {:?} in [{}] for {:?}", $must, show(&evs), $text); )*
            $( assert!(!has(&evs, $not), "unexpected {:?} in [{}] for {:?}", $not, show(&evs), $text); )*
        }
    };
}

mod basics {
    use super::*;
    t!(recall_ambassador, "France recalled its ambassador from Syria on Tuesday.", [("FRA", "161", "SYR")], []);
    t!(impose_sanctions, "The European Union imposed sanctions on Iran on Monday.", [("IGOEUREEC", "163", "IRN")], []);
    t!(air_strike, "Israeli warplanes carried out air strikes on Gaza overnight.", [("ISRMIL", "19", "*")], []);
    t!(arrest, "Kenyan police arrested 40 protesters in Nairobi.", [("KENCOP", "173", "*")], []);
    t!(veto, "Russia vetoed the resolution at the United Nations.", [("RUS", "12", "*")], []);
    t!(visit, "Chinese President Xi Jinping visited Pakistan on Monday.", [("CHNGOV", "042", "PAK")], []);
    t!(capital_metonym, "Moscow condemned the attack on Kiev.", [("RUSGOV", "11", "*")], []);
}

mod roles {
    use super::*;
    t!(title_and_person, "Syrian President Bashar al-Assad met Russian Foreign Minister Sergei Lavrov in Damascus.", [("SYRGOV", "04", "RUSGOV")], []);
    t!(appositive_subject, "Walid al-Bunni, a senior member of the opposition, said Turkey shelled Syrian positions.", [("TUR", "19", "*")], []);
    t!(preposition_object_is_not_subject, "Officials in Damascus said Turkish troops attacked Kurdish fighters.", [("TURMIL", "1", "*")], [("SYRGOV", "1", "*")]);
    // What a person is called alone: family name first, Thai given names, Arabic articles.
    t!(chinese_family_name, "Chinese President Xi Jinping arrived in Moscow on Monday.\n\nXi criticised the United States on Tuesday.", [("CHNGOV", "11", "USA")], []);
    t!(korean_family_name, "South Korean President Park Geun-hye arrived in Paris on Monday.\n\nPark criticised North Korea on Tuesday.", [("KORGOV", "11", "PRK")], []);
    t!(thai_given_name, "Thai Prime Minister Prayut Chan-o-cha arrived in Tokyo on Monday.\n\nPrayut criticised Cambodia on Tuesday.", [("THAGOV", "11", "KHM")], []);
    t!(arabic_article_capitalised, "Iraqi Prime Minister Haider al-Abadi arrived in Paris on Monday.\n\nAl-Abadi criticised Turkey on Tuesday.", [("IRQGOV", "11", "TUR")], []);
    t!(arabic_article_lower_case, "Iraqi Prime Minister Haider al-Abadi arrived in Paris on Monday.\n\nOn Tuesday, al-Abadi criticised Turkey.", [("IRQGOV", "11", "TUR")], []);
    t!(arabic_given_name_spelled_otherwise, "Mohamed bin Salman criticised Iran on Monday.", [("SAUGOV", "11", "IRN")], []);
    t!(surname_that_is_the_own_country, "King Abdullah II of Jordan arrived in Washington on Monday.\n\nJordan criticised Israel on Tuesday.", [("JOR", "11", "ISR")], [("JORGOV", "11", "ISR")]);
    t!(named_person_before_namesake_org, "Brazilian Defence Minister Jaques Wagner arrived in Paris on Monday.\n\nWagner criticised Argentina on Tuesday.", [("BRAGOV", "11", "ARG")], [("RUSUAF", "*", "*")]);
}

mod lists {
    use super::*;
    t!(six_recalls, "France, Italy, Britain, Belgium, the Netherlands and Spain recalled their ambassadors from Syria.",
        [("FRA", "161", "SYR"), ("ITA", "161", "SYR"), ("GBR", "161", "SYR"), ("BEL", "161", "SYR"), ("NLD", "161", "SYR"), ("ESP", "161", "SYR")], []);
    t!(two_vetoes, "Moscow and Beijing vetoed the resolution.", [("RUSGOV", "12", "*"), ("CHNGOV", "12", "*")], []);
}

mod passive {
    use super::*;
    t!(passive_by, "Three soldiers were killed by Taliban fighters in Helmand.", [("AFGREB", "1", "*")], []);
}

mod reported {
    use super::*;
    #[test]
    fn reported_speech_codes_the_act_with_its_reporter() {
        let evs = code("Opposition activists said government forces shelled Homs on Tuesday.", "2012-02-07", false);
        let e = evs.iter().find(|e| e.root == "19").unwrap_or_else(|| panic!("no fighting event in [{}]", show(&evs)));
        assert!(e.reported_by.as_deref().is_some_and(|r| r.contains("activists")), "{:?}", e.reported_by);
    }
}

mod negation {
    use super::*;
    t!(did_not_attack, "Turkey did not attack Syrian positions on Monday.", [], [("TUR", "19", "*")]);
    t!(would_impose, "The United States said it would impose sanctions on Venezuela.", [], [("USA", "163", "*")]);
    #[test]
    fn all_flags_negated_and_hypothetical() {
        let evs = code("Turkey did not attack Syrian positions on Monday. The United States would impose sanctions on Venezuela.", "2015-06-10", true);
        assert!(evs.iter().any(|e| e.negated), "[{}]", show(&evs));
        assert!(evs.iter().any(|e| e.hypothetical), "[{}]", show(&evs));
    }
}

mod structure {
    use super::*;
    t!(caption_not_coded,
        "Rebels seize town\n\nGOMA (Reuters) - Residents fled on Friday.\n\nCongolese soldiers attack M23 rebels near Goma, November 20, 2012. REUTERS/James Akena\n",
        [], [("*", "19", "*")]);
}

mod regression {
    use super::*;

    #[test]
    fn shift_invariance() {
        let base = code("Russia vetoed the resolution.", "2015-06-10", false);
        let shifted = code("The weather was fine. Russia vetoed the resolution.", "2015-06-10", false);
        assert_eq!(base.len(), 1, "[{}]", show(&base));
        let b = &base[0];
        let s = shifted.iter().find(|e| e.code == b.code).expect("same event after a prefix");
        assert_eq!(s.source.as_ref().map(|a| a.span), b.source.as_ref().map(|a| a.span));
        assert_eq!(s.sentence, b.sentence + 1);
    }

    #[test]
    fn seed_story_if_present() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed/homs-2012-02-07.txt");
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipping: ../shared/seed is not here");
            return;
        };
        let evs = code(&text, "2012-02-07", false);
        for exp in [("IGOGCC", "161", "*"), ("USA", "161", "*"), ("FRA", "161", "SYR"), ("ESP", "161", "SYR")] {
            assert!(has(&evs, exp), "missing {exp:?} in [{}]", show(&evs));
        }
        assert!(evs.iter().any(|e| e.root == "12"), "no veto in [{}]", show(&evs));
        assert!(evs.iter().all(|e| !e.sentence_text.contains("REUTERS/")), "caption coded");
        assert!(evs.iter().all(|e| !e.sentence_text.contains("Editing by")), "credit coded");
    }
}
