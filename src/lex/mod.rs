//! Figures in prose: the lexer turns text into a stream of `Quantity`.
//!
//! One pass over the text. At each place a figure can start (a digit, a
//! full-width digit, 百分之, a Chinese numeral before a measure word, an
//! English number word) the nom parsers in `number` read the figure, its
//! multiplier, its percent or point sign and its unit; `context` then
//! decides what it is (a year, an ordinal, a bound of a range) from the
//! words around it.

mod chinese;
mod context;
mod number;
mod quantity;
mod segment;
pub mod units;

pub use chinese::{is_numeral_char, numeral as chinese_numeral};
pub use quantity::{Kind, Quantity};
pub use segment::{Level, Segments};
pub use units::{is_discrete, is_known_unit, same_unit, ZH_COUNTERS};

use crate::source::TextView;

/// All the figures of a text, in order, with the text's segmentation.
#[derive(Debug)]
pub struct Lexed {
    pub quantities: Vec<Quantity>,
    pub segments: Segments,
}

pub fn lex(view: &TextView) -> Lexed {
    let text = view.text.as_str();
    let mut quantities = number::scan(text);
    // Digits of a web address or a DOI are no figures.
    let urls = url_spans(text);
    if !urls.is_empty() {
        quantities.retain(|q| {
            let k = urls.partition_point(|&(_, end)| end <= q.start);
            urls.get(k).is_none_or(|&(start, _)| q.start < start)
        });
    }
    // `普惠性幼儿园[3]24.47万所`, `studies[12]`: a note mark attached to a
    // word is no figure.
    quantities.retain(|q| !note_mark(text, q));
    // A word on the next line of the source is not a figure's unit: in a
    // table it is the next row's label (`$262.5\nLane Bryant`).
    // A measure word that goes on with prose is: `等4\n家企业认定为…` is
    // a line wrapped in a count.
    for q in &mut quantities {
        if q.unit_end > q.end {
            let from = view.soft_breaks.partition_point(|&b| b < q.end);
            let wrapped = view.soft_breaks.get(from).is_some_and(|&b| b < q.unit_end);
            let counter = ZH_COUNTERS.contains(&q.unit.as_str());
            if wrapped && !(counter && prose_follows(text, q.unit_end)) {
                q.unit.clear();
                q.unit_end = q.end;
            }
        }
    }
    context::classify(text, &mut quantities);
    let segments = Segments::new(text);
    for q in &mut quantities {
        q.clause = segments.index(Level::Clause, q.start);
        q.sentence = segments.index(Level::Sentence, q.start);
        q.paragraph = segments.index(Level::Paragraph, q.start);
    }
    Lexed {
        quantities,
        segments,
    }
}

/// Is `q` a note mark: a whole number of three digits at most, alone in
/// square brackets attached to the word before?
fn note_mark(text: &str, q: &Quantity) -> bool {
    let before = &text[..q.start];
    let Some(open) = before.strip_suffix(['[', '［']) else {
        return false;
    };
    let attached = open
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit());
    let closed = text[q.end..].starts_with([']', '］']);
    attached && closed && q.end - q.start <= 3 && q.unit_end == q.end
}

/// Does the line after `at` go on with words (four CJK characters or
/// more before a cell bar or the line's end)?
fn prose_follows(text: &str, at: usize) -> bool {
    let line = text[at..].split(['\n', '|', '｜']).next().unwrap_or("");
    line.chars()
        .take(12)
        .filter(|&c| crate::source::is_cjk(c))
        .count()
        >= 4
}

/// Byte spans of web addresses and DOIs, in order: from `http://`,
/// `https://`, `www.` or `doi:` to the next space, bracket, quote or CJK
/// character.
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    // Every marker's every start, in one pass over the text.
    static MARKERS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(["http://", "https://", "www.", "doi:", "doi.org/"])
                .expect("the address markers build an automaton")
        });
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for start in MARKERS.find_overlapping_iter(text).map(|m| m.start()) {
        let rest = &text[start..];
        let len = rest
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(c, ')' | ']' | '>' | '"' | '\'' | '<' | '(' | '[')
                    || !c.is_ascii()
            })
            .unwrap_or(rest.len());
        spans.push((start, start + len));
    }
    spans.sort_unstable();
    // Merge overlaps (`https://www.…`).
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_web_addresses_are_not_figures() {
        let view = TextView::new(
            "See https://doi.org/10.1542/peds.2018-3766 and www.stats.gov.cn/2022/12.html; 45 cases.",
        );
        let lexed = lex(&view);
        let values: Vec<String> = lexed
            .quantities
            .iter()
            .map(|q| q.value.to_string())
            .collect();
        assert_eq!(values, ["45"]);
    }
}
