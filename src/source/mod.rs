//! From a file's bytes to the plain text the engine reads.
//!
//! `decode` turns bytes into text (UTF-8, UTF-16, GB18030) and refuses
//! binary files; `extract` reads the file's format (Markdown, HTML, Word)
//! into the engine's text with a map back to the file; `TextView` then
//! joins the lines that a PDF or an editor wrapped, keeping a map back to
//! the original offsets.

mod decode;
mod docx;
mod extract;
mod fold;
mod html;
mod markdown;
mod text_view;

pub use decode::{decode, decode_owned, DecodeError, Decoded};
pub use extract::{Extracted, Format, OffsetMap, Segment, TextBuilder};
pub use fold::{fold, fold_char};
pub use text_view::{is_cjk, three_byte_code, TextView};

/// A table's delimiter row (`|---|:--:|`): Markdown's line between a
/// table's header and its rows, also met in plain text.
pub fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.contains('-') && t.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ' | '｜'))
}

/// A document read for the engine.
#[derive(Debug)]
pub struct Document {
    pub extracted: Extracted,
    /// Bytes dropped before the shown text (a UTF-8 byte-order mark),
    /// added to offsets to point into the file as it is on disk.
    pub offset_base: usize,
    pub fidelity: Fidelity,
}

/// How far positions in the shown text are the file's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fidelity {
    /// Byte offsets (plus the offset base), lines and columns all are:
    /// the file is UTF-8 text, Markdown or HTML.
    Bytes,
    /// Lines and character columns are, byte offsets are not: the file
    /// was decoded from another encoding.
    Lines,
    /// Neither: the text was extracted from a document (Word), a
    /// paragraph or table row per line.
    Extracted,
}

/// Why a document could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// A binary file given as text: skipped, not a failure.
    Binary,
    /// Could not be decoded or its format read.
    Unreadable(String),
}

/// Reads a document of `format` from its bytes: decodes text formats,
/// then extracts what the engine reads.
pub fn read(format: Format, bytes: Vec<u8>) -> Result<Document, ReadError> {
    if !format.is_text() {
        let extracted = docx::extract(&bytes).map_err(ReadError::Unreadable)?;
        return Ok(Document {
            extracted,
            offset_base: 0,
            fidelity: Fidelity::Extracted,
        });
    }
    let decoded = decode_owned(bytes).map_err(|e| match e {
        DecodeError::Binary => ReadError::Binary,
        e => ReadError::Unreadable(e.to_string()),
    })?;
    let mut extracted = match format {
        Format::Markdown => markdown::extract(decoded.text),
        Format::Html => html::extract(decoded.text).map_err(ReadError::Unreadable)?,
        Format::Text | Format::Docx => Extracted::plain(decoded.text),
    };
    let mut fidelity = Fidelity::Bytes;
    if let Some(encoding) = decoded.encoding {
        extracted
            .notes
            .insert(0, format!("decoded from {encoding}"));
        fidelity = Fidelity::Lines;
    }
    Ok(Document {
        extracted,
        offset_base: decoded.offset_base,
        fidelity,
    })
}
