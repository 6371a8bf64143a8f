//! statlint: checks that the figures of a statistical report agree.
pub mod lex;
pub mod num;
pub mod source;
