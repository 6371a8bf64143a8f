//! Positions as the client counts them: 0-based lines and columns in
//! UTF-16 code units (the protocol's default) or UTF-8 bytes (when the
//! client offers it: Chinese text is three bytes but one unit a
//! character, so the two never agree on a line of it).

use lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

use crate::finding::Span;
use crate::report::LineIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16, which every client
    /// must accept.
    pub fn negotiate(capabilities: &ClientCapabilities) -> Encoding {
        let offered = capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A text with its line index, converting both ways.
pub struct Lines<'t> {
    text: &'t str,
    index: LineIndex,
    encoding: Encoding,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str, encoding: Encoding) -> Lines<'t> {
        Lines {
            text,
            index: LineIndex::new(text),
            encoding,
        }
    }

    /// The position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.locate(self.text, offset.min(self.text.len()));
        let column = match self.encoding {
            Encoding::Utf8 => at.column_utf8,
            Encoding::Utf16 => at.column_utf16,
        };
        Position::new(to_u32(at.line - 1), to_u32(column - 1))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`: past the end of its line is the
    /// line's end, past the last line the text's end (as the protocol
    /// asks), inside a character its start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let range = self.index.line_range(self.text, line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in self.text[range.clone()].char_indices() {
            if units >= wanted {
                return range.start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units > wanted {
                return range.start + i;
            }
        }
        range.end
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "第一行\n完成率𝟗2.26%\n";

    #[test]
    fn utf16_counts_units_and_utf8_counts_bytes() {
        let at = TEXT.find("2.26").unwrap();
        let utf16 = Lines::new(TEXT, Encoding::Utf16);
        assert_eq!(utf16.position(at), Position::new(1, 5));
        assert_eq!(utf16.offset(Position::new(1, 5)), at);
        let utf8 = Lines::new(TEXT, Encoding::Utf8);
        assert_eq!(utf8.position(at), Position::new(1, 13));
        assert_eq!(utf8.offset(Position::new(1, 13)), at);
    }

    #[test]
    fn positions_past_a_line_or_the_text_are_clamped() {
        let lines = Lines::new(TEXT, Encoding::Utf16);
        assert_eq!(lines.offset(Position::new(0, 99)), "第一行".len());
        assert_eq!(lines.offset(Position::new(9, 0)), TEXT.len());
        // Inside the surrogate pair of `𝟗`: its start.
        let nine = TEXT.find('𝟗').unwrap();
        assert_eq!(lines.offset(Position::new(1, 4)), nine);
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let mut caps = ClientCapabilities::default();
        assert_eq!(Encoding::negotiate(&caps), Encoding::Utf16);
        caps.general = Some(lsp_types::GeneralClientCapabilities {
            position_encodings: Some(vec![
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8,
            ]),
            ..Default::default()
        });
        assert_eq!(Encoding::negotiate(&caps), Encoding::Utf8);
    }
}
