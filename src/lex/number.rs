//! nom parsers for one figure, and the scanner that finds where figures
//! start.
//!
//! A figure is: an optional sign, digits (ASCII or full-width) with
//! optional thousands separators and decimals, then optional spaces and a
//! suffix (万/亿/million…, %/％/‰/percent, 个百分点/percentage points,
//! 倍/times), then an optional unit word.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

use super::chinese;
use super::quantity::{Kind, Quantity};
use super::units::{is_discrete, EN_MULTIPLIERS, ZH_MULTIPLIERS, ZH_UNITS};
use crate::num::{decimal_of_digits, half_unit};

/// A digit in ASCII or full-width form, as its ASCII value.
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    ascii_digit(c).is_some()
}

fn digits(input: &str) -> IResult<&str, &str> {
    take_while1(is_digit)(input)
}

/// Exactly three digits, not followed by a fourth.
fn group_of_three(input: &str) -> IResult<&str, &str> {
    let (rest, g) =
        recognize((satisfy(is_digit), satisfy(is_digit), satisfy(is_digit))).parse(input)?;
    if rest.chars().next().is_some_and(is_digit) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, g))
}

/// The integer part: 44354, 44,354, 1 260 582 (a thin or plain space
/// between groups of three), never across a Chinese comma.
fn integer_part(input: &str) -> IResult<&str, &str> {
    let (rest, lead) = digits(input)?;
    if lead.chars().count() > 3 {
        return Ok((rest, lead));
    }
    let mut comma_groups = recognize(many0(preceded(char(','), group_of_three)));
    let (after_commas, grouped) = comma_groups.parse(rest)?;
    if !grouped.is_empty() {
        return Ok((after_commas, &input[..input.len() - after_commas.len()]));
    }
    let mut space_groups = recognize(many0(preceded(
        alt((
            char(' '),
            char('\u{2009}'),
            char('\u{00a0}'),
            char('\u{202f}'),
        )),
        group_of_three,
    )));
    let (after_spaces, grouped) = space_groups.parse(rest)?;
    // A space-grouped figure must not run into a decimal point or a
    // comma-grouped number (`3,518 2,276` are two figures).
    if !grouped.is_empty() && !after_spaces.starts_with([',', '.']) {
        return Ok((after_spaces, &input[..input.len() - after_spaces.len()]));
    }
    Ok((rest, lead))
}

fn fraction(input: &str) -> IResult<&str, &str> {
    preceded(alt((char('.'), char('．'))), digits).parse(input)
}

fn spaces(input: &str) -> IResult<&str, &str> {
    take_while(|c: char| c == ' ' || c == '\u{2009}' || c == '\u{00a0}' || c == '\u{3000}')(input)
}

/// What follows the digits and changes the figure's kind or scale.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Suffix {
    None,
    Multiplier(u64),
    Percent,
    Permille,
    Points,
    /// 个千分点: a change of a rate per thousand, in its points.
    PermillePoints,
    Multiple,
}

fn zh_multiplier(input: &str) -> IResult<&str, u64> {
    // `2.46 万人`: PDFs and typists leave a space before the multiplier.
    let input = input.trim_start_matches([' ', '\u{3000}', '\u{00a0}']);
    for &(word, factor) in ZH_MULTIPLIERS {
        if let Some(rest) = input.strip_prefix(word) {
            // 千米, 千克, 千瓦 are units, not thousands.
            if word == "千" && rest.starts_with(['米', '克', '瓦', '卡', '伏', '帕']) {
                continue;
            }
            return Ok((rest, factor));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

fn en_multiplier(input: &str) -> IResult<&str, u64> {
    let (rest, _) = spaces(input)?;
    for &(word, factor) in EN_MULTIPLIERS {
        if let Ok((after, _)) = tag_no_case::<_, _, nom::error::Error<&str>>(word).parse(rest) {
            if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return Ok((after, factor));
            }
        }
    }
    if let Some(after) = input.strip_prefix("bn") {
        if !after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Ok((after, 1_000_000_000));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

fn word_end(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// English words for a figure's suffix, longest first where one opens
/// another.
const ENGLISH_SUFFIXES: &[(&str, Suffix)] = &[
    ("percentage points", Suffix::Points),
    ("percentage point", Suffix::Points),
    ("pp", Suffix::Points),
    ("p.p.", Suffix::Points),
    // Brokers' research: `同比降低1.15pct至10.84%`.
    ("pcts", Suffix::Points),
    ("pct", Suffix::Points),
    ("per cent", Suffix::Percent),
    ("percent", Suffix::Percent),
    ("times", Suffix::Multiple),
];

/// Chinese words for points: of percentages (百分点) and of rates per
/// thousand (千分点), in both scripts.
const CHINESE_POINTS: &[(&str, Suffix)] = &[
    ("个百分点", Suffix::Points),
    ("個百分點", Suffix::Points),
    ("百分点", Suffix::Points),
    ("百分點", Suffix::Points),
    ("个千分点", Suffix::PermillePoints),
    ("個千分點", Suffix::PermillePoints),
    ("千分点", Suffix::PermillePoints),
    ("千分點", Suffix::PermillePoints),
];

fn percent_sign(input: &str) -> IResult<&str, Suffix> {
    let (rest, _) = spaces(input)?;
    if let Ok((after, _)) = alt((tag::<_, _, nom::error::Error<&str>>("%"), tag("％"))).parse(rest)
    {
        return Ok((after, Suffix::Percent));
    }
    if let Ok((after, _)) = tag::<_, _, nom::error::Error<&str>>("‰").parse(rest) {
        return Ok((after, Suffix::Permille));
    }
    for &(word, suffix) in CHINESE_POINTS {
        if let Some(after) = rest.strip_prefix(word) {
            return Ok((after, suffix));
        }
    }
    if let Some(after) = rest.strip_prefix('倍') {
        return Ok((after, Suffix::Multiple));
    }
    // Every English suffix opens with p or t: most figures are followed by
    // neither, and the case-blind comparisons below are not free.
    let english = if rest.starts_with(['p', 'P', 't', 'T']) {
        ENGLISH_SUFFIXES
    } else {
        &[]
    };
    for &(word, suffix) in english {
        if let Ok((after, _)) = tag_no_case::<_, _, nom::error::Error<&str>>(word).parse(rest) {
            if word_end(after) || word.ends_with('.') {
                // `pp` must follow the digits directly or after one space.
                return Ok((after, suffix));
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// Words that follow a figure without being its unit: connectives, and
/// the verbs and adverbs that follow one (`quarter 2026 grew 20%`).
/// Sorted, for a binary search per English word after a figure.
const EN_NOT_UNITS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "before",
    "but",
    "by",
    "climbed",
    "compared",
    "could",
    "declined",
    "decreased",
    "did",
    "down",
    "dropped",
    "during",
    "each",
    "fell",
    "for",
    "from",
    "grew",
    "had",
    "has",
    "have",
    "in",
    "increased",
    "into",
    "is",
    "it",
    "jumped",
    "may",
    "not",
    "of",
    "on",
    "only",
    "or",
    "over",
    "per",
    "reached",
    "remained",
    "reported",
    "respectively",
    "rose",
    "should",
    "since",
    "stood",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "to",
    "up",
    "versus",
    "vs",
    "was",
    "were",
    "when",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "year",
    "years",
];

/// A unit word after the figure: a Chinese measure word, or the next
/// English word.
fn unit_word(input: &str) -> (&str, String) {
    let Ok((rest, _)) = spaces(input) else {
        return (input, String::new());
    };
    let Some(first) = rest.chars().next() else {
        return (input, String::new());
    };
    if !(crate::source::is_cjk(first) || first.is_ascii_alphabetic()) {
        return (input, String::new());
    }
    // Traditional characters read as their simplified forms (噸 is 吨),
    // compared character by character: no copy of the text per figure.
    let folded_first = crate::source::fold_char(first);
    for unit in ZH_UNITS {
        // Most units start with another character: one comparison each.
        if !unit.starts_with(folded_first) {
            continue;
        }
        let mut written = rest.char_indices();
        let mut len = 0;
        let same = unit.chars().all(|u| {
            written.next().is_some_and(|(k, c)| {
                len = k + c.len_utf8();
                crate::source::fold_char(c) == u
            })
        });
        if same {
            return (&rest[len..], (*unit).to_owned());
        }
    }
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphabetic() || c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    if word_len > 0 && rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        let word = &rest[..word_len];
        let lower = word.to_ascii_lowercase();
        // `twenty four`: a number word is the next figure, not a unit.
        // `487 reported incidents`, `12 new cases`: a word that qualifies
        // the count stands before the noun it counts.
        if EN_COUNT_QUALIFIERS.contains(&lower.as_str()) {
            if let Some((after, noun)) = counted_noun(&rest[word_len..]) {
                return (after, noun);
            }
        }
        if EN_NOT_UNITS.binary_search(&lower.as_str()).is_ok()
            || EN_NUMBER_WORDS.contains(&lower.as_str())
        {
            return (input, String::new());
        }
        return (&rest[word_len..], lower);
    }
    (input, String::new())
}

/// Words that say which of a thing are counted, before the noun
/// (`487 reported incidents`, `12 new cases`).
const EN_COUNT_QUALIFIERS: &[&str] = &[
    "additional",
    "confirmed",
    "new",
    "probable",
    "recorded",
    "registered",
    "reported",
    "suspected",
];

/// The noun after a count's qualifier: one lowercase word, separated by
/// one space, that is no connective or verb.
fn counted_noun(input: &str) -> Option<(&str, String)> {
    let rest = input.strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    let word = &rest[..len];
    (len >= 3 && EN_NOT_UNITS.binary_search(&word).is_err())
        .then(|| (&rest[len..], word.to_owned()))
}

/// The most decimal places a figure is read with.
const MAX_DECIMALS: u32 = 12;

/// The largest amount read as a figure: 10²⁰ (a constant: this test runs
/// on every figure).
const MAX_FIGURE: Decimal = Decimal::from_parts(0x6310_0000, 0x6BC7_5E2D, 5, false, 0);

/// Approximation words between the figure and its unit (300多人, 20余家).
fn zh_inner_approx(input: &str) -> (&str, bool) {
    for word in ["多", "余", "餘"] {
        if let Some(rest) = input.strip_prefix(word) {
            return (rest, true);
        }
    }
    (input, false)
}

/// One Arabic-numeral figure at the start of `input`, without its kind
/// decided from context yet.
pub struct Parsed {
    pub value: Decimal,
    pub multiplier: Decimal,
    pub half: Decimal,
    pub decimals: u32,
    pub kind: Kind,
    pub unit: String,
    pub approx: bool,
    /// Bytes of `input` taken by the figure (up to the end of the suffix).
    pub len: usize,
    /// Bytes taken with the unit word.
    pub len_with_unit: usize,
}

pub fn arabic(input: &str) -> Option<Parsed> {
    let sign_parser = opt(alt((
        char::<&str, nom::error::Error<&str>>('-'),
        char('−'),
        char('－'),
        char('+'),
        char('＋'),
    )));
    let (rest, sign) = { sign_parser }.parse(input).ok()?;
    let (rest, int, frac) = match integer_part(rest) {
        Ok((rest, int)) => {
            let (rest, frac) = opt(fraction).parse(rest).ok()?;
            (rest, int, frac)
        }
        // .05, as p-values and some tables print fractions.
        Err(_) => {
            let (rest, frac) = fraction(rest).ok()?;
            (rest, "", Some(frac))
        }
    };
    let (mut value, decimals) = decimal_of_digits(int.chars(), frac.unwrap_or("").chars())?;
    if matches!(sign, Some('-' | '−' | '－')) {
        value = -value;
    }
    // No report prints a figure to more places than this; such a run of
    // digits (an identifier, a checksum) is no statistic.
    if decimals > MAX_DECIMALS {
        return None;
    }
    let (rest, mult_approx) = zh_inner_approx(rest);
    let (rest, suffix) = if let Ok((r, f)) = zh_multiplier(rest) {
        (r, Suffix::Multiplier(f))
    } else if let Ok((r, f)) = en_multiplier(rest) {
        (r, Suffix::Multiplier(f))
    } else if let Ok((r, s)) = percent_sign(rest) {
        (r, s)
    } else {
        (rest, Suffix::None)
    };
    // 54.6万% does not occur; but 3.5万亿元 and 12.6% do.
    let (rest, suffix) = match suffix {
        Suffix::Multiplier(f) => match percent_sign(rest) {
            Ok((r, Suffix::Multiple)) => (r, Suffix::Multiple),
            _ => (rest, Suffix::Multiplier(f)),
        },
        s => (rest, s),
    };
    let len = input.len() - rest.len();
    let (rest, inner_approx) = zh_inner_approx(rest);
    // A percent or a point change has no unit word: `25% increase`.
    let (after_unit, unit) = match suffix {
        Suffix::Percent | Suffix::Permille | Suffix::Points => (rest, String::new()),
        // Points of a rate per thousand are not percentage points.
        Suffix::PermillePoints => (rest, "千分点".to_owned()),
        _ => unit_word(rest),
    };
    let (kind, multiplier) = match suffix {
        Suffix::None => (Kind::Number, 1),
        Suffix::Multiplier(f) => (Kind::Number, f),
        Suffix::Percent => (Kind::Percent, 1),
        Suffix::Permille => (Kind::Permille, 1),
        Suffix::Points | Suffix::PermillePoints => (Kind::Points, 1),
        Suffix::Multiple => (Kind::Multiple, 1),
    };
    let multiplier = Decimal::from(multiplier);
    let value = value.checked_mul(multiplier)?;
    // Past any amount a report states (10²⁰; world output is about 10¹⁴
    // dollars) a run of digits is an identifier, and the arithmetic on
    // figures stays far from the decimal type's bounds.
    if value.abs() > MAX_FIGURE {
        return None;
    }
    // A whole number printed without a multiplier is a count or an exact
    // amount (44354人, 39218元); 54.6万 and 3.2 are rounded.
    let exact = kind == Kind::Number && decimals == 0 && multiplier == Decimal::ONE;
    let half = if exact {
        Decimal::ZERO
    } else {
        half_unit(decimals, multiplier)
    };
    Some(Parsed {
        value,
        multiplier,
        half,
        decimals,
        kind,
        unit,
        approx: mult_approx || inner_approx,
        len,
        len_with_unit: input.len() - after_unit.len(),
    })
}

/// 百分之五, 百分之12.5: a percent written with the Chinese prefix.
pub fn baifenzhi(input: &str) -> Option<Parsed> {
    let rest = input.strip_prefix("百分之")?;
    let (mut parsed, taken) = if rest.starts_with(is_digit) {
        let mut p = arabic(rest)?;
        if p.kind != Kind::Number || p.value.scale() > 4 {
            return None;
        }
        p.half = half_unit(p.decimals, Decimal::ONE);
        let taken = p.len;
        (p, taken)
    } else {
        let (value, taken) = chinese::numeral(rest)?;
        (
            Parsed {
                value: Decimal::from(value),
                multiplier: Decimal::ONE,
                half: Decimal::ZERO,
                decimals: 0,
                kind: Kind::Percent,
                unit: String::new(),
                approx: false,
                len: 0,
                len_with_unit: 0,
            },
            taken,
        )
    };
    parsed.kind = Kind::Percent;
    parsed.unit.clear();
    parsed.len = "百分之".len() + taken;
    parsed.len_with_unit = parsed.len;
    Some(parsed)
}

const EN_NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Tens from twenty to ninety, by their value / 10.
const EN_TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The length of the ASCII word that opens `input`.
fn word_len(input: &str) -> usize {
    input
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(input.len())
}

/// An English number word from zero to ninety-nine (`Twenty-four`,
/// `forty`), as a count.
pub fn english_word(input: &str) -> Option<Parsed> {
    // Every number word opens with one of these letters.
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(first, b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n') {
        return None;
    }
    let mut word_len = word_len(input);
    // Number words are 3 to 9 letters: most words are passed over here,
    // without a lowercase copy.
    if !(3..=9).contains(&word_len) {
        return None;
    }
    let word = &input[..word_len];
    let named = |list: &[&str]| {
        list.iter()
            .position(|w| !w.is_empty() && w.eq_ignore_ascii_case(word))
    };
    let mut value = match named(EN_TENS) {
        Some(tens) => tens * 10,
        None => named(EN_NUMBER_WORDS)?,
    };
    // `twenty-four`: a unit after a hyphen.
    if value >= 20 && value % 10 == 0 {
        if let Some(rest) = input[word_len..].strip_prefix('-') {
            let len = self::word_len(rest);
            let unit = &rest[..len];
            if let Some(k) = EN_NUMBER_WORDS[1..10]
                .iter()
                .position(|w| w.eq_ignore_ascii_case(unit))
            {
                value += k + 1;
                word_len += 1 + len;
            }
        }
    }
    let (after_unit, unit) = unit_word(&input[word_len..]);
    // "one" is mostly a pronoun or "at least one"; a count only before a
    // noun of discrete things.
    if value == 1 && !is_discrete(&unit) {
        return None;
    }
    Some(whole_count(
        value as u64,
        unit,
        word_len,
        input.len() - after_unit.len(),
    ))
}

/// An exact count of `value` things, written in `len` bytes and followed
/// by its measure word or noun `unit` (ending at `len_with_unit`).
fn whole_count(value: u64, unit: String, len: usize, len_with_unit: usize) -> Parsed {
    Parsed {
        value: Decimal::from(value),
        multiplier: Decimal::ONE,
        half: Decimal::ZERO,
        decimals: 0,
        kind: Kind::Number,
        unit,
        approx: false,
        len,
        len_with_unit,
    }
}

/// A Chinese numeral directly before a measure word: 三家, 两个, 十二项.
pub fn chinese_count(input: &str) -> Option<Parsed> {
    let (value, taken) = chinese::numeral(input)?;
    let rest = &input[taken..];
    let counter = super::units::ZH_COUNTERS
        .iter()
        .find(|c| rest.starts_with(**c))?;
    // 一个百分点 is a point change, not a count.
    if let Some(after) = rest.strip_prefix("个百分点") {
        return Some(Parsed {
            value: Decimal::from(value),
            multiplier: Decimal::ONE,
            half: Decimal::ZERO,
            decimals: 0,
            kind: Kind::Points,
            unit: String::new(),
            approx: false,
            len: input.len() - after.len(),
            len_with_unit: input.len() - after.len(),
        });
    }
    Some(whole_count(
        value,
        (*counter).to_owned(),
        taken,
        taken + counter.len(),
    ))
}

/// A Chinese numeral before 年 counting years (`两年`), not naming one.
fn chinese_years(input: &str) -> Option<Parsed> {
    let (value, taken) = chinese::numeral(input)?;
    let rest = input[taken..].strip_prefix('年')?;
    // 三年级 is a school grade.
    if value < 2 || rest.starts_with(['级', '代']) {
        return None;
    }
    Some(whole_count(
        value,
        "年".to_owned(),
        taken,
        taken + '年'.len_utf8(),
    ))
}

fn starts_token(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == ',' || is_digit(c)),
    }
}

/// Finds every figure in `text`, left to right, in one pass.
pub fn scan(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        let mut parsed = None;
        let leading_dot = c == '.'
            && rest[1..].starts_with(|d: char| d.is_ascii_digit())
            && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '=' | '<' | '>'));
        if is_digit(c) || leading_dot || matches!(c, '-' | '−' | '－' | '+' | '＋') {
            // `2.7--9.0`, `1991--2005`: a doubled hyphen is a dash typed
            // in ASCII, never a sign.
            let doubled = c == '-' && prev == Some('-');
            let sign_ok = !matches!(c, '-' | '−' | '－' | '+' | '＋')
                || !doubled
                    && (starts_token(prev) && !prev.is_some_and(is_digit) && prev != Some(' ')
                        // `from -140,000`: a sign glued to its digits after a
                        // word; `1985 -2013` is a range.
                        || prev == Some(' ') && !prev2.is_some_and(is_digit));
            // H1N1, COVID-19, 2022h1: letters glued to digits are names.
            let glued = prev.is_some_and(|p| matches!(p, '-' | '‐' | '‑' | '‒' | '–'))
                && prev2.is_some_and(|p| p.is_ascii_alphabetic());
            // `分,7月份`: a half-width comma used as Chinese punctuation
            // (not a thousands separator: no digit before it).
            let after_comma = prev == Some(',') && !prev2.is_some_and(is_digit);
            // `Jul '16`, a year cut short, and `'000` over a table's column
            // (thousands): an apostrophe before two digits or three zeros.
            let abbreviated = matches!(prev, Some('\'' | '’')) && {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let next = rest.as_bytes().get(digits).copied();
                next.is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'.' && b != b',')
                    && (digits == 2 || &rest[..digits] == "000")
            };
            if sign_ok && (starts_token(prev) || after_comma) && !glued && !abbreviated {
                parsed = arabic(rest);
            }
        } else if c == '百' {
            parsed = baifenzhi(rest);
        } else if chinese::is_numeral_char(c) {
            if prev != Some('第') && !prev.is_some_and(chinese::is_numeral_char) {
                parsed = chinese_count(rest);
                // `１９７９、１９８０两年`, `2012年至2022年十年间`, `这三年`: a
                // number of years, said of the years just named.
                let after_year = prev.is_some_and(|p| is_digit(p) || p == '年');
                if parsed.is_none() && (prev == Some('这') || after_year) {
                    parsed = chinese_years(rest);
                }
            }
        } else if c.is_ascii_alphabetic()
            && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '-')
        {
            parsed = english_word(rest);
        }
        match parsed {
            Some(p) if p.len > 0 => {
                let in_words = !is_digit(c)
                    && !leading_dot
                    && !matches!(c, '-' | '−' | '－' | '+' | '＋')
                    && c != '百'
                    || c == '百' && !rest["百分之".len()..].starts_with(is_digit);
                out.push(Quantity {
                    value: p.value,
                    multiplier: p.multiplier,
                    half: p.half,
                    decimals: p.decimals,
                    kind: p.kind,
                    unit: p.unit,
                    approx: p.approx,
                    in_range: false,
                    in_words,
                    start: i,
                    end: i + p.len,
                    unit_end: i + p.len_with_unit,
                    clause: 0,
                    sentence: 0,
                    paragraph: 0,
                });
                let end = i + p.len;
                let mut before_end = text[..end].chars().rev();
                prev = before_end.next();
                prev2 = before_end.next();
                i = end;
            }
            _ => {
                // The letters of a word after its first start nothing
                // (a number word starts a word; digits after letters are
                // a name's): the word is passed over at once.
                if c.is_ascii_alphabetic() {
                    let word = rest.as_bytes();
                    let run = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                    prev2 = if run >= 2 {
                        Some(char::from(word[run - 2]))
                    } else {
                        prev
                    };
                    prev = Some(char::from(word[run - 1]));
                    i += run;
                    continue;
                }
                if !is_digit(c) {
                    prev2 = prev;
                    prev = Some(c);
                    i += c.len_utf8();
                    continue;
                }
                // Skip the whole run of digits so that a long number that is
                // not a figure is passed over once, not once per digit.
                let skip = rest
                    .char_indices()
                    .find(|&(_, ch)| !is_digit(ch))
                    .map_or(rest.len(), |(j, _)| j);
                let mut before_end = text[..i + skip].chars().rev();
                prev = before_end.next();
                prev2 = before_end.next();
                i += skip;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn one(text: &str) -> Quantity {
        let qs = scan(text);
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        qs.into_iter().next().unwrap()
    }

    #[test]
    fn thousands_separators_and_multipliers() {
        assert_eq!(one("44,354人").value, d("44354"));
        assert_eq!(one("共 1 260 582 人").value, d("1260582"));
        let q = one("54.6万人");
        assert_eq!(
            (q.value, q.half, q.unit.as_str()),
            (d("546000"), d("500"), "人")
        );
        assert_eq!(one("14.57亿元").value, d("1457000000"));
        assert_eq!(one("3.5万亿元").value, d("3500000000000"));
        assert_eq!(one("$584 million").value, d("584000000"));
        assert_eq!(one("2.1bn").value, d("2100000000"));
        assert_eq!(one("实际完成2.46 万人").value, d("24600"));
    }

    #[test]
    fn a_chinese_comma_is_never_a_separator() {
        let qs = scan("分别为12，345");
        assert_eq!(qs.len(), 2);
        let qs = scan("3,518 2,276");
        assert_eq!(
            qs.iter().map(|q| q.value).collect::<Vec<_>>(),
            vec![d("3518"), d("2276")]
        );
    }

    #[test]
    fn a_year_cut_short_and_a_thousands_marker_are_no_figures() {
        assert!(scan("Jul '16 to Aug '16").is_empty());
        assert!(scan("Country '000 '000").is_empty());
        assert!(scan("in ’16").is_empty());
        // Figures in quotes still are.
        assert_eq!(one("the '16.5 percent' figure").value, d("16.5"));
        assert_eq!(one("a '1,200' total").value, d("1200"));
    }

    #[test]
    fn percents_points_and_multiples() {
        let q = one("完成率91.26%");
        assert_eq!(
            (q.kind, q.value, q.half),
            (Kind::Percent, d("91.26"), d("0.005"))
        );
        assert_eq!(one("６３．５％").value, d("63.5"));
        assert_eq!(one("下降−0.7%").value, d("-0.7"));
        assert_eq!(one("提高0.7个百分点").kind, Kind::Points);
        assert_eq!(one("up 1.4 percentage points").kind, Kind::Points);
        assert_eq!(one("同比降低1.30pct").kind, Kind::Points);
        // Points of a rate per thousand: points, but not percentage points.
        let q = one("下降1.84个千分点");
        assert_eq!((q.kind, q.unit.as_str()), (Kind::Points, "千分点"));
        assert_eq!(one("提高0.7个百分点").unit, "");
        assert_eq!(one("2.5倍").kind, Kind::Multiple);
        assert_eq!(one("3.2‰").kind, Kind::Permille);
        assert_eq!(one("12 per cent").kind, Kind::Percent);
        let q = one("百分之五");
        assert_eq!((q.kind, q.value), (Kind::Percent, d("5")));
        assert_eq!(one("百分之12.5").value, d("12.5"));
    }

    #[test]
    fn counts_of_discrete_things_are_exact() {
        assert_eq!(one("44354人").half, Decimal::ZERO);
        assert_eq!(one("320 respondents").half, Decimal::ZERO);
        assert_eq!(one("1291.92亿元").half, d("500000"));
        assert_eq!(one("54.6万人").half, d("500"));
        assert_eq!(one("3.2 tonnes").half, d("0.05"));
    }

    #[test]
    fn chinese_numerals_only_before_measure_words() {
        assert_eq!(one("等三家企业").value, d("3"));
        assert_eq!(one("两个").value, d("2"));
        assert_eq!(one("十二项").value, d("12"));
        assert!(scan("一是加快").is_empty());
        assert!(scan("统一部署").is_empty());
        assert!(scan("三网融合").is_empty());
        assert!(scan("第一批").is_empty());
    }

    #[test]
    fn approximate_figures_are_marked() {
        assert!(one("300多人").approx);
        assert!(one("20余家").approx);
    }

    #[test]
    fn a_huge_digit_run_is_skipped_not_parsed() {
        let text = "9".repeat(1_000_000);
        assert!(scan(&text).is_empty());
    }

    #[test]
    fn names_with_digits_are_not_figures() {
        assert!(scan("H1N1").is_empty());
        assert!(scan("COVID-19").is_empty());
    }

    #[test]
    fn a_leading_dot_is_a_fraction() {
        let q = one("grossly inconsistent (.9 %)");
        assert_eq!((q.value, q.kind), (d("0.9"), Kind::Percent));
    }

    #[test]
    fn the_words_that_are_not_units_are_sorted_for_binary_search() {
        assert!(super::EN_NOT_UNITS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_largest_figure_is_ten_to_the_twentieth() {
        assert_eq!(
            super::MAX_FIGURE,
            Decimal::from(10u64.pow(10)) * Decimal::from(10u64.pow(10))
        );
    }

    #[test]
    fn a_run_of_more_digits_than_any_amount_is_no_figure() {
        assert!(scan("123456789012345678901234 cases").is_empty());
        assert_eq!(scan("12345678901234567890 cases").len(), 1);
    }

    #[test]
    fn a_run_of_more_decimals_than_a_report_prints_is_no_figure() {
        let digits = format!("0.{}", "1".repeat(28));
        assert!(scan(&digits)
            .iter()
            .all(|q| q.decimals <= super::MAX_DECIMALS));
        assert_eq!(scan("0.123456789012")[0].decimals, 12);
    }

    #[test]
    fn connecting_words_are_not_units() {
        assert_eq!(scan("(213 million or 93%)")[0].unit, "");
        assert_eq!(scan("the third quarter 2026 grew 20%")[0].unit, "");
        assert_eq!(scan("revenue of 676 rose")[0].unit, "");
        assert_eq!(scan("twenty four")[0].unit, "");
    }

    #[test]
    fn a_qualified_count_counts_the_noun_after_its_qualifier() {
        assert_eq!(scan("487 reported incidents")[0].unit, "incidents");
        assert_eq!(scan("12 new cases were found")[0].unit, "cases");
        // A qualifier that is a verb here counts nothing.
        assert_eq!(scan("15 reported that they")[0].unit, "");
        assert_eq!(scan("12 new")[0].unit, "new");
    }

    #[test]
    fn english_tens_and_hyphenated_numbers_are_counts() {
        assert_eq!(one("Twenty-four men").value, Decimal::from(24));
        assert_eq!(one("forty patients").value, Decimal::from(40));
        assert_eq!(one("ninety-nine cases").unit, "cases");
        // A hyphen before a word that is no unit leaves the tens alone.
        assert_eq!(one("twenty-something years").value, Decimal::from(20));
    }

    #[test]
    fn english_number_words_are_counts() {
        let q = one("nine articles");
        assert_eq!(
            (q.value, q.unit.as_str(), q.in_words),
            (d("9"), "articles", true)
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn fullwidth(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
                '.' => '．',
                '%' => '％',
                other => other,
            })
            .collect()
    }

    fn grouped(int: u64) -> String {
        let digits = int.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    proptest! {
        #[test]
        fn any_spelling_of_a_count_lexes_to_its_value(int in 0u64..10_000_000_000, style in 0..3) {
            let text = match style {
                0 => format!("共{int}人"),
                1 => format!("共{}人", grouped(int)),
                _ => format!("共{}人", fullwidth(&int.to_string())),
            };
            let qs = scan(&text);
            prop_assert_eq!(qs.len(), 1);
            prop_assert_eq!(qs[0].value, Decimal::from(int));
            prop_assert_eq!(qs[0].half, Decimal::ZERO);
        }

        #[test]
        fn any_spelling_of_a_percent_lexes_to_its_value(int in 0u32..1000, frac in 0u32..100, wide in any::<bool>(), space in any::<bool>()) {
            let plain = format!("{int}.{frac:02}{}%", if space { " " } else { "" });
            let text = if wide { fullwidth(&plain) } else { plain };
            let qs = scan(&format!("完成率{text}，"));
            prop_assert_eq!(qs.len(), 1);
            prop_assert_eq!(qs[0].kind, Kind::Percent);
            prop_assert_eq!(qs[0].value, Decimal::new(i64::from(int * 100 + frac), 2));
            prop_assert_eq!(qs[0].half, Decimal::new(5, 3));
        }

        #[test]
        fn multipliers_scale_and_widen(int in 1u32..100_000, frac in 0u32..10, mult in 0usize..3) {
            let (word, factor) = [("万", 10_000i64), ("亿", 100_000_000), ("万亿", 1_000_000_000_000)][mult];
            let qs = scan(&format!("增加值{int}.{frac}{word}元"));
            prop_assert_eq!(qs.len(), 1);
            let expected = Decimal::new(i64::from(int) * 10 + i64::from(frac), 1) * Decimal::from(factor);
            prop_assert_eq!(qs[0].value, expected);
            prop_assert_eq!(qs[0].half, Decimal::from(factor) / Decimal::from(20));
        }

        #[test]
        fn the_scanner_never_panics(text in "\\PC{0,200}") {
            let _ = scan(&text);
        }
    }
}
