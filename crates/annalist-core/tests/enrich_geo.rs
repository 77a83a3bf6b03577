//! The gazetteer and place mentions, as tables.

use annalist_core::enrich::geo::{Gazetteer, Geocoder, PlaceKind};
use annalist_text::Span;
use proptest::prelude::*;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// (mention text, ISO3, locative)
type Want = (&'static str, &'static str, bool);

fn check(sentence: &str, prefer: &[&str], want: &[Want]) {
    let got: Vec<(String, String, bool)> = g()
        .mentions(sentence, prefer)
        .iter()
        .map(|m| (m.span.slice(sentence).to_string(), m.place.country.clone(), m.locative))
        .collect();
    let want: Vec<(String, String, bool)> =
        want.iter().map(|w| (w.0.to_string(), w.1.to_string(), w.2)).collect();
    assert_eq!(got, want, "sentence: {sentence:?} prefer {prefer:?}");
}

macro_rules! m {
    ($name:ident, $s:expr, [$($w:expr),* $(,)?]) => {
        #[test]
        fn $name() { check($s, &[], &[$($w),*]); }
    };
    ($name:ident, $s:expr, prefer [$($p:expr),*], [$($w:expr),* $(,)?]) => {
        #[test]
        fn $name() { check($s, &[$($p),*], &[$($w),*]); }
    };
}

/// resolve(name, prefer) -> (place name, ISO3), or None.
macro_rules! r {
    ($name:ident, $q:expr, [$($p:expr),*], $want:expr) => {
        #[test]
        fn $name() {
            let got = g().resolve($q, &[$($p),*]).map(|p| (p.name.as_str(), p.country.as_str()));
            let want: Option<(&str, &str)> = $want;
            assert_eq!(got, want, "resolve {:?}", $q);
        }
    };
}

mod data {
    use super::*;

    #[test]
    fn loads_once_and_fast() {
        // A fresh load (the embedded one may already have been made by another test).
        let t = std::time::Instant::now();
        let fresh = Gazetteer::from_gzip(annalist_core::enrich::geo::EMBEDDED_DATA);
        let load = t.elapsed();
        let n = fresh.map(|g| g.len()).unwrap_or(0);
        let t = std::time::Instant::now();
        let m = Gazetteer::embedded().len();
        let again = t.elapsed();
        eprintln!(
            "gazetteer: {n} places from {} bytes, load {load:?}; embedded() after: {again:?}",
            annalist_core::enrich::geo::EMBEDDED_DATA.len()
        );
        assert!(n > 60_000, "{n}");
        assert_eq!(n, m);
        assert!(std::ptr::eq(Gazetteer::embedded(), Gazetteer::embedded()));
    }

    #[test]
    fn coordinates_population_and_kind() {
        let homs = g().resolve("Homs", &[]).map(|p| (p.lat, p.lon, p.population, g().kind(p)));
        let Some((lat, lon, pop, kind)) = homs else { panic!("no Homs") };
        assert!((lat - 34.72).abs() < 0.05 && (lon - 36.72).abs() < 0.05, "{lat} {lon}");
        assert!(pop > 500_000);
        assert_eq!(kind, Some(PlaceKind::City));
        let syria = g().resolve("Syria", &[]).and_then(|p| g().kind(p));
        assert_eq!(syria, Some(PlaceKind::Country));
        let damascus = g().resolve("Damascus", &[]).and_then(|p| g().kind(p));
        assert_eq!(damascus, Some(PlaceKind::Capital));
    }

    #[test]
    fn every_city_over_15000_that_was_asked_for() {
        for name in [
            "Tuzla",
            "Goma",
            "Lekki",
            "Gori",
            "Kisumu",
            "Ashkelon",
            "Mogadishu",
            "Idlib",
            "Zabadani",
        ] {
            assert!(g().resolve(name, &[]).is_some(), "{name}");
        }
    }

    #[test]
    fn foreign_place_is_not_ours() {
        let p = g_place();
        assert_eq!(g().kind(&p), None);
    }

    fn g_place() -> annalist_core::enrich::geo::Place {
        annalist_core::enrich::geo::Place {
            name: "Nowhere".into(),
            country: "XXX".into(),
            lat: 0.0,
            lon: 0.0,
            population: 0,
        }
    }
}

mod resolve {
    use super::*;
    r!(tripoli_libya_by_default, "Tripoli", [], Some(("Tripoli", "LBY")));
    r!(tripoli_lebanon_preferred, "Tripoli", ["LBN"], Some(("Tripoli", "LBN")));
    r!(case_and_space, "  homs ", [], Some(("Homs", "SYR")));
    r!(alternate_name, "Hims", [], Some(("Homs", "SYR")));
    r!(hama_town_before_region, "Hama", ["SYR"], Some(("Ḩamāh", "SYR")));
    r!(ascii_fold, "Az Zabadani", [], Some(("Az Zabadānī", "SYR")));
    r!(georgia_country, "Georgia", [], Some(("Georgia", "GEO")));
    r!(georgia_state_preferred, "Georgia", ["USA"], Some(("Georgia", "USA")));
    r!(region, "Tigray", [], Some(("Tigray", "ETH")));
    r!(country_alternate, "Britain", [], Some(("United Kingdom", "GBR")));
    r!(hyphen_space, "Deir ez-Zor", [], Some(("Deir ez-Zor", "SYR")));
    r!(unknown, "Qwertyville", [], None);
    r!(empty, "", [], None);
    r!(month_is_no_place, "March", [], None);
}

mod mentions {
    use super::*;
    m!(in_homs, "Forces shelled targets in Homs on Tuesday.", [("Homs", "SYR", true)]);
    m!(
        central_city_of,
        "Government forces renewed shelling of the central city of Homs.",
        [("Homs", "SYR", true)]
    );
    m!(
        border_town,
        "Fighting raged near the border town of Zabadani.",
        [("Zabadani", "SYR", true)]
    );
    m!(
        outside_building_in,
        "Protesters gathered outside the parliament building in Bangkok.",
        [("Bangkok", "THA", true)]
    );
    m!(subject_not_locative, "Damascus denied the report.", [("Damascus", "SYR", false)]);
    m!(
        two_places,
        "Troops moved from Homs to Hama.",
        prefer["SYR"],
        [("Homs", "SYR", false), ("Hama", "SYR", false)]
    );
    m!(
        and_list,
        "Clashes erupted in Homs and Idlib.",
        [("Homs", "SYR", true), ("Idlib", "SYR", true)]
    );
    m!(possessive, "Syria's army entered Homs.", [("Syria", "SYR", false), ("Homs", "SYR", true)]);
    m!(multiword, "A bomb exploded in Addis Ababa.", [("Addis Ababa", "ETH", true)]);
    m!(tripoli_prefer, "Gunmen clashed in Tripoli.", prefer["LBN"], [("Tripoli", "LBN", true)]);
    m!(tripoli_default, "Gunmen clashed in Tripoli.", [("Tripoli", "LBY", true)]);
    m!(capital_apposition, "Rebels attacked the capital Mogadishu.", [("Mogadishu", "SOM", true)]);
    m!(northern_region, "Shelling continued in northern Syria.", [("Syria", "SYR", true)]);
    m!(province, "Heavy fighting in Idlib province killed 12.", [("Idlib", "SYR", true)]);
    m!(police_town_needs_cue, "Police said the town was calm.", []);
    m!(
        police_town_with_cue,
        "The blast hit the town of Police in Poland.",
        [("Police", "POL", true), ("Poland", "POL", true)]
    );
    m!(mobile_word, "Mobile phone networks were cut.", []);
    m!(march_month, "In March the army withdrew.", []);
    m!(may_name, "Theresa May visited Paris.", [("Paris", "FRA", false)]);
    m!(person_name, "Barack Obama spoke to reporters.", []);
    m!(institution, "Damascus University was closed.", []);
    m!(acronym, "NATO jets struck.", []);
    m!(hamas_not_hamm, "Hamas fired rockets at Israel.", [("Israel", "ISR", true)]);
    m!(white_house, "The White House said it was concerned.", []);
    m!(new_york_city, "The talks took place in New York.", [("New York", "USA", true)]);
    m!(dateline_caps, "GOMA (Reuters) - Rebels seized the city.", [("GOMA", "COD", false)]);
    m!(lowercase_text, "shelling in homs continued", []);
    m!(nothing, "The rebels said they would fight on.", []);
    m!(curly_possessive, "Gaza\u{2019}s streets were empty.", [("Gaza", "PSE", false)]);
    m!(with_not_locative, "Talks with Iran stalled.", [("Iran", "IRN", false)]);
}

mod event_location {
    use super::*;

    fn loc(sentence: &str, trigger: &str, prefer: &[&str]) -> Option<String> {
        let start = sentence.find(trigger)?;
        let anchor = Span::new(start, start + trigger.len());
        g().event_location(sentence, anchor, prefer).map(|m| m.span.slice(sentence).to_string())
    }

    #[test]
    fn nearest_locative() {
        let s = "Troops shelled Homs on Monday, and on Tuesday delegates met in Geneva.";
        assert_eq!(loc(s, "shelled", &["SYR"]).as_deref(), Some("Homs"));
        assert_eq!(loc(s, "met", &["SYR"]).as_deref(), Some("Geneva"));
    }

    #[test]
    fn town_before_country() {
        let s = "A bomb exploded in Syria, in the town of Idlib, killing 12.";
        assert_eq!(loc(s, "exploded", &[]).as_deref(), Some("Idlib"));
    }

    #[test]
    fn none_without_locative() {
        assert_eq!(loc("Damascus denied the report.", "denied", &[]), None);
        assert_eq!(loc("Rebels fired rockets.", "fired", &[]), None);
    }
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        for m in g().mentions(&s, &["SYR"]) {
            prop_assert!(s.get(m.span.start()..m.span.end()).is_some());
        }
        let _ = g().resolve(&s, &[]);
        let _ = g().event_location(&s, Span::new(0, s.len()), &[]);
        let _ = g().event_location(&s, Span::new(s.len() + 5, s.len() + 9), &[]);
    }

    #[test]
    fn never_panics_on_placey_text(s in "(in |the town of |Homs|Tripoli|New |York|\u{2019}s |-|, |Deir |ez|Zor |Ḩamāh |GOMA )*") {
        for m in g().mentions(&s, &[]) {
            prop_assert!(s.get(m.span.start()..m.span.end()).is_some());
        }
    }
}

#[test]
fn shift_invariance() {
    let s = "Forces shelled the central city of Homs on Tuesday.";
    let prefixed = format!("Meanwhile, {s}");
    let a: Vec<_> = g().mentions(s, &[]).iter().map(|m| (m.span.shift(11), m.locative)).collect();
    let b: Vec<_> = g().mentions(&prefixed, &[]).iter().map(|m| (m.span, m.locative)).collect();
    assert_eq!(a, b);
}
