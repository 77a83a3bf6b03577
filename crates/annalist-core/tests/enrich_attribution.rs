//! Attribution as a table: (source text, clause text), or nothing.

use annalist_core::enrich::attribution::attribution;
use proptest::prelude::*;

fn check(sentence: &str, want: Option<(&str, &str)>) {
    let got = attribution(sentence).map(|a| (a.source.slice(sentence), a.clause.slice(sentence)));
    assert_eq!(got, want, "sentence: {sentence:?}");
}

macro_rules! t {
    ($name:ident, $s:expr, none) => {
        #[test]
        fn $name() {
            check($s, None);
        }
    };
    ($name:ident, $s:expr, $src:expr, $clause:expr) => {
        #[test]
        fn $name() {
            check($s, Some(($src, $clause)));
        }
    };
}

mod before_verb {
    use super::*;
    t!(
        activists_said,
        "Activists said government forces shelled Homs.",
        "Activists",
        "Activists said"
    );
    t!(opposition_activists, "Opposition activists said government forces renewed shelling of the central city of Homs on Tuesday.", "Opposition activists", "Opposition activists said");
    t!(
        final_said,
        "Government forces shelled Homs, activists said.",
        "activists",
        "activists said"
    );
    t!(
        state_media,
        "Troops killed 12 terrorists, state media said.",
        "state media",
        "state media said"
    );
    t!(
        residents_reported,
        "Residents reported heavy shelling overnight.",
        "Residents",
        "Residents reported"
    );
    t!(
        anonymous_officials,
        "Officials who declined to be named said the talks had failed.",
        "Officials",
        "Officials who declined to be named said"
    );
    t!(police_said, "Two bombs exploded in the market, police said.", "police", "police said");
    t!(
        witnesses_told,
        "Witnesses told Reuters that troops opened fire.",
        "Witnesses",
        "Witnesses told Reuters that"
    );
    t!(
        statement,
        "The ministry said in a statement that 20 soldiers died.",
        "ministry",
        "The ministry said in a statement that"
    );
    t!(
        said_on_tuesday,
        "The army said on Tuesday it had retaken the town.",
        "army",
        "The army said on Tuesday"
    );
    t!(
        final_said_on_tuesday,
        "Rebels seized the base, the Free Syrian Army said on Tuesday.",
        "Free Syrian Army",
        "the Free Syrian Army said on Tuesday"
    );
    t!(statement_itself, "The army said it would withdraw.", "army", "The army said");
    t!(pronoun, "He said troops had left the city.", "He", "He said");
    t!(says_present, "The group says 300 people have died.", "group", "The group says");
    t!(
        told_reporters,
        "The governor told reporters the curfew would stay.",
        "governor",
        "The governor told reporters"
    );
    t!(
        told_the_bbc,
        "A resident told the BBC by telephone that tanks were in the streets.",
        "resident",
        "A resident told the BBC by telephone that"
    );
    t!(
        claimed,
        "The Taliban claimed responsibility for the attack.",
        "Taliban",
        "The Taliban claimed"
    );
    t!(
        after_and,
        "Shelling resumed and activists said 19 people died.",
        "activists",
        "activists said"
    );
    t!(
        comma_then_anonymity,
        "A diplomat, speaking on condition of anonymity, said the envoy left.",
        "diplomat",
        "A diplomat, speaking on condition of anonymity, said"
    );
    t!(
        observatory_said,
        "The Syrian Observatory for Human Rights said 19 people were killed.",
        "Syrian Observatory for Human Rights",
        "The Syrian Observatory for Human Rights said"
    );
    t!(
        sana_reported,
        "The state news agency SANA reported that gunmen attacked a bus.",
        "state news agency SANA",
        "The state news agency SANA reported that"
    );
    t!(
        earlier_which_said,
        "Forces, which said they hunted terrorists, shelled Homs, activists said.",
        "activists",
        "activists said"
    );
    t!(
        state_tv_quoted,
        "State television quoted the minister as saying the army would stay.",
        "State television",
        "State television quoted the minister as saying"
    );
    t!(
        curly_quote_final,
        "\u{201c}We will fight,\u{201d} the commander said.",
        "commander",
        "the commander said"
    );
}

mod inverted_and_according {
    use super::*;
    t!(
        according_to_observatory,
        "At least 19 people were killed, according to the Syrian Observatory for Human Rights.",
        "Syrian Observatory for Human Rights",
        "according to the Syrian Observatory for Human Rights"
    );
    t!(
        according_first,
        "According to activists, troops stormed the town.",
        "activists",
        "According to activists"
    );
    t!(
        according_state_media,
        "The talks failed, according to state media on Tuesday.",
        "state media",
        "according to state media"
    );
    t!(
        according_officials_which,
        "Turnout was low according to officials who spoke to Reuters.",
        "officials",
        "according to officials"
    );
    t!(
        inverted_quote,
        "\"They are shelling us,\" said Rami Abdulrahman.",
        "Rami Abdulrahman",
        "said Rami Abdulrahman"
    );
    t!(
        inverted_comma,
        "Troops have entered the town, said a resident.",
        "resident",
        "said a resident"
    );
    t!(
        inverted_title,
        "The army withdrew, said Rami Abdulrahman, head of the group.",
        "Rami Abdulrahman",
        "said Rami Abdulrahman"
    );
}

mod nothing {
    use super::*;
    t!(plain_event, "Government forces shelled the city of Homs on Tuesday.", none);
    t!(passive_reported, "Three people were reported killed in the blast.", none);
    t!(the_said, "The said agreement was signed.", none);
    t!(refused_to_say, "Officials refused to say how many died.", none);
    t!(was_told, "He was told to leave the country.", none);
    t!(the_reported_attack, "The reported attack could not be confirmed.", none);
    t!(port_said, "Clashes erupted in Port Said.", none);
    t!(said_name_initial, "Said Jalili arrived in Geneva.", none);
    t!(no_verb, "Tanks rolled into the square.", none);
    t!(empty, "", none);
    t!(will_say, "The minister will say more tomorrow.", none);
    t!(did_not_say, "The ministry did not say who fired.", none);
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        if let Some(a) = attribution(&s) {
            prop_assert!(s.get(a.source.start()..a.source.end()).is_some());
            prop_assert!(s.get(a.clause.start()..a.clause.end()).is_some());
            prop_assert!(a.clause.start() <= a.source.start() && a.source.end() <= a.clause.end());
        }
    }

    #[test]
    fn never_panics_on_quoting_text(s in "(said |according |to |the |, |\u{201c}|\u{2019}s |activists |who declined to be named |on Tuesday |told |Reuters |\u{e9})*") {
        if let Some(a) = attribution(&s) {
            prop_assert!(s.get(a.source.start()..a.source.end()).is_some());
            prop_assert!(a.clause.start() <= a.source.start() && a.source.end() <= a.clause.end());
        }
    }
}
