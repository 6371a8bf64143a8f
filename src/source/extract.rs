//! From a document in some format to the text the engine reads, with a
//! map from offsets in that text back to the file.
//!
//! Plain text is read as it is. Markdown keeps its offsets: what is not
//! prose (code, URLs, markup, comments) is blanked byte for byte. HTML
//! and Word are rebuilt as lines of text (a paragraph or a table row per
//! line, cells separated by ` | `), so their offsets go through a map.

use std::path::Path;

/// The formats statlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
}

impl Format {
    /// The format a file's extension names; plain text for any other.
    pub fn of_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("docx") => Format::Docx,
            _ => Format::Text,
        }
    }

    /// Formats whose bytes are text (decoded before extraction).
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Docx)
    }
}

/// What the engine reads, and how to show its findings.
#[derive(Debug)]
pub struct Extracted {
    /// The text the engine lints.
    pub text: String,
    /// Maps offsets in `text` to offsets in `shown`.
    pub map: OffsetMap,
    /// The text findings are shown against (the file as decoded), when it
    /// is not `text` itself.
    pub shown: Option<String>,
    /// Said once for the file (how it was read), e.g. that line numbers
    /// are of the extracted text.
    pub notes: Vec<String>,
    /// Where each line of `text` is in the document, when lines are not
    /// the file's (`paragraph 12`, `table 2, row 3`); empty otherwise.
    pub places: Vec<String>,
}

impl Extracted {
    /// Text read as it is.
    pub fn plain(text: String) -> Extracted {
        Extracted {
            text,
            map: OffsetMap::Identity,
            shown: None,
            notes: Vec::new(),
            places: Vec::new(),
        }
    }
}

/// One stretch of the engine's text and the stretch of the shown text it
/// came from. Equal lengths map byte for byte; unequal ones (an entity,
/// `&amp;` → `&`) map as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub text: usize,
    pub text_len: usize,
    pub shown: usize,
    pub shown_len: usize,
}

/// Offsets in the engine's text → offsets in the shown text.
#[derive(Debug, Clone, Default)]
pub enum OffsetMap {
    /// The same offsets.
    #[default]
    Identity,
    /// Segments in order of `text`, not overlapping. Offsets between
    /// segments (separators the extractor added) map to the end of the
    /// segment before.
    Segments(Vec<Segment>),
}

impl OffsetMap {
    /// Where a span starting at `offset` starts in the shown text.
    pub fn start(&self, offset: usize) -> usize {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Segments(segments) => {
                // The last segment starting at or before the offset.
                let k = segments.partition_point(|s| s.text <= offset);
                let Some(s) = k.checked_sub(1).map(|k| segments[k]) else {
                    return segments.first().map_or(0, |s| s.shown);
                };
                let within = offset - s.text;
                if within >= s.text_len {
                    s.shown + s.shown_len
                } else if s.text_len == s.shown_len {
                    s.shown + within
                } else {
                    s.shown
                }
            }
        }
    }

    /// Where a span ending at `offset` ends in the shown text.
    pub fn end(&self, offset: usize) -> usize {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Segments(segments) => {
                // The last segment starting before the offset.
                let k = segments.partition_point(|s| s.text < offset);
                let Some(s) = k.checked_sub(1).map(|k| segments[k]) else {
                    return segments.first().map_or(0, |s| s.shown);
                };
                let within = offset - s.text;
                if within >= s.text_len || s.text_len != s.shown_len {
                    s.shown + s.shown_len
                } else {
                    s.shown + within
                }
            }
        }
    }
}

/// Builds an engine text piece by piece, recording where each piece came
/// from. Used by the HTML and Word readers.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    segments: Vec<Segment>,
}

impl TextBuilder {
    /// Appends `piece`, which stands for `shown_len` bytes of the shown
    /// text at `shown`.
    pub fn push_mapped(&mut self, piece: &str, shown: usize, shown_len: usize) {
        if piece.is_empty() {
            return;
        }
        // Extend the last segment when this piece continues it byte for
        // byte, so that plain runs stay one segment.
        if let Some(last) = self.segments.last_mut() {
            let contiguous = last.text + last.text_len == self.text.len()
                && last.shown + last.shown_len == shown
                && last.text_len == last.shown_len
                && piece.len() == shown_len;
            if contiguous {
                last.text_len += piece.len();
                last.shown_len += shown_len;
                self.text.push_str(piece);
                return;
            }
        }
        self.segments.push(Segment {
            text: self.text.len(),
            text_len: piece.len(),
            shown,
            shown_len,
        });
        self.text.push_str(piece);
    }

    /// Appends text that stands for nothing in the shown text (a line
    /// break between paragraphs, ` | ` between cells).
    pub fn push_separator(&mut self, piece: &str) {
        self.text.push_str(piece);
    }

    /// The text so far ends a line (or is empty).
    pub fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, OffsetMap::Segments(self.segments))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension_in_any_case() {
        assert_eq!(Format::of_path(Path::new("a/b.MD")), Format::Markdown);
        assert_eq!(Format::of_path(Path::new("b.htm")), Format::Html);
        assert_eq!(Format::of_path(Path::new("b.docx")), Format::Docx);
        assert_eq!(Format::of_path(Path::new("b.txt")), Format::Text);
        assert_eq!(Format::of_path(Path::new("README")), Format::Text);
    }

    #[test]
    fn a_built_text_maps_back_through_entities_and_separators() {
        // Shown: `<td>93&#37;</td><td>7</td>`; text: `93% | 7`.
        let shown = "<td>93&#37;</td><td>7</td>";
        let mut b = TextBuilder::default();
        b.push_mapped("93", 4, 2);
        b.push_mapped("%", 6, 5);
        b.push_separator(" | ");
        b.push_mapped("7", 20, 1);
        let (text, map) = b.finish();
        assert_eq!(text, "93% | 7");
        // `93%` is shown as `93&#37;`.
        assert_eq!(&shown[map.start(0)..map.end(3)], "93&#37;");
        // `3` alone, and `7`.
        assert_eq!(&shown[map.start(1)..map.end(2)], "3");
        assert_eq!(&shown[map.start(6)..map.end(7)], "7");
        // A span over the separator ends where the piece before ends.
        assert_eq!(map.end(5), 11);
    }

    #[test]
    fn contiguous_pieces_are_one_segment() {
        let mut b = TextBuilder::default();
        b.push_mapped("12", 0, 2);
        b.push_mapped("34", 2, 2);
        let (_, map) = b.finish();
        match map {
            OffsetMap::Segments(s) => assert_eq!(s.len(), 1),
            OffsetMap::Identity => panic!("a built text has segments"),
        }
    }
}
