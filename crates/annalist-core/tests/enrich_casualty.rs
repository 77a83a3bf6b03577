//! Tolls as tables: (phrase, kind, count, precision, cumulative).

use annalist_core::enrich::casualty::{tolls, TollKind};
use annalist_text::record::CountPrecision;
use proptest::prelude::*;

use CountPrecision::{About as AB, AtLeast as AL, AtMost as AM, Exact as EX, MoreThan as MT};
use TollKind::{Arrested as A, Killed as K, Wounded as W};

type Want = (&'static str, TollKind, u32, CountPrecision, bool);

fn check(sentence: &str, want: &[Want]) {
    let got: Vec<(String, TollKind, u32, CountPrecision, bool)> = tolls(sentence)
        .iter()
        .map(|t| (t.span.slice(sentence).to_string(), t.kind, t.count, t.precision, t.cumulative))
        .collect();
    let want: Vec<(String, TollKind, u32, CountPrecision, bool)> =
        want.iter().map(|w| (w.0.to_string(), w.1, w.2, w.3, w.4)).collect();
    assert_eq!(got, want, "sentence: {sentence:?}");
}

macro_rules! t {
    ($name:ident, $s:expr, [$($w:expr),* $(,)?]) => {
        #[test]
        fn $name() { check($s, &[$($w),*]); }
    };
}

mod killed {
    use super::*;
    t!(
        killing_some,
        "Government forces renewed shelling of Homs, killing some 19 people.",
        [("killing some 19 people", K, 19, AB, false)]
    );
    t!(
        were_killed_on_monday,
        "95 people were killed on Monday, activists said.",
        [("95 people were killed", K, 95, EX, false)]
    );
    t!(
        members_of,
        "Six members of the security forces were killed in an ambush.",
        [("Six members of the security forces were killed", K, 6, EX, false)]
    );
    t!(
        killed_n_people,
        "The blast killed 12 people in the market.",
        [("killed 12 people", K, 12, EX, false)]
    );
    t!(
        death_toll_rose,
        "The death toll rose to 30 on Wednesday.",
        [("death toll rose to 30", K, 30, EX, false)]
    );
    t!(left_dead, "The bombing left 5 dead.", [("5 dead", K, 5, EX, false)]);
    t!(
        claimed_lives,
        "The violence has claimed over 300 lives in the last five days.",
        [("claimed over 300 lives", K, 300, MT, true)]
    );
    t!(
        at_least_killed,
        "At least 12 civilians were killed.",
        [("At least 12 civilians were killed", K, 12, AL, false)]
    );
    t!(
        more_than_killed,
        "More than 200 people have died.",
        [("More than 200 people have died", K, 200, MT, false)]
    );
    t!(
        number_words,
        "Twenty-five soldiers were killed.",
        [("Twenty-five soldiers were killed", K, 25, EX, false)]
    );
    t!(
        thousands_sep,
        "The quake killed 1,200 people.",
        [("killed 1,200 people", K, 1200, EX, false)]
    );
    t!(
        million,
        "The famine killed 1.3 million people.",
        [("killed 1.3 million people", K, 1_300_000, EX, false)]
    );
    t!(a_dozen, "A dozen people died in the fire.", [("A dozen people died", K, 12, AB, false)]);
    t!(
        nearly,
        "Nearly 40 people were killed.",
        [("Nearly 40 people were killed", K, 40, AB, false)]
    );
    t!(
        up_to,
        "Up to 50 people may have been killed.",
        [("Up to 50 people may have been killed", K, 50, AM, false)]
    );
    t!(as_many_as, "As many as 70 were killed.", [("As many as 70 were killed", K, 70, AM, false)]);
    t!(or_more, "30 or more people died.", [("30 or more people died", K, 30, AL, false)]);
    t!(
        shot_dead,
        "Police shot dead three protesters.",
        [("shot dead three protesters", K, 3, EX, false)]
    );
    t!(
        three_shot_dead,
        "Three protesters were shot dead.",
        [("Three protesters were shot dead", K, 3, EX, false)]
    );
    t!(
        lost_lives,
        "Eight people lost their lives.",
        [("Eight people lost their lives", K, 8, EX, false)]
    );
    t!(bodies, "Residents found 20 bodies in the river.", [("20 bodies", K, 20, EX, false)]);
}

mod wounded_arrested {
    use super::*;
    t!(
        at_least_wounded,
        "At least 40 wounded were taken to hospital.",
        [("At least 40 wounded", W, 40, AL, false)]
    );
    t!(injuring, "The bomb exploded, injuring 3.", [("injuring 3", W, 3, EX, false)]);
    t!(
        were_injured,
        "Four policemen were injured.",
        [("Four policemen were injured", W, 4, EX, false)]
    );
    t!(
        detained_protesters,
        "Police detained 40 protesters.",
        [("detained 40 protesters", A, 40, EX, false)]
    );
    t!(
        arrested_more_than,
        "Security forces arrested more than 100 in the raids.",
        [("arrested more than 100", A, 100, MT, false)]
    );
    t!(arrests_noun, "Police made 15 arrests.", [("15 arrests", A, 15, EX, false)]);
    t!(rounded_up, "Troops rounded up 30 men.", [("rounded up 30 men", A, 30, EX, false)]);
    t!(
        n_rounded_up,
        "About 30 men were rounded up.",
        [("About 30 men were rounded up", A, 30, AB, false)]
    );
    t!(
        two_tolls,
        "A further 19 people were killed and at least 40 wounded.",
        [("19 people were killed", K, 19, EX, false), ("at least 40 wounded", W, 40, AL, false)]
    );
    t!(
        killed_and_injured,
        "The attack killed 7 people and injured 22.",
        [("killed 7 people", K, 7, EX, false), ("injured 22", W, 22, EX, false)]
    );
    t!(hurt, "Two people were hurt.", [("Two people were hurt", W, 2, EX, false)]);
}

mod cumulative {
    use super::*;
    t!(
        since_november,
        "Some 28 people have been killed since November.",
        [("Some 28 people have been killed", K, 28, AB, true)]
    );
    t!(
        crackdown,
        "Over 5,000 have been killed in the crackdown.",
        [("Over 5,000 have been killed", K, 5000, MT, true)]
    );
    t!(
        so_far_this_year,
        "So far this year 300 people have died.",
        [("300 people have died", K, 300, EX, true)]
    );
    t!(
        crackdown_one_day,
        "19 people were killed in the crackdown on Tuesday.",
        [("19 people were killed", K, 19, EX, false)]
    );
    t!(
        past_week,
        "More than 60 people were killed in the past week.",
        [("More than 60 people were killed", K, 60, MT, true)]
    );
}

mod nothing {
    use super::*;
    t!(dozens, "Dozens of people were killed.", []);
    t!(hundreds, "Hundreds were wounded in the clashes.", []);
    t!(tens, "Tens of thousands fled the city.", []);
    t!(scores, "Scores were arrested.", []);
    t!(no_reports, "There were no reports of injuries.", []);
    t!(no_one, "No one was hurt in the blast.", []);
    t!(year, "In 2011 protesters were killed.", []);
    t!(date, "On February 4 people were killed.", []);
    t!(distance, "The bomb exploded 12 km from the town, killing nobody.", []);
    t!(percent, "Turnout was 40 percent, officials said.", []);
    t!(age, "A 12-year-old boy was killed.", []);
    t!(troops_deployed, "The army deployed 2,000 troops to the city.", []);
    t!(unknown_number, "An unknown number of people were killed.", []);
    t!(vehicles, "Rebels destroyed 12 tanks and killed soldiers.", []);
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        for t in tolls(&s) {
            prop_assert!(s.get(t.span.start()..t.span.end()).is_some());
            prop_assert!(t.count > 0);
        }
    }

    #[test]
    fn never_panics_on_tolly_text(s in "(at least |killed |some |19 |1,2|00 |people |were |a |dozen |million |\u{2019}s |-|, |since |\u{e9})*") {
        for t in tolls(&s) {
            prop_assert!(s.get(t.span.start()..t.span.end()).is_some());
        }
    }
}
