//! Places: a gazetteer of populated places, capitals and first-level regions, and the
//! location of an event within its sentence.

use annalist_text::Span;

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// A place named in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceMention<'g> {
    /// Bytes into the sentence: the name itself ("Homs").
    pub span: Span,
    pub place: &'g Place,
    /// True when the sentence marks it as where something happened ("in Homs", "near the
    /// border town of Zabadani", "outside the parliament building in Bangkok").
    pub locative: bool,
}

/// Resolves place names: the seam between the coder and the gazetteer's storage.
pub trait Geocoder: Send + Sync {
    /// The best entry named `name`, preferring places in `prefer` (ISO3 codes of the countries
    /// the story is about), then larger places.
    fn resolve(&self, name: &str, prefer: &[&str]) -> Option<&Place>;

    /// Place names in `sentence`, in text order.
    fn mentions<'g>(&'g self, sentence: &str, prefer: &[&str]) -> Vec<PlaceMention<'g>>;
}

/// The gazetteer shipped with annalist.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
}

impl Gazetteer {
    /// The embedded gazetteer, parsed once.
    pub fn embedded() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::default)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

impl Geocoder for Gazetteer {
    fn resolve(&self, name: &str, prefer: &[&str]) -> Option<&Place> {
        let _ = (name, prefer);
        None
    }

    fn mentions<'g>(&'g self, sentence: &str, prefer: &[&str]) -> Vec<PlaceMention<'g>> {
        let _ = (sentence, prefer);
        Vec::new()
    }
}
