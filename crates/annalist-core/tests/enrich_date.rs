//! Time expressions and date lines, as tables. Publication is Tuesday 2012-02-07 unless a
//! case says otherwise.

use annalist_core::enrich::date::{parse_date_line, time_expressions};
use annalist_text::record::{DateBasis, DatePrecision};
use chrono::NaiveDate;
use proptest::prelude::*;

use DateBasis::{Explicit as E, Relative as R};
use DatePrecision::{Day as D, Month as M, Week as W, Year as Y};

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// (span text, date or "" for none, precision, basis)
type Want = (&'static str, &'static str, DatePrecision, DateBasis);

fn check(sentence: &str, publication: &str, want: &[Want]) {
    let got = time_expressions(sentence, date(publication));
    let got: Vec<(String, String, DatePrecision, DateBasis)> = got
        .iter()
        .map(|t| {
            (
                t.span.slice(sentence).to_string(),
                t.date.map(|d| d.to_string()).unwrap_or_default(),
                t.precision,
                t.basis,
            )
        })
        .collect();
    let want: Vec<(String, String, DatePrecision, DateBasis)> =
        want.iter().map(|w| (w.0.to_string(), w.1.to_string(), w.2, w.3)).collect();
    assert_eq!(got, want, "sentence: {sentence:?} published {publication}");
}

macro_rules! t {
    ($name:ident, $s:expr, [$($w:expr),* $(,)?]) => {
        #[test]
        fn $name() { check($s, "2012-02-07", &[$($w),*]); }
    };
    ($name:ident, $s:expr, pub $p:expr, [$($w:expr),* $(,)?]) => {
        #[test]
        fn $name() { check($s, $p, &[$($w),*]); }
    };
}

macro_rules! line {
    ($name:ident, $s:expr, $want:expr) => {
        #[test]
        fn $name() {
            assert_eq!(parse_date_line($s), date($want), "line: {:?}", $s);
        }
    };
}

mod explicit {
    use super::*;
    t!(
        month_day_year,
        "The talks began on February 4, 2012 in Geneva.",
        [("February 4, 2012", "2012-02-04", D, E)]
    );
    t!(day_month, "Troops entered the town on 4 Feb.", [("4 Feb", "2012-02-04", D, E)]);
    t!(
        abbrev_dot,
        "Forces shelled the city on Feb. 4 and Feb. 5.",
        [("Feb. 4", "2012-02-04", D, E), ("Feb. 5", "2012-02-05", D, E)]
    );
    t!(
        iso,
        "The report dated 2012-02-04 said the army withdrew.",
        [("2012-02-04", "2012-02-04", D, E)]
    );
    t!(
        day_month_year,
        "He was arrested on 4 February 2012.",
        [("4 February 2012", "2012-02-04", D, E)]
    );
    t!(ordinal, "The vote was held on Feb 4th.", [("Feb 4th", "2012-02-04", D, E)]);
    t!(
        ordinal_of,
        "Clashes erupted on the 4th of February.",
        [("4th of February", "2012-02-04", D, E)]
    );
    t!(year_before_pub, "The siege began on Dec. 28.", pub "2012-01-03", [("Dec. 28", "2011-12-28", D, E)]);
    t!(near_future, "Elections are due on March 1.", pub "2012-02-20", [("March 1", "2012-03-01", D, E)]);
    t!(month_year, "The uprising began in March 2011.", [("March 2011", "2011-03-01", M, E)]);
    t!(in_year, "Protests started in 2011 and spread.", [("2011", "2011-01-01", Y, E)]);
    t!(in_month, "Fighting has raged since November.", [("November", "2011-11-01", M, E)]);
    t!(
        in_month_this_year,
        "The ceasefire collapsed in January.",
        [("January", "2012-01-01", M, E)]
    );
    t!(mid_month, "Talks stalled in mid-January.", [("mid-January", "2012-01-01", M, E)]);
    t!(
        weekday_and_date,
        "On Tuesday, Feb. 7, 2012, troops fired.",
        [("Tuesday, Feb. 7, 2012", "2012-02-07", D, E)]
    );
    t!(sept, "The Sept. 11 attacks changed that.", [("Sept. 11", "2011-09-11", D, E)]);
    t!(no_publication_explicit, "The talks began on February 4, 2012.", pub "", [("February 4, 2012", "2012-02-04", D, E)]);
    t!(no_publication_no_year, "The talks began on February 4.", pub "", [("February 4", "", D, E)]);
}

mod weekdays {
    use super::*;
    t!(
        on_tuesday_same_day,
        "Government forces renewed shelling on Tuesday.",
        [("Tuesday", "2012-02-07", D, R)]
    );
    t!(on_saturday, "Forces shelled Homs on Saturday.", [("Saturday", "2012-02-04", D, R)]);
    t!(friday_night, "The attack came on Friday night.", [("Friday night", "2012-02-03", D, R)]);
    t!(
        tuesday_morning,
        "Tuesday morning saw more fighting.",
        [("Tuesday morning", "2012-02-07", D, R)]
    );
    t!(
        wednesday_before,
        "Troops stormed the town on Wednesday.",
        [("Wednesday", "2012-02-01", D, R)]
    );
    t!(
        last_saturday,
        "Police arrested him last Saturday.",
        [("last Saturday", "2012-02-04", D, R)]
    );
    t!(last_saturday_sunday_pub, "Police arrested him last Saturday.", pub "2012-02-12", [("last Saturday", "2012-02-04", D, R)]);
    t!(possessive, "Friday's bombing killed 12.", [("Friday's", "2012-02-03", D, R)]);
    t!(next_monday, "Talks resume next Monday.", [("next Monday", "2012-02-13", D, R)]);
    t!(lowercase_weekday_ignored, "they said tuesday was calm", []);
    t!(no_publication, "Forces shelled Homs on Saturday.", pub "", [("Saturday", "", D, R)]);
}

mod relative {
    use super::*;
    t!(yesterday, "Rebels attacked a checkpoint yesterday.", [("yesterday", "2012-02-06", D, R)]);
    t!(today, "The minister arrived today.", [("today", "2012-02-07", D, R)]);
    t!(tonight, "Protesters will march tonight.", [("tonight", "2012-02-07", D, R)]);
    t!(overnight, "Jets struck the city overnight.", [("overnight", "2012-02-06", D, R)]);
    t!(
        last_night,
        "Explosions shook the capital last night.",
        [("last night", "2012-02-06", D, R)]
    );
    t!(three_days_ago, "He was detained three days ago.", [("three days ago", "2012-02-04", D, R)]);
    t!(figures_days_ago, "He was detained 10 days ago.", [("10 days ago", "2012-01-28", D, R)]);
    t!(two_weeks_ago, "The town fell two weeks ago.", [("two weeks ago", "2012-01-23", W, R)]);
    t!(a_week_ago, "The town fell a week ago.", [("a week ago", "2012-01-30", W, R)]);
    t!(
        last_week,
        "The league suspended its mission last week.",
        [("last week", "2012-01-30", W, R)]
    );
    t!(this_week, "More troops arrived this week.", [("this week", "2012-02-06", W, R)]);
    t!(last_month, "The monitors left last month.", [("last month", "2012-01-01", M, R)]);
    t!(
        earlier_this_month,
        "Russia vetoed the resolution earlier this month.",
        [("earlier this month", "2012-02-01", M, R)]
    );
    t!(
        last_november,
        "The league suspended Syria last November.",
        [("last November", "2011-11-01", M, R)]
    );
    t!(
        last_february_same_month,
        "Riots broke out last February.",
        [("last February", "2011-02-01", M, R)]
    );
    t!(this_year, "Exports fell this year.", [("this year", "2012-01-01", Y, R)]);
    t!(last_year, "Exports fell last year.", [("last year", "2011-01-01", Y, R)]);
    t!(months_ago, "The talks collapsed two months ago.", [("two months ago", "2011-12-01", M, R)]);
    t!(
        day_before_yesterday,
        "It happened the day before yesterday.",
        [("the day before yesterday", "2012-02-05", D, R)]
    );
    t!(earlier_today, "Officials met earlier today.", [("earlier today", "2012-02-07", D, R)]);
    t!(relative_no_publication, "Rebels attacked a checkpoint yesterday.", pub "", [("yesterday", "", D, R)]);
    t!(
        two_expressions,
        "After talks last week, fighting resumed on Monday.",
        [("last week", "2012-01-30", W, R), ("Monday", "2012-02-06", D, R)]
    );
}

mod nothing {
    use super::*;
    t!(no_time, "Government forces shelled the city.", []);
    t!(may_verb, "The rebels may attack again.", []);
    t!(march_verb, "Thousands will march to the square.", []);
    t!(count_not_year, "Officials said 2000 people fled.", []);
    t!(theresa_may, "Theresa May said the talks would go on.", []);
    t!(number_only, "At least 40 people were wounded.", []);
    t!(days_without_ago, "The siege lasted three days.", []);
    t!(the_week_noun, "It was a week of violence.", []);
}

mod date_lines {
    use super::*;
    line!(reuters, "February 7, 2012 / 9:47 AM / 8 years ago", "2012-02-07");
    line!(published, "Published 12 July 2023", "2023-07-12");
    line!(published_on, "Published On 19 Aug 2020", "2020-08-19");
    line!(updated_iso, "Updated: 2020-08-19 10:15 GMT", "2020-08-19");
    line!(rfc3339, "2015-06-04T08:30:00Z", "2015-06-04");
    line!(guardian, "Tue 12 Jul 2023 14.02 BST", "2023-07-12");
    line!(day_month_year, "19 August 2020", "2020-08-19");
    line!(month_day_year, "March 3, 2019", "2019-03-03");
    line!(rfc2822, "Mon, 3 Mar 2019 10:12:00 +0000", "2019-03-03");
    line!(last_updated, "Last updated on March 3, 2019 at 10:12 a.m. ET", "2019-03-03");
    line!(sentence_is_not, "The talks began on February 4, 2012 in Geneva.", "");
    line!(title_is_not, "Syria forces pound Homs, February 7, 2012", "");
    line!(month_only_is_not, "February 2012", "");
    line!(empty, "", "");
    line!(year_only, "2012", "");
    line!(invalid_date, "February 30, 2012", "");
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        for t in time_expressions(&s, date("2012-02-07")) {
            prop_assert!(s.get(t.span.start()..t.span.end()).is_some());
        }
        let _ = parse_date_line(&s);
    }

    #[test]
    fn never_panics_on_datey_text(s in "(on |last |Feb\\. |4 |2012|-|, |Tuesday |ago |days |the |\u{e9}|\u{2019}s )*") {
        for t in time_expressions(&s, date("2012-02-07")) {
            prop_assert!(s.get(t.span.start()..t.span.end()).is_some());
        }
        let _ = parse_date_line(&s);
    }
}
