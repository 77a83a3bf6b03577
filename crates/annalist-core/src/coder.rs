//! The built coder: one immutable object shared across threads, and the per-document
//! pipeline that runs every stage in order.

use std::fmt;

use annalist_dict::{Compiled, DictError, Dictionary, Sources};
use annalist_text::record::{
    event_id, ActorRecord, CountPrecision, DateBasis, DatePrecision, Event, LocationBasis, LocationRecord, TriggerRecord,
};
use annalist_text::{char_span, Document, Span};
use chrono::NaiveDate;
use serde_json::json;

use crate::actors::{self, DocState, Mention, MentionKind};
use crate::clause::{Clause, RoleRule};
use crate::docstruct::{self, Structure};
use crate::enrich::casualty::TollKind;
use crate::enrich::geo::{Gazetteer, Geocoder};
use crate::enrich::{attribution, casualty, date};
use crate::events::{self, Lemmas};
use crate::segment::{self, Token};

/// Options for one coding run.
#[derive(Clone, Debug, Default)]
pub struct CodeOptions {
    /// Also emit negated and hypothetical events (flagged).
    pub all: bool,
    /// Attach an `explain` object to each event.
    pub explain: bool,
    /// Publication date for documents that carry none.
    pub default_date: Option<NaiveDate>,
}

/// Something worth telling the user about one document (never fatal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub doc: String,
    pub message: String,
}

/// One coded document.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    pub structure: Structure,
    /// The body's sentences as byte spans into `structure.body`.
    pub sentences: Vec<Span>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a coder could not be built.
#[derive(Debug)]
pub enum BuildError {
    /// The dictionary folder could not be read.
    Io(std::path::PathBuf, std::io::Error),
    /// The dictionary has errors, each with its file and line.
    Dictionary(Vec<DictError>),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Io(p, e) => write!(f, "cannot read dictionaries at {}: {e}", p.display()),
            BuildError::Dictionary(errs) => {
                write!(f, "{} dictionary error(s)", errs.len())?;
                for e in errs.iter().take(20) {
                    write!(f, "\n  {e}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BuildError {}

/// Builds a [`Coder`]: the only step that can fail on configuration.
#[derive(Default)]
pub struct CoderBuilder {
    sources: Option<Sources>,
    dir: Option<std::path::PathBuf>,
    geocoder: Option<Box<dyn Geocoder>>,
}

impl CoderBuilder {
    /// Code with the dictionaries in `dir` instead of the embedded ones.
    pub fn dictionary_dir(mut self, dir: impl Into<std::path::PathBuf>) -> CoderBuilder {
        self.dir = Some(dir.into());
        self
    }

    /// Code with these dictionary sources.
    pub fn sources(mut self, sources: Sources) -> CoderBuilder {
        self.sources = Some(sources);
        self
    }

    /// Resolve places with this geocoder instead of the embedded gazetteer.
    pub fn geocoder(mut self, g: Box<dyn Geocoder>) -> CoderBuilder {
        self.geocoder = Some(g);
        self
    }

    /// # Errors
    /// When the dictionaries cannot be read or have errors.
    pub fn build(self) -> Result<Coder, BuildError> {
        let sources = match (self.sources, self.dir) {
            (Some(s), _) => s,
            (None, Some(d)) => Sources::from_dir(&d).map_err(|e| BuildError::Io(d.clone(), e))?,
            (None, None) => Sources::embedded(),
        };
        let dict = Dictionary::parse(&sources).map_err(BuildError::Dictionary)?;
        Ok(Coder { dict: Compiled::new(&dict), geocoder: self.geocoder })
    }
}

/// The coder. Immutable and `Send + Sync`: build once, share across threads.
pub struct Coder {
    dict: Compiled,
    geocoder: Option<Box<dyn Geocoder>>,
}

impl fmt::Debug for Coder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Coder").field("terms", &self.dict.terms().len()).field("patterns", &self.dict.patterns().len()).finish()
    }
}

/// Per-document scratch buffers, reused across sentences.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    raw: Vec<annalist_dict::RawMatch>,
    /// Dictionary matches over the whole body, found once.
    body_raw: Vec<annalist_dict::RawMatch>,
    sentence_raw: Vec<annalist_dict::RawMatch>,
    lemmas: Lemmas,
}

/// An event before it becomes a record: spans are bytes into the sentence.
struct Draft {
    code: String,
    source: Option<usize>,
    target: Option<usize>,
    anchor: usize,
    trigger: Span,
    negated: Option<&'static str>,
    hypothetical: Option<&'static str>,
    pattern: u32,
    source_rule: Option<RoleRule>,
    target_rule: Option<RoleRule>,
    killed: Option<(u32, CountPrecision)>,
    wounded: Option<(u32, CountPrecision)>,
    arrested: Option<(u32, CountPrecision)>,
}

impl Coder {
    pub fn builder() -> CoderBuilder {
        CoderBuilder::default()
    }

    /// The compiled dictionary this coder runs.
    pub fn dictionary(&self) -> &Compiled {
        &self.dict
    }

    fn geo(&self) -> &dyn Geocoder {
        match &self.geocoder {
            Some(g) => g.as_ref(),
            None => Gazetteer::embedded(),
        }
    }

    /// Codes one document. Never panics, whatever the text.
    pub fn code(&self, doc: &Document, opts: &CodeOptions) -> Coded {
        let mut structure = docstruct::structure(doc);
        let mut diagnostics = Vec::new();
        if structure.date.is_none() {
            structure.date = opts.default_date;
        }
        if structure.date.is_none() {
            diagnostics.push(Diagnostic { doc: doc.id.clone(), message: "no publication date: event dates left null (use --date)".into() });
        }
        let pub_date = structure.date;
        let mut state = DocState::new(pub_date);
        let mut scratch = Scratch::default();
        // The dateline and title tell which country the story is about; they are not coded.
        if let Some(d) = &structure.dateline {
            if let Some(c) = self.country_of_place(&d.place, &mut scratch, &mut state) {
                state.count_country(&c);
                state.dateline_country = Some(c);
            }
        }
        if let Some(t) = &structure.title {
            state.prescan(&self.dict, t, &mut scratch.raw);
        }
        state.prescan(&self.dict, &structure.body, &mut scratch.body_raw);
        let sentences = segment::sentences(&structure.body);
        let mut events = Vec::new();
        let mut next_match = 0usize;
        for (si, span) in sentences.iter().enumerate() {
            let text = span.slice(&structure.body);
            // This sentence's share of the body's dictionary matches, made sentence-relative.
            scratch.sentence_raw.clear();
            while next_match < scratch.body_raw.len() && scratch.body_raw[next_match].start < span.start() {
                next_match += 1;
            }
            let mut k = next_match;
            while k < scratch.body_raw.len() && scratch.body_raw[k].start < span.end() {
                let m = scratch.body_raw[k];
                if m.end <= span.end() {
                    scratch.sentence_raw.push(annalist_dict::RawMatch { start: m.start - span.start(), end: m.end - span.start(), form: m.form });
                }
                k += 1;
            }
            self.code_sentence(doc, &structure, si, text, &mut state, &mut scratch, opts, &mut events);
        }
        Coded { structure, sentences, events, diagnostics }
    }

    fn mentions_of(&self, text: &str, scratch: &mut Scratch, state: &mut DocState) -> Vec<Mention> {
        segment::tokenize(text, &mut scratch.tokens);
        actors::recognize(&self.dict, text, &scratch.tokens, state, &mut scratch.raw)
    }

    fn country_of_place(&self, place: &str, scratch: &mut Scratch, state: &mut DocState) -> Option<String> {
        let mut probe = state.clone();
        let ms = self.mentions_of(place, scratch, &mut probe);
        ms.iter().find_map(|m| m.country().map(String::from)).or_else(|| self.geo().resolve(place, &[]).map(|p| p.country.clone()))
    }

    #[allow(clippy::too_many_arguments)]
    fn code_sentence(
        &self,
        doc: &Document,
        structure: &Structure,
        si: usize,
        sentence: &str,
        state: &mut DocState,
        scratch: &mut Scratch,
        opts: &CodeOptions,
        out: &mut Vec<Event>,
    ) {
        segment::tokenize(sentence, &mut scratch.tokens);
        let tokens = std::mem::take(&mut scratch.tokens);
        let mut mentions = actors::recognize_matches(&self.dict, sentence, &tokens, state, &scratch.sentence_raw);
        let groups = actors::groups(sentence, &tokens, &mentions);
        actors::distribute_list_roles(&groups, &mut mentions);
        scratch.lemmas.fill(sentence, &tokens);
        let matches = events::find_matches(&self.dict, sentence, &tokens, &scratch.lemmas, &mentions);
        let clause = Clause::new(sentence, &tokens, &mentions, &groups);
        let mut drafts: Vec<Draft> = Vec::new();
        let mut prev_source: Option<(usize, usize, Option<RoleRule>)> = None;
        let mut prev_factuality: Option<(usize, Option<&'static str>, Option<&'static str>)> = None;
        // Weak adjective mentions that stand for armed forces ("Georgian shelling").
        let mut military: Vec<usize> = Vec::new();
        for m in &matches {
            let p = &self.dict.patterns()[m.pattern as usize];
            let passive = clause.is_passive(m.anchor);
            let noun_use = m.anchor > 0 && matches!(clause.word(m.anchor - 1).to_ascii_lowercase().as_str(), "the" | "a" | "an");
            let (mut source, mut source_rule) = match m.source_at {
                Some(s) => (clause.object(s, 8, false), Some(RoleRule::PatternSlot)),
                None if passive || noun_use => match clause.by_agent(m.end) {
                    Some(g) => (Some(g), Some(RoleRule::PassiveBy)),
                    None if passive => (None, None),
                    None => clause.subject(m.anchor).map_or((None, None), |(g, r)| (Some(g), Some(r))),
                },
                None => clause.subject(m.anchor).map_or((None, None), |(g, r)| (Some(g), Some(r))),
            };
            // "Georgian shelling", "Israeli air strikes": a country adjective right before
            // the event noun is its agent (the armed forces for acts of force).
            if m.source_at.is_none() && !passive {
                if let Some(g) = m.anchor.checked_sub(1).and_then(|i| clause.group_at(i)) {
                    if groups[g].members.iter().all(|&x| mentions[x].weak) {
                        source = Some(g);
                        source_rule = Some(RoleRule::Subject);
                        if matches!(p.code.get(..2), Some("15" | "18" | "19" | "20")) {
                            for &x in &groups[g].members {
                                military.push(x);
                            }
                        }
                    }
                }
            }
            if let Some(g) = source {
                if matches!(p.code.get(..2), Some("15" | "18" | "19" | "20")) && groups[g].members.iter().all(|&x| mentions[x].weak) {
                    military.extend(groups[g].members.iter().copied());
                }
            }
            // "were recalling their ambassadors ... and expelling Syrian envoys": the second
            // verb of a coordination shares the first one's subject.
            if let Some((prev_anchor, g, r)) = prev_source {
                if clause.coordinated_with(prev_anchor, m.anchor) && !passive && m.source_at.is_none() {
                    source = Some(g);
                    source_rule = r;
                }
            }
            if let Some(g) = source {
                prev_source = Some((m.anchor, g, source_rule));
            }
            let (target, target_rule) = match m.target_at {
                // "312 people had been arrested": the passive subject is the target.
                Some(t) if passive => match clause.direct_object(t, 10) {
                    Some(g) => (Some(g), Some(RoleRule::PatternSlot)),
                    None => clause.subject(m.anchor).map_or((None, None), |(g, _)| (Some(g), Some(RoleRule::PassiveSubject))),
                },
                Some(t) => (clause.direct_object(t, 10), Some(RoleRule::PatternSlot)),
                None if passive => clause.subject(m.anchor).map_or((None, None), |(g, _)| (Some(g), Some(RoleRule::PassiveSubject))),
                None => (clause.direct_object(m.end, 8), Some(RoleRule::Object)),
            };
            // A slot that found nothing: an actor inside the matched words ("demanded that
            // M23 withdraw from the city").
            let (target, target_rule) = match target {
                Some(t) => (Some(t), target_rule),
                None => ((m.anchor + 1)..m.end)
                    .find_map(|i| {
                        // Not the actor's own belongings: "shut its embassy".
                        let own = matches!(clause.word(i).to_ascii_lowercase().as_str(), "its" | "their" | "his" | "her" | "our");
                        clause.group_at(i).filter(|&g| !own && Some(g) != source && groups[g].toks.0 == i)
                    })
                    .map_or((None, target_rule), |g| (Some(g), Some(RoleRule::Object))),
            };
            let target = target.filter(|t| Some(*t) != source);
            let (mut negated, mut hypothetical) = clause.factuality(m.anchor);
            // "said it would hold an election ... and hand power": coordinated verbs share
            // the first one's modality.
            if let Some(prev) = prev_factuality.filter(|p| clause.coordinated_with(p.0, m.anchor)) {
                negated = negated.or(prev.1);
                hypothetical = hypothetical.or(prev.2);
            }
            prev_factuality = Some((m.anchor, negated, hypothetical));
            let trigger = Span::new(tokens[m.anchor].span.start(), tokens[m.end.saturating_sub(1).max(m.anchor)].span.end());
            let trigger = if m.end > m.anchor { trigger } else { tokens[m.anchor].span };
            let mut pairs: Vec<(Option<usize>, Option<usize>, Option<RoleRule>, Option<RoleRule>)> = Vec::new();
            let between = if source.is_none() || p.mutual { clause.between(m.anchor + 1) } else { None };
            let joint_act = p.mutual || p.code.starts_with("04") || p.code.starts_with("06") || p.code == "057" || p.code == "190";
            let joint = source.filter(|&g| joint_act && target.is_none() && groups[g].members.len() >= 2);
            if let Some(g) = joint {
                // "Israel and Jordan signed a treaty": each with each, both ways.
                let ms = &groups[g].members;
                for (x, &a) in ms.iter().enumerate() {
                    for &b in ms.iter().skip(x + 1) {
                        pairs.push((Some(a), Some(b), source_rule, Some(RoleRule::Subject)));
                        pairs.push((Some(b), Some(a), source_rule, Some(RoleRule::Subject)));
                    }
                }
            } else if let Some((a, b)) = between.filter(|_| source.is_none()) {
                pairs.push((Some(a), Some(b), Some(RoleRule::Between), Some(RoleRule::Between)));
                pairs.push((Some(b), Some(a), Some(RoleRule::Between), Some(RoleRule::Between)));
            } else {
                let srcs: Vec<Option<usize>> = match source {
                    Some(g) => groups[g].members.iter().map(|&x| Some(x)).collect(),
                    None => vec![None],
                };
                let tgts: Vec<Option<usize>> = match target {
                    Some(g) => groups[g].members.iter().map(|&x| Some(x)).collect(),
                    None => match between {
                        Some((a, b)) => vec![Some(a), Some(b)],
                        None => vec![None],
                    },
                };
                for s in srcs.iter().take(8) {
                    for t in tgts.iter().take(8) {
                        if s.is_some() && s == t {
                            continue;
                        }
                        pairs.push((*s, *t, source_rule, target_rule));
                        if p.mutual && s.is_some() && t.is_some() {
                            pairs.push((*t, *s, target_rule, source_rule));
                        }
                    }
                }
            }
            for (s, t, sr, tr) in pairs {
                if s.is_none() && t.is_none() {
                    continue;
                }
                drafts.push(Draft {
                    code: p.code.clone(),
                    source: s,
                    target: t,
                    anchor: m.anchor,
                    trigger,
                    negated,
                    hypothetical,
                    pattern: m.pattern,
                    source_rule: sr,
                    target_rule: tr,
                    killed: None,
                    wounded: None,
                    arrested: None,
                });
            }
        }
        attach_tolls(sentence, &mut drafts);
        // Enrichment shared by the sentence's events.
        let attribution = attribution::attribution(sentence);
        let times = date::time_expressions(sentence, state.date);
        let prefer_owned: Vec<String> = state.countries().into_iter().map(String::from).collect();
        let prefer: Vec<&str> = prefer_owned.iter().map(String::as_str).collect();
        let places = if drafts.is_empty() { Vec::new() } else { self.geo().mentions(sentence, &prefer) };
        let mut seen = std::collections::HashSet::new();
        for d in drafts {
            let factual = d.negated.is_none() && d.hypothetical.is_none();
            if !factual && !opts.all {
                continue;
            }
            let src = d.source.map(|i| &mentions[i]);
            let tgt = d.target.map(|i| &mentions[i]);
            let military_source = d.source.is_some_and(|i| military.contains(&i));
            // An act of force or a curfew with no named target falls on the people of the
            // place where it happened ("imposed a curfew in Bangkok", "a rocket struck ... in
            // Ashkelon").
            let force = matches!(d.code.get(..2), Some("18" | "19" | "20")) || ["1723", "1724", "175"].iter().any(|c| d.code.starts_with(c));
            let place_target = if tgt.is_none() && force {
                // The place's residents when the sentence reports people hurt or confined,
                // else the country (CODING.md).
                let people = d.killed.is_some()
                    || d.wounded.is_some()
                    || d.code.starts_with("172")
                    || mentions.iter().any(|m| m.code.as_deref().is_some_and(|c| c.ends_with("CVL")))
                    || tokens.iter().any(|t| CIVILIAN_SITES.contains(&t.text(sentence).to_ascii_lowercase().as_str()));
                places.iter().filter(|p| p.locative && p.span.start >= d.trigger.start).min_by_key(|p| p.span.start).map(|pm| ActorRecord {
                    code: Some(if people { format!("{}CVL", pm.place.country) } else { pm.place.country.clone() }),
                    text: pm.span.slice(sentence).to_string(),
                    country: Some(pm.place.country.clone()),
                    span: char_span(sentence, pm.span),
                })
            } else {
                None
            };
            let src_code = src.and_then(|m| m.code.clone()).map(|c| if military_source && c.len() == 3 { format!("{c}MIL") } else { c }).unwrap_or_default();
            let tgt_code = tgt.and_then(|m| m.code.clone()).or_else(|| place_target.as_ref().and_then(|a| a.code.clone())).unwrap_or_default();
            if !seen.insert((d.code.clone(), src_code.clone(), tgt_code.clone(), d.negated.is_some(), d.hypothetical.is_some())) {
                continue;
            }
            let Some(cameo) = self.dict.cameo.get(&d.code) else { continue };
            // Who the sentence attributes the claim to, unless it is the actor itself.
            let reported_by = attribution.and_then(|a| {
                if a.clause.contains(d.trigger) {
                    return None;
                }
                let who = mentions.iter().find(|m| a.source.overlaps(m.span));
                if who.is_some_and(|w| w.code.is_some() && w.code.as_deref() == src.and_then(|s| s.code.as_deref())) {
                    return None;
                }
                Some(a.source.slice(sentence).to_string())
            });
            let (date, date_basis, date_precision) = event_date(&times, d.trigger, state.date);
            let location = self.event_location(sentence, structure, &places, d.trigger, src, tgt);
            let (killed, wounded, arrested) = (d.killed, d.wounded, d.arrested);
            let precision = killed.or(wounded).or(arrested).map(|(_, p)| p);
            let actor = |m: Option<&Mention>| {
                m.map(|m| ActorRecord {
                    code: m.code.clone(),
                    text: m.span.slice(sentence).to_string(),
                    country: m.country().map(String::from),
                    span: char_span(sentence, m.span),
                })
            };
            let explain = opts.explain.then(|| {
                let p = &self.dict.patterns()[d.pattern as usize];
                json!({
                    "pattern": p.text,
                    "pattern_at": format!("{}:{}", p.file, p.line),
                    "code_name": cameo.name,
                    "words": tokens.get(d.anchor..d.anchor + 1).map(|t| t.iter().map(|t| t.text(sentence)).collect::<Vec<_>>()),
                    "trigger": d.trigger.slice(sentence),
                    "source_rule": d.source_rule.map(RoleRule::name),
                    "target_rule": d.target_rule.map(RoleRule::name),
                    "source_entries": src.map(|m| m.entries.clone()),
                    "target_entries": tgt.map(|m| m.entries.clone()),
                    "negation_cue": d.negated,
                    "modality_cue": d.hypothetical,
                })
            });
            out.push(Event {
                doc: doc.id.clone(),
                url: doc.url.clone(),
                event_id: event_id(&doc.id, si, &d.code, &src_code, &tgt_code, d.trigger.start()),
                sentence: si,
                sentence_text: sentence.to_string(),
                publication_date: state.date.map(|d| d.to_string()),
                date,
                date_basis,
                date_precision,
                code: d.code.clone(),
                root: cameo.root().to_string(),
                quad_class: cameo.quad_class as u8,
                goldstein: cameo.goldstein,
                plover: self.dict.cameo.plover(&d.code).map(String::from),
                source: actor(src).map(|mut a| {
                    if military_source && !src_code.is_empty() {
                        a.code = Some(src_code.clone());
                    }
                    a
                }),
                target: actor(tgt).or(place_target),
                trigger: TriggerRecord { text: d.trigger.slice(sentence).to_string(), span: char_span(sentence, d.trigger) },
                location,
                killed: killed.map(|k| k.0),
                wounded: wounded.map(|k| k.0),
                arrested: arrested.map(|k| k.0),
                casualty_precision: precision,
                reported_by,
                negated: d.negated.is_some(),
                hypothetical: d.hypothetical.is_some() && d.negated.is_none(),
                explain,
            });
        }
        state.observe(&mentions, sentence);
        scratch.tokens = tokens;
    }

    #[allow(clippy::too_many_arguments)]
    fn event_location(
        &self,
        sentence: &str,
        structure: &Structure,
        places: &[crate::enrich::geo::PlaceMention<'_>],
        trigger: Span,
        src: Option<&Mention>,
        tgt: Option<&Mention>,
    ) -> Option<LocationRecord> {
        let dist = |s: Span| if s.start >= trigger.end { s.start - trigger.end } else { trigger.start.saturating_sub(s.end) };
        let in_sentence = |pm: &crate::enrich::geo::PlaceMention<'_>| LocationRecord {
            name: pm.span.slice(sentence).to_string(),
            country: Some(pm.place.country.clone()),
            lat: Some(pm.place.lat),
            lon: Some(pm.place.lon),
            basis: LocationBasis::Sentence,
        };
        if let Some(pm) = places.iter().filter(|p| p.locative).min_by_key(|p| dist(p.span)) {
            return Some(in_sentence(pm));
        }
        // A place attacked is where the attack happened: "the shelling of Homs".
        if let Some(t) = tgt.filter(|t| t.kind == MentionKind::Place) {
            if let Some(pm) = places.iter().find(|p| p.span.overlaps(t.span)) {
                return Some(in_sentence(pm));
            }
        }
        let event_country = tgt.and_then(|m| m.country()).or_else(|| src.and_then(|m| m.country()));
        if let Some(d) = &structure.dateline {
            let prefer: Vec<&str> = event_country.into_iter().collect();
            // The dateline is where the story was filed: the usual fallback (CODING.md).
            let resolved = self.geo().resolve(&d.place, &prefer);
            if let Some(p) = resolved {
                return Some(LocationRecord {
                    name: p.name.clone(),
                    country: Some(p.country.clone()),
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                    basis: LocationBasis::Dateline,
                });
            }
        }
        let country = event_country?;
        let name = self.dict.country_names.get(country).cloned().unwrap_or_else(|| country.to_string());
        Some(LocationRecord { name, country: Some(country.to_string()), lat: None, lon: None, basis: LocationBasis::Country })
    }
}

/// Places where people, not soldiers, are hit: an attack on one is an attack on civilians.
const CIVILIAN_SITES: &[&str] = &[
    "market", "markets", "mosque", "mosques", "church", "churches", "school", "schools", "hospital",
    "hospitals", "hotel", "hotels", "restaurant", "cafe", "bus", "wedding", "funeral", "village",
    "villages", "residential", "homes", "houses", "neighborhood", "neighbourhood", "shrine",
    "temple", "camp", "camps", "civilians", "residents", "worshippers", "shoppers", "passengers",
];

/// The event's date: the time expression nearest its trigger, else the publication date.
fn event_date(times: &[date::TimeExpr], trigger: Span, publication: Option<NaiveDate>) -> (Option<String>, Option<DateBasis>, Option<DatePrecision>) {
    let dist = |s: Span| if s.start >= trigger.end { s.start - trigger.end } else { (trigger.start.saturating_sub(s.end)) + 1 };
    if let Some(t) = times.iter().min_by_key(|t| dist(t.span)) {
        let date = if t.precision == DatePrecision::Day { t.date.map(|d| d.to_string()) } else { None };
        return (date, Some(t.basis), Some(t.precision));
    }
    match publication {
        Some(d) => (Some(d.to_string()), Some(DateBasis::Publication), Some(DatePrecision::Day)),
        None => (None, None, None),
    }
}

/// Gives each toll of the sentence to the nearest event it can belong to: deaths and
/// injuries to violent events, arrests to coercion.
fn attach_tolls(sentence: &str, drafts: &mut [Draft]) {
    if drafts.is_empty() {
        return;
    }
    for toll in casualty::tolls(sentence) {
        if toll.cumulative {
            continue;
        }
        let fits = |code: &str| match toll.kind {
            TollKind::Killed | TollKind::Wounded => {
                matches!(code.get(..2), Some("18" | "19" | "20")) || code.starts_with("145") || code.starts_with("175")
            }
            TollKind::Arrested => code.starts_with("173") || code.starts_with("17"),
        };
        let dist = |s: Span| if s.start >= toll.span.end { s.start - toll.span.end } else { toll.span.start.saturating_sub(s.end) };
        let Some(best) = drafts.iter().enumerate().filter(|(_, d)| fits(&d.code)).min_by_key(|(_, d)| dist(d.trigger)).map(|(i, _)| i) else {
            continue;
        };
        // The nearest fitting event, and the other fitting events of the same source (the
        // shelling and the killing it caused are one act reported twice), or all of them when
        // the sentence names one agent at most.
        let anchor_trigger = drafts[best].trigger;
        let anchor_source = drafts[best].source;
        // A toll with no agent ("two civilians were killed ... when Indian troops fired")
        // belongs to the act that caused it as well.
        let sources: Vec<Option<usize>> = drafts.iter().filter(|d| fits(&d.code)).map(|d| d.source).collect();
        let one_agent = sources.iter().flatten().all(|s| Some(*s) == sources.iter().flatten().next().copied());
        for d in drafts.iter_mut().filter(|d| fits(&d.code) && (d.trigger == anchor_trigger || one_agent || d.source.is_some() && d.source == anchor_source)) {
            let slot = match toll.kind {
                TollKind::Killed => &mut d.killed,
                TollKind::Wounded => &mut d.wounded,
                TollKind::Arrested => &mut d.arrested,
            };
            if slot.is_none() {
                *slot = Some((toll.count, toll.precision));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coder_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Coder>();
    }

    #[test]
    fn country_of_skips_igos_and_roles() {
        use crate::actors::country_of;
        assert_eq!(country_of("SYRMIL"), Some("SYR"));
        assert_eq!(country_of("IGOUNO"), None);
        assert_eq!(country_of("GOV"), None);
    }
}

