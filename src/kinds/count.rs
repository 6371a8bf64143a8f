//! Counts: a stated number of things against the list that names them.
//!
//! Shapes:
//! - `list-then-count`: `辽阳、天津、四川三大化纤厂`, `格力、汉威等4家企业`
//!   (after 等 the list may name only some: only more items than the
//!   number is an error; without 等, a list short by two or more, or
//!   two items before N大, may qualify the things counted rather than
//!   name them);
//! - `count-then-list`: `三大任务：A、B、C`, `3个园区（A、B、C）`, `six
//!   journals: A, B, and C`, `five countries (A, B, C, D and E)`;
//! - `years`: `１９７９、１９８０两年`, `1950年到2002年53年`;
//! - `steps`: `the following four steps` against `Step 1` … `Step N`.

use rust_decimal::prelude::ToPrimitive;

use super::enumeration::{after_colon, enumerated};
use super::list::{item_counts, numbered_count, year_count};
use super::{Candidate, Context, RelationKind, Strength, Verdict};
use crate::doc::Document;
use crate::lex::{Kind, Level, ZH_COUNTERS};

pub struct Count;

const NAME: &str = "count";

impl RelationKind for Count {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a stated number of things equals the number the list names"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &[
            "list-then-count",
            "count-then-list",
            "enumerated",
            "years",
            "steps",
        ]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        for i in 0..doc.figures.len() {
            let q = &doc.figures[i];
            if q.kind != Kind::Number || q.decimals > 0 || q.approx || q.in_range {
                continue;
            }
            let Some(n) = q.value.to_usize() else {
                continue;
            };
            if q.unit == "年" {
                years(doc, i, out);
                continue;
            }
            if !(2..=20).contains(&n) {
                continue;
            }
            let zh_counter = ZH_COUNTERS.contains(&q.unit.as_str());
            if zh_counter && !(q.unit == "大" && n >= 10) {
                list_then_count(doc, i, out);
                if !numbered_items(doc, i, n, out) {
                    zh_count_then_list(doc, i, out);
                }
            } else if en_counted(doc, i) {
                if !numbered_items(doc, i, n, out) {
                    en_count_then_list(doc, i, out);
                }
                steps(doc, i, out);
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let n = doc.figures[c.stated].value.to_usize()?;
        let (_, start, end) = c.list?;
        let list = &doc.folded[start..end];
        let (fewest, most, what) = match c.shape {
            "years" => {
                let (a, b) = year_count(list)?;
                (a, b, "the years named are")
            }
            "steps" => {
                let k = numbered_count(&doc.text()[start..end])?;
                (k, k, "the text numbers")
            }
            "enumerated" => {
                let (a, b, _) = enumerated(list)?;
                (a, b, "the list numbers")
            }
            _ => {
                let (a, b) = item_counts(list, true)?;
                (a, b, "the list names")
            }
        };
        // `A、B等5家` may name some of five ("among others"): only a
        // longer list is wrong.
        if c.params.open && n > most {
            return None;
        }
        // A list before its count that falls short may not name the
        // things counted but qualify them: verbs (新签和升级8个协议), two
        // owners of N major things (美国、欧洲三大股指). A dropped item
        // leaves a list one short, never two.
        let owners = most == 2 && doc.figures[c.stated].unit == "大";
        if c.shape == "list-then-count" && n > most && (n - most >= 2 || owners) {
            return None;
        }
        let counted = if fewest == most {
            fewest.to_string()
        } else {
            format!("{fewest} or {most}")
        };
        let shown_list = doc.text()[start..end].trim().replace('\n', " ");
        // Numbered steps run over pages: the note quotes their start.
        let shown_list = if shown_list.chars().count() > 400 {
            let cut: String = shown_list.chars().take(80).collect();
            format!("{cut}…")
        } else {
            shown_list
        };
        let stated = super::util::shown(doc, c.stated);
        Some(Verdict {
            consistent: (fewest..=most).contains(&n),
            message: format!("{what} {counted}, but the text says {stated}"),
            primary_label: format!("{what} {counted}"),
            expected: counted.clone(),
            note: format!("{what} {counted}: {shown_list}"),
            doubtful: false,
        })
    }
}

fn candidate(
    doc: &Document,
    i: usize,
    shape: &'static str,
    start: usize,
    end: usize,
    open: bool,
) -> Candidate {
    let mut c = Candidate::new(NAME, shape, doc.mentions[i].lang, i).strong();
    c.list = Some(("list", start, end));
    c.params.open = open;
    c
}

/// Characters a list item (a noun phrase) never ends with: particles,
/// prepositions, verbs of having and being.
const NOT_ITEM_END: &[char] = &[
    '的', '了', '在', '有', '对', '将', '于', '为', '是', '和', '与', '及', '把', '被', '从', '向',
    '给', '以', '也', '都', '还', '就', '又', '并', '(', '（', '《', '“',
];

/// Nouns that end with a character of `NOT_ITEM_END` (供给, supply, is
/// no 给 of giving).
const NOUNS_ENDING_LIKE_PARTICLES: &[&str] = &["供给"];

/// Words that point at a list yet to come (以下三个, 如下), not back.
const POINTERS: &[&str] = &[
    "以下", "如下", "下列", "下述", "上述", "这些", "其他", "其它",
];

/// Is `text` a list of parallel names, as a count counts: short items,
/// none ending in a particle, none holding one?
fn names_listed(text: &str, pointed: bool) -> bool {
    // `A和B`, `高新区、经开区和综合保税区`: the last two items are joined by
    // a word.
    let mut items: Vec<&str> = text.split('、').collect();
    if let Some(last) = items.pop() {
        items.extend(last.splitn(2, ['和', '及', '与']));
    }
    // Items pointed back at by 这 may be phrases (建立健全生产责任制).
    let max = match (text.contains('、'), pointed) {
        (_, true) => 12,
        (true, false) => 10,
        (false, false) => 6,
    };
    items.len() >= 2
        && items.iter().enumerate().all(|(k, item)| {
            let item = item.trim_matches(|c: char| c.is_whitespace() || "“”\"「」".contains(c));
            let n = item.chars().count();
            // The first item may hold the verb that opens the list
            // (重点推进“一带一路”建设); the last stands right before the number.
            let limit = if k + 1 == items.len() {
                8.min(max)
            } else if k == 0 {
                max + 4
            } else {
                max
            };
            n >= 1
                && n <= limit
                && (!item.ends_with(NOT_ITEM_END)
                    || NOUNS_ENDING_LIKE_PARTICLES
                        .iter()
                        .any(|n| item.ends_with(n)))
                && !item.contains(['了', '的'])
                && !POINTERS.iter().any(|p| item.ends_with(p))
        })
}

/// The last characters of the words that open a clause before its list
/// (`落实了在…`); the last three only before a pair (`主要来自…`).
const OPENING_ENDS: [char; 9] = ['了', '在', '对', '把', '将', '的', '从', '自', '于'];

/// The list right before a count, back to its clause's start:
/// `辽阳、天津、四川` before 三大.
fn list_then_count(doc: &Document, i: usize, out: &mut Vec<Candidate>) {
    let q = &doc.figures[i];
    // 6个月 is a time, not six things.
    let after = &doc.folded[q.unit_end..];
    if after.starts_with(['月', '小', '星', '周', '年', '字']) || after.starts_with("工作日")
    {
        return;
    }
    let clause = doc.segment_start(Level::Clause, q.start);
    let before = doc.folded[clause..q.start].trim_end();
    // Words between the list and the number: 等, 这, 共, a quote.
    let mut open = false;
    let mut pointed = false;
    let mut tail = before;
    loop {
        let t = tail.trim_end_matches([' ', '“', '"', '「', '\u{3000}']);
        if let Some(r) = t.strip_suffix('等') {
            open = true;
            tail = r;
        } else if let Some(r) = t.strip_suffix('这').or_else(|| t.strip_suffix("这样")) {
            // `A和B这两个环节`: 这 points back at exactly the things named.
            pointed = true;
            tail = r;
        } else if let Some(r) = t.strip_suffix("共") {
            tail = r;
        } else {
            tail = t;
            break;
        }
    }
    let end = clause + tail.len();
    let mut text = doc.folded[clause..end].trim_start_matches(['“', '"']);
    // `落实了在原材料和能源供应、银行贷款…`: the words that open the clause
    // before its first item end at its last particle; so do those before
    // a pair too long to be names alone (`主要来自房地产及化纤两大板块`,
    // `必须从增加有效供给和抑制不合理需求两方面`).
    let pair_opened = !text.contains('、')
        && text
            .split(['和', '及', '与'])
            .next()
            .is_some_and(|first| first.chars().count() > 8);
    let separators: &[char] = if pair_opened {
        &['和', '及', '与']
    } else {
        &['、']
    };
    if let Some(first) = text
        .split(separators)
        .next()
        .filter(|_| text.matches('、').count() >= 2 || pair_opened)
    {
        // (Before a pair, the prepositions of a source end the opening
        // words too: 来自, 从.)
        let particles = &OPENING_ENDS[..if pair_opened { OPENING_ENDS.len() } else { 6 }];
        if let Some(k) = first.rfind(particles) {
            let cut = k + first[k..].chars().next().map_or(0, char::len_utf8);
            if first[cut..].chars().count() >= 2 {
                text = &text[cut..];
                // A pair its preposition opens (`从…和…两方面`) is
                // delimited as a pointed one is: its items may be phrases.
                pointed |= pair_opened;
            }
        }
    }
    let start = end - text.len();
    // A list of names with no figure of its own.
    if !names_listed(text, pointed)
        || doc.figures_in(start, end).iter().any(|f| {
            f.start >= start && f.start < end && !matches!(f.kind, Kind::Date | Kind::Ordinal)
        })
    {
        return;
    }
    if item_counts(text, true).is_some() {
        out.push(candidate(doc, i, "list-then-count", start, end, open));
    }
}

/// 三大任务：A、B、C / 3个园区（A、B、C）: the list after the counted noun.
fn zh_count_then_list(doc: &Document, i: usize, out: &mut Vec<Candidate>) {
    let q = &doc.figures[i];
    let rest = &doc.folded[q.unit_end..];
    // The counted noun: a few characters, then a colon or a bracket.
    let noun_len = rest
        .char_indices()
        .take(13)
        .find(|&(_, c)| matches!(c, '：' | ':' | '（' | '(' | '，' | '。' | '；' | ',' | '\n'))
        .map(|(k, _)| k);
    let Some(k) = noun_len else { return };
    let opener = rest[k..].chars().next().unwrap_or(' ');
    let close: &[char] = match opener {
        '：' | ':' => &['。', '；', '\n', ';'],
        '（' | '(' => &['）', ')'],
        _ => return,
    };
    let start = q.unit_end + k + opener.len_utf8();
    let body = &doc.folded[start..];
    let Some(len) = body.find(close) else { return };
    let end = doc.folded.floor_char_boundary(start + len.min(600));
    let text = &doc.folded[start..end];
    if !text.contains('、')
        || text.ends_with('等')
        || doc
            .figures_in(start, end)
            .iter()
            .any(|f| f.start >= start && f.start < end)
    {
        return;
    }
    out.push(candidate(doc, i, "count-then-list", start, end, false));
}

/// A colon right after the counted noun, then items numbered from one:
/// `今年重点抓好三项工作：一是…；二是…；三是…`, `one of five conditions: 1) …`.
/// A list found short that numbers its next item further on is not
/// judged.
fn numbered_items(doc: &Document, i: usize, n: usize, out: &mut Vec<Candidate>) -> bool {
    let q = &doc.figures[i];
    let window = doc
        .folded
        .floor_char_boundary((q.unit_end + 80).min(doc.folded.len()));
    let rest = &doc.folded[q.unit_end..window];
    // `三项工作：一是…`, or the list's first marker right after the
    // sentence that announces it (`必须抓好三项工作。一要…`).
    // (After a full stop, only counts of tasks and points announce the
    // list: `全市共有3个开发区。一是要…` counts something else.)
    let opens_list = |c: usize| {
        let after = rest[c..].trim_start_matches(['。', '.', '\n']).trim_start();
        // The sentence ends with its noun (`三项工作。`), not with what is
        // done about it (`两方面采取有力措施。`).
        let noun = &doc.folded[q.end..q.unit_end + c];
        let tasks = ["项", "件", "条", "点", "个方面", "方面"]
            .iter()
            .any(|w| doc.folded[q.end..].starts_with(w))
            && noun.chars().count() <= 4;
        // (`our call has three parts. First, …`: in English, a sentence
        // that ends with a noun of discourse.)
        let words: Vec<&str> = noun.split_whitespace().collect();
        let en_parts = words.len() <= 4
            && words
                .last()
                .is_some_and(|w| DISCOURSE_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w)));
        tasks && (after.starts_with("一是") || after.starts_with("一要"))
            || en_parts && (after.starts_with("First,") || after.starts_with("Firstly,"))
    };
    let Some(colon) = rest
        .find(['：', ':', '。', '.', '\n'])
        .filter(|&c| rest[c..].starts_with(['：', ':']) || opens_list(c))
    else {
        return false;
    };
    let noun = &rest[..colon];
    let short = if noun.is_ascii() {
        noun.split_whitespace().count() <= 8
    } else {
        noun.chars().count() <= 12 && !noun.contains(['，', '。', '；', ',', ';'])
    };
    if !short || !doc.figures_in(q.unit_end, q.unit_end + colon).is_empty() {
        return false;
    }
    let Some(list) = after_colon(&doc.folded, q.unit_end + colon) else {
        return false;
    };
    if list.items < n && list.goes_on(&doc.folded) {
        return true;
    }
    out.push(candidate(doc, i, "enumerated", list.start, list.end, false));
    true
}

/// Nouns that announce the parts of what is said (`three parts. First,
/// …`): only these may end the sentence before an ordinal list.
const DISCOURSE_NOUNS: &[&str] = &[
    "parts",
    "areas",
    "points",
    "things",
    "reasons",
    "priorities",
    "topics",
    "ways",
    "goals",
    "pillars",
    "themes",
    "objectives",
    "questions",
    "lessons",
    "factors",
    "steps",
    "messages",
];

/// An English count of things: a number word, or digits before a plural
/// noun.
fn en_counted(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    if doc.mentions[i].lang != crate::lexicon::Lang::En {
        return false;
    }
    // The counted noun, after up to three adjectives (`six main sub
    // disciplines`, `six flagship psychology journals`).
    let plural = plural_noun;
    let rest = &doc.folded[q.end
        ..doc
            .folded
            .floor_char_boundary((q.end + 60).min(doc.folded.len()))];
    let phrase = rest
        .split([',', '.', ';', ':', '(', ')'])
        .next()
        .unwrap_or("");
    phrase
        .split_whitespace()
        .take(4)
        .any(|w| plural(&w.to_ascii_lowercase()))
}

/// A plural noun, as an English count counts (`indicators`, not `this`).
fn plural_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !matches!(
            w,
            "this" | "thus" | "less" | "plus" | "was" | "has" | "its" | "across"
        )
}

/// Words that open each of two parallel items (`those who …`, `to …`,
/// `by …`): a pair however long its items.
const PARALLEL_OPENERS: &[&str] = &[
    "those", "these", "to", "by", "how", "whether", "what", "who", "where", "when", "why",
    "because",
];

/// `six flagship journals …: A, B, and C.` / `five countries (A, B, C)`.
fn en_count_then_list(doc: &Document, i: usize, out: &mut Vec<Candidate>) {
    let q = &doc.figures[i];
    // `Four of the seven indicators improved: A, B, C and D` names the
    // four; `at least 1 of 4 problems: A, B, C, D` names the four it is
    // drawn from. Either count may be the list's: two readings, neither
    // clearly meant.
    let drawn_from = i > 0
        && doc.same_sentence(i - 1, i)
        && matches!(
            doc.gap(i - 1, i).trim().to_ascii_lowercase().as_str(),
            "of" | "of the" | "out of" | "out of the"
        );
    let out = &mut |mut c: Candidate| {
        if drawn_from {
            c.strength = Strength::Weak;
            out.push(Candidate {
                stated: i - 1,
                ..c.clone()
            });
        }
        out.push(c);
    };
    let sentence_end = doc.segment_end(Level::Sentence, q.end);
    let rest = &doc.folded[q.unit_end..sentence_end.max(q.unit_end)];
    let lower = rest.to_ascii_lowercase();
    // A bracket right after the counted noun: the noun may have a few
    // words of its own (`six socioeconomic indicators (…)`) and a place
    // (`six other jurisdictions in the Pacific region (…)`).
    let words_before_bracket = lower
        .find('(')
        .map(|k| lower[..k].split_whitespace().collect::<Vec<_>>());
    let noun_phrase = words_before_bracket.as_ref().is_some_and(|words| {
        let noun = words.iter().take(3).position(|w| plural_noun(w));
        noun.is_some_and(|k| {
            let tail = &words[k + 1..];
            tail.is_empty()
                || tail.len() <= 4
                    && matches!(tail[0], "in" | "from" | "of" | "across" | "within")
                    && !tail.iter().any(|w| w.contains([':', ',', ';']))
        }) && !q.unit.is_empty()
    });
    if lower.trim_start().starts_with('(')
        || words_before_bracket.as_ref().is_some_and(|w| w.is_empty()) && !q.unit.is_empty()
        || noun_phrase
    {
        if let Some(open) = rest.find('(') {
            let mut start = q.unit_end + open + 1;
            // `(i.e., crowding, income, …)` spells the things out.
            let spelled = ["i.e., ", "i.e. ", "ie, "]
                .iter()
                .find(|w| doc.folded[start..].starts_with(*w));
            if let Some(w) = spelled {
                start += w.len();
            }
            if let Some(close) = doc.folded[start..].find(')') {
                let end = start + close;
                let inner = &doc.folded[start..end];
                let names = inner.starts_with(|c: char| c.is_ascii_uppercase())
                    || spelled.is_some() && inner.matches(',').count() >= 2;
                if names
                    && !inner.contains(['=', ';', ':'])
                    && !doc
                        .figures_in(start, end)
                        .iter()
                        .any(|f| f.start >= start && f.start < end)
                {
                    out(candidate(doc, i, "count-then-list", start, end, false));
                }
            }
        }
        return;
    }
    // A colon a few words after the counted noun, then a list of short
    // names to the sentence's end; or, after a definite count (`The 6
    // response options were …`), its copula and a list of three or more
    // that closes with `and` or `or`.
    let copula = || {
        // (`The ` right before the count: read from the bytes before it,
        // never the whole text.)
        let definite = q.start >= 4
            && doc.folded.as_bytes()[q.start - 4..q.start].eq_ignore_ascii_case(b"the ")
            && (q.start == 4 || !doc.folded.as_bytes()[q.start - 5].is_ascii_alphanumeric());
        let words: Vec<(usize, &str)> = lower
            .split(' ')
            .scan(0usize, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .take(5)
            .collect();
        let k = words
            .iter()
            .position(|(_, w)| matches!(*w, "were" | "are" | "included" | "include"))?;
        let noun_before = k >= 1 && words[..k].iter().any(|(_, w)| plural_noun(w));
        let (at, w) = words[k];
        let list = &lower[at + w.len()..];
        let closed = list.matches(',').count() >= 2
            && [", and ", ", or ", " and ", " or "].iter().any(|c| {
                list.rfind(c)
                    .is_some_and(|p| !list[p + c.len()..].contains(','))
            });
        (definite && noun_before && closed).then_some(at + w.len() - 1)
    };
    // `namely` spells the things out as a colon does (`two goals, namely
    // …`): `colon` is then its last byte, as it is a colon's.
    let namely = || {
        [" namely ", " i.e., ", " i.e. "]
            .iter()
            .filter_map(|w| lower.find(w).map(|k| k + w.trim_end().len() - 1))
            .min()
    };
    let Some(colon) = rest.find(':').or_else(namely).or_else(copula) else {
        return;
    };
    // A count in one table cell and a colon in the next are two cells.
    if rest[..colon].contains(['|', '｜']) {
        return;
    }
    // A few words to the colon, figures among them only when they restate
    // the count (`six journals that represent six sub disciplines: …`).
    let words = rest[..colon].split_whitespace().count();
    let between = doc.figures_in(q.unit_end, q.unit_end + colon);
    let restated = !between.is_empty() && between.iter().all(|f| f.value == q.value);
    // Up to ten words when none is a figure (`Six countries accounted for
    // more than half of all cases:`), if the items are names (below).
    if words > 10 || !between.is_empty() && !restated {
        return;
    }
    let start = q.unit_end + colon + 1;
    let end = doc
        .folded
        .floor_char_boundary(sentence_end.min(start + 600));
    let text = doc.folded[start..end.max(start)].trim_end_matches(['.', ' ', '\n']);
    let end = start + text.len();
    // Names with their glosses in brackets dropped (`Journal of Applied
    // Psychology (JAP; Applied Psychology)`).
    let plain = super::list::strip_brackets(text);
    let items: Vec<&str> = plain.split([',', ';']).collect();
    let short = items.iter().all(|item| {
        let length = item
            .trim()
            .trim_start_matches("and ")
            .trim_start_matches("or ")
            .split_whitespace()
            .count();
        // (Up to eight words when the colon closes the counted noun
        // itself: `a list of 10 reasons: …, some other aspect of your
        // physical appearance, …`.)
        (1..=if words <= 2 { 8 } else { 6 }).contains(&length)
    });
    // Two items opening alike (`2 categories: those moving towards
    // elimination and those with a high burden …`) are parallel at any
    // length.
    let parallel = !plain.contains([',', ';'])
        && plain.matches(" and ").count() == 1
        && plain.split_once(" and ").is_some_and(|(a, b)| {
            let opener = |s: &str| s.split_whitespace().next().map(str::to_ascii_lowercase);
            opener(a).is_some_and(|w| PARALLEL_OPENERS.contains(&w.as_str()))
                && opener(a) == opener(b)
        });
    let short = short || parallel;
    // Figures in brackets after the names are their glosses (`Nigeria
    // (25%)`); one outside them makes the items statements.
    let depth = doc.mentions[i].depth;
    let inside = doc.figure_range(start, end);
    let figures_inside = inside
        .clone()
        .any(|f| doc.figures[f].start < end && doc.mentions[f].depth <= depth);
    let glossed = !inside.is_empty();
    // Far from the count, or glossed with figures, the items must be
    // names (`Nigeria (25%), Uganda (5%)`), not a description's parts
    // (`at 2 centers: endocrine disorders (86.0%), …`).
    let names = items.iter().all(|item| {
        let item = item.trim();
        let item = ["and ", "or ", "the "]
            .iter()
            .fold(item, |s, w| s.strip_prefix(w).unwrap_or(s));
        item.starts_with(|c: char| c.is_uppercase())
    });
    if (words > 6 || glossed) && !names {
        return;
    }
    // `three tasks: First, …`: an enumeration of sentences, not names.
    let first_word = text
        .trim_start()
        .split([' ', ','])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let enumerated = matches!(
        first_word.as_str(),
        "first" | "firstly" | "one" | "-" | "--" | "•"
    );
    if !short || figures_inside || enumerated || text.trim_start().starts_with('-') {
        return;
    }
    out(candidate(doc, i, "count-then-list", start, end, false));
}

/// `the following four steps` … `Step 1` … `Step 4`.
fn steps(doc: &Document, i: usize, out: &mut Vec<Candidate>) {
    let q = &doc.figures[i];
    let unit = q.unit.to_ascii_lowercase();
    if !matches!(unit.as_str(), "steps" | "stages" | "phases") {
        return;
    }
    let end = (q.unit_end + 6000).min(doc.folded.len());
    let end = doc.folded.floor_char_boundary(end);
    out.push(candidate(doc, i, "steps", q.unit_end, end, false));
}

/// `１９７９、１９８０两年`, `1950年到2002年53年`: the years just before.
fn years(doc: &Document, i: usize, out: &mut Vec<Candidate>) {
    // The dates right before, joined by list marks or a range word.
    let mut first = i;
    while first > 0 {
        let p = first - 1;
        let pq = &doc.figures[p];
        let gap = doc
            .folded
            .get(pq.end..doc.figures[first].start)
            .unwrap_or("");
        let joined = gap.chars().count() <= 4
            && gap
                .trim_start_matches('年')
                .trim()
                .trim_end_matches(['这', '的', '间', '共'])
                .chars()
                .all(|c| {
                    matches!(
                        c,
                        '、' | '和'
                            | '及'
                            | '与'
                            | '到'
                            | '至'
                            | '—'
                            | '–'
                            | '-'
                            | '~'
                            | '～'
                            | '年'
                            | ' '
                    )
                });
        if pq.kind != Kind::Date || !joined {
            break;
        }
        first = p;
    }
    if first == i || i - first < 1 {
        return;
    }
    let start = doc.figures[first].start;
    let text_end = doc.figures[i].start;
    let list = doc.folded[start..text_end].trim_end_matches(['这', '的', '间', '共', ' ']);
    if year_count(list).is_some() {
        out.push(candidate(doc, i, "years", start, start + list.len(), false));
    }
}
