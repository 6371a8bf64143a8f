//! The period a figure refers to: its year, months, quarter or half, and
//! whether it is the earlier value of a comparison (上年, last year) or a
//! goal rather than an outcome.
//!
//! Two figures with the same label are the same quantity only in the
//! same period: 7月份 is not 1—7月份, a year is not its first half, last
//! year's value is not this year's.

use rust_decimal::prelude::ToPrimitive;

use crate::lex::{Kind, Quantity};

/// A part of a year named in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The first n quarters together (前三季度 is 3, 上半年 is 2).
    ToQuarter(u8),
    /// One quarter.
    Quarter(u8),
    /// The second half.
    SecondHalf,
    /// The whole year (全年).
    Year,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: Option<u16>,
    /// First and last month (7月份 is (7, 7), 1—7月份 is (1, 7)).
    pub months: Option<(u8, u8)>,
    pub part: Option<Part>,
    /// The earlier value of a comparison: 上年, 去年同期, a year earlier.
    pub prior: bool,
    /// A goal or forecast, not an outcome.
    pub target: bool,
    /// The year a change is measured from when the text names it
    /// (`比2019年6月份增长10.0%`): a change from another base is another
    /// quantity.
    pub base_year: Option<u16>,
}

impl Period {
    /// The period with a whole year (全年) read as the year undivided:
    /// `2020年全年` and `2020年` are one period.
    pub fn undivided(self) -> Period {
        Period {
            part: self.part.filter(|&part| part != Part::Year),
            ..self
        }
    }

    /// Can the two refer to the same period? Each field that both state
    /// must agree; a field one leaves out agrees with anything.
    pub fn compatible(&self, other: &Period) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        // Last year's value of 2012 is a value of 2011.
        let (a, b) = (self.year_meant(), other.year_meant());
        let years_say = a.is_some() && b.is_some();
        agree(a, b)
            && self.base_year == other.base_year
            && agree(self.months, other.months)
            && agree(self.part, other.part)
            && (years_say || self.prior == other.prior)
            && self.target == other.target
            // 7月份 against 上半年: a month is never a part of the year.
            && !(self.months.is_some() && other.part.is_some_and(|p| p != Part::Year))
            && !(other.months.is_some() && self.part.is_some_and(|p| p != Part::Year))
    }

    /// The year the figure is of: a year earlier than the one stated
    /// when it is the earlier value of a comparison (`fiscal 2012 … a year
    /// ago`).
    pub fn year_meant(&self) -> Option<u16> {
        self.year
            .map(|y| if self.prior { y.saturating_sub(1) } else { y })
    }

    /// Does it state anything at all?
    pub fn is_stated(&self) -> bool {
        self.year.is_some() || self.months.is_some() || self.part.is_some()
    }
}

const ZH_PARTS: &[(&str, Part)] = &[
    ("前三季度", Part::ToQuarter(3)),
    ("上半年", Part::ToQuarter(2)),
    ("前两季度", Part::ToQuarter(2)),
    ("下半年", Part::SecondHalf),
    ("第一季度", Part::Quarter(1)),
    ("第二季度", Part::Quarter(2)),
    ("第三季度", Part::Quarter(3)),
    ("第四季度", Part::Quarter(4)),
    ("一季度", Part::Quarter(1)),
    ("二季度", Part::Quarter(2)),
    ("三季度", Part::Quarter(3)),
    ("四季度", Part::Quarter(4)),
    ("全年", Part::Year),
];

const EN_PARTS: &[(&str, Part)] = &[
    ("first three quarters", Part::ToQuarter(3)),
    ("first nine months", Part::ToQuarter(3)),
    ("first half", Part::ToQuarter(2)),
    ("first six months", Part::ToQuarter(2)),
    ("second half", Part::SecondHalf),
    ("first quarter", Part::Quarter(1)),
    ("second quarter", Part::Quarter(2)),
    ("third quarter", Part::Quarter(3)),
    ("fourth quarter", Part::Quarter(4)),
    ("q1", Part::Quarter(1)),
    ("q2", Part::Quarter(2)),
    ("q3", Part::Quarter(3)),
    ("q4", Part::Quarter(4)),
    ("full year", Part::Year),
    ("full-year", Part::Year),
];

/// English month names, lowercase.
pub const MONTH_NAMES: &[&str] = EN_MONTHS;

const EN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The words of a document that name a part of a year or a month, found
/// in one pass: a figure's period looks up those before it instead of
/// reading its stretch of text again.
#[derive(Debug, Default)]
pub struct PeriodWords {
    /// (start, end, rank, part), by end; at one end, the longer word
    /// (前三季度 over 三季度) has the lower rank.
    parts: Vec<(usize, usize, usize, Part)>,
    /// (start, end, month 1–12), by start.
    months: Vec<(usize, usize, u8)>,
}

impl PeriodWords {
    pub fn new(folded: &str) -> PeriodWords {
        let mut parts = Vec::new();
        // Every occurrence of every word, in one pass (三季度 inside 前三季度
        // too: the longer word is ranked first below).
        static ZH_PART_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
            std::sync::LazyLock::new(|| {
                aho_corasick::AhoCorasick::new(ZH_PARTS.iter().map(|(w, _)| w))
                    .expect("the part words build an automaton")
            });
        for m in ZH_PART_WORDS.find_overlapping_iter(folded) {
            let rank = m.pattern().as_usize();
            parts.push((m.start(), m.end(), rank, ZH_PARTS[rank].1));
        }
        let mut months = Vec::new();
        let bytes = folded.as_bytes();
        for (at, end) in ascii_words(folded) {
            let len = end - at;
            // (Month names open with one of these letters.)
            let month_letter = matches!(
                bytes[at].to_ascii_lowercase(),
                b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
            );
            if (3..=9).contains(&len) && month_letter {
                let word = &folded[at..end];
                if let Some(m) = EN_MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)) {
                    months.push((at, end, m as u8 + 1));
                }
            }
            // `2023Q1`: a year and its quarter in one word.
            if len == 6
                && bytes[at..at + 4].iter().all(u8::is_ascii_digit)
                && bytes[at + 4].eq_ignore_ascii_case(&b'q')
                && (b'1'..=b'4').contains(&bytes[at + 5])
            {
                let quarter = Part::Quarter(bytes[at + 5] - b'0');
                parts.push((at + 4, end, ZH_PARTS.len() + EN_PARTS.len(), quarter));
                continue;
            }
            // `Quarter 3`: a quarter by its number.
            if len == 7 && folded[at..end].eq_ignore_ascii_case("quarter") {
                let digit = bytes
                    .get(end + 1)
                    .copied()
                    .filter(|b| (b'1'..=b'4').contains(b));
                let bounded = bytes
                    .get(end + 2)
                    .is_none_or(|b| !b.is_ascii_alphanumeric());
                if let (Some(b' '), Some(d), true) = (bytes.get(end).copied(), digit, bounded) {
                    let quarter = Part::Quarter(d - b'0');
                    parts.push((at, end + 2, ZH_PARTS.len() + EN_PARTS.len(), quarter));
                    continue;
                }
            }
            // Every English part opens with first, second, third, fourth,
            // full or q1–q4: most words are none of them.
            let opens = matches!(len, 2 | 4..=6)
                && matches!(bytes[at].to_ascii_lowercase(), b'f' | b's' | b't' | b'q');
            if !opens {
                continue;
            }
            let rest = &bytes[at..];
            for (rank, &(word, part)) in EN_PARTS.iter().enumerate() {
                let end = at + word.len();
                let bounded = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
                if rest.len() >= word.len()
                    && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes())
                    && bounded
                {
                    let part = match part {
                        Part::Quarter(n) if from_first_quarter(folded, at, end) => {
                            Part::ToQuarter(n)
                        }
                        other => other,
                    };
                    parts.push((at, end, ZH_PARTS.len() + rank, part));
                }
            }
        }
        parts.sort_unstable_by_key(|&(start, end, rank, _)| (end, std::cmp::Reverse(rank), start));
        PeriodWords { parts, months }
    }

    /// The last part of a year named in `from..to`, with where it ends.
    fn last_part(&self, from: usize, to: usize) -> Option<(usize, Part)> {
        let upto = self.parts.partition_point(|p| p.1 <= to);
        self.parts[..upto]
            .iter()
            .rev()
            .take_while(|p| p.1 > from)
            .find(|p| p.0 >= from)
            .map(|p| (p.1, p.3))
    }

    /// The first part of a year named in `from..to`.
    pub fn first_part(&self, from: usize, to: usize) -> Option<Part> {
        self.parts
            .iter()
            .filter(|p| p.0 >= from && p.1 <= to)
            .min_by_key(|p| (p.0, p.2))
            .map(|p| p.3)
    }

    /// The first and last month named in `from..to` of `folded`: a span
    /// when the last two are joined by a dash or `to` (`January-June`).
    fn months(&self, folded: &str, from: usize, to: usize) -> Option<(u8, u8)> {
        let lo = self.months.partition_point(|m| m.0 < from);
        let hi = self.months.partition_point(|m| m.0 < to);
        let inside = self.months[lo..hi].iter().filter(|m| m.1 <= to);
        let mut last: Option<(usize, u8)> = None;
        let mut before: Option<(usize, u8)> = None;
        for &(at, _, month) in inside {
            before = last;
            last = Some((at, month));
        }
        let (at, month) = last?;
        if let Some((a, first)) = before {
            let between = &folded[a..at];
            if between.contains(['-', '–', '—']) || between.to_ascii_lowercase().contains(" to ")
            {
                return Some((first, month));
            }
        }
        Some((month, month))
    }
}

/// Does the quarter word at `at..end` end a span from the first quarter
/// (`20Q1-Q3实现营收`, `Q1～Q3`): the year to that quarter? Not when its
/// clause pairs the quarters with values one by one (`Q1-Q4营收分别为…`).
fn from_first_quarter(folded: &str, at: usize, end: usize) -> bool {
    let before = folded[..at].trim_end_matches(['-', '–', '—', '~', '～', '至', ' ']);
    let clause = folded[end..]
        .split(['，', '。', '；', ',', ';', '\n'])
        .next()
        .unwrap_or("");
    let one_by_one = clause.contains("分别") || clause.contains('各');
    before.len() < at
        && !one_by_one
        && before
            .get(before.len().saturating_sub(2)..)
            .is_some_and(|q| q.eq_ignore_ascii_case("q1"))
}

/// The ASCII words of `text`: runs of letters and digits, as (start, end).
fn ascii_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut k = 0;
    std::iter::from_fn(move || {
        // (Chinese text is passed over three bytes at a time.)
        while k < bytes.len() && !bytes[k].is_ascii_alphanumeric() {
            k += if (0xE0..0xF0).contains(&bytes[k]) {
                3
            } else {
                1
            };
        }
        if k >= bytes.len() {
            return None;
        }
        let start = k;
        while k < bytes.len() && bytes[k].is_ascii_alphanumeric() {
            k += 1;
        }
        Some((start, k))
    })
}

/// The period stated in `text` (folded) before a figure, with the
/// figures of that stretch; `figures` are those lying in it.
pub fn read(
    words: &PeriodWords,
    folded: &str,
    text: &str,
    figures: &[&Quantity],
    base: usize,
) -> Period {
    let mut period = Period::default();
    // 1—7月份: the lexer marks both ends of a span; the first has no 月.
    let mut span_start: Option<u8> = None;
    for q in figures {
        if q.kind != Kind::Date {
            continue;
        }
        let Some(v) = q.value.to_u32() else { continue };
        let after = text
            .get((q.end.saturating_sub(base)).min(text.len())..)
            .unwrap_or("");
        // `22年前三季度`, `22Q1`: a year of this century in two digits.
        let short = v < 100
            && q.end - q.start == 2
            && (after.starts_with('年') || after.starts_with(['Q', 'H', 'q', 'h']));
        if short || (1800..=2100).contains(&v) && !after.starts_with(['月', '日']) {
            period.year = Some(if short { 2000 + v as u16 } else { v as u16 });
            period.months = None;
            span_start = None;
        } else if (1..=12).contains(&v) && after.starts_with('月') {
            let m = v as u8;
            let first = span_start.take().filter(|&f| f < m && q.in_range);
            period.months = Some((first.unwrap_or(m), m));
        } else if (1..=12).contains(&v) && q.in_range {
            span_start = Some(v as u8);
        }
    }
    let end = base + text.len();
    if period.months.is_none() {
        period.months = words.months(folded, base, end);
    }
    if let Some((_, part)) = words.last_part(base, end) {
        period.part = Some(part);
    }
    if period.months.is_some() && period.part == Some(Part::Year) {
        period.part = None;
    }
    period
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_not_the_months_up_to_it() {
        let july = Period {
            months: Some((7, 7)),
            ..Period::default()
        };
        let to_july = Period {
            months: Some((1, 7)),
            ..Period::default()
        };
        assert!(!july.compatible(&to_july));
        assert!(july.compatible(&Period::default()));
    }

    #[test]
    fn last_year_is_not_this_year() {
        let prior = Period {
            prior: true,
            ..Period::default()
        };
        assert!(!prior.compatible(&Period::default()));
    }

    fn last_part(text: &str) -> Option<(usize, Part)> {
        PeriodWords::new(text).last_part(0, text.len())
    }

    fn en_months(text: &str) -> Option<(u8, u8)> {
        PeriodWords::new(text).months(text, 0, text.len())
    }

    #[test]
    fn every_english_part_passes_the_first_word_filter() {
        for (word, part) in EN_PARTS {
            assert_eq!(last_part(word).map(|(_, p)| p), Some(*part), "{word}");
        }
    }

    #[test]
    fn a_span_of_quarters_from_the_first_is_the_year_to_its_last() {
        let words = PeriodWords::new("20Q1-Q3实现营收");
        assert_eq!(words.last_part(0, 7).map(|p| p.1), Some(Part::ToQuarter(3)));
        let words = PeriodWords::new("20Q1-Q4营收分别为1、2、3、4亿元");
        assert_eq!(words.last_part(0, 7).map(|p| p.1), Some(Part::Quarter(4)));
        let words = PeriodWords::new("Q3单季营收");
        assert_eq!(words.last_part(0, 2).map(|p| p.1), Some(Part::Quarter(3)));
    }

    #[test]
    fn a_stretch_sees_only_the_words_inside_it() {
        let text = "first quarter sales; march revenue in the second half, may";
        let words = PeriodWords::new(text);
        assert_eq!(words.last_part(0, 13).map(|p| p.1), Some(Part::Quarter(1)));
        assert_eq!(
            words.last_part(14, text.len()).map(|p| p.1),
            Some(Part::SecondHalf)
        );
        assert_eq!(words.last_part(14, 40), None);
        assert_eq!(words.months(text, 0, 30), Some((3, 3)));
        assert_eq!(words.months(text, 30, text.len()), Some((5, 5)));
        assert_eq!(last_part("前三季度全区"), Some((12, Part::ToQuarter(3))));
        assert_eq!(
            last_part("2023Q1，公司").map(|p| p.1),
            Some(Part::Quarter(1))
        );
    }

    #[test]
    fn parts_of_a_year_are_read_from_words() {
        assert_eq!(last_part("前三季度全区"), Some((12, Part::ToQuarter(3))));
        assert_eq!(
            last_part("net sales for the fourth quarter of fiscal"),
            Some((32, Part::Quarter(4)))
        );
        assert_eq!(en_months("january-june"), Some((1, 6)));
    }
}
