//! Lists whose items are numbered: `三项工作：一是…；二是…；三是…`,
//! `five conditions: 1) … 2) …`, `（1）…（2）…`, `three areas: First, …;
//! second, …; and third, …`. The markers, not the
//! punctuation, say where each item starts, so an item may be a whole
//! sentence.

/// How the items are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// 一是, 二是, 三是
    ZhShi,
    /// 一要, 二要, 三要 (what must be done, in a work report)
    ZhYao,
    /// (1) or （1）
    Bracketed,
    /// 1) or 1）
    Closed,
    /// First, Second, Third, … (and a last item opened by Finally or
    /// Lastly), each opening a sentence or a clause after `;`.
    EnOrdinal,
}

const EN_ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Words that open the last item of an ordinal list whatever its number.
const EN_LAST: &[&str] = &["Finally,", "Lastly,", "finally,", "lastly,"];

const ZH_NUMERALS: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// How far after one item the next must start: numbered items are
/// sentences or short paragraphs, not sections.
const ITEM_REACH: usize = 1500;

/// The spellings of item `k`'s marker in `style`.
fn markers(style: Style, k: usize) -> Vec<String> {
    match style {
        Style::ZhShi => ZH_NUMERALS
            .get(k.wrapping_sub(1))
            .map(|n| vec![format!("{n}是")])
            .unwrap_or_default(),
        Style::ZhYao => ZH_NUMERALS
            .get(k.wrapping_sub(1))
            .map(|n| vec![format!("{n}要")])
            .unwrap_or_default(),
        Style::Bracketed => vec![format!("({k})"), format!("（{k}）")],
        Style::Closed => vec![format!("{k})"), format!("{k}）")],
        Style::EnOrdinal => EN_ORDINALS
            .get(k.wrapping_sub(1))
            .map(|w| {
                let mut upper = w.to_string();
                upper[..1].make_ascii_uppercase();
                vec![
                    format!("{upper},"),
                    format!("{w},"),
                    format!("{upper}ly,"),
                    format!("{w}ly,"),
                ]
            })
            .unwrap_or_default(),
    }
}

/// Does a word marker at `pos` open a sentence or a clause (`. Second,`,
/// `; and third,`), not stand inside one (`the second, larger group`)?
fn opens_item(text: &str, pos: usize) -> bool {
    // (`; and third,`, `And, third,`)
    let before = text[..pos].trim_end().trim_end_matches(',');
    let before = ["and", "And"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map_or(before, str::trim_end);
    before.is_empty() || before.ends_with(['.', ';', ':', '\n', '!', '?'])
}

/// Where `marker` next stands as a marker in `text` from `from`: a digit
/// marker not glued to a digit or letter before it (`12)`, `N=70)`), a
/// word marker opening a sentence or a clause.
fn find_marker(text: &str, from: usize, marker: &str) -> Option<usize> {
    let word = marker.starts_with(|c: char| c.is_ascii_alphabetic());
    let mut at = from;
    while let Some(k) = text.get(at..)?.find(marker) {
        let pos = at + k;
        let glued = marker.starts_with(|c: char| c.is_ascii_digit())
            && text[..pos]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '=' || c == '.');
        if !glued && (!word || opens_item(text, pos)) {
            return Some(pos);
        }
        at = pos + marker.len();
    }
    None
}

fn find_any(text: &str, from: usize, style: Style, k: usize) -> Option<(usize, usize)> {
    markers(style, k)
        .iter()
        .filter_map(|m| find_marker(text, from, m).map(|p| (p, p + m.len())))
        .min()
}

/// The numbered list that opens `text` (right after a colon): how many
/// items it numbers, in order from 1 (fewest and most: a closing
/// `Finally,` may be one more item or a word on the whole list), and
/// where its last item ends.
/// An item that starts more than a paragraph's reach after the one
/// before, or a new list's first marker, ends the list.
pub fn enumerated(text: &str) -> Option<(usize, usize, usize)> {
    let (style, lead) = opening_style(text)?;
    let (_, mut end) = find_any(text, lead, style, 1)?;
    let mut count = 1;
    while let Some((next, next_end)) = find_any(text, end, style, count + 1) {
        let restart = find_any(text, end, style, 1).is_some_and(|(p, _)| p < next);
        if restart || next - end > ITEM_REACH {
            break;
        }
        count += 1;
        end = next_end;
    }
    // `First, … Second, … Finally, …`: the closing word may number one
    // more item.
    let numbered = count;
    if style == Style::EnOrdinal {
        let last = EN_LAST
            .iter()
            .filter_map(|m| find_marker(text, end, m).map(|p| (p, p + m.len())))
            .min();
        if let Some((_, last_end)) = last.filter(|&(at, _)| at - end <= ITEM_REACH) {
            count += 1;
            end = last_end;
        }
    }
    // The last item runs to its sentence's end.
    let tail = &text[end..];
    let item_end = tail
        .find(['。', '；', ';', '\n'])
        .into_iter()
        .chain(tail.find(". ").map(|k| k + 1))
        .min()
        .unwrap_or(tail.len())
        .min(ITEM_REACH);
    let item_end = text.floor_char_boundary(end + item_end);
    (count >= 2).then_some((numbered, count, item_end))
}

/// How far past its colon a numbered list is read.
const LIST_REACH: usize = 20_000;

/// A numbered list that opens right after a colon.
pub struct NumberedList {
    /// Where the list starts in the text, past the colon.
    pub start: usize,
    /// How many items it numbers.
    pub items: usize,
    /// Where its last item ends.
    pub end: usize,
}

impl NumberedList {
    /// Is item `items + 1` numbered further on in `text`, past the reach?
    /// (Read only for a list found short.)
    pub fn goes_on(&self, text: &str) -> bool {
        let list = &text[self.start..reach(text, self.start)];
        continues(list, self.end - self.start, self.items + 1)
    }
}

/// Where reading a list that starts at `start` stops.
fn reach(text: &str, start: usize) -> usize {
    text.floor_char_boundary((start + LIST_REACH).min(text.len()))
}

/// The numbered list after the colon at byte `colon` of `text`, if one
/// opens there.
pub fn after_colon(text: &str, colon: usize) -> Option<NumberedList> {
    let start = colon + text.get(colon..)?.chars().next()?.len_utf8();
    let (_, items, end) = enumerated(&text[start..reach(text, start)])?;
    Some(NumberedList {
        start,
        items,
        end: start + end,
    })
}

/// Is there a marker for item `k` of `text`'s list anywhere after `from`?
/// A list found short may go on past the reach.
fn continues(text: &str, from: usize, k: usize) -> bool {
    // (Not when a new list opens first: its items are its own.)
    opening_style(text).is_some_and(|(s, _)| {
        find_any(text, from, s, k).is_some_and(|(next, _)| {
            find_any(text, from, s, 1).is_none_or(|(restart, _)| restart > next)
        })
    })
}

/// The style of the first item's marker at the start of `text` (past
/// spaces and Markdown emphasis), and where that marker stands.
fn opening_style(text: &str) -> Option<(Style, usize)> {
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '*')
            .len();
    [
        Style::ZhShi,
        Style::ZhYao,
        Style::Bracketed,
        Style::Closed,
        Style::EnOrdinal,
    ]
    .into_iter()
    .find(|&s| {
        markers(s, 1)
            .iter()
            .any(|m| text[lead..].starts_with(m.as_str()))
    })
    .map(|s| (s, lead))
}

#[cfg(test)]
mod tests {
    use super::{continues, enumerated};

    #[test]
    fn chinese_items_numbered_with_shi() {
        let text = "一是稳增长，投资增长10%；二是调结构；三是惠民生。下一段";
        assert_eq!(enumerated(text).map(|(_, n, _)| n), Some(3));
    }

    #[test]
    fn bracketed_and_closed_digits_and_their_full_width_forms() {
        assert_eq!(
            enumerated("（1）监测；（2）培训；(3)制度。").map(|(_, n, _)| n),
            Some(3)
        );
        assert_eq!(
            enumerated(" 1) In the first group (N=70) they watched. 2) They wrote.")
                .map(|(_, n, _)| n),
            Some(2)
        );
    }

    #[test]
    fn a_new_list_or_a_far_marker_ends_the_list() {
        assert_eq!(
            enumerated("1) a 2) b. Then: 1) c 2) d 3) e").map(|(_, n, _)| n),
            Some(2)
        );
        let far = format!("一是稳增长；二是{}；三是惠民生", "调结构".repeat(200));
        assert_eq!(enumerated(&far).map(|(_, n, _)| n), Some(2));
        assert!(continues(&far, far.find("二是").unwrap(), 3));
        // A later list's third item does not continue a list of two.
        let later = format!(
            "一是稳增长；二是调结构。{}一是保就业；二是保民生；三是保运转",
            "另外".repeat(800)
        );
        assert!(!continues(&later, 3, 3));
    }

    #[test]
    fn english_ordinal_words_number_items_and_finally_closes_them() {
        let text =
            " First, we grew sales; second, we cut costs; and third, we paid down debt. Next";
        assert_eq!(enumerated(text).map(|(_, n, _)| n), Some(3));
        let text = " First, an overview. Second, the results in detail. Finally, the outlook. Then";
        assert_eq!(enumerated(text).map(|(a, b, _)| (a, b)), Some((2, 3)));
        let text = " First, growth.\nSecond, costs.\nAnd, third, debt.\nThen";
        assert_eq!(enumerated(text).map(|(_, n, _)| n), Some(3));
        // An ordinal inside a clause numbers nothing.
        let text = " First, an overview of the second, smaller plant. Then questions.";
        assert_eq!(enumerated(text), None);
    }

    #[test]
    fn no_marker_at_the_start_is_no_list() {
        assert_eq!(enumerated("稳增长、调结构、惠民生"), None);
        assert_eq!(enumerated("1) only one item"), None);
    }
}
