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
    /// (byte offset at a character boundary, characters and UTF-16 code
    /// units before it), sorted.
    checkpoints: Vec<(usize, usize, usize)>,
    len: usize,
}

/// Where a byte offset is, counted the ways editors count: a 1-based line,
/// and 1-based columns in characters, UTF-8 bytes and UTF-16 code units
/// (the unit of the Language Server Protocol's default positions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub column_utf8: usize,
    pub column_utf16: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0, 0)];
        let (mut at, mut chars, mut units) = (0, 0, 0);
        while text.len() - at > CHECKPOINT_BYTES {
            let next = text.ceil_char_boundary(at + CHECKPOINT_BYTES);
            chars += text[at..next].chars().count();
            units += text[at..next].encode_utf16().count();
            checkpoints.push((next, chars, units));
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
        let i = self.checkpoints.partition_point(|&(b, _, _)| b <= offset) - 1;
        let (at, chars, _) = self.checkpoints[i];
        chars + text[at..offset].chars().count()
    }

    /// UTF-16 code units before byte `offset`, as `chars_before`.
    fn units_before(&self, text: &str, offset: usize) -> usize {
        let offset = text.floor_char_boundary(offset);
        let i = self.checkpoints.partition_point(|&(b, _, _)| b <= offset) - 1;
        let (at, _, units) = self.checkpoints[i];
        units + text[at..offset].encode_utf16().count()
    }

    /// Where byte `offset` of `text` is, in every unit editors count in.
    pub fn locate(&self, text: &str, offset: usize) -> Position {
        let (line, column) = self.position(text, offset);
        let start = self.starts[line - 1];
        let at = text.floor_char_boundary(offset.max(start).min(text.len()));
        Position {
            line,
            column,
            column_utf8: at - start + 1,
            column_utf16: self.units_before(text, at) - self.units_before(text, start) + 1,
        }
    }

    /// How many lines the text has (one more than its line breaks).
    pub fn line_count(&self) -> usize {
        self.starts.len()
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
    fn positions_count_characters_bytes_and_utf16_units() {
        // `𝟗` is one character, four UTF-8 bytes, two UTF-16 units.
        let text = "第一行\n完成率𝟗2.26%";
        let index = LineIndex::new(text);
        let at = text.find("2.26").unwrap();
        let p = index.locate(text, at);
        assert_eq!((p.line, p.column), (2, 5));
        assert_eq!(p.column_utf8, "完成率𝟗".len() + 1);
        assert_eq!(p.column_utf16, 3 + 2 + 1);
        // Past a checkpoint on a long line, the counts still agree.
        let long = "完成率𝟗，".repeat(3000);
        let index = LineIndex::new(&long);
        let at = long.len() - "完成率𝟗，".len();
        let p = index.locate(&long, at);
        assert_eq!(p.column_utf16, long[..at].encode_utf16().count() + 1);
        assert_eq!(p.column, long[..at].chars().count() + 1);
    }

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
