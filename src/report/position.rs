//! Byte offsets to 1-based lines and character columns.
//!
//! Columns count characters from the start of the line. A report extracted
//! from a PDF can be one line of many megabytes, so counting from the line
//! start for every finding would be quadratic: the index also keeps, every
//! few kilobytes, how many characters precede that point, and counts only
//! from the nearest such checkpoint.

use std::ops::Range;

/// Bytes between character-count checkpoints.
const CHECKPOINT_BYTES: usize = 4096;

pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// (byte offset at a character boundary, characters before it), sorted.
    checkpoints: Vec<(usize, usize)>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while text.len() - at > CHECKPOINT_BYTES {
            let next = text.ceil_char_boundary(at + CHECKPOINT_BYTES);
            chars += text[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        LineIndex {
            starts,
            checkpoints,
            len: text.len(),
        }
    }

    /// Characters before byte `offset` (rounded down to a character
    /// boundary) of `text`, the text the index was built from.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let offset = text.floor_char_boundary(offset);
        let i = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (at, chars) = self.checkpoints[i];
        chars + text[at..offset].chars().count()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The bytes of 0-based line `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(self.len, |&s| s - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// (line, column), both 1-based; the column counts characters.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column =
            self.chars_before(text, offset.max(start)) - self.chars_before(text, start) + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "第一行\n完成率92.26%";
        let index = LineIndex::new(text);
        let at = text.find("92").unwrap();
        assert_eq!(index.position(text, at), (2, 4));
        assert_eq!(index.position(text, 0), (1, 1));
    }

    #[test]
    fn columns_on_a_long_line_agree_with_counting() {
        let line = "完成率92.26%，abc ".repeat(2000);
        let text = format!("首行\n{line}\n末行");
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(97) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[start..offset].chars().count() + 1;
            assert_eq!(index.position(&text, offset), (line, column), "at {offset}");
        }
    }

    #[test]
    fn line_ranges_leave_out_the_line_break() {
        let text = "ab\r\ncd\n\nef";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 0)], "ab");
        assert_eq!(&text[index.line_range(text, 1)], "cd");
        assert_eq!(&text[index.line_range(text, 2)], "");
        assert_eq!(&text[index.line_range(text, 3)], "ef");
        assert_eq!(index.line_of(text.len()), 3);
    }
}
