//! A document as the matcher sees it: the joined text, its figures and
//! its segments, with the words around each figure.

use crate::lex::{self, Level, Lexed, Quantity};
use crate::source::TextView;

/// Context windows are capped so that a figure in a long unpunctuated
/// paragraph costs the same as anywhere else.
const CONTEXT_BYTES: usize = 160;

pub struct Document {
    pub view: TextView,
    pub lexed: Lexed,
    /// Where each figure's `before` words start: computed once, as every
    /// rule asks for them.
    before_start: Vec<usize>,
}

impl Document {
    pub fn new(source: &str) -> Document {
        let view = TextView::new(source);
        let lexed = lex::lex(&view);
        let text = view.text.as_str();
        let qs = &lexed.quantities;
        let before_start = (0..qs.len())
            .map(|i| {
                let q = &qs[i];
                let mut start = lexed.segments.start_of(Level::Clause, q.start);
                if i > 0 {
                    start = start.max(qs[i - 1].unit_end.min(q.start));
                }
                let start =
                    start.max(text.floor_char_boundary(q.start.saturating_sub(CONTEXT_BYTES)));
                // Trimmed once here rather than on every rule's look.
                let words = &text[start..q.start];
                start + (words.len() - words.trim_start().len())
            })
            .collect();
        Document {
            view,
            lexed,
            before_start,
        }
    }

    pub fn quantities(&self) -> &[Quantity] {
        &self.lexed.quantities
    }

    pub fn text(&self) -> &str {
        &self.view.text
    }

    /// The words before figure `i`: back to the start of its clause or the
    /// previous figure's unit, whichever is nearer; trimmed.
    pub fn before(&self, i: usize) -> &str {
        let q = &self.lexed.quantities[i];
        self.text()[self.before_start[i]..q.start].trim_end()
    }

    /// The text of figure `i`'s sentence up to the figure, other figures
    /// included (capped like the other windows).
    pub fn sentence_before(&self, i: usize) -> &str {
        self.segment_before(i, Level::Sentence, CONTEXT_BYTES * 2)
    }

    /// The text of figure `i`'s paragraph up to the figure, a few hundred
    /// bytes at most.
    pub fn paragraph_before(&self, i: usize) -> &str {
        self.segment_before(i, Level::Paragraph, CONTEXT_BYTES * 3)
    }

    /// The text of figure `i`'s segment at `level` up to the figure, at
    /// most `cap` bytes.
    fn segment_before(&self, i: usize, level: Level, cap: usize) -> &str {
        let q = &self.lexed.quantities[i];
        let text = self.text();
        let start = self
            .lexed
            .segments
            .start_of(level, q.start)
            .max(text.floor_char_boundary(q.start.saturating_sub(cap)));
        text[start..q.start].trim_start()
    }

    /// Whether figure `i` stands in a headline: a short paragraph that
    /// never ends a sentence (a title, a summary line, a table row).
    pub fn in_headline(&self, i: usize) -> bool {
        let q = &self.lexed.quantities[i];
        let text = self.text();
        let segments = &self.lexed.segments;
        let start = segments.start_of(Level::Paragraph, q.start);
        let end = segments.end_of(Level::Paragraph, q.start, text.len());
        let paragraph = text[start..end].trim();
        // Length first: it rules out long paragraphs without reading them.
        if paragraph.len() > CONTEXT_BYTES * 2 || paragraph.contains('。') {
            return false;
        }
        // A full stop ends a sentence; `99.1` and `Corp.` mid-word do not.
        let full_stop = paragraph.char_indices().any(|(k, c)| {
            matches!(c, '.' | '!' | '?' | ';')
                && paragraph[k + 1..]
                    .chars()
                    .next()
                    .is_none_or(|n| n == '(' || n == '"' || n == '\'' || n == '’' || n == '”')
        });
        !full_stop && !paragraph.ends_with(['；', '：', ':'])
    }

    /// Up to a few hundred bytes after figure `i`, across clause and
    /// sentence breaks (an English list after a colon may hold `;`).
    pub fn following(&self, i: usize) -> &str {
        let q = &self.lexed.quantities[i];
        let text = self.text();
        let cap = text.ceil_char_boundary(q.end + CONTEXT_BYTES * 3);
        // The paragraph ends where its blank line starts: the segments know
        // where, without a search of the window per figure.
        let next_break = self
            .lexed
            .segments
            .end_of(Level::Paragraph, q.end, text.len());
        let blank_line = text[..next_break].ends_with("\n\n").then(|| next_break - 2);
        &text[q.end..blank_line.map_or(cap, |b| b.max(q.end).min(cap))]
    }

    /// Up to `bytes` after figure `i`, across paragraphs.
    pub fn following_across(&self, i: usize, bytes: usize) -> &str {
        let q = &self.lexed.quantities[i];
        let text = self.text();
        &text[q.end..text.ceil_char_boundary(q.end.saturating_add(bytes))]
    }

    /// Where a slice of the view starts in it.
    pub fn offset_of(&self, slice: &str) -> usize {
        (slice.as_ptr() as usize).saturating_sub(self.text().as_ptr() as usize)
    }

    /// The words after figure `i`: to the end of its clause or the next
    /// figure, whichever is nearer.
    pub fn after(&self, i: usize) -> &str {
        let q = &self.lexed.quantities[i];
        let text = self.text();
        let mut end = self.lexed.segments.end_of(Level::Clause, q.end, text.len());
        if let Some(next) = self.lexed.quantities.get(i + 1) {
            end = end.min(next.start);
        }
        end = end
            .max(q.end)
            .min(text.ceil_char_boundary(q.end + CONTEXT_BYTES));
        &text[q.end..end]
    }

    /// The text between two figures (in either order).
    pub fn between(&self, a: usize, b: usize) -> &str {
        let (first, second) = if a < b { (a, b) } else { (b, a) };
        let qs = &self.lexed.quantities;
        let start = qs[first].end;
        let end = qs[second].start.max(start);
        let text = self.text();
        if end - start > CONTEXT_BYTES * 4 {
            return "";
        }
        &text[start..end]
    }

    pub fn figure_text(&self, i: usize) -> &str {
        let q = &self.lexed.quantities[i];
        &self.text()[q.start..q.end]
    }

    pub fn segment_of(&self, level: Level, i: usize) -> usize {
        let q = &self.lexed.quantities[i];
        match level {
            Level::Clause => q.clause,
            Level::Sentence => q.sentence,
            Level::Paragraph => q.paragraph,
            Level::Document => 0,
        }
    }
}
