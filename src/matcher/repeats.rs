//! Repeats: figures that state the same quantity twice. Two ways to find
//! them: labels worded alike (Chinese bulletins name a figure the same way
//! in the summary and in the section), and a headline's figures against
//! the first place the text names them with the headline's words.

use std::collections::HashMap;

use super::{context_matches, Captures, Claim};
use crate::document::Document;
use crate::lex::Kind;
use crate::rules::{Role, Rule};

/// The shortest label that identifies a quantity on its own.
const MIN_LABEL_CHARS: usize = 6;

/// Whether the label of figure `i`, starting at `start`, is the tail of a
/// name that a bound cuts in two (`城关镇3岁以下婴幼儿目标任务数`, `60岁及以上
/// 老年人…`): it starts with the bound's word right where the previous
/// figure ends. Such a label is shared by every town's figure.
fn cut_by_a_figure(doc: &Document, i: usize, start: usize) -> bool {
    let qs = doc.quantities();
    let Some(prev) = i.checked_sub(1).map(|p| &qs[p]) else {
        return false;
    };
    let text = doc.text();
    let from = prev.unit_end.max(prev.end);
    from <= start
        && text[from..start].trim().is_empty()
        && ["以下", "以上", "及以上", "以内"]
            .iter()
            .any(|w| text[start..].starts_with(w))
}

/// How far back a figure's period is looked for, in figures.
const PERIOD_LOOKBACK: usize = 24;

/// A figure's period: the dates stated before it in its sentence; with
/// `carry`, when its sentence states none, those of the nearest earlier
/// sentence of its paragraph that does (`10月31日…新增确诊病例92例。其中…
/// 本土病例59例` dates both). Two figures with the same label but
/// different dates are different quantities. A time of day (`0—24时`) is a
/// cut-off, not a period.
fn period(doc: &Document, i: usize, carry: bool) -> Vec<rust_decimal::Decimal> {
    let qs = doc.quantities();
    let text = doc.text();
    let mut sentence = qs[i].sentence;
    let mut dates = Vec::new();
    for j in (i.saturating_sub(PERIOD_LOOKBACK)..i).rev() {
        if qs[j].paragraph != qs[i].paragraph {
            break;
        }
        if qs[j].sentence != sentence {
            if !dates.is_empty() || !carry {
                break;
            }
            sentence = qs[j].sentence;
        }
        let time_of_day = text[qs[j].end..].starts_with(['时', '時']);
        if qs[j].kind == Kind::Date && !time_of_day {
            dates.push(qs[j].value);
        }
    }
    dates.reverse();
    dates
}

/// Periods agree when both sentences state the same dates, or neither
/// does: a figure that is dated and one that is not may well speak of
/// different periods, and an undated sentence in the body may narrow its
/// paragraph's subject (`境外输入现有确诊病例…，现有疑似病例1例`). A headline
/// is read against the period its figure has in the text, dates carried
/// from earlier in the paragraph; an undated headline leaves the period
/// to the text.
fn same_period(doc: &Document, i: usize, j: usize) -> bool {
    match (doc.in_headline(i), doc.in_headline(j)) {
        (false, false) => period(doc, i, false) == period(doc, j, false),
        (true, true) => period(doc, i, true) == period(doc, j, true),
        (true, false) => headline_period_fits(doc, i, j),
        (false, true) => headline_period_fits(doc, j, i),
    }
}

fn headline_period_fits(doc: &Document, headline: usize, body: usize) -> bool {
    let dates = period(doc, headline, true);
    dates.is_empty() || dates == period(doc, body, true)
}

/// The rates that directly follow two repeated figures in their clauses
/// (`增长3.8%` after each), when both are worded alike.
fn attached_rates(doc: &Document, i: usize, j: usize) -> Option<(usize, usize)> {
    let qs = doc.quantities();
    let (ri, rj) = (i + 1, j + 1);
    if ri >= qs.len() || rj >= ri {
        return None;
    }
    let attached = |fig: usize, rate: usize| {
        qs[rate].kind == Kind::Percent
            && qs[rate].sentence == qs[fig].sentence
            && qs[rate].clause <= qs[fig].clause + 1
    };
    let words = doc.before(ri);
    (attached(i, ri)
        && attached(j, rj)
        && !words.is_empty()
        && words == doc.before(rj)
        && qs[ri].approx == qs[rj].approx)
        .then_some((ri, rj))
}

/// Do two labels name the same quantity? Equal, or one is the other with
/// a district or county in front (`全区第一产业增加值` and `第一产业增加值`:
/// county and district bulletins name their own place so). Any other
/// prefix narrows the quantity (`境外输入现有确诊病例`) or names a city,
/// province or country the report compares with.
fn same_label(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    match long.strip_suffix(short) {
        Some("") => true,
        Some(prefix) => prefix.ends_with(['区', '县']),
        None => false,
    }
}

/// Pairs each labelled figure with the latest earlier figure of the same
/// label, kind, unit and period: one pass, figures bucketed by the end of
/// their label.
pub(super) fn find_repeats(doc: &Document, rule: &Rule, rule_index: usize) -> Vec<Claim> {
    type Key = (Kind, String, String, bool);
    let qs = doc.quantities();
    // First pass: each labelled figure's bucket and label.
    let mut labelled: Vec<(usize, Key, String)> = Vec::new();
    let mut counts: HashMap<Key, usize> = HashMap::new();
    for (i, q) in qs.iter().enumerate() {
        if !rule.stated.kinds.contains(&q.kind) || q.in_range {
            continue;
        }
        let mut captures = Captures::new();
        if !context_matches(doc, &rule.stated, i, &mut captures) {
            continue;
        }
        let Some(label) = captures.get("label") else {
            continue;
        };
        if cut_by_a_figure(doc, i, label.start) {
            continue;
        }
        let label = match &rule.label_ignore {
            Some(ignore) => ignore.replace_all(&label.text, "").into_owned(),
            None => label.text.clone(),
        };
        // Short labels (城镇人口, 农业) name parts of different wholes in one
        // report; only a label specific enough names one quantity.
        let chars: Vec<char> = label.chars().collect();
        if chars.len() < MIN_LABEL_CHARS {
            continue;
        }
        let ending: String = chars[chars.len() - MIN_LABEL_CHARS..].iter().collect();
        let key = (q.kind, q.unit.clone(), ending, q.approx);
        *counts.entry(key.clone()).or_default() += 1;
        labelled.push((i, key, label));
    }
    // Second pass: a label stated exactly twice (a headline and its body,
    // a summary and its section). Three or more figures under one label
    // are a series (one per town, per month), not a repeat.
    let mut seen: HashMap<Key, (usize, String)> = HashMap::new();
    let mut claims = Vec::new();
    for (i, key, label) in labelled {
        if counts.get(&key) != Some(&2) {
            continue;
        }
        if let Some((j, other)) = seen.get(&key) {
            if same_label(other, &label) && same_period(doc, i, *j) {
                claims.push(Claim {
                    rule: rule_index,
                    members: vec![(Role::Stated, i), (Role::Part, *j)],
                    list: None,
                    captures: Vec::new(),
                });
                // The growth rate stated right after each (`72.61亿元,同比增长3.8%`)
                // is the same quantity too.
                if let Some(rate) = attached_rates(doc, i, *j) {
                    claims.push(Claim {
                        rule: rule_index,
                        members: vec![(Role::Stated, rate.0), (Role::Part, rate.1)],
                        list: None,
                        captures: Vec::new(),
                    });
                }
            }
        }
        seen.insert(key, (i, label));
    }
    claims
}

#[cfg(test)]
mod label_tests {
    use super::same_label;

    #[test]
    fn a_label_with_the_reports_own_place_in_front_is_the_same() {
        assert!(same_label(
            "郑州高新区技术合同成交额增速",
            "技术合同成交额增速"
        ));
        assert!(same_label("技术合同成交额增速", "技术合同成交额增速"));
        assert!(!same_label("全市技术合同成交额增速", "技术合同成交额增速"));
        assert!(!same_label("全国居民消费价格涨幅", "居民消费价格涨幅"));
        assert!(!same_label("新增确诊病例", "累计确诊病例"));
        assert!(!same_label("境外输入现有确诊病例", "现有确诊病例"));
    }
}

#[cfg(test)]
mod repeat_tests {
    use crate::{rules, Linter};

    fn repeat_findings(text: &str) -> usize {
        let rules: Vec<_> = rules::builtin()
            .unwrap()
            .into_iter()
            .filter(|r| r.id.starts_with("zh.repeat"))
            .collect();
        let report = Linter::new(rules).lint_text("t", text.to_owned(), 0);
        report.findings.len()
    }

    #[test]
    fn a_label_stated_twice_with_two_values_is_flagged() {
        assert_eq!(
            repeat_findings("快递业务量增速18.6%。\n\n全县快递业务量增速16.8%。"),
            1
        );
    }

    #[test]
    fn a_label_stated_three_times_is_a_series_not_a_repeat() {
        let text = "快递业务量增速18.6%。\n\n快递业务量增速16.8%。\n\n快递业务量增速12.1%。";
        assert_eq!(repeat_findings(text), 0);
    }

    #[test]
    fn different_years_are_different_quantities() {
        assert_eq!(
            repeat_findings("2021年快递业务量增速18.6%。\n\n2022年快递业务量增速16.8%。"),
            0
        );
    }

    #[test]
    fn a_label_cut_by_an_age_bound_names_no_one_quantity() {
        let text =
            "城关镇3岁以下婴幼儿目标任务数 40141人。\n\n南湖镇3岁以下婴幼儿目标任务数 46851人。";
        assert_eq!(repeat_findings(text), 0);
    }

    #[test]
    fn an_undated_sentence_in_the_body_is_not_the_dated_one() {
        // The second 现有疑似病例 is the imported cases' only: its sentence
        // narrows the subject and states no date.
        let text = "截至5月3日24时，现有确诊病例80例，现有疑似病例3例。境外输入现有确诊病例30例，现有疑似病例2例。";
        assert_eq!(repeat_findings(text), 0);
    }

    #[test]
    fn a_headline_is_read_against_the_dated_paragraph_below_it() {
        let report = |local: u32| {
            format!(
                "5月3日新增本土确诊病例7例\n\n5月3日0—24时，全省报告新增确诊病例12例。其中，新增本土确诊病例{local}例。"
            )
        };
        assert_eq!(repeat_findings(&report(8)), 1);
        assert_eq!(repeat_findings(&report(7)), 0);
    }
}

/// How many figures after the headline its figures are looked for: a
/// headline restates the lead, not the appendix.
const HEADLINE_REACH: usize = 256;

/// Words that say nothing of which quantity a label names.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "at", "to", "of", "in", "on", "for", "by", "and", "or", "was", "is", "were",
    "are", "be", "been", "its", "their", "with", "as", "per", "than", "from",
];

/// The words of an English label that carry its meaning, lowercased and
/// cut to six letters so that `increased` meets `increase`.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// The currency sign written before figure `i` (`$0.60`), if any.
fn currency(doc: &Document, i: usize) -> Option<char> {
    doc.before(i)
        .trim_end()
        .chars()
        .next_back()
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥' | '￥'))
}

/// Whether figure `j` is the earnings per share a headline label (`GAAP
/// EPS`, `non-GAAP EPS`) names: the text writes `$0.60 per diluted share`,
/// and states the basis only when it is not GAAP, the default: a `non-GAAP`
/// label needs a sentence that says non-GAAP, a `GAAP` one a sentence that
/// does not. Any other word of the label must be in the sentence.
fn names_earnings_per_share(doc: &Document, label: &[String], j: usize) -> bool {
    let after = doc.after(j).trim_start().to_ascii_lowercase();
    let per_share = ["per share", "per diluted share", "per basic share"]
        .iter()
        .any(|p| after.starts_with(p));
    let sentence = doc.sentence_before(j).to_ascii_lowercase();
    let non_gaap_text = sentence.contains("non-gaap") || sentence.contains("non gaap");
    let non_gaap_label = label.iter().any(|w| w == "non");
    let words = content_words(&sentence);
    let others = label
        .iter()
        .filter(|w| !matches!(w.as_str(), "eps" | "gaap" | "non"))
        .all(|w| words.contains(w));
    per_share && non_gaap_text == non_gaap_label && others
}

/// Pairs each figure of the document's headline (the headline paragraphs
/// before the first sentence of text) with the first figure of the text,
/// of the same kind and unit, whose clause carries every word of the
/// headline's label: `Euro area unemployment rate at 10.8%` and `The euro
/// area (EA17) seasonally-adjusted unemployment rate was 10.8%`.
pub(super) fn find_headline_repeats(doc: &Document, rule: &Rule, rule_index: usize) -> Vec<Claim> {
    let qs = doc.quantities();
    let Some(body_start) = (0..qs.len()).find(|&i| !doc.in_headline(i)) else {
        return Vec::new();
    };
    let fits = |i: usize| {
        let q = &qs[i];
        rule.stated.kinds.contains(&q.kind)
            && q.is_operand()
            && context_matches(doc, &rule.stated, i, &mut Captures::new())
    };
    let mut claims = Vec::new();
    for h in (0..body_start).filter(|&h| fits(h)) {
        let label = content_words(doc.before(h));
        if label.len() < 2 {
            continue;
        }
        let per_share = label.iter().any(|w| w == "eps");
        // The words must name the figure itself, in its own clause: a
        // sentence may go on to other quantities (`…net income of $96
        // million, or $0.60 per diluted share`). Earnings per share are
        // the exception, written out after the figure.
        let names_it = |j: usize| {
            if per_share {
                names_earnings_per_share(doc, &label, j)
            } else {
                let words = content_words(doc.before(j));
                label.iter().all(|w| words.contains(w))
            }
        };
        let found = (body_start..qs.len().min(body_start + HEADLINE_REACH)).find(|&j| {
            qs[j].kind == qs[h].kind
                && qs[j].unit == qs[h].unit
                && currency(doc, j) == currency(doc, h)
                && fits(j)
                && names_it(j)
        });
        if let Some(j) = found {
            claims.push(Claim {
                rule: rule_index,
                members: vec![(Role::Stated, j), (Role::Part, h)],
                list: None,
                captures: Vec::new(),
            });
        }
    }
    claims
}
