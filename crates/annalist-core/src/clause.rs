//! Clause analysis, shallow and fast: for an event word, who did it (the subject, or the
//! agent after "by" in the passive), to whom (the object), and whether the text says it
//! happened (negation, modality).
//!
//! No parser: the sentence is a token sequence with actor mentions grouped into lists, and
//! each question is answered by a bounded scan with stop words. The scans skip what cannot
//! be a subject: objects of prepositions, parentheses, appositives (`X, a senior member of
//! Y, said`) and relative clauses (`X, which followed Y, ...`).

use crate::actors::{Group, Mention};
use crate::segment::{TokKind, Token};

/// A sentence prepared for clause questions.
pub struct Clause<'a> {
    pub sentence: &'a str,
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    pub groups: &'a [Group],
    /// For each token, the group covering it.
    group_at: Vec<Option<usize>>,
}

/// How a role was found, for `--explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleRule {
    Subject,
    Appositive,
    RelativeAntecedent,
    PassiveBy,
    PassiveSubject,
    Object,
    PatternSlot,
    Between,
}

impl RoleRule {
    pub fn name(self) -> &'static str {
        match self {
            RoleRule::Subject => "subject",
            RoleRule::Appositive => "subject before appositive",
            RoleRule::RelativeAntecedent => "antecedent of relative clause",
            RoleRule::PassiveBy => "passive agent (by ...)",
            RoleRule::PassiveSubject => "passive subject",
            RoleRule::Object => "object",
            RoleRule::PatternSlot => "pattern slot",
            RoleRule::Between => "between X and Y",
        }
    }
}

/// Verbs of saying: what follows them is reported, not done by their subject.
const SPEECH: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "reported", "reports", "claimed",
    "claims", "stated", "announced", "insisted", "believe", "believes", "according", "alleged",
    "quoted", "warned", "argued", "noted", "wrote", "confirmed", "acknowledged",
];

const PREPOSITIONS: &[&str] = &[
    "of", "in", "from", "to", "at", "with", "by", "for", "on", "near", "against", "into", "over",
    "under", "between", "among", "across", "toward", "towards", "about",
    "during", "including", "like", "than", "within", "without", "outside", "inside", "through",
    "throughout", "around", "behind", "beyond", "upon", "via", "amid", "despite",
    "along", "onto", "per", "unlike", "versus", "beside", "besides",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "some", "other", "both", "all"];
const APPOSITIVE_START: &[&str] = &["a", "an", "the", "who", "whose", "which", "one", "also", "himself", "herself", "itself", "now", "then", "formerly", "once", "currently"];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got", "get", "gets", "getting", "'re", "’re"];
const ADVERBS: &[&str] = &["not", "also", "reportedly", "allegedly", "later", "then", "already", "still", "all", "both", "apparently", "just", "never", "again", "earlier", "first", "recently", "n't", "repeatedly", "subsequently", "initially", "eventually", "briefly", "only"];
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "shot", "hit", "held", "struck", "met", "hurt", "cut", "set", "put", "led", "fought", "caught",
    "sent", "built", "brought", "kept", "left", "told", "sought", "beaten", "bitten", "seen",
    "slain", "thrown", "taken", "given", "stolen", "driven", "overthrown", "withdrawn", "shown",
    "sworn", "torn", "broken", "bound", "fed", "freed", "paid", "sold", "won", "lost", "spent",
];

impl<'a> Clause<'a> {
    pub fn new(sentence: &'a str, tokens: &'a [Token], mentions: &'a [Mention], groups: &'a [Group]) -> Clause<'a> {
        let mut group_at = vec![None; tokens.len()];
        for (g, grp) in groups.iter().enumerate() {
            for slot in group_at.iter_mut().take(grp.toks.1.min(tokens.len())).skip(grp.toks.0) {
                *slot = Some(g);
            }
        }
        Clause { sentence, tokens, mentions, groups, group_at }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.sentence))
    }

    fn word_is(&self, i: usize, set: &[&str]) -> bool {
        let w = self.word(i);
        set.iter().any(|s| s.eq_ignore_ascii_case(w))
    }

    pub fn group_at(&self, i: usize) -> Option<usize> {
        self.group_at.get(i).copied().flatten()
    }

    /// Does the group at `g` follow a preposition ("of the opposition Syrian National
    /// Council", "in Damascus")? Then it is no subject.
    fn after_preposition(&self, g: usize) -> bool {
        let mut i = self.groups[g].toks.0;
        for _ in 0..3 {
            if i == 0 {
                return false;
            }
            i -= 1;
            let w = self.word(i);
            if self.word_is(i, PREPOSITIONS) {
                // "Thousands of Egyptians protested": the quantity is the subject's head.
                let quantity = self.word_is(i, &["of"])
                    && i > 0
                    && (self.tokens[i - 1].kind == TokKind::Number
                        || self.word_is(i - 1, &["thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many", "most", "several", "group", "groups", "crowds", "crowd", "members", "supporters", "units"]));
                return !quantity;
            }
            let lower_word = w.chars().next().is_some_and(char::is_lowercase) && self.tokens[i].kind == TokKind::Word;
            if !(self.word_is(i, DETERMINERS) || lower_word && !self.word_is(i, BE) && !w.ends_with("ed")) || self.group_at(i).is_some() {
                return false;
            }
        }
        false
    }

    fn in_parentheses(&self, i: usize) -> bool {
        let mut depth = 0i32;
        for k in (0..i).rev() {
            match self.word(k) {
                ")" => depth += 1,
                "(" if depth == 0 => return true,
                "(" => depth -= 1,
                _ => {}
            }
        }
        false
    }

    /// The subject of the verb group starting at token `anchor`: the nearest actor group to
    /// its left that is not an object of a preposition, skipping appositives and relative
    /// clauses, within the clause.
    pub fn subject(&self, anchor: usize) -> Option<(usize, RoleRule)> {
        let mut i = anchor;
        let floor = anchor.saturating_sub(40);
        while i > floor {
            i -= 1;
            let w = self.word(i);
            if matches!(w, ";" | ":" | "—" | "–") {
                return None;
            }
            if SPEECH.contains(&w) && i + 1 < anchor {
                // "activists said [government forces shelled ...]": the reporter is not the
                // subject of the reported act.
                return None;
            }
            let relative_that = w == "that" && i > 0 && !SPEECH.contains(&self.word(i - 1)) && self.group_at(i - 1).is_some();
            if (w == "which" || w == "who" || relative_that) && i > 0 {
                // The relative pronoun's antecedent: the group right before it.
                // The relative pronoun's antecedent: the group right before it, or one
                // before its head noun ("United Nations agencies, which").
                let k = if self.word(i - 1) == "," { i.saturating_sub(2) } else { i - 1 };
                return (0..3)
                    .filter_map(|back| k.checked_sub(back))
                    .take_while(|&j| j == k || self.tokens[j + 1].kind == TokKind::Word)
                    .find_map(|j| self.group_at(j).filter(|&g| self.groups[g].toks.1 == j + 1))
                    .map(|g| (g, RoleRule::RelativeAntecedent));
            }
            if w == "," {
                // An appositive closed by this comma: ", a senior member of ... ,".
                let mut q = i;
                while q > floor.max(i.saturating_sub(20)) {
                    q -= 1;
                    if self.word(q) == "," {
                        let participle = self.word(q + 1).ends_with("ing") && self.word(q + 1).chars().next().is_some_and(char::is_lowercase);
                        if (self.word_is(q + 1, APPOSITIVE_START) || participle) && q > 0 {
                            if let Some(g) = self.group_at(q - 1).filter(|&g| self.groups[g].toks.1 == q) {
                                if !self.after_preposition(g) {
                                    return Some((g, RoleRule::Appositive));
                                }
                            }
                        }
                        break;
                    }
                }
                continue;
            }
            if let Some(g) = self.group_at(i) {
                let start = self.groups[g].toks.0;
                let end = self.groups[g].toks.1;
                let weak = self.groups[g].members.iter().all(|&m| self.mentions[m].weak);
                // "Armenian units fired": a country adjective on the subject noun right before
                // the verb still tells whose the subject is.
                let weak_subject = weak
                    && anchor.saturating_sub(end) <= 3
                    && (end..anchor).all(|k| self.tokens[k].kind == TokKind::Word && self.word(k).chars().next().is_some_and(char::is_lowercase));
                if (weak && !weak_subject) || self.after_preposition(g) || self.in_parentheses(start) || self.possessor_of_object(g) {
                    i = start;
                    continue;
                }
                // "Its spokesman, Col Sansern, denied": an unknown name in apposition to a
                // known actor stands for it.
                let unknown = self.groups[g].members.iter().all(|&m| self.mentions[m].code.is_none());
                if unknown && start >= 2 && self.word(start - 1) == "," {
                    if let Some(h) = self.group_at(start - 2).filter(|&h| self.groups[h].toks.1 == start - 1) {
                        if self.groups[h].members.iter().any(|&m| self.mentions[m].code.is_some()) {
                            return Some((h, RoleRule::Appositive));
                        }
                    }
                }
                return Some((g, RoleRule::Subject));
            }
        }
        None
    }

    /// A group that is only the possessor of a following noun that is not the verb's
    /// subject is still a fine subject ("Russia's mediation failed"): kept.
    fn possessor_of_object(&self, _g: usize) -> bool {
        false
    }

    /// The first actor group at or after token `from`, within `max` tokens, not crossing
    /// a clause boundary. `skip_by` skips a group introduced by "by" (the passive agent).
    pub fn object(&self, from: usize, max: usize, skip_by: bool) -> Option<usize> {
        self.object_where(from, max, skip_by, false)
    }

    /// Like [`Clause::object`], but skipping places introduced by a locative preposition
    /// ("met Xi at the APEC summit", "in Baghdad"): for objects a pattern did not place.
    pub fn direct_object(&self, from: usize, max: usize) -> Option<usize> {
        self.object_where(from, max, true, true)
    }

    fn object_where(&self, from: usize, max: usize, skip_by: bool, skip_locative: bool) -> Option<usize> {
        let end = (from + max).min(self.tokens.len());
        let mut i = from;
        while i < end {
            let w = self.word(i);
            if matches!(w, ";" | ":" | "," | "(" | "—" | "–") {
                return None;
            }
            if self.word_is(i, &["said", "says", "told", "added", "according", "but", "while", "whereas"]) {
                return None;
            }
            if let Some(g) = self.group_at(i) {
                let before = self.groups[g].toks.0.saturating_sub(1);
                let before2 = self.groups[g].toks.0.saturating_sub(2);
                let locative = |k: usize| self.word_is(k, &["in", "at", "near", "during", "outside", "inside", "since", "after", "before", "across", "throughout", "around", "amid"]);
                let loc_at = if locative(before) { Some(before) } else if self.word_is(before, DETERMINERS) && locative(before2) { Some(before2) } else { None };
                if skip_locative && self.groups[g].toks.0 > 0 && loc_at.is_some_and(|k| k >= from) {
                    i = self.groups[g].toks.1;
                    continue;
                }
                let possessive_pronoun = self.groups[g].members.iter().all(|&m| self.mentions[m].kind == crate::actors::MentionKind::Pronoun && self.mentions[m].possessor);
                if skip_locative && possessive_pronoun {
                    i = self.groups[g].toks.1;
                    continue;
                }
                if skip_by && i > 0 && self.word_is(before, &["by"]) {
                    i = self.groups[g].toks.1;
                    continue;
                }
                return Some(g);
            }
            i += 1;
        }
        None
    }

    /// "by X" right after the event words: the agent of a passive or of a noun.
    pub fn by_agent(&self, from: usize) -> Option<usize> {
        let end = (from + 6).min(self.tokens.len());
        for i in from..end {
            if matches!(self.word(i), ";" | "," | ".") {
                return None;
            }
            if self.word_is(i, &["by"]) {
                // "by X", "by the X", "by members of the X", "by some of X".
                let mut k = i + 1;
                for _ in 0..4 {
                    if let Some(g) = self.group_at(k) {
                        return Some(g);
                    }
                    if !self.word_is(k, DETERMINERS) && !self.word_is(k, &["members", "member", "some", "one", "of", "supporters", "units", "elements"]) {
                        return None;
                    }
                    k += 1;
                }
                return None;
            }
        }
        None
    }

    /// Is the verb at `anchor` a passive ("were killed", "was shelled")?
    pub fn is_passive(&self, anchor: usize) -> bool {
        let w = self.word(anchor).to_ascii_lowercase();
        let participle = w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn") || IRREGULAR_PARTICIPLES.contains(&w.as_str());
        if !participle {
            return false;
        }
        // "a proposal already rejected by members of ...": a participle with its agent.
        if self.word_is(anchor + 1, &["by"]) && w.ends_with("ed") {
            return true;
        }
        let mut i = anchor;
        for _ in 0..3 {
            if i == 0 {
                return false;
            }
            i -= 1;
            if self.word_is(i, BE) {
                return true;
            }
            if !self.word_is(i, ADVERBS) && !self.word(i).ends_with("ly") {
                return false;
            }
        }
        false
    }

    /// Is the verb at `later` coordinated with the one at `earlier` ("recalling ... and
    /// expelling ..."): an "and" (or comma) right before it, nothing but a clause between?
    pub fn coordinated_with(&self, earlier: usize, later: usize) -> bool {
        if later <= earlier + 1 {
            return false;
        }
        // ", killing some 19 people": a participle clause shares the main clause's subject.
        if self.word(later).ends_with("ing") && self.word(later - 1) == "," {
            return !(earlier..later).any(|i| SPEECH.contains(&self.word(i)) || self.word(i) == ";");
        }
        let mut k = later - 1;
        while k > earlier && (self.word_is(k, ADVERBS) || self.word_is(k, BE) || self.word_is(k, &["has", "have", "had"])) {
            k -= 1;
        }
        if !self.word_is(k, &["and", "then", "before", "after"]) {
            return false;
        }
        // No new subject between the two verbs.
        !(k + 1..later).any(|i| self.group_at(i).is_some()) && !(earlier..k).any(|i| SPEECH.contains(&self.word(i)) || self.word(i) == ";")
    }

    /// "between X and Y": the two sides of a mutual act after `from`.
    pub fn between(&self, from: usize) -> Option<(usize, usize)> {
        let end = (from + 4).min(self.tokens.len());
        for i in from..end {
            if self.word_is(i, &["between"]) {
                let g = self.group_at(i + 1).or_else(|| self.group_at(i + 2))?;
                let grp = &self.groups[g];
                if grp.members.len() == 2 {
                    return Some((grp.members[0], grp.members[1]));
                }
                // "between government and rebel forces": two groups around "and".
                let after = grp.toks.1;
                if self.word_is(after, &["and"]) {
                    let h = self.group_at(after + 1)?;
                    return Some((*grp.members.first()?, *self.groups[h].members.first()?));
                }
                return None;
            }
        }
        None
    }

    /// Negation and modality cues governing the event words at `anchor`: `(negated, hypothetical)`.
    pub fn factuality(&self, anchor: usize) -> (Option<&'static str>, Option<&'static str>) {
        let mut negated = None;
        let mut hypothetical = None;
        let anchor_word = self.word(anchor).to_ascii_lowercase();
        let base_form = !(anchor_word.ends_with('s') || anchor_word.ends_with("ed") || anchor_word.ends_with("ing"));
        let mut i = anchor;
        let floor = anchor.saturating_sub(9);
        let mut crossed_group = 0;
        while i > floor {
            i -= 1;
            let w = self.word(i).to_ascii_lowercase();
            if matches!(w.as_str(), "," | ";" | ":" | "." | "(" | ")" | "—" | "–") {
                break;
            }
            if let Some(g) = self.group_at(i) {
                crossed_group += 1;
                if crossed_group > 2 {
                    break;
                }
                i = self.groups[g].toks.0;
                continue;
            }
            // Before the subject only a conditional still governs the verb.
            if crossed_group > 0 && !matches!(w.as_str(), "if" | "unless" | "whether") {
                continue;
            }
            let cue: Option<(bool, &'static str)> = match w.as_str() {
                "not" => Some((true, "not")),
                w if w.ends_with("n't") || w.ends_with("n’t") => Some((true, "n't")),
                "never" => Some((true, "never")),
                "no" if crossed_group == 0 => Some((true, "no")),
                "without" => Some((true, "without")),
                "nor" | "neither" => Some((true, "neither/nor")),
                "yet" if self.word_is(i + 1, &["to"]) => Some((true, "yet to")),
                "failed" | "fails" | "fail" | "refused" | "refuses" | "declined" | "declines" if self.word_is(i + 1, &["to"]) => Some((true, "failed/refused to")),
                "will" | "'ll" | "’ll" => Some((false, "will")),
                "would" | "'d" => Some((false, "would")),
                "could" => Some((false, "could")),
                "may" => Some((false, "may")),
                "might" => Some((false, "might")),
                "should" | "shall" | "must" => Some((false, "should/must")),
                "can" => Some((false, "can")),
                "if" | "unless" | "whether" => Some((false, "if")),
                "possibility" | "prospect" | "threat" | "plan" | "plans" | "planned" | "planning" | "preparing" | "considering" | "exploring" | "proposed" | "potential" | "possible" | "intends" | "intend"
                | "hope" | "hopes" | "hoping" | "bid" | "readiness" | "ready" | "willing" | "willingness" | "proposal" | "offer" | "offered" | "attempt" | "effort" | "efforts" | "aim" | "aims" | "aiming" | "seeking" | "wants" | "wanted" => Some((false, "plan/possibility")),
                "to" if i + 1 == anchor && base_form => {
                    let prev = self.word(i.saturating_sub(1)).to_ascii_lowercase();
                    if matches!(prev.as_str(), "began" | "begun" | "started" | "continued" | "managed" | "used" | "went" | "continue" | "continues" | "begin" | "begins" | "start" | "starts") {
                        None
                    } else {
                        Some((false, "to-infinitive"))
                    }
                }
                _ => None,
            };
            if let Some((neg, c)) = cue {
                if neg {
                    negated.get_or_insert(c);
                } else {
                    hypothetical.get_or_insert(c);
                }
            }
        }
        // "denied (that) its troops took part": the denied act is negated.
        let start = anchor.saturating_sub(14);
        for k in start..anchor {
            if self.word_is(k, &["denied", "denies", "deny", "denying", "dismissed", "rejected"]) && !self.word_is(k + 1, &["the", "a", "an", "reports", "claims", "accusations", "allegations", "charges"]) {
                // "denied its troops took part", "denied that Russia was attacking".
                let next = if self.word_is(k + 1, &["that"]) { k + 2 } else { k + 1 };
                if self.group_at(next).is_some() || self.word_is(next, &["its", "their", "his", "her", "any"]) {
                    negated.get_or_insert("denied");
                }
            }
        }
        // "further NATO attacks would be met with ...": an event noun that is the subject of
        // a modal verb.
        if hypothetical.is_none() && negated.is_none() {
            let noun_use = !(anchor_word.ends_with("ed") || anchor_word.ends_with("ing"));
            if noun_use && self.word_is(anchor + 1, &["would", "will", "could", "might", "may"]) {
                hypothetical = Some("noun before modal");
            }
        }
        (negated, hypothetical)
    }
}
