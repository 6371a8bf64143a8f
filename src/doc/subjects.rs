//! Values after 分别 take the names of their subjects: in `高技术制造业、
//! 装备制造业增加值分别增长8.9%、7.7%` the 8.9% is 高技术制造业增加值 and the 7.7%
//! 装备制造业增加值, which every kind then reads like any other label.
//!
//! The list's last item carries the head noun the items share
//! (`…装备制造业增加值`, `销售/管理/研发费用率`); the others are its
//! modifiers. Where the head starts in the last item:
//! - after the last character the other items end with alike (`制造业` and
//!   `装备制造业增加值` → 增加值), nothing when the last item ends with it
//!   too (`逾期率、关注率`: the items are whole names);
//! - else, modifiers of one length (`销售/管理/研发费用率`), after that many
//!   characters (→ 费用率).
//!
//! Otherwise the values keep their labels: a wrong name is worse than
//! none.

use super::Document;
use crate::lexicon::{Lang, Lexicon};

pub fn name_values(doc: &mut Document, lexicon: &Lexicon) {
    // (The runs are read before the names: they hold no label.)
    let runs = std::mem::take(&mut doc.respectively);
    for paired in &runs {
        let Some((start, end)) = paired.subjects else {
            continue;
        };
        let first = paired.values[0];
        if doc.mentions[first].lang != Lang::Zh {
            continue;
        }
        let Some(mut names) = names(&doc.folded[start..end]) else {
            continue;
        };
        share_qualifier(&mut names, lexicon);
        if names.len() != paired.values.len() {
            continue;
        }
        for (&v, name) in paired.values.iter().zip(names) {
            let label = lexicon.normalizer.normalize(&name);
            let m = &mut doc.mentions[v];
            if label.chars().count() >= 2 && m.label.chars().count() <= 1 {
                m.label = label;
            }
        }
    }
    doc.respectively = runs;
}

/// The characters of a place before a set's qualifier (全省, 全市).
const MAX_PLACE_CHARS: usize = 2;

/// `城镇居民人均可支配收入、人均消费支出`, `公路货运量和货物周转量`: a
/// qualifier of a set (城镇, 公路) that opens the first name qualifies the
/// names after it that open with none of its set's qualifiers.
fn share_qualifier(names: &mut [String], lexicon: &Lexicon) {
    let Some((first, rest)) = names.split_first_mut() else {
        return;
    };
    for set in lexicon.sets.iter().filter(|s| s.lang == Lang::Zh) {
        let opener = set
            .stem
            .iter()
            .chain(&set.parts)
            .filter(|p| {
                // (After the place that scopes them all: 全省公路水路….)
                first.find(p.as_str()).is_some_and(|at| {
                    at + p.len() < first.len() && first[..at].chars().count() <= MAX_PLACE_CHARS
                })
            })
            .max_by_key(|p| p.len());
        let Some(opener) = opener else { continue };
        let own = |name: &str| {
            set.parts
                .iter()
                .chain(&set.stem)
                .any(|p| name.starts_with(p.as_str()))
        };
        if rest.iter().any(|n| own(n)) {
            return;
        }
        for name in rest.iter_mut() {
            name.insert_str(0, opener);
        }
        return;
    }
}

/// The full name of each item of a Chinese list of subjects, or None
/// when the list's head cannot be told.
fn names(subjects: &str) -> Option<Vec<String>> {
    // (`管理费用率（含研发）`: a bracketed note is no part of a name.)
    let bare = crate::kinds::list::strip_brackets(subjects);
    let text = without_period(bare.trim());
    let separator = if text.contains('、') {
        '、'
    } else if text.contains('/') {
        '/'
    } else if let Some((a, b)) = text.split_once(['和', '与', '及']) {
        // `出口额和进口额分别为…`: two subjects joined by a conjunction,
        // whole names that end alike.
        let alike = a.chars().last().is_some_and(|c| b.ends_with(c));
        let named = |s: &str| s.chars().count() >= 2 && s.chars().all(is_name_char);
        return (alike && named(a) && named(b)).then(|| vec![a.to_owned(), b.to_owned()]);
    } else {
        return None;
    };
    let mut items: Vec<&str> = text.split(separator).map(str::trim).collect();
    // `研发费用、管理费用和财务费用`: the last item may be joined by 和.
    if let Some(last) = items.pop() {
        match last.split_once(['和', '及', '与']) {
            Some((a, b)) if separator == '、' && !a.is_empty() && !b.is_empty() => {
                items.push(a);
                items.push(b);
            }
            _ => items.push(last),
        }
    }
    if items.len() < 2
        || items
            .iter()
            .any(|i| i.is_empty() || !i.chars().all(is_name_char))
    {
        return None;
    }
    let (last, rest) = items.split_last()?;
    let last_chars: Vec<char> = last.chars().collect();
    let endings: Vec<char> = rest.iter().filter_map(|i| i.chars().last()).collect();
    let head_start = if endings.iter().all(|&c| c == endings[0]) {
        let c = endings[0];
        let at = last_chars.iter().rposition(|&x| x == c)?;
        at + 1
    } else {
        // The first item may open with the clause's words (`公司销售`):
        // the modifiers' length is that of the others.
        let len = rest[rest.len() - 1].chars().count();
        let (first, others) = rest.split_first()?;
        // (Two modifiers at least: `营收/归母净利润` is two names.)
        if others.is_empty()
            || others.iter().any(|i| i.chars().count() != len)
            || first.chars().count() < len
            || last_chars.len() <= len + 1
        {
            return None;
        }
        len
    };
    let head: String = last_chars[head_start..].iter().collect();
    let mut names: Vec<String> = rest.iter().map(|i| format!("{i}{head}")).collect();
    names.push((*last).to_owned());
    Some(names)
}

/// Characters of a name: no digits, no punctuation of a clause.
fn is_name_char(c: char) -> bool {
    crate::source::is_cjk(c) && !"，。；：（）".contains(c) || c.is_ascii_alphabetic()
}

/// The subjects without the period that opens them (`2020年末逾期贷款` →
/// 逾期贷款, `22年前三季度销售` → 销售).
fn without_period(text: &str) -> &str {
    let Some(digit) = text.rfind(|c: char| c.is_ascii_digit()) else {
        return text;
    };
    let rest = &text[digit + 1..];
    let rest = rest.trim_start_matches(['年', '月', '日', '末', '底', '初', '份', 'Q', 'H']);
    for period in [
        "前三季度",
        "上半年",
        "下半年",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "全年",
    ] {
        if let Some(r) = rest.strip_prefix(period) {
            return r;
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::names;

    fn named(text: &str) -> Option<Vec<String>> {
        names(text)
    }

    #[test]
    fn the_last_item_lends_its_head_to_the_others() {
        assert_eq!(
            named("高技术制造业、装备制造业增加值").unwrap(),
            ["高技术制造业增加值", "装备制造业增加值"]
        );
        assert_eq!(
            named("销售/管理/研发费用率").unwrap(),
            ["销售费用率", "管理费用率", "研发费用率"]
        );
        assert_eq!(
            named("公司销售/管理/研发费用率").unwrap(),
            ["公司销售费用率", "管理费用率", "研发费用率"]
        );
        assert_eq!(
            named("2020年末逾期贷款、关注类贷款余额").unwrap(),
            ["逾期贷款余额", "关注类贷款余额"]
        );
    }

    #[test]
    fn whole_names_are_kept_whole() {
        assert_eq!(named("逾期率、关注率").unwrap(), ["逾期率", "关注率"]);
        assert_eq!(
            named("研发费用、管理费用和财务费用").unwrap(),
            ["研发费用", "管理费用", "财务费用"]
        );
    }

    #[test]
    fn a_list_whose_head_cannot_be_told_names_nothing() {
        // Modifiers of different lengths that end differently.
        assert_eq!(named("城镇、农村居民人均可支配收入"), None);
        assert_eq!(named("华东/华南地区实现营收7.31"), None);
        assert_eq!(named("营收"), None);
        assert_eq!(named("营收/归母净利润"), None);
        // Two joined by 和 that end differently: a head shared or not.
        assert_eq!(named("城镇和农村居民人均可支配收入"), None);
    }

    #[test]
    fn two_whole_names_joined_by_a_conjunction_are_two_subjects() {
        assert_eq!(named("出口额和进口额").unwrap(), ["出口额", "进口额"]);
        assert_eq!(
            named("公路货运量与货物周转量").unwrap(),
            ["公路货运量", "货物周转量"]
        );
    }
}
