//! The lemma key: one string for every inflection of a word.
//!
//! Patterns and text go through the same function, so what matters is that all forms of a
//! word meet at one key ("shell", "shelled", "shelling", "shells" -> `shel`), not that the key
//! is a dictionary word. Irregular forms map to their base first ("fought" -> "fight").

/// Writes the lemma key of `word` into `out` (cleared first). Allocation-free once `out`
/// has grown to the longest word.
pub fn lemma_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    if let Some(base) = irregular(out) {
        out.clear();
        out.push_str(base);
    }
    strip_suffixes(out);
}

/// The lemma key of `word` as a new string.
pub fn lemma(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    lemma_into(word, &mut s);
    s
}

fn strip_suffixes(w: &mut String) {
    if !w.is_ascii() || w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return;
    }
    for _ in 0..2 {
        let n = w.len();
        if n > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
            w.truncate(n - 3);
            w.push('y');
        } else if n <= 4 && (w.ends_with("ied") || w.ends_with("ies")) {
            w.truncate(n - 1); // tied -> tie, dies -> die
        } else if w.ends_with("ing") && n - 3 >= 2 && has_vowel(&w[..n - 3]) {
            w.truncate(n - 3);
        } else if w.ends_with("eed") && n > 4 {
            w.truncate(n - 1); // agreed -> agree, freed -> free
        } else if w.ends_with("ed") && n - 2 >= 2 && has_vowel(&w[..n - 2]) {
            w.truncate(n - 2);
        } else if w.ends_with("es") && n > 4 && ["s", "x", "z", "ch", "sh"].iter().any(|s| w[..n - 2].ends_with(s)) {
            w.truncate(n - 2);
        } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && n > 3 {
            w.truncate(n - 1);
            continue; // "meetings" -> "meeting" -> "meet"
        }
        break;
    }
    if w.len() >= 3 && w.ends_with('e') {
        w.pop();
    }
    let b = w.as_bytes();
    let n = b.len();
    if n > 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'a' | b'e' | b'i' | b'o' | b'u' | b's') {
        w.pop();
    }
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "is" | "was" | "were" | "are" | "been" | "being" | "am" | "be" => "be",
        "has" | "had" | "having" => "have",
        "did" | "does" | "done" | "doing" => "do",
        "went" | "gone" | "goes" => "go",
        "met" => "meet",
        "held" => "hold",
        "said" | "says" => "say",
        "took" | "taken" => "take",
        "gave" | "given" => "give",
        "struck" | "stricken" => "strike",
        "shot" => "shoot",
        "fled" => "flee",
        "sought" => "seek",
        "brought" => "bring",
        "stood" => "stand",
        "spoke" | "spoken" => "speak",
        "told" => "tell",
        "began" | "begun" => "begin",
        "won" => "win",
        "made" => "make",
        "left" => "leave",
        "led" => "lead",
        "bought" => "buy",
        "sent" => "send",
        "threw" | "thrown" => "throw",
        "withdrew" | "withdrawn" => "withdraw",
        "overthrew" | "overthrown" => "overthrow",
        "chose" | "chosen" => "choose",
        "drove" | "driven" => "drive",
        "flew" | "flown" => "fly",
        "forbade" | "forbidden" => "forbid",
        "broke" | "broken" => "break",
        "stole" | "stolen" => "steal",
        "rose" | "risen" => "rise",
        "shook" | "shaken" => "shake",
        "slew" | "slain" => "slay",
        "spent" => "spend",
        "swore" | "sworn" => "swear",
        "tore" | "torn" => "tear",
        "wrote" | "written" => "write",
        "knew" | "known" => "know",
        "showed" | "shown" => "show",
        "grew" | "grown" => "grow",
        "drew" | "drawn" => "draw",
        "fell" | "fallen" => "fall",
        "felt" => "feel",
        "kept" => "keep",
        "lost" => "lose",
        "meant" => "mean",
        "paid" => "pay",
        "laid" => "lay",
        "sold" => "sell",
        "thought" => "think",
        "understood" => "understand",
        "ran" => "run",
        "saw" | "seen" => "see",
        "hid" | "hidden" => "hide",
        "bled" => "bleed",
        "bound" => "bind",
        "built" => "build",
        "dealt" => "deal",
        "dug" => "dig",
        "fed" => "feed",
        "forgot" | "forgotten" => "forget",
        "forgave" | "forgiven" => "forgive",
        "got" | "gotten" => "get",
        "heard" => "hear",
        "found" => "find",
        "froze" | "frozen" => "freeze",
        "sped" => "speed",
        "spread" | "spreads" | "spreading" => "spread",
        "fought" | "fighting" => "fight",
        "shut" | "shuts" | "shutting" => "shut",
        "lit" => "light",
        "sank" | "sunk" => "sink",
        "swept" => "sweep",
        "wept" => "weep",
        "slid" => "slide",
        "stuck" => "stick",
        "strove" | "striven" => "strive",
        "rebuilt" => "rebuild",
        "outlawed" => "outlaw",
        "lent" => "lend",
        "oversaw" | "overseen" => "oversee",
        "overran" => "overrun",
        "overcame" => "overcome",
        "came" => "come",
        "became" => "become",
        "ate" | "eaten" => "eat",
        "bore" | "borne" => "bear",
        "woke" | "woken" => "wake",
        "underwent" | "undergone" => "undergo",
        "upheld" => "uphold",
        "withheld" => "withhold",
        "mistook" | "mistaken" => "mistake",
        "undertook" | "undertaken" => "undertake",
        "beat" | "beaten" => "beat",
        "hit" | "hits" | "hitting" => "hit",
        "cut" | "cuts" | "cutting" => "cut",
        "set" | "sets" | "setting" => "set",
        "put" | "puts" | "putting" => "put",
        "quit" | "quits" | "quitting" => "quit",
        "bid" | "bids" | "bidding" => "bid",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "crises" => "crisis",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "news" => "news",
        "arms" => "arms",
        "talks" => "talk",
        "relations" => "relation",
        "forces" => "force",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::lemma;

    #[test]
    fn inflections_meet_at_one_key() {
        for group in [
            &["shell", "shelled", "shelling", "shells"][..],
            &["cooperate", "cooperated", "cooperates", "cooperating"],
            &["agree", "agreed", "agrees", "agreeing"],
            &["deny", "denied", "denies", "denying"],
            &["stop", "stopped", "stopping", "stops"],
            &["kill", "killed", "killing", "kills"],
            &["strike", "struck", "striking", "strikes"],
            &["meet", "met", "meeting", "meets", "meetings"],
            &["veto", "vetoed", "vetoes", "vetoing"],
            &["accuse", "accused", "accuses", "accusing"],
            &["sanction", "sanctions", "sanctioned"],
            &["flee", "fled", "fleeing", "flees"],
            &["pass", "passed", "passes", "passing"],
            &["tie", "ties", "tied"],
            &["recall", "recalled", "recalling", "Recalls"],
            &["use", "used", "uses", "using"],
            &["die", "died", "dies", "dying"],
            &["free", "freed", "frees", "freeing"],
        ] {
            let key = lemma(group[0]);
            for w in group {
                assert_eq!(lemma(w), key, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn short_and_odd_words_survive() {
        assert_eq!(lemma("bring"), lemma("bringing"));
        assert_eq!(lemma("U.S."), "u.s.");
        assert_eq!(lemma("Ünïcode"), "ünïcode");
        assert_eq!(lemma(""), "");
    }
}
