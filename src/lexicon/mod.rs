//! Lexicons: the words that give figures their roles, and the knowledge
//! of which labels name the same quantity or split it into parts.
//!
//! Built-in lexicons live in `rules/<lang>/lexicon.yaml`; a user's file
//! adds to them. All cue words of every language are compiled into one
//! Aho-Corasick automaton that runs once over a document's folded text
//! (traditional characters read as simplified ones), so a figure pays for
//! the cues around it, not for every word the lexicon knows.

mod cue;
mod label;
pub mod model;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub use cue::{Cue, CueHit};
pub use label::{LabelPattern, Normalizer};

use crate::rules::RuleError;
use model::LexiconSpec;

/// A language of report text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_name(name: &str) -> Option<Lang> {
        match name {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Qualifiers that split a quantity into parts that make it whole.
#[derive(Debug, Clone)]
pub struct Set {
    pub lang: Lang,
    /// Folded words that name the set itself (三次产业).
    pub names: Vec<String>,
    /// Folded qualifiers, one per part.
    pub parts: Vec<String>,
    /// Folded, normalized labels of the whole, when it has its own name.
    pub whole: Vec<String>,
    /// The words a part's label ends with for `whole` to apply.
    pub head: Option<String>,
    /// The word that takes the qualifier's place in the whole's label
    /// (夏粮产量 and 秋粮产量 make 粮食产量).
    pub stem: Option<String>,
}

/// A rate noun defined as one labelled figure over another.
#[derive(Debug, Clone)]
pub struct Rate {
    pub lang: Lang,
    pub names: Vec<String>,
    /// Empty: the part is the figure the rate follows.
    pub part: Vec<LabelPattern>,
    pub whole: Vec<LabelPattern>,
    pub scale: u32,
    /// Authors compute it from more than one operand of these names: a
    /// reading confirms the rate, never reports it.
    pub loose: bool,
}

/// total = Σ plus − Σ minus, by definition.
#[derive(Debug, Clone)]
pub struct Identity {
    pub lang: Lang,
    pub total: LabelPattern,
    pub plus: Vec<LabelPattern>,
    pub minus: Vec<LabelPattern>,
}

/// Every lexicon in force, merged and compiled.
pub struct Lexicon {
    automaton: AhoCorasick,
    /// For each pattern of the automaton: its role and whether it is an
    /// ASCII word that must stand alone (`up`, not the `up` of `upgrade`).
    patterns: Vec<(Cue, bool)>,
    pub normalizer: Normalizer,
    pub sets: Vec<Set>,
    /// Every set's qualifiers in one automaton, (set, part) per pattern:
    /// a label is searched once, not once per qualifier.
    set_parts: AhoCorasick,
    set_part_ids: Vec<(usize, usize)>,
    pub rates: Vec<Rate>,
    pub identities: Vec<Identity>,
    /// Normalized labels whose growth is real while their values are not.
    pub real_growth: Vec<String>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("patterns", &self.patterns.len())
            .field("sets", &self.sets.len())
            .field("rates", &self.rates.len())
            .field("identities", &self.identities.len())
            .finish()
    }
}

/// A rate as read: language, names, part and whole patterns, scale.
type RawRate = (Lang, Vec<String>, Vec<String>, Vec<String>, u32, bool);
/// An identity as read: language, total, plus and minus patterns.
type RawIdentity = (Lang, String, Vec<String>, Vec<String>);

/// Lexicon files parsed but not yet compiled: the built-in ones and a
/// user's are gathered first, then compiled together once.
#[derive(Default, Clone)]
pub struct LexiconBuilder {
    words: Vec<(String, Cue)>,
    aliases: Vec<(Lang, Vec<String>)>,
    sets: Vec<Set>,
    /// Rates and identities keep their patterns raw until the aliases of
    /// every file are known.
    rates: Vec<RawRate>,
    identities: Vec<RawIdentity>,
    real_growth: Vec<String>,
}

fn error_at(file: &str, at: serde_saphyr::Location, message: String) -> RuleError {
    RuleError {
        file: file.to_owned(),
        line: at.line(),
        column: at.column(),
        message,
    }
}

impl LexiconBuilder {
    /// Adds one parsed lexicon file; `file` names it in errors.
    pub fn add(&mut self, file: &str, spec: LexiconSpec) -> Result<(), RuleError> {
        let lang = Lang::from_name(&spec.language.value).ok_or_else(|| {
            error_at(
                file,
                spec.language.referenced,
                format!(
                    "unknown language `{}` (expected zh or en)",
                    spec.language.value
                ),
            )
        })?;
        let fold = |w: &str| crate::source::fold(w.trim());
        for (cue, words) in spec.cues.by_role() {
            for word in words {
                let word = fold(word);
                if !word.is_empty() {
                    self.words.push((word, cue));
                }
            }
        }
        for group in spec.aliases {
            self.aliases
                .push((lang, group.iter().map(|w| fold(w)).collect()));
        }
        for set in spec.sets {
            self.sets.push(Set {
                lang,
                names: set.names.iter().map(|w| fold(w)).collect(),
                parts: set.parts.iter().map(|w| fold(w)).collect(),
                whole: set.whole.iter().map(|w| fold(w)).collect(),
                head: set.head.as_deref().map(fold),
                stem: set.stem.as_deref().map(fold),
            });
        }
        let folded = |list: &[String]| list.iter().map(|w| fold(w)).collect::<Vec<_>>();
        for rate in spec.rates {
            self.rates.push((
                lang,
                folded(&rate.names),
                folded(&rate.part),
                folded(&rate.whole),
                rate.scale.unwrap_or(100),
                rate.loose,
            ));
        }
        self.real_growth
            .extend(spec.real_growth.iter().map(|w| fold(w)));
        for id in spec.identities {
            self.identities
                .push((lang, fold(&id.total), folded(&id.plus), folded(&id.minus)));
        }
        Ok(())
    }

    /// Parses a lexicon file's YAML text and adds it.
    pub fn add_yaml(&mut self, file: &str, text: &str) -> Result<(), RuleError> {
        let spec: LexiconSpec = crate::rules::parse_yaml(file, text)?;
        self.add(file, spec)
    }

    pub fn build(self) -> Lexicon {
        // Longest first for equal starts; masks (words that contain a cue
        // but are none, 增加值) win over the cue inside them by length.
        let mut words = self.words;
        // Scope words are also read by the normalizer, whatever role the
        // automaton gives a word listed twice.
        let scope: Vec<String> = words
            .iter()
            .filter(|(_, cue)| *cue == Cue::Scope)
            .map(|(w, _)| w.to_ascii_lowercase())
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        words.dedup_by(|a, b| a.0 == b.0);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(words.iter().map(|(w, _)| w.as_str()))
            .expect("cue words build an automaton");
        let patterns = words.iter().map(|(w, cue)| (*cue, w.is_ascii())).collect();
        let normalizer = Normalizer::new(self.aliases, scope);
        let patterns_of = |list: &[String]| {
            list.iter()
                .map(|p| LabelPattern::new(&normalizer, p))
                .collect::<Vec<_>>()
        };
        let rates = self
            .rates
            .iter()
            .map(|(lang, names, part, whole, scale, loose)| Rate {
                lang: *lang,
                names: names.iter().map(|n| normalizer.normalize(n)).collect(),
                part: patterns_of(part),
                whole: patterns_of(whole),
                scale: *scale,
                loose: *loose,
            })
            .collect();
        let identities = self
            .identities
            .iter()
            .map(|(lang, total, plus, minus)| Identity {
                lang: *lang,
                total: LabelPattern::new(&normalizer, total),
                plus: patterns_of(plus),
                minus: patterns_of(minus),
            })
            .collect();
        let sets: Vec<Set> = self
            .sets
            .into_iter()
            .map(|set| Set {
                whole: set.whole.iter().map(|w| normalizer.normalize(w)).collect(),
                parts: set.parts.iter().map(|w| normalizer.normalize(w)).collect(),
                names: set.names.iter().map(|w| normalizer.normalize(w)).collect(),
                head: set.head.as_deref().map(|h| normalizer.normalize(h)),
                stem: set.stem.as_deref().map(|h| normalizer.normalize(h)),
                ..set
            })
            .collect();
        let set_part_ids: Vec<(usize, usize)> = sets
            .iter()
            .enumerate()
            .flat_map(|(i, set): (usize, &Set)| (0..set.parts.len()).map(move |k| (i, k)))
            .collect();
        let set_parts =
            AhoCorasick::new(set_part_ids.iter().map(|&(i, k)| sets[i].parts[k].as_str()))
                .expect("set qualifiers build an automaton");
        let real_growth = self
            .real_growth
            .iter()
            .map(|w| normalizer.normalize(w))
            .collect();
        Lexicon {
            automaton,
            patterns,
            normalizer,
            sets,
            set_parts,
            set_part_ids,
            rates,
            identities,
            real_growth,
        }
    }
}

impl Lexicon {
    /// The first place each set qualifier stands in `label`: (set, part,
    /// byte offset).
    pub fn set_parts_in(&self, label: &str) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.set_parts.find_overlapping_iter(label) {
            let (set, part) = self.set_part_ids[m.pattern().as_usize()];
            if !found.iter().any(|&(s, p, _)| s == set && p == part) {
                found.push((set, part, m.start()));
            }
        }
        // In the order the sets are listed, as a search set by set gives.
        found.sort_unstable();
        found
    }

    /// Every cue word in `folded`, left to right, none overlapping.
    pub fn cue_hits(&self, folded: &str) -> Vec<CueHit> {
        let bytes = folded.as_bytes();
        let mut hits = Vec::new();
        for m in self.automaton.find_iter(folded) {
            let (cue, word) = self.patterns[m.pattern().as_usize()];
            if word {
                let before = m.start().checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(m.end()).copied();
                let alnum = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
                if alnum(before) || alnum(after) {
                    continue;
                }
            }
            if cue == Cue::Mask {
                continue;
            }
            hits.push(CueHit {
                start: m.start(),
                end: m.end(),
                cue,
            });
        }
        hits
    }

    /// The rate defined for a label ending in one of its names.
    pub fn rate_named(&self, label: &str) -> Option<&Rate> {
        self.rates
            .iter()
            .find(|r| r.names.iter().any(|n| label.ends_with(n.as_str())))
    }
}
