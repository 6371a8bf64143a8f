//! Bytes to text, with a clear reason when that is not possible.
//!
//! UTF-8 first; UTF-16 with a byte-order mark, or without one when its
//! zero bytes give it away; then, for bytes that are not UTF-8, the
//! legacy encoding chardetng guesses (GBK, Big5, Shift_JIS, EUC-KR,
//! windows-125x) when the bytes decode in it without an error.

use std::fmt;

use encoding_rs::Encoding;

/// A file's text and how to map offsets in it back to the file on disk.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Bytes of a UTF-8 byte-order mark dropped before `text`; added back
    /// to every offset so that offsets point into the file as on disk.
    pub offset_base: usize,
    /// The file was not UTF-8: offsets are then into its UTF-8
    /// transcoding.
    pub transcoded: bool,
    /// The encoding the file was decoded from when it was not UTF-8, by
    /// its WHATWG name ("UTF-16LE", "GBK", "Big5"...); `None` for UTF-8.
    pub encoding: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8 (nor an encoding recognised); the offset of the
    /// first bad byte.
    InvalidUtf8 { offset: usize },
    /// Holds NUL bytes: not a text report.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset} (statlint reads UTF-8, UTF-16, and GBK, Big5, \
                 Shift_JIS, EUC-KR or windows-125x when it can tell them)"
            ),
            DecodeError::Binary => write!(f, "binary file (it contains NUL bytes), skipped"),
        }
    }
}

/// How far into a file to look for NUL bytes before calling it binary,
/// and for the zero bytes of UTF-16 without a byte-order mark.
const BINARY_SNIFF: usize = 8192;

/// Legacy encodings read when chardetng guesses them.
const LEGACY: &[&Encoding] = &[
    encoding_rs::GB18030,
    encoding_rs::GBK,
    encoding_rs::BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_KR,
    encoding_rs::WINDOWS_1250,
    encoding_rs::WINDOWS_1251,
    encoding_rs::WINDOWS_1252,
    encoding_rs::WINDOWS_1253,
    encoding_rs::WINDOWS_1254,
    encoding_rs::WINDOWS_1255,
    encoding_rs::WINDOWS_1256,
    encoding_rs::WINDOWS_1257,
    encoding_rs::WINDOWS_1258,
];

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// `decode`, keeping the bytes as the text when they are UTF-8 (the common
/// case): no second copy of a large file.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                return Err(DecodeError::InvalidUtf8 { offset: bom_len });
            }
            return Ok(transcoded(text.into_owned(), encoding));
        }
        // The file says UTF-8: no guessing.
        bytes.drain(..bom_len);
        return from_utf8(bytes, bom_len).map_err(|(_, e)| e);
    }
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return utf16_without_bom(&bytes).ok_or(DecodeError::Binary);
    }
    from_utf8(bytes, 0).or_else(|(bytes, e)| legacy(&bytes).ok_or(e))
}

fn transcoded(text: String, encoding: &'static Encoding) -> Decoded {
    Decoded {
        text,
        offset_base: 0,
        transcoded: true,
        encoding: Some(encoding.name()),
    }
}

/// The text, or the bytes back with the error.
fn from_utf8(bytes: Vec<u8>, offset_base: usize) -> Result<Decoded, (Vec<u8>, DecodeError)> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            offset_base,
            transcoded: false,
            encoding: None,
        }),
        Err(e) => {
            let offset = offset_base + e.utf8_error().valid_up_to();
            Err((e.into_bytes(), DecodeError::InvalidUtf8 { offset }))
        }
    }
}

/// UTF-16 without a byte-order mark: ASCII characters (digits, spaces,
/// line breaks) have a zero byte, always on the same side (odd offsets in
/// little-endian, even ones in big-endian), and the whole decodes without
/// an error into text, not control characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
    let units = sniff.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for pair in sniff.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // A zero on the other side is rare but real: U+4E00 `一` is 00 4E in
    // little-endian.
    let encoding = if odd * 10 >= units && even * 4 <= odd {
        encoding_rs::UTF_16LE
    } else if even * 10 >= units && odd * 4 <= even {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    is_text(&text).then(|| transcoded(text.into_owned(), encoding))
}

/// Decoded text that reads as text: no NUL, hardly any other control
/// character (a wrong decoding of binary data makes many).
fn is_text(text: &str) -> bool {
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\0' {
            return false;
        }
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    }
    controls * 100 <= chars
}

/// Bytes that are not UTF-8, in the legacy encoding chardetng guesses,
/// when they decode in it without an error. Not when the bytes are
/// mostly UTF-8 (a UTF-8 file with a damaged byte is reported as such),
/// nor on a single non-ASCII byte (too little to tell an encoding from a
/// damaged byte).
fn legacy(bytes: &[u8]) -> Option<Decoded> {
    let (mut multibyte, mut invalid, mut non_ascii) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
        non_ascii += chunk.invalid().len();
    }
    non_ascii += multibyte;
    if multibyte >= 4 * invalid || non_ascii < 2 {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    if !LEGACY.contains(&encoding) {
        return None;
    }
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    is_text(&text).then(|| transcoded(text.into_owned(), encoding))
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

    #[test]
    fn utf8_has_no_encoding_and_utf16_with_bom_names_it() {
        let decoded = decode("完成率91.26%".as_bytes()).unwrap();
        assert_eq!((decoded.encoding, decoded.transcoded), (None, false));
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "完成率91.26%".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().encoding, Some("UTF-16BE"));
    }

    #[test]
    fn gbk_is_detected_and_decoded() {
        for text in [
            "完成率92.26%",
            "目标任务数44,354人，累计完成40,479人，完成率91.26%。\n一季度增长5.3%。\n",
        ] {
            let (bytes, _, _) = encoding_rs::GBK.encode(text);
            assert!(std::str::from_utf8(&bytes).is_err());
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, Some("GBK"));
            assert!(decoded.transcoded);
            assert_eq!(decoded.offset_base, 0);
        }
    }

    #[test]
    fn big5_is_detected_and_decoded() {
        let text = "完成率92.26%，較上年增長3.1個百分點。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (text, Some("Big5"))
        );
    }

    #[test]
    fn mostly_utf8_with_a_damaged_byte_stays_an_error() {
        // Enough ASCII that a windows-1252 reading would look like text.
        let mut bytes = "Target 44,354, completed 40,479, 增长率 5.3%. "
            .repeat(4)
            .into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(b"\xff 5.3%");
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: at }
        );
    }

    #[test]
    fn utf16_without_bom_is_decoded() {
        let text = "完成率91.26%\n一季度 44,354 人\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, Some(name));
            assert!(decoded.transcoded);
        }
    }

    #[test]
    fn binary_with_nul_bytes_is_still_binary() {
        // Pseudo-random bytes, with NULs among them.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 32) as u8
            })
            .collect();
        assert!(random.contains(&0));
        assert_eq!(decode(&random).unwrap_err(), DecodeError::Binary);
        // Small 16-bit integers: zeros on one side, like UTF-16 text, but
        // they decode to control characters.
        let shorts: Vec<u8> = (0..2048u16)
            .flat_map(|n| (1 + n % 20).to_le_bytes())
            .collect();
        assert_eq!(decode(&shorts).unwrap_err(), DecodeError::Binary);
    }
}
