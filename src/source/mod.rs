//! From a file's bytes to the plain text the engine reads.
//!
//! `decode` turns bytes into text (UTF-8, or UTF-16 with a byte-order
//! mark) and refuses binary files; `TextView` then joins the lines that a
//! PDF or an editor wrapped, keeping a map back to the original offsets.

mod decode;
mod fold;
mod text_view;

pub use decode::{decode, decode_owned, DecodeError, Decoded};
pub use fold::{fold, fold_char};
pub use text_view::{is_cjk, TextView};
