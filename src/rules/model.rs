//! The YAML rule format, as serde reads it.
//!
//! A file holds `rules:`, a list. Each rule finds a stated figure (the
//! `stated` member) by its cue words, then the other members relative to
//! it, and names the check that relates them.

use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rules: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: Spanned<String>,
    pub description: String,
    pub languages: Vec<String>,
    #[serde(default = "default_severity")]
    pub severity: Spanned<String>,
    /// The check: `ratio`.
    pub check: Spanned<String>,
    /// What the stated figure is out of: 100 for a percent, 1000 for per
    /// mille; defaults from the stated figure's kind.
    #[serde(default)]
    pub scale: Option<u32>,
    /// Stay silent when the recomputed value is further than this from the
    /// stated one (in the stated figure's units; for sums, in percent of
    /// the total): so far off that the rule more likely took the wrong
    /// members than the author erred.
    #[serde(default)]
    pub plausible_within: Option<f64>,
    /// For `sum`: the parts name every part of the total, so their sum
    /// must equal it. When false (a `其中` list may name only some parts)
    /// only a sum larger than the total is flagged.
    #[serde(default = "default_true")]
    pub exhaustive: bool,
    /// For `growth` and `pp`: the words state a fall (下降, decrease), so
    /// the figure is printed without its minus sign.
    #[serde(default)]
    pub decrease: bool,
    /// For `growth`: the rate is an average per year (年均增长) over the
    /// years that date the two values.
    #[serde(default)]
    pub per_year: bool,
    /// For `repeat`: a regex whose matches are removed from a label
    /// before labels are compared.
    #[serde(default)]
    pub label_ignore: Option<Spanned<String>>,
    /// For `repeat`: pair each figure of the document's headline with the
    /// first figure the text names with the same words, not figures whose
    /// labels are equal.
    #[serde(default)]
    pub headline: bool,
    /// A regex the document must match somewhere for the rule to apply
    /// (`a 7-point scale`), tested once per file.
    #[serde(default)]
    pub document: Option<Spanned<String>>,
    /// A regex that, matched anywhere in the document, turns the rule off.
    #[serde(default)]
    pub not_document: Option<Spanned<String>>,
    pub members: Members,
    pub message: String,
    #[serde(default)]
    pub examples: Examples,
}

fn default_true() -> bool {
    true
}

fn default_severity() -> Spanned<String> {
    Spanned {
        value: "error".to_owned(),
        referenced: serde_saphyr::Location::UNKNOWN,
        defined: serde_saphyr::Location::UNKNOWN,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
    pub stated: MemberSpec,
    #[serde(default)]
    pub part: Option<MemberSpec>,
    #[serde(default)]
    pub whole: Option<MemberSpec>,
    /// For `sum`: the total, when the stated figure is the first part of
    /// an enumeration (`分别为 a、b、c`) rather than the total itself.
    #[serde(default)]
    pub total: Option<MemberSpec>,
    /// For `sum`: the parts, each found like any member.
    #[serde(default)]
    pub parts: Option<Vec<MemberSpec>>,
    /// For `sum` and `share-sum`: a run of figures right after the stated
    /// one (an enumeration), found by what separates them.
    #[serde(default)]
    pub items: Option<RunSpec>,
}

/// An enumeration: `总数12例(浙江8例,四川2例,福建1例,广西1例)`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSpec {
    #[serde(default)]
    pub kinds: Vec<Spanned<String>>,
    /// Regex for the text between the stated figure (after its unit) and
    /// the first item (default: the separator).
    #[serde(default)]
    pub open: Option<Spanned<String>>,
    /// Regex for the text between one item (after its unit) and the next.
    pub separator: Spanned<String>,
    /// Regex the text after the last item (and its unit) must match.
    #[serde(default)]
    pub close: Option<Spanned<String>>,
    /// Regex for the gap before a figure that opens a sub-list
    /// (`黑龙江27例,其中黑河市25例、哈尔滨市2例`): its figures are passed over
    /// until a gap the separator accepts and `sublist_end` starts.
    #[serde(default)]
    pub sublist: Option<Spanned<String>>,
    /// Regex a gap must match to close a sub-list (default `^[;；]`).
    #[serde(default)]
    pub sublist_end: Option<Spanned<String>>,
    /// Longest gap, in bytes, between two items (default 64).
    #[serde(default)]
    pub max_gap: Option<usize>,
    /// Fewest items for a relation (default 2).
    #[serde(default)]
    pub min: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberSpec {
    /// Kinds of figure allowed: number, percent, permille, points, multiple.
    #[serde(default)]
    pub kinds: Vec<Spanned<String>>,
    /// A regex the words before the figure must match (within its clause,
    /// back to the previous figure). Named groups are captured for
    /// `contains` of later members.
    #[serde(default)]
    pub before: Option<Spanned<String>>,
    /// A regex the sentence up to the figure must match, other figures
    /// included (`占GDP比重从1.07%提高到$`); named groups are captured.
    #[serde(default)]
    pub sentence: Option<Spanned<String>>,
    /// A regex the sentence up to the figure must not match (`生产总值`: its
    /// growth is real, its values nominal).
    #[serde(default)]
    pub not_sentence: Option<Spanned<String>>,
    /// A regex the paragraph up to the figure must match (a few hundred
    /// bytes back, across sentences: `从2019至2021年…。这$`).
    #[serde(default)]
    pub paragraph: Option<Spanned<String>>,
    /// A regex the few hundred bytes after the figure must match, across
    /// sentence breaks (an English list after a colon).
    #[serde(default)]
    pub following: Option<Spanned<String>>,
    /// How many bytes after the figure `following` sees, across
    /// paragraphs (numbered steps that run over a page); by default a few
    /// hundred, within the paragraph.
    #[serde(default)]
    pub reach: Option<usize>,
    /// A regex the words before the figure must not match.
    #[serde(default)]
    pub not_before: Option<Spanned<String>>,
    /// A regex the words after the figure must match.
    #[serde(default)]
    pub after: Option<Spanned<String>>,
    /// Literal text the words before the figure must contain; `{name}`
    /// is replaced by a group captured by an earlier member.
    #[serde(default)]
    pub contains: Option<String>,
    /// The unit the figure must have; `{name}` is a captured group.
    #[serde(default)]
    pub unit: Option<String>,
    /// The member to search from (default: stated).
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// previous | next | previous-cell: which way to search from `from`;
    /// previous-cell takes the figure at the same place in the table cell
    /// (a paragraph of bare figures) before.
    #[serde(default)]
    pub search: Option<Spanned<String>>,
    /// Give up when a figure between this one and the stated figure has
    /// words before it that match this regex: another candidate for the
    /// role stands nearer, so which one is meant is unsure.
    #[serde(default)]
    pub blocked_by: Option<Spanned<String>>,
    /// A regex the text between this figure and `from` must match.
    #[serde(default)]
    pub gap: Option<Spanned<String>>,
    /// clause | sentence | paragraph | document: how far to search.
    #[serde(default)]
    pub scope: Option<Spanned<String>>,
    /// Only figures larger than this member.
    #[serde(default)]
    pub larger_than: Option<Spanned<String>>,
    /// Only figures in the same unit as this member.
    #[serde(default)]
    pub unit_as: Option<Spanned<String>>,
    /// For the stated figure: its place in a ratio chain `a:b:c` whose
    /// first element is the one `before` describes.
    #[serde(default)]
    pub chain: Option<usize>,
    /// Skip this many matching figures before taking one.
    #[serde(default)]
    pub skip: usize,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}
