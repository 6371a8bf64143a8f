//! Bytes to text, with a clear reason when that is not possible.

use std::fmt;

/// A file's text and how to map offsets in it back to the file on disk.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Bytes of a UTF-8 byte-order mark dropped before `text`; added back
    /// to every offset so that offsets point into the file as on disk.
    pub offset_base: usize,
    /// The file was UTF-16: offsets are then into its UTF-8 transcoding.
    pub transcoded: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8; the offset of the first bad byte.
    InvalidUtf8 { offset: usize },
    /// Holds NUL bytes: not a text report.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset} (statlint reads UTF-8, or UTF-16 with a byte-order mark)"
            ),
            DecodeError::Binary => write!(f, "binary file (it contains NUL bytes), skipped"),
        }
    }
}

/// How far into a file to look for NUL bytes before calling it binary.
const BINARY_SNIFF: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// `decode`, keeping the bytes as the text when they are UTF-8 (the common
/// case): no second copy of a large file.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                return Err(DecodeError::InvalidUtf8 { offset: bom_len });
            }
            return Ok(Decoded {
                text: text.into_owned(),
                offset_base: 0,
                transcoded: true,
            });
        }
        bytes.drain(..bom_len);
        return from_utf8(bytes, bom_len);
    }
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Err(DecodeError::Binary);
    }
    from_utf8(bytes, 0)
}

fn from_utf8(bytes: Vec<u8>, offset_base: usize) -> Result<Decoded, DecodeError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            offset_base,
            transcoded: false,
        }),
        Err(e) => Err(DecodeError::InvalidUtf8 {
            offset: offset_base + e.utf8_error().valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        for bytes in [
            &b"abc"[..],
            b"\xef\xbb\xbfabc",
            b"abc\xffdef",
            b"a\0b",
            b"\xff\xfea\0b\0",
        ] {
            let (owned, borrowed) = (decode_owned(bytes.to_vec()), decode(bytes));
            match (owned, borrowed) {
                (Ok(a), Ok(b)) => {
                    assert_eq!((a.text, a.offset_base), (b.text, b.offset_base));
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("{bytes:?}: {a:?} against {b:?}"),
            }
        }
    }

    #[test]
    fn invalid_utf8_reports_the_offset_of_the_bad_byte() {
        let bytes = b"abc\xffdef";
        assert_eq!(
            decode(bytes).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 3 }
        );
    }

    #[test]
    fn utf16_with_bom_is_transcoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "完成率91.26%".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "完成率91.26%");
        assert!(decoded.transcoded);
    }

    #[test]
    fn utf8_bom_is_dropped_and_counted() {
        let decoded = decode("\u{feff}44354人".as_bytes()).unwrap();
        assert_eq!(decoded.text, "44354人");
        assert_eq!(decoded.offset_base, 3);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").unwrap_err(),
            DecodeError::Binary
        );
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
