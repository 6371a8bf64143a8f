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
    // A word on the next line of the source is not a figure's unit: in a
    // table it is the next row's label (`$262.5\nLane Bryant`).
    for q in &mut quantities {
        if q.unit_end > q.end {
            let from = view.soft_breaks.partition_point(|&b| b < q.end);
            if view.soft_breaks.get(from).is_some_and(|&b| b < q.unit_end) {
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
