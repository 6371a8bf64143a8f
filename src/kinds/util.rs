//! Helpers the kinds share: finding a mention by its label, and writing
//! figures in messages.

use rust_decimal::Decimal;

use crate::doc::{Document, Role};
use crate::lex::{same_unit, Kind, Quantity};
use crate::lexicon::Cue;

/// Within a quarter of each other: a slip, not another quantity (`n =
/// 141` and the `1` of `n = 1/134` are two).
pub fn within_a_quarter(a: Decimal, b: Decimal) -> bool {
    let big = a.abs().max(b.abs());
    !big.is_zero()
        && (a - b)
            .abs()
            .checked_mul(Decimal::from(4))
            .is_some_and(|d| d <= big)
}

/// A figure as printed, without the line breaks and spaces a PDF left in
/// (`16,\n695`, `38260\n剂次`); one space stays between words and digits
/// (`3.2 times`, `$584 million`).
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let joins_words = out.ends_with(|c: char| c.is_ascii_alphanumeric())
            && word.starts_with(|c: char| c.is_ascii_alphabetic());
        if joins_words {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Figure `i` as printed, cleaned.
pub fn shown(doc: &Document, i: usize) -> String {
    clean(doc.figure_text(i))
}

/// `value` written the way `like` was: same multiplier and suffix, same
/// number of decimals (`11.86万亿` → `11.87万亿`).
pub fn format_like(value: Decimal, like: &Quantity, printed: &str) -> String {
    let scaled = value.checked_div(like.multiplier).unwrap_or(value);
    let suffix_start = printed
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .map_or(printed.len(), |(i, c)| i + c.len_utf8());
    let raw = &printed[suffix_start..];
    let suffix = raw.trim_start();
    // `238 million` keeps its space; `54.6 万` (a stray space) does not.
    let gap = if suffix.len() < raw.len() && suffix.starts_with(|c: char| c.is_ascii_alphabetic()) {
        " "
    } else {
        ""
    };
    let mut number = crate::num::format_fixed(scaled, like.decimals);
    // Grouped as the figure it replaces: 264,000, not 264000.
    if printed.contains(',') && !printed.contains('，') {
        number = group_thousands(&number);
    }
    format!("{number}{gap}{suffix}")
}

/// `-1234567.5` → `-1,234,567.5`.
fn group_thousands(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// How well a mention's label answers a name the text gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// The name ends the label (`投资` for 固定资产投资).
    Tail,
    /// The same label.
    Same,
}

/// Words that say "all of it" before a whole's name (占<总>投资的).
const WHOLE_PREFIXES: &[&str] = &["总", "全部", "所有", "total ", "all ", "overall "];

/// How `label` answers the name `name` of a whole, if at all.
pub fn fit(label: &str, name: &str) -> Option<Fit> {
    if label.is_empty() || name.is_empty() {
        return None;
    }
    if label == name {
        return Some(Fit::Same);
    }
    let mut name = name;
    for p in WHOLE_PREFIXES {
        if let Some(rest) = name.strip_prefix(p) {
            if !rest.is_empty() {
                name = rest;
            }
        }
    }
    if label == name {
        return Some(Fit::Same);
    }
    let tail = label.ends_with(name)
        && (name.chars().count() >= 2 || !name.is_ascii())
        && (!name.is_ascii()
            || label.len() == name.len()
            || label.as_bytes()[label.len() - name.len() - 1] == b' ');
    tail.then_some(Fit::Tail)
}

/// Can two figures be added or divided as the same sort of amount?
pub fn comparable(a: &Quantity, b: &Quantity) -> bool {
    // `five times` (coverage, a multiple) measures no amount.
    let multiple = |u: &str| matches!(u, "times" | "倍");
    a.kind == b.kind && units_agree(&a.unit, &b.unit) && multiple(&a.unit) == multiple(&b.unit)
}

/// `120 female` may count `participants`: a word that is not a known
/// unit names a category, not a unit. Two known units must agree.
pub fn units_agree(a: &str, b: &str) -> bool {
    use crate::lex::is_known_unit;
    same_unit(a, b) || !(is_known_unit(a) && is_known_unit(b))
}

/// A level (an amount or count) that can be an operand.
pub fn is_level(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    doc.mentions[i].role == Role::Level && q.kind == Kind::Number && q.is_operand()
}

/// The nearest level before figure `from` (then after it, within its
/// paragraph) whose label answers `name`, for which `accept` holds. The
/// best fit wins over a nearer worse one. Looks `reach` figures back.
pub fn find_named(
    doc: &Document,
    from: usize,
    name: &str,
    reach: usize,
    accept: impl Fn(usize) -> bool,
) -> Option<(usize, Fit)> {
    let mut best: Option<(usize, Fit)> = None;
    let paragraph = doc.figures[from].paragraph;
    let before = (0..from).rev().take(reach);
    let after = (from + 1..doc.figures.len())
        .take_while(|&j| doc.figures[j].paragraph == paragraph)
        .take(reach / 2);
    for j in before.chain(after) {
        if !is_level(doc, j) || !accept(j) {
            continue;
        }
        let Some(f) = fit(doc.name_of(j), name) else {
            continue;
        };
        if best.is_none_or(|(_, b)| f > b) {
            best = Some((j, f));
            if f == Fit::Same {
                break;
            }
        }
    }
    best
}

/// The words that name a structure `a:b:c` starting at figure `first`:
/// back to its sentence's start, a few dozen characters at most, so that
/// the second structure of `三次产业结构由5.7:49.3:45.0优化为6.6:45.8:47.6`
/// is named too.
pub fn structure_words(doc: &Document, first: usize) -> &str {
    let start = doc.figures[first].start;
    let sentence = doc.segment_start(crate::lex::Level::Sentence, start);
    let floor = doc.folded.floor_char_boundary(start.saturating_sub(120));
    doc.folded_between(sentence.max(floor), start)
}

/// The set the structure `chain` states this period's terms of: its words
/// name the set (三次产业结构) and it has a term for each part. None for an
/// earlier structure (`由上年的a:b:c调整为`), whose values the text rarely
/// prints.
pub fn structure_set<'a>(
    lexicon: &'a crate::lexicon::Lexicon,
    doc: &Document,
    chain: &[usize],
) -> Option<&'a crate::lexicon::Set> {
    let first = *chain.first()?;
    let m = &doc.mentions[first];
    if m.before.has(Cue::From) || m.before.has(Cue::Prior) || m.period.prior {
        return None;
    }
    let plain: String = structure_words(doc, first)
        .chars()
        .filter(|c| *c != '、')
        .collect();
    lexicon
        .sets
        .iter()
        .find(|s| {
            s.whole.len() + s.parts.len() > 0 && s.names.iter().any(|n| plain.contains(n.as_str()))
        })
        .filter(|s| s.parts.len() == chain.len())
}

/// Digits a bound is printed with, leading zeros aside (`83.9` 3, `0.05`
/// 1).
pub fn significant_digits(value: Decimal, half: Decimal) -> u32 {
    if value.is_zero() {
        return 1;
    }
    // The last printed place is twice the half unit.
    let unit = half * Decimal::from(2);
    if unit.is_zero() {
        return 1;
    }
    let mut count = 0;
    let mut v = value.abs();
    while v >= unit && count < 12 {
        v /= Decimal::from(10);
        count += 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_as_printed() {
        assert_eq!(group_thousands("264000"), "264,000");
        assert_eq!(group_thousands("-1234567.50"), "-1,234,567.50");
        assert_eq!(group_thousands("999"), "999");
    }

    #[test]
    fn a_whole_is_named_by_its_label_or_its_tail() {
        assert_eq!(fit("生产总值", "生产总值"), Some(Fit::Same));
        assert_eq!(fit("固定资产投资", "总投资"), Some(Fit::Tail));
        assert_eq!(fit("net sales", "sales"), Some(Fit::Tail));
        assert_eq!(fit("wholesales", "sales"), None);
        assert_eq!(fit("收入", "财政收入"), None);
    }
}
