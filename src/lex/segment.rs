//! Paragraphs, sentences and clauses, as sorted lists of break offsets.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Clause,
    Sentence,
    Paragraph,
    Document,
}

impl Level {
    pub fn from_name(name: &str) -> Option<Level> {
        Some(match name {
            "clause" => Level::Clause,
            "sentence" => Level::Sentence,
            "paragraph" => Level::Paragraph,
            "document" => Level::Document,
            _ => return None,
        })
    }
}

/// For each level, the offsets just after each break, ascending.
#[derive(Debug, Default)]
pub struct Segments {
    clause: Vec<usize>,
    sentence: Vec<usize>,
    paragraph: Vec<usize>,
}

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// How long a clause, sentence and paragraph grow, in bytes. A longer
/// sentence ends at its next clause break and a longer paragraph at its
/// next sentence break; text without punctuation (a table flattened by a
/// PDF tool, a generated file) breaks at twice the length, at the next
/// space or CJK character not inside a number. Every look-back to a
/// segment's start is then bounded, and a pass stays linear in the input.
const MAX_CLAUSE: usize = 1_000;
const MAX_SENTENCE: usize = 3_000;
const MAX_PARAGRAPH: usize = 30_000;

/// Abbreviations whose full stop never ends a sentence (`No. of
/// articles`, `Fig. 2`, `et al. found`).
const ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "no", "vs", "Fig", "Figs", "fig", "al", "e.g", "i.e", "approx", "Dr", "Mr", "Mrs",
    "Ms", "St", "Eq", "Ref", "Refs", "Vol", "pp", "cf", "U.S", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Abbreviations of names that end sentences too (`… Teradata Corp.`):
/// not an end only when a lowercase word, a digit or a bracket follows.
const NAME_ABBREVIATIONS: &[&str] = &["Corp", "Inc", "Co", "Ltd", "etc"];

/// Is the full stop at `dot` that of an abbreviation?
fn abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphabetic() || c == '.'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let following = text[dot + 1..].trim_start();
    NAME_ABBREVIATIONS.contains(&word)
        && following.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '(')
}

/// Do two ideographic spaces start at `i`, after the end of a sentence
/// (and perhaps a line break)?
fn indent_after_sentence(text: &str, i: usize) -> bool {
    const SPACE: &str = "\u{3000}";
    if !text[i..].starts_with("\u{3000}\u{3000}") || text[..i].ends_with(SPACE) {
        return false;
    }
    text[..i]
        .trim_end_matches(['\n', '\r', ' '])
        .trim_end_matches(['”', '」', '』', '）', ')'])
        .ends_with(['。', '！', '？'])
}

impl Segments {
    /// One pass over the bytes: every break is an ASCII byte or a
    /// full-width mark (lead byte 0xE3 or 0xEF), so other characters are
    /// passed over by their width, undecoded.
    pub fn new(text: &str) -> Segments {
        let bytes = text.as_bytes();
        let mut s = Segments::default();
        let prev_of = |i: usize| text[..i].chars().next_back();
        let next_of = |i: usize| text[i..].chars().next();
        // Inside brackets a semicolon separates glosses (`(JAP; Applied
        // Psychology)`), it does not end the sentence.
        let mut depth = 0usize;
        let (mut clauses_seen, mut cut_from) = (0, s.cut_from());
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let width = match b {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            let after = i + width;
            // A word end matters only where a segment has run on long
            // enough to be cut there (see `push`): most characters skip
            // the test. Every break is a clause break, so the offset
            // where that starts changes only when one is recorded.
            if s.clause.len() != clauses_seen {
                clauses_seen = s.clause.len();
                cut_from = s.cut_from();
            }
            let long = after >= cut_from;
            if b < 0x80 {
                match b {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                match b {
                    b'\n' if bytes.get(after) == Some(&b'\n') => {
                        s.push(Level::Paragraph, after + 1);
                        depth = 0;
                        i = after + 1;
                        continue;
                    }
                    b';' if depth > 0 => s.push(Level::Clause, after),
                    b'!' | b'?' | b';' => s.push(Level::Sentence, after),
                    b'.' if next_of(after).is_none_or(|n| n.is_whitespace())
                        && !abbreviation(text, i) =>
                    {
                        s.push(Level::Sentence, after)
                    }
                    b',' | b':' if !(is_digit(prev_of(i)) && is_digit(next_of(after))) => {
                        s.push(Level::Clause, after)
                    }
                    _ if long
                        && char::from(b).is_whitespace()
                        && !is_digit(next_of(after))
                        && !is_digit(prev_of(i)) =>
                    {
                        s.push(Level::Document, after)
                    }
                    _ => {}
                }
            } else if b == 0xe3 || b == 0xef || long {
                let Some(c) = next_of(i) else { break };
                match c {
                    '（' => depth += 1,
                    '）' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                match c {
                    // `。　　`: an indent after a sentence's end opens a
                    // paragraph (reports extracted with their paragraphs
                    // run into one line).
                    '\u{3000}' if indent_after_sentence(text, i) => {
                        s.push(Level::Paragraph, i);
                        depth = 0;
                    }
                    '；' if depth > 0 => s.push(Level::Clause, after),
                    '。' | '！' | '？' | '；' => s.push(Level::Sentence, after),
                    '，' | '：' => s.push(Level::Clause, after),
                    _ if long
                        && (c.is_whitespace() || crate::source::is_cjk(c))
                        && !is_digit(next_of(after))
                        && !is_digit(prev_of(i)) =>
                    {
                        s.push(Level::Document, after)
                    }
                    _ => {}
                }
            }
            i = after;
        }
        s
    }

    /// The first offset where a word end would cut a segment grown too
    /// long (see `push`).
    fn cut_from(&self) -> usize {
        let last = |breaks: &Vec<usize>| breaks.last().copied().unwrap_or(0);
        (last(&self.clause) + MAX_CLAUSE)
            .min(last(&self.sentence) + 2 * MAX_SENTENCE)
            .min(last(&self.paragraph) + 2 * MAX_PARAGRAPH)
    }

    /// Records a break of `level` at `at` (and so of every level below
    /// it), and of a level above it that has grown past its length.
    /// `Document` is no break, only a word end where an overlong segment
    /// may be cut.
    fn push(&mut self, level: Level, at: usize) {
        // A break of the level just below ends a long segment; a word end
        // only one twice too long.
        let grown = |breaks: &Vec<usize>, max: usize, next_level_down: bool| {
            let len = at - breaks.last().copied().unwrap_or(0);
            len >= if next_level_down { max } else { 2 * max }
        };
        let paragraph = level == Level::Paragraph
            || grown(&self.paragraph, MAX_PARAGRAPH, level == Level::Sentence);
        let sentence = paragraph
            || level == Level::Sentence
            || grown(&self.sentence, MAX_SENTENCE, level == Level::Clause);
        let clause = sentence || level == Level::Clause || grown(&self.clause, MAX_CLAUSE, true);
        if paragraph {
            self.paragraph.push(at);
        }
        if sentence {
            self.sentence.push(at);
        }
        if clause {
            self.clause.push(at);
        }
    }

    fn breaks(&self, level: Level) -> &[usize] {
        match level {
            Level::Clause => &self.clause,
            Level::Sentence => &self.sentence,
            Level::Paragraph => &self.paragraph,
            Level::Document => &[],
        }
    }

    /// The index of the segment holding `offset`.
    pub fn index(&self, level: Level, offset: usize) -> usize {
        self.breaks(level).partition_point(|&b| b <= offset)
    }

    /// The offset where the segment holding `offset` starts.
    pub fn start_of(&self, level: Level, offset: usize) -> usize {
        let breaks = self.breaks(level);
        let i = breaks.partition_point(|&b| b <= offset);
        if i == 0 {
            0
        } else {
            breaks[i - 1]
        }
    }

    /// The offset where the segment holding `offset` ends (the next break).
    pub fn end_of(&self, level: Level, offset: usize, text_len: usize) -> usize {
        let breaks = self.breaks(level);
        let i = breaks.partition_point(|&b| b <= offset);
        breaks.get(i).copied().unwrap_or(text_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indent_after_a_sentence_opens_a_paragraph() {
        // Paragraphs run into one line, each opened by two ideographic
        // spaces; an aligned table cell after a word opens none.
        let text =
            "营收65.1亿元。\u{3000}\u{3000}分季度看，Q4营收21.9亿元。指标\u{3000}\u{3000}本月 12";
        let s = Segments::new(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(s.index(Level::Paragraph, at("65.1")), 0);
        assert_eq!(s.index(Level::Paragraph, at("21.9")), 1);
        assert_eq!(s.index(Level::Paragraph, at("12")), 1);
    }

    #[test]
    fn clauses_sentences_and_paragraphs() {
        let text = "目标44354人，完成率91.26%。第二句12.5:30\n\nNext 1,234 items.";
        let s = Segments::new(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(s.index(Level::Clause, at("44354")), 0);
        assert_eq!(s.index(Level::Clause, at("91.26")), 1);
        assert_eq!(s.index(Level::Sentence, at("91.26")), 0);
        assert_eq!(s.index(Level::Sentence, at("12.5")), 1);
        // 12.5:30 is a ratio, not a clause break.
        assert_eq!(
            s.index(Level::Clause, at("30")),
            s.index(Level::Clause, at("12.5"))
        );
        assert_eq!(s.index(Level::Paragraph, at("1,234")), 1);
        assert_eq!(s.start_of(Level::Clause, at("91.26")), at("完成率"));
    }

    /// The longest segment of a level, in bytes.
    fn longest(s: &Segments, level: Level, len: usize) -> usize {
        let mut last = 0;
        let mut most = 0;
        for &b in s.breaks(level).iter().chain([&len]) {
            most = most.max(b - last);
            last = b;
        }
        most
    }

    #[test]
    fn an_abbreviation_does_not_end_a_sentence() {
        let text = "No. of articles rose. Teradata Corp. (NYSE: TDC) reported. It grew. “Ready”.";
        let s = Segments::new(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(s.index(Level::Sentence, at("articles")), 0);
        assert_eq!(s.index(Level::Sentence, at("Teradata")), 1);
        assert_eq!(s.index(Level::Sentence, at("reported")), 1);
        assert_eq!(s.index(Level::Sentence, at("It grew")), 2);
    }

    #[test]
    fn text_without_punctuation_is_cut_into_bounded_segments() {
        let text = "增长 12.5 ".repeat(10_000);
        let s = Segments::new(&text);
        assert!(longest(&s, Level::Clause, text.len()) <= MAX_CLAUSE + 16);
        assert!(longest(&s, Level::Sentence, text.len()) <= 2 * MAX_SENTENCE + 16);
        assert!(longest(&s, Level::Paragraph, text.len()) <= 2 * MAX_PARAGRAPH + 16);
        for level in [Level::Clause, Level::Sentence, Level::Paragraph] {
            for &b in s.breaks(level) {
                // Never inside a number.
                assert!(!text[..b].ends_with(|c: char| c.is_ascii_digit() || c == '.'));
            }
        }
    }

    #[test]
    fn a_long_segment_ends_at_the_next_break_below_it() {
        // Clauses but no sentence end: sentences end at a comma.
        let text = "增长12.5%，".repeat(2_000);
        let s = Segments::new(&text);
        assert!(longest(&s, Level::Sentence, text.len()) <= MAX_SENTENCE + 16);
        for &b in s.breaks(Level::Sentence) {
            assert!(text[..b].ends_with('，'));
        }
        // Sentences but no blank line: paragraphs end at a full stop.
        let text = "增长12.5%。".repeat(5_000);
        let s = Segments::new(&text);
        assert!(longest(&s, Level::Paragraph, text.len()) <= MAX_PARAGRAPH + 16);
        for &b in s.breaks(Level::Paragraph) {
            assert!(text[..b].ends_with('。'));
        }
    }
}
