//! Tables in report text: rows of cells, with the header and row labels
//! that name what each cell measures.

use super::Document;
use crate::lexicon::Lexicon;

/// A table found in the text.
#[derive(Debug, Clone)]
pub struct Table {
    /// Row by row, the figure index of each cell that holds one.
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The row's label, normalized.
    pub label: String,
    /// Figure indices of the row's cells, left to right; `None` for an
    /// empty or non-numeric cell.
    pub cells: Vec<Option<usize>>,
}

pub fn find(_doc: &Document, _lexicon: &Lexicon) -> Vec<Table> {
    Vec::new()
}
