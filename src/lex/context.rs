//! Decides from the surrounding words what a figure is: a year or a date,
//! an ordinal, one end of a range, an approximation or a bound.

use super::quantity::{Kind, Quantity};
use rust_decimal::Decimal;

const APPROX_BEFORE: &[&str] = &[
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "多达",
    "将近",
    "接近",
    "大约",
    "不足",
    "不到",
    "不少于",
    "不低于",
    "不超过",
    "至少",
    "最高",
    "最低",
    "上下",
    "about",
    "nearly",
    "around",
    "approximately",
    "almost",
    "over",
    "more than",
    "less than",
    "fewer than",
    "roughly",
    "up to",
    "under",
    "at least",
    "at most",
    "some",
    "approx.",
    "circa",
    "~",
    ">",
    "<",
    "≥",
    "≤",
];

const APPROX_AFTER: &[&str] = &[
    "以上", "以下", "左右", "上下", "以内", "余", "多", "+", "or more", "or so",
];

const RANGE_DASHES: &[&str] = &["~", "～", "-", "--", "–", "—", "至", "到", "to"];

/// Words after which a figure is a change's starting point, not the low
/// end of a range: "from 4.2% to 5.0%", "从1.07%到".
const CHANGE_FROM: &[&str] = &["from", "由", "从"];

/// Words of a change right before an amount: `fell 31,300 to 3,112,900` is
/// the change, then the level it reached.
const CHANGE_BY: &[&str] = &[
    "by",
    "up",
    "down",
    "rose",
    "fell",
    "increased",
    "decreased",
    "grew",
    "declined",
    "dropped",
    "climbed",
    "gained",
    "lost",
    "jumped",
    "slipped",
    "added",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Up to `bytes` bytes of text before `at`: the words that decide what a
/// figure is. Never the whole prefix, which would make the lexer quadratic.
fn window_before(text: &str, at: usize, bytes: usize) -> &str {
    &text[text.floor_char_boundary(at.saturating_sub(bytes))..at]
}

/// How far either side of a figure its table row's separators are looked
/// for: a line with no break (a flattened file) is not read whole for
/// each of its figures.
const ROW_REACH: usize = 256;

/// Does the clause after a figure make it a rate (`cases per 1000`)?
fn is_rate(after: &str) -> bool {
    let clause = after[..after.floor_char_boundary(80)]
        .split([',', ';', '.', '，', '；', '。', '('])
        .next()
        .unwrap_or("");
    clause.contains("per 1")
        || clause.contains("per capita")
        || clause.contains("per head")
        || clause.contains("per cent")
}

/// A year of two digits before a part of it (`22年前三季度`, `23年Q1`,
/// `21年全年`), as broker reports write them; `连续22年` and `22年前` are
/// spans of years.
fn short_year(q: &Quantity, text: &str) -> bool {
    const PARTS: &[&str] = &[
        "前三季度",
        "前两季度",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
        "上半年",
        "下半年",
        "全年",
        "年初",
        "年末",
        "年底",
        "Q",
        "H",
    ];
    let printed = &text[q.start..q.end];
    let Some(after) = text[q.end..].strip_prefix('年') else {
        return false;
    };
    q.kind == Kind::Number
        && printed.len() == 2
        && printed.bytes().all(|b| b.is_ascii_digit())
        && (PARTS.iter().any(|w| after.starts_with(w))
            || after.starts_with(|c: char| c.is_ascii_digit())
                && after
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(['-', '—', '–', '月']))
}

/// A four-digit whole number from 1800 to 2100 read as a year.
fn is_year(q: &Quantity, text: &str) -> bool {
    if q.kind != Kind::Number || q.decimals != 0 {
        return false;
    }
    let v = q.value;
    if v < Decimal::from(1800) || v > Decimal::from(2100) {
        return false;
    }
    // Four digits, ASCII or full-width (`１９７９`), no separator.
    let digits = &text[q.start..q.end];
    let all_digits = digits
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    // 2014吨, 1999亿元: an amount in a unit, not a year.
    let measured =
        !q.unit.is_empty() && !q.unit.starts_with('年') && super::units::is_known_unit(&q.unit);
    if !all_digits
        || digits.chars().count() != 4
        || super::units::is_discrete(&q.unit)
        || measured
        || q.multiplier != Decimal::ONE
    {
        return false;
    }
    // In English prose a year follows a preposition or stands in a
    // heading or a range; `2031 of the 14897 premises` is a count.
    let before = window_before(text, q.start, 24)
        .trim_end()
        .to_ascii_lowercase();
    let after = text[q.end..].trim_start();
    let word_before = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    const YEAR_WORDS: &[&str] = &[
        "in",
        "since",
        "by",
        "from",
        "to",
        "during",
        "until",
        "till",
        "of",
        "year",
        "early",
        "late",
        "mid",
        "between",
        "and",
        "before",
        "after",
        "through",
        "fiscal",
        "fy",
        "end",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
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
        "q1",
        "q2",
        "q3",
        "q4",
        "quarter",
        "half",
        "for",
        "the",
        "at",
        "on",
        "over",
        "as",
    ];
    // `June 30, 2012`: a year after a day of a month.
    let after_day = before.ends_with(',')
        && before
            .trim_end_matches(',')
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
        && MONTHS
            .iter()
            .any(|m| before.contains(&m.to_ascii_lowercase()));
    if after_day {
        return true;
    }
    let english_context = before.ends_with(|c: char| c.is_ascii_alphabetic())
        || after.starts_with(|c: char| c.is_ascii_alphabetic());
    !english_context
        || before.ends_with(word_before) && YEAR_WORDS.contains(&word_before)
        || after.starts_with(['-', '–', '—', ')', ',', '.', ';', ':', '/'])
        || after.is_empty()
}

/// `conditions: 1) … 2) …`, `；2）…`: a small whole number closed by a
/// bracket it did not open, at the start of an item, numbers the item.
fn item_marker(q: &Quantity, before: &str, after: &str) -> bool {
    let small = q.kind == Kind::Number
        && q.decimals == 0
        && q.unit.is_empty()
        && !q.in_words
        && q.value >= Decimal::ONE
        && q.value <= Decimal::from(30);
    if !small || !after.starts_with([')', '）']) {
        return false;
    }
    // Where the next item's marker would stand.
    let ahead = || &after[..after.floor_char_boundary(after.len().min(600))];
    // `：（1）…；（2）…`: the same, in a bracket of its own.
    if let Some(outside) = before.strip_suffix(['(', '（']) {
        let outside = outside.trim_end_matches([' ', '\u{3000}']);
        let k = q.value;
        let next = |k: Decimal| [format!("({k})"), format!("（{k}）")];
        return outside.is_empty()
            || outside.ends_with([':', '：', ';', '；', '。', '\n'])
            || next(k + Decimal::ONE)
                .iter()
                .any(|m| ahead().contains(m.as_str()))
                && (k == Decimal::ONE || outside.ends_with(['，', ',', '.']));
    }
    let item_start = before.is_empty()
        || before.ends_with([':', '：', ';', '；', '.', '。', ',', '，', '\n'])
        || before.ends_with(" and")
        || before.ends_with(" or")
        || before.ends_with(['和', '及'])
        // `missing because 1) … 2) …`: the first of a run of markers.
        || q.value == Decimal::ONE
            && (ahead().contains(" 2)") || ahead().contains(" 2）") || ahead().contains("；2）"));
    // Not the last of a bracket's values: `(2, 3)`.
    let line = before.rsplit('\n').next().unwrap_or(before);
    let open = line
        .chars()
        .rev()
        .find(|c| matches!(c, '(' | '（' | ')' | '）'))
        .is_some_and(|c| matches!(c, '(' | '（'));
    item_start && !open
}

/// Does `before` (the last bytes before a figure) end with a word of
/// approximation (`约`, `nearly`, `more than`)? An English word must start
/// a word: `some` is no approximation at the end of `handsome`.
fn approx_word_ends(before: &[u8]) -> bool {
    let Some(&last) = before.last() else {
        return false;
    };
    let last = last.to_ascii_lowercase();
    APPROX_BEFORE.iter().any(|w| {
        let w = w.as_bytes();
        // Most words end in another byte: one comparison rules them out.
        if w[w.len() - 1] != last || w.len() > before.len() {
            return false;
        }
        let cut = before.len() - w.len();
        before[cut..].eq_ignore_ascii_case(w)
            && (!w.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ')
                || cut == 0
                || !before[cut - 1].is_ascii_alphabetic())
    })
}

/// `22Q1`, `2020Q4`, `20H1`, `1H20`, `3Q21`: a year glued to a quarter or
/// a half, the way financial reports name their periods.
fn quarter_name(q: &Quantity, after: &str) -> bool {
    let b = after.as_bytes();
    q.kind == Kind::Number
        && q.decimals == 0
        && b.len() >= 2
        && matches!(b[0], b'Q' | b'H' | b'q' | b'h')
        && b[1].is_ascii_digit()
}

/// `Quarter 3 2022`, `quarter 1`: the way statistical offices number a
/// year's quarters, a period rather than three of something.
fn numbered_quarter(q: &Quantity, before: &str) -> bool {
    let Some(word) = before.len().checked_sub(7).and_then(|at| before.get(at..)) else {
        return false;
    };
    let bounded = before[..before.len() - 7]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_ascii_alphabetic());
    q.kind == Kind::Number
        && q.unit.is_empty()
        && q.decimals == 0
        && q.value >= Decimal::ONE
        && q.value <= Decimal::from(4)
        && word.eq_ignore_ascii_case("quarter")
        && bounded
}

pub fn classify(text: &str, quantities: &mut [Quantity]) {
    for q in quantities.iter_mut() {
        let before = window_before(text, q.start, 48).trim_end_matches([' ', '\u{3000}']);
        let after = &text[q.end..];
        // (Month names end in a letter or an abbreviation's dot.)
        let month_before = before.ends_with(|c: char| c.is_ascii_alphabetic() || c == '.')
            && MONTHS.iter().any(|m| {
                before.ends_with(m)
                    && before[..before.len() - m.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_ascii_alphabetic())
            });
        // 党的二十大, 十九届: a numbered congress, not twenty things.
        let congress = q.in_words
            && q.value >= Decimal::TEN
            && (q.unit == "大" || text[q.end..].starts_with('届'));
        if before.ends_with('第')
            || matches!(q.unit.as_str(), "st" | "nd" | "rd" | "th")
            || congress
            || item_marker(q, before, after)
        {
            q.kind = Kind::Ordinal;
        } else if q.unit == "个" && text[q.unit_end..].starts_with('月') {
            // 前6个月: a span of months, a period rather than a count.
            q.kind = Kind::Date;
        } else if is_year(q, text)
            || short_year(q, text)
            || month_before && q.decimals == 0 && q.value <= Decimal::from(31)
            || quarter_name(q, after)
            || numbered_quarter(q, before)
            || q.kind == Kind::Number
                && q.decimals == 0
                && (after.starts_with(['月', '日', '时', '号', '時', '號'])
                    || q.unit == "年" && q.value >= Decimal::from(1000))
        {
            q.kind = Kind::Date;
        }
        // The approximation words are short (13 bytes at most): the last 24
        // bytes hold them and the character before.
        let tail_before = &before.as_bytes()[before.len().saturating_sub(24)..];
        if approx_word_ends(tail_before) {
            q.approx = true;
        }
        // `445 000` deaths, `12,000` jobs: a whole number ending in three
        // zeros or more, with no noun of things counted one by one, is
        // most often rounded to its last non-zero digit; so are thousands
        // ending in two (`employment rose 28,900`, labour force surveys
        // round their estimates to the hundred), not `200元` or `100 patients`.
        if q.half.is_zero() && q.kind == Kind::Number && !super::units::is_discrete(&q.unit) {
            let digits = q.value.trunc().abs().to_string();
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            // (Prose only: a table of accounts prints its figures exact.)
            let in_row = || {
                let before = window_before(text, q.start, ROW_REACH);
                let before = before.rsplit('\n').next().unwrap_or(before);
                let after = &text[q.end..text.floor_char_boundary(q.end + ROW_REACH)];
                let after = after.split('\n').next().unwrap_or(after);
                before.contains(['|', '\t']) || after.contains(['|', '\t'])
            };
            let hundreds = zeros == 2 && digits.len() >= 4 && !in_row();
            if (zeros >= 3 || hundreds) && digits.len() > zeros {
                q.half = Decimal::new(5, 0) * Decimal::from(10u64.pow(zeros as u32 - 1));
            }
        }
        if q.half.is_zero() && is_rate(&text[q.unit_end..]) {
            // 17 cases per 1000 population is a rounded rate, not a count.
            q.half = Decimal::new(5, 1);
        }
        let tail = text[q.unit_end..].trim_start_matches(' ');
        if APPROX_AFTER.iter().any(|w| tail.starts_with(w)) {
            q.approx = true;
        }
    }
    // `分别回落2.16和1.66个百分点`: the unit written once, after the last.
    for i in (0..quantities.len().saturating_sub(1)).rev() {
        let (q, next) = (&quantities[i], &quantities[i + 1]);
        // A unit word may run into the next figure (`2 pp3`): no gap then.
        let Some(gap) = text.get(q.unit_end.max(q.end)..next.start) else {
            continue;
        };
        // `4.26、15.37%` and `0.7、1.4个百分点`: so is a percent sign.
        let elided = q.kind == Kind::Number
            && q.unit.is_empty()
            && q.multiplier == Decimal::ONE
            && q.decimals > 0
            && matches!(next.kind, Kind::Points | Kind::Percent)
            && matches!(gap.trim(), "和" | "、" | "及" | "与" | "，" | "," | "/");
        let points = q.kind == Kind::Number
            && q.unit.is_empty()
            && q.multiplier == Decimal::ONE
            && next.kind == Kind::Points
            && matches!(gap, "和" | "、" | "及" | "与");
        // `分别为1.2、3.4亿元`, `营收/净利润28.64/3.92亿元`: the multiplier
        // and unit written once, after the last amount.
        let shared_multiplier = q.kind == Kind::Number
            && next.kind == Kind::Number
            && q.unit.is_empty()
            && q.multiplier == Decimal::ONE
            && next.multiplier > Decimal::ONE
            && !next.unit.is_ascii()
            && matches!(gap, "、" | "/" | "／" | "和" | "与" | "及");
        let shared = shared_multiplier.then(|| (next.multiplier, next.unit.clone()));
        if points || elided {
            let (kind, half) = (next.kind, crate::num::half_unit(q.decimals, Decimal::ONE));
            quantities[i].kind = kind;
            quantities[i].half = half;
        }
        if let Some((multiplier, unit)) = shared {
            let q = &mut quantities[i];
            q.value *= multiplier;
            q.half = crate::num::half_unit(q.decimals, multiplier);
            q.multiplier = multiplier;
            q.unit = unit;
        }
    }
    // `1-7月份`, `1—6月`: the first month of a span is a month too.
    for i in 1..quantities.len() {
        let (prev, q) = (&quantities[i - 1], &quantities[i]);
        let gap = text
            .get(prev.unit_end.max(prev.end)..q.start)
            .unwrap_or("")
            .trim();
        let month = q.kind == Kind::Date && text[q.end..].starts_with('月');
        let small = prev.kind == Kind::Number
            && prev.decimals == 0
            && prev.unit.is_empty()
            && prev.value >= Decimal::ONE
            && prev.value <= Decimal::from(12);
        if month && small && matches!(gap, "-" | "—" | "–" | "~" | "～" | "至" | "到" | "－")
        {
            quantities[i - 1].kind = Kind::Date;
        }
    }
    for i in 1..quantities.len() {
        let gap = text[quantities[i - 1].end..quantities[i].start].trim();
        let gap = gap.trim_start_matches(['%', '％']).trim();
        let joined_by_dash = RANGE_DASHES.contains(&gap)
            || gap.is_empty() && text[..quantities[i].start].ends_with(['-', '–', '—', '~', '～']);
        let from_before = CHANGE_FROM.iter().any(|w| {
            window_before(text, quantities[i - 1].start, 12)
                .trim_end()
                .ends_with(w)
        });
        // Read only for a gap of `to`: this loop runs over every pair of
        // figures.
        let change_before = || {
            let before = window_before(text, quantities[i - 1].start, 16)
                .trim_end()
                .trim_end_matches(['$', '€', '£', '+']);
            CHANGE_BY.iter().any(|w| {
                let Some(cut) = before.len().checked_sub(w.len()) else {
                    return false;
                };
                before.is_char_boundary(cut)
                    && before[cut..].eq_ignore_ascii_case(w)
                    && before[..cut]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_ascii_alphanumeric())
            })
        };
        let from_before = from_before || gap == "to" && change_before();
        let word_dash = matches!(gap, "to" | "至" | "到");
        // A year next to a count (`in 2019 to 1,500`) is no range.
        let (a, b) = (&quantities[i - 1], &quantities[i]);
        // Both ends of one sort: `10–15%` leaves the first bare, but `fell
        // 0.4 percentage point to 6.3 percent` is a change and a level.
        let same_sort = (a.kind == Kind::Date) == (b.kind == Kind::Date)
            && (a.kind == b.kind || a.kind == Kind::Number && a.unit.is_empty());
        if joined_by_dash
            && same_sort
            && !(word_dash && from_before)
            && quantities[i - 1].unit_end <= quantities[i].start
        {
            quantities[i - 1].in_range = true;
            quantities[i].in_range = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lex::{lex, Kind};
    use crate::source::TextView;

    fn kinds(text: &str) -> Vec<Kind> {
        lex(&TextView::new(text))
            .quantities
            .iter()
            .map(|q| q.kind)
            .collect()
    }

    #[test]
    fn a_year_glued_to_its_quarter_or_half_is_a_date() {
        assert_eq!(kinds("22Q1营收增长5%"), vec![Kind::Date, Kind::Percent]);
        assert_eq!(
            kinds("22年前三季度营收增长5%"),
            vec![Kind::Date, Kind::Percent]
        );
        assert_eq!(
            kinds("23年1-9月营收增长5%"),
            vec![Kind::Date, Kind::Date, Kind::Date, Kind::Percent]
        );
        assert_eq!(kinds("公司连续22年分红"), vec![Kind::Number]);
        assert_eq!(kinds("1H20营收增长5%"), vec![Kind::Date, Kind::Percent]);
        assert_eq!(kinds("营收22亿元"), vec![Kind::Number]);
    }

    #[test]
    fn a_numbered_quarter_is_a_date() {
        assert_eq!(
            kinds("GDP fell 0.2% in Quarter 3 2022."),
            vec![Kind::Percent, Kind::Date, Kind::Date]
        );
        // Not past the fourth, and not a word that ends in `quarter`.
        assert_eq!(kinds("quarter 5"), vec![Kind::Number]);
        assert_eq!(kinds("headquarter 2"), vec![Kind::Number]);
    }

    #[test]
    fn years_after_prepositions_and_in_ranges() {
        assert_eq!(kinds("In 2020, sales rose."), vec![Kind::Date]);
        assert_eq!(
            kinds("Revenue for the third quarter 2026 grew 20%."),
            vec![Kind::Date, Kind::Percent]
        );
        assert_eq!(kinds("from 1985 to 2013"), vec![Kind::Date, Kind::Date]);
        assert_eq!(
            kinds("2022年7月27日"),
            vec![Kind::Date, Kind::Date, Kind::Date]
        );
    }

    #[test]
    fn a_count_that_looks_like_a_year_stays_a_count() {
        assert_eq!(
            kinds("the programme, 2031 of the 14897 premises"),
            vec![Kind::Number, Kind::Number]
        );
    }

    #[test]
    fn a_change_then_the_level_it_reached_is_not_a_range() {
        let lexed = lex(&TextView::new(
            "employment fell 31,300 to 3,112,900, up $1.12 to $28.44, aged 15 to 24",
        ));
        let qs = &lexed.quantities;
        assert!(qs[..4].iter().all(|q| !q.in_range));
        assert!(qs[4].in_range && qs[5].in_range);
    }

    #[test]
    fn from_a_to_b_is_a_change_not_a_range() {
        let lexed = lex(&TextView::new("fell from 8.1% to 7.9%, ages 3 to 11"));
        let qs = &lexed.quantities;
        assert!(!qs[0].in_range && !qs[1].in_range);
        assert!(qs[2].in_range && qs[3].in_range);
    }

    #[test]
    fn a_doubled_hyphen_is_a_range_dash_not_a_minus_sign() {
        let lexed = lex(&TextView::new("CI = 2.7--9.0; aged 15--17 years"));
        let qs = &lexed.quantities;
        assert_eq!(qs.len(), 4);
        assert!(qs.iter().all(|q| q.in_range && !q.value.is_sign_negative()));
    }

    #[test]
    fn a_list_item_number_is_an_ordinal_not_a_count() {
        assert_eq!(
            kinds("groups: 1) Control (n = 70), 2) Reflect; and 3) Write; values (2, 3)"),
            vec![
                Kind::Ordinal,
                Kind::Number,
                Kind::Ordinal,
                Kind::Ordinal,
                Kind::Number,
                Kind::Number
            ]
        );
    }

    #[test]
    fn a_bracketed_list_item_number_is_an_ordinal_but_a_citation_is_not() {
        assert_eq!(
            kinds("措施：（1）监测5次；（2）培训。It is common (2)."),
            vec![Kind::Ordinal, Kind::Number, Kind::Ordinal, Kind::Number]
        );
    }

    #[test]
    fn a_rate_per_thousand_is_rounded_not_exact() {
        let lexed = lex(&TextView::new(
            "from 17 cases of the disease per 1000 population, 40 cases in all",
        ));
        assert!(!lexed.quantities[0].half.is_zero());
        assert!(lexed.quantities[2].half.is_zero());
    }

    #[test]
    fn the_first_month_of_a_span_is_a_month() {
        let lexed = lex(&TextView::new("1-7月份，零售额129277亿元；1—6月"));
        let qs = &lexed.quantities;
        assert_eq!(qs[0].kind, Kind::Date);
        assert!(qs[0].in_range && qs[1].in_range);
        assert_eq!(qs[3].kind, Kind::Date);
    }

    #[test]
    fn a_day_after_a_month_name_is_a_date() {
        assert_eq!(
            kinds("the quarter ended June 30, 2014"),
            vec![Kind::Date, Kind::Date]
        );
    }

    #[test]
    fn ordinals_ranges_and_approximations() {
        let lexed = lex(&TextView::new(
            "排名第 6，3~11岁，约300人，more than 40 firms",
        ));
        let qs = &lexed.quantities;
        assert_eq!(qs[0].kind, Kind::Ordinal);
        assert!(qs[1].in_range && qs[2].in_range);
        assert!(qs[3].approx);
        assert!(qs[4].approx);
    }

    #[test]
    fn amounts_joined_before_one_multiplier_share_it() {
        for text in [
            "分别为1.2、3.4亿元",
            "营收/净利润1.2/3.4亿元",
            "分别为12和34万人",
        ] {
            let lexed = lex(&TextView::new(text));
            let (first, last) = (&lexed.quantities[0], &lexed.quantities[1]);
            assert_eq!(first.multiplier, last.multiplier, "{text}");
            assert_eq!(first.unit, last.unit, "{text}");
            assert!(first.half > rust_decimal::Decimal::ZERO, "{text}");
        }
        // A figure with a unit of its own keeps it.
        let lexed = lex(&TextView::new("分别为12家和34万人"));
        assert_eq!(lexed.quantities[0].unit, "家");
    }
}
