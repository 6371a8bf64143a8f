//! How many items a written list names: `格力、汉威、思维、机械所`,
//! `发展和生态`, `A, B, and C`. Some lists read two ways (`A、B和C` is
//! three items or two, `B和C` being one name); both readings are kept
//! and a stated count must match one of them.

/// The fewest and the most items `text` can be read as, or `None` when
/// it is not a list (one item, or too ambiguous).
///
/// `parallel` asks for items of comparable length (a count's list);
/// subjects of 分别 are often shortened (`第二、第三产业`), so not there.
pub fn item_counts(text: &str, parallel: bool) -> Option<(usize, usize)> {
    let text = strip_brackets(text);
    let text = text.trim_matches(|c: char| c.is_whitespace() || "“”\"「」『』《》:：".contains(c));
    // `Q1-Q4` alone names its quarters in either language.
    if !text.contains(['、', ',', '，']) {
        if let Some(n) = quarter_range(text) {
            return Some((n, n));
        }
    }
    if text.chars().any(crate::source::is_cjk) && !text.contains(", ") {
        chinese(text, parallel)
    } else {
        english(text)
    }
}

/// Drops bracketed asides: `Nigeria (25%)`, `机械所（郑州）`.
pub fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

const ZH_CONJUNCTIONS: &[&str] = &["以及", "和", "及", "与", "同"];

/// Items of one list are parallel: a first "item" far longer than the
/// others is a clause that runs into the list (`成功举办北京峰会、和平共处`
/// before 五项原则), not an item.
fn balanced(items: &[&str]) -> bool {
    let lengths: Vec<usize> = items.iter().map(|i| i.chars().count()).collect();
    let (Some(&min), Some(&max)) = (lengths.iter().min(), lengths.iter().max()) else {
        return false;
    };
    min > 0 && max <= 2 * min + 4
}

fn chinese(text: &str, parallel: bool) -> Option<(usize, usize)> {
    // 60岁及以上 is "60 and over", not a list's 及.
    let owned = text.replace("及以上", "以上");
    let text = owned.as_str();
    if let Some(n) = quarter_range(text) {
        return Some((n, n));
    }
    let separators = text.matches('、').count();
    // `销售/管理/研发费用率`, `22Q1/Q2/Q3`: names joined by slashes.
    if separators == 0 && text.contains('/') {
        // No values among them (`华东/华南地区实现营收7.31/2.57亿元`), but a
        // quarter's name may hold digits.
        let items: Vec<&str> = text.split('/').collect();
        let name = |i: &str| {
            !i.trim().is_empty()
                && (!i.contains(|c: char| c.is_ascii_digit()) || i.contains(['Q', 'H']))
        };
        return items
            .iter()
            .all(|i| name(i))
            .then_some((items.len(), items.len()));
    }
    let items: Vec<&str> = if separators > 0 {
        text.split('、').collect()
    } else {
        text.splitn(2, ['和', '及', '与']).collect()
    };
    if parallel && !balanced(&items) {
        return None;
    }
    if separators > 0 {
        let n = separators + 1;
        let last = text.rsplit('、').next().unwrap_or("");
        let joined = ZH_CONJUNCTIONS.iter().any(|c| last.contains(c));
        if joined && two_alike(last) {
            return Some((n + 1, n + 1));
        }
        return Some((n, if joined { n + 1 } else { n }));
    }
    let conjunctions: usize = ["和", "及", "与"]
        .iter()
        .map(|c| text.matches(c).count())
        .sum();
    if conjunctions == 1 {
        return Some((2, 2));
    }
    // 三次产业 names the three industries at once.
    numbered_group(text).map(|n| (n, n))
}

/// Does the list's last item join two names of one kind, the first
/// ending where the second's as many characters end (`专业店和专卖店`,
/// `男性和女性`)? Then they are two items. A name that holds a
/// conjunction joins words of different kinds (`批发和零售业`,
/// `住宿和餐饮业`, `科学研究和技术服务业`): one item, or two.
fn two_alike(last: &str) -> bool {
    if last.matches(['和', '及', '与']).count() != 1 {
        return false;
    }
    let Some((first, second)) = last.split_once(['和', '及', '与']) else {
        return false;
    };
    let first: Vec<char> = first.chars().collect();
    let second: Vec<char> = second.chars().collect();
    let cjk = |c: &char| crate::source::is_cjk(*c);
    first.len() >= 2
        && second.len() >= first.len()
        && first.iter().all(cjk)
        && second[..first.len()].iter().all(cjk)
        && first.last() == second.get(first.len() - 1)
}

/// `2020Q1-Q4`, `Q2-Q4`, `H1—H2`: the quarters (or halves) a range of
/// them names, as many as it spans.
pub fn quarter_range(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (0..b.len()).find_map(|k| {
        let letter = b[k].to_ascii_uppercase();
        if !matches!(letter, b'Q' | b'H') || !b.get(k + 1)?.is_ascii_digit() {
            return None;
        }
        let first = b[k + 1] - b'0';
        let rest = &text[k + 2..];
        let rest = ["-", "~", "～", "—", "–", "至", "到"]
            .iter()
            .find_map(|d| rest.strip_prefix(d))?;
        let rb = rest.as_bytes();
        (rb.len() >= 2 && rb[0].to_ascii_uppercase() == letter && rb[1].is_ascii_digit())
            .then(|| rb[1] - b'0')
            .filter(|&last| last > first)
            .map(|last| usize::from(last - first) + 1)
    })
}

/// `三次产业`, `两大板块`: a group named with its size.
fn numbered_group(text: &str) -> Option<usize> {
    let start = text.find(crate::lex::is_numeral_char)?;
    let (value, taken) = crate::lex::chinese_numeral(&text[start..])?;
    let rest = &text[start + taken..];
    let named = ["次产业", "大", "类", "种"]
        .iter()
        .any(|w| rest.starts_with(w));
    usize::try_from(value).ok().filter(|&n| named && n >= 2)
}

fn english(text: &str) -> Option<(usize, usize)> {
    let text = text.trim_end_matches(['.', ',', ';']);
    let commas = text.matches(',').count();
    if commas == 0 {
        let ands = text.matches(" and ").count() + text.matches(" or ").count();
        return (ands == 1).then_some((2, 2));
    }
    let n = commas + 1;
    let last = text.rsplit(',').next().unwrap_or("").trim_start();
    // With a serial comma (", and D") the list has ended: an "and" inside
    // the last item is part of its name.
    let serial = last.starts_with("and ") || last.starts_with("or ");
    let inner = last.contains(" and ") || last.contains(" or ");
    Some((n, if !serial && inner { n + 1 } else { n }))
}

/// How many years a list or range of years spans, as the fewest and the
/// most a reader may count: `１９７９、１９８０` is two; a range is read
/// with both ends (`1950年到2002年`, fifty-three calendar years) or as
/// the time elapsed (`2012年至2022年十年间`, ten). `None` when `text` is
/// not made of years alone.
pub fn year_count(text: &str) -> Option<(usize, usize)> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '年' | '从' | '自'))
        .collect();
    let year = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<usize>().ok())
            .flatten()
            .filter(|y| (1800..=2100).contains(y))
    };
    for dash in ["到", "至", "—", "–", "-", "~", "～"] {
        if let Some((first, last)) = ascii.split_once(dash) {
            let (first, last) = (year(first)?, year(last)?);
            return (last > first).then(|| (last - first, last - first + 1));
        }
    }
    let years: Option<Vec<usize>> = ascii.split(['、', '和', '及', '与']).map(year).collect();
    let years = years?;
    (years.len() >= 2).then_some((years.len(), years.len()))
}

/// How many numbered steps a passage lays out: `Step 1: … Step 2: …
/// Step 4:` counts the labels numbered 1, 2, 3, … in order, a label that
/// names an earlier step again (`as in Step 2`) aside, up to the first
/// gap. `None` unless it starts at 1 and reaches 2.
pub fn numbered_count(text: &str) -> Option<usize> {
    const LABELS: &[&str] = &["Step", "Stage", "Phase"];
    let mut last = 0usize;
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_uppercase()) {
        rest = &rest[at..];
        let label = LABELS.iter().find(|l| rest.starts_with(**l));
        let Some(label) = label else {
            rest = &rest[1..];
            continue;
        };
        let after = rest[label.len()..].trim_start_matches(' ');
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        rest = &rest[label.len()..];
        let Ok(k) = digits.parse::<usize>() else {
            continue;
        };
        if k == last + 1 {
            last = k;
        } else if k > last + 1 {
            break;
        }
    }
    (last >= 2).then_some(last)
}

/// Age groups that cover every age (`0-17岁、18-34岁、60岁及以上`, `aged
/// 0-14, 15-64 and 65 and over`), followed by the name of what they
/// divide: that name, when the groups start at 0 (or `N岁以下`, `under
/// N`), each starts where the one before ends, and the last is open
/// (`及以上`, `以上`, `and over`, `and older`, `+`).
pub fn age_partition(text: &str) -> Option<&str> {
    const OPEN: &[&str] = &[
        "岁及以上",
        "岁以上",
        "及以上",
        "以上",
        " and over",
        " and older",
        "+",
    ];
    // The last group ends at its open mark; the whole's name follows.
    let (at, mark) = OPEN
        .iter()
        .filter_map(|m| text.rfind(m).map(|k| (k, *m)))
        .max_by_key(|&(k, m)| (k + m.len(), m.len()))?;
    let head = text[at + mark.len()..]
        .trim()
        .trim_start_matches(['岁', '的'])
        .trim();
    let groups = &text[..at];
    let numbers: Vec<Vec<u32>> = groups
        .split(['、', '，', ','])
        .flat_map(|g| g.split(" and ").flat_map(|g| g.split('和')))
        .map(|g| {
            g.split(|c: char| !c.is_ascii_digit())
                .filter(|d| !d.is_empty())
                .filter_map(|d| d.parse().ok())
                .collect()
        })
        .filter(|n: &Vec<u32>| !n.is_empty())
        .collect();
    let (last, bounded) = numbers.split_last()?;
    let [open_from] = last.as_slice() else {
        return None;
    };
    if bounded.is_empty() {
        return None;
    }
    let mut next = 0;
    for (k, g) in bounded.iter().enumerate() {
        let (lo, hi) = match g.as_slice() {
            [lo, hi] => (*lo, *hi),
            // `14岁以下`, `under 15`: the first group from 0.
            [hi] if k == 0 => (0, *hi),
            _ => return None,
        };
        if lo != next && !(k > 0 && lo + 1 == next) || hi < lo {
            return None;
        }
        next = hi + 1;
    }
    (*open_from == next || *open_from + 1 == next).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::{age_partition, item_counts, numbered_count, quarter_range, year_count};

    #[test]
    fn a_range_of_quarters_names_each_of_them() {
        assert_eq!(quarter_range("2020Q1-Q4公司归母净利增速"), Some(4));
        assert_eq!(quarter_range("Q2～Q3"), Some(2));
        assert_eq!(quarter_range("H1-H2"), Some(2));
        assert_eq!(quarter_range("Q4-Q1"), None);
        assert_eq!(quarter_range("Q3营收"), None);
    }

    #[test]
    fn names_joined_by_slashes_are_items_but_values_are_not() {
        assert_eq!(item_counts("销售/管理/研发费用率", false), Some((3, 3)));
        assert_eq!(item_counts("22Q1/Q2/Q3单季度毛利率", false), Some((3, 3)));
        assert_eq!(
            item_counts("华东/华南地区实现营收7.31/2.57亿元", false),
            None
        );
    }

    #[test]
    fn a_last_item_joining_two_names_alike_is_two_items() {
        assert_eq!(
            item_counts("超市、便利店、专业店和专卖店零售额", false),
            Some((4, 4))
        );
        assert_eq!(item_counts("门诊、男性和女性患者", false), Some((3, 3)));
        // An industry's name holds a conjunction: one item, or two.
        assert_eq!(
            item_counts("批发和零售业、住宿和餐饮业", false),
            Some((2, 3))
        );
    }

    #[test]
    fn numbered_steps() {
        assert_eq!(
            numbered_count("Step 1: read. Step 2: parse, as Step 1 said. Step 3: check."),
            Some(3)
        );
        assert_eq!(
            numbered_count("Step 1: read. Step 2: parse. Step 4: check."),
            Some(2)
        );
        assert_eq!(numbered_count("Step 2: parse."), None);
        assert_eq!(numbered_count("Stage 1 and Stage 2"), Some(2));
    }

    #[test]
    fn years_listed_or_spanned() {
        assert_eq!(year_count("１９７９、１９８０"), Some((2, 2)));
        assert_eq!(year_count("1950年到2002年"), Some((52, 53)));
        assert_eq!(year_count("从１９７９至１９８１年"), Some((2, 3)));
        assert_eq!(year_count("2010–2014"), Some((4, 5)));
        assert_eq!(year_count("2019、2020和2021年"), Some((3, 3)));
        assert_eq!(year_count("2014年到2010年"), None);
        assert_eq!(year_count("城镇和农村"), None);
        assert_eq!(year_count("1979"), None);
    }

    #[test]
    fn chinese_lists() {
        assert_eq!(item_counts("格力、汉威、思维、机械所", true), Some((4, 4)));
        assert_eq!(item_counts("发展和生态", true), Some((2, 2)));
        assert_eq!(item_counts("辽阳、天津、四川", true), Some((3, 3)));
        assert_eq!(
            item_counts("高技术制造业、装备制造业和新兴产业", true),
            Some((2, 3))
        );
        assert_eq!(
            item_counts("原材料和能源供应、银行贷款、交通运输", true),
            Some((3, 3))
        );
        assert_eq!(item_counts("守住", true), None);
        assert_eq!(
            item_counts("三次产业对经济增长的拉动贡献", false),
            Some((3, 3))
        );
        assert_eq!(
            item_counts("成功举办中非合作论坛北京峰会、和平共处", true),
            None
        );
    }

    #[test]
    fn english_lists() {
        assert_eq!(
            item_counts(
                "Ghana (25%), Togo (12%), Benin (5%), and Chad, Mali and Niger",
                true
            ),
            Some((5, 6))
        );
        assert_eq!(
            item_counts(
                "Review of Arts, Journal of Fish and Game, and Annals of Law and Order",
                true
            ),
            Some((3, 3))
        );
        assert_eq!(item_counts("apples and pears", true), Some((2, 2)));
        assert_eq!(item_counts("apples", true), None);
    }

    #[test]
    fn age_groups_from_zero_to_an_open_top_cover_every_age() {
        assert_eq!(
            age_partition("0-17岁、18-34岁、35-59岁、60岁及以上户籍人口"),
            Some("户籍人口")
        );
        assert_eq!(
            age_partition("aged 0-14, 15-64 and 65 and over population"),
            Some("population")
        );
        // A gap (18-34 then 40-59) or no open top group: not every age.
        assert_eq!(
            age_partition("0-17岁、18-34岁、40-59岁、60岁及以上人口"),
            None
        );
        assert_eq!(age_partition("0-17岁、18-34岁人口"), None);
    }
}
