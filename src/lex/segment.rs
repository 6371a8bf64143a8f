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

impl Segments {
    pub fn new(text: &str) -> Segments {
        let mut s = Segments::default();
        let mut prev: Option<char> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let after = i + c.len_utf8();
            match c {
                '\n' if next == Some('\n') => {
                    s.paragraph.push(after + 1);
                    s.sentence.push(after + 1);
                    s.clause.push(after + 1);
                    iter.next();
                }
                '。' | '！' | '？' | '；' | '!' | '?' | ';' => {
                    s.sentence.push(after);
                    s.clause.push(after);
                }
                '.' if next.is_none_or(|n| n.is_whitespace()) => {
                    s.sentence.push(after);
                    s.clause.push(after);
                }
                '，' | '：' => s.clause.push(after),
                ',' | ':' if !(is_digit(prev) && is_digit(next)) => s.clause.push(after),
                _ => {}
            }
            prev = Some(c);
        }
        s
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
}
