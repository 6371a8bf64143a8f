//! Script folding: traditional Chinese characters read as simplified ones.
//!
//! Reports come in both scripts (`增長` and `增长`, `生產總值` and `生产总值`).
//! Cue words, aliases and labels are matched against a folded copy of the
//! text in which every traditional character is replaced by its simplified
//! form. Only replacements that keep the UTF-8 length (three bytes for
//! three) are made, so a byte offset into the folded copy is the same
//! offset into the text: nothing downstream needs a second offset map.

use std::sync::OnceLock;

/// Pairs of a traditional character and its simplified form, written
/// side by side and separated by spaces: the pairs of OpenCC's
/// `TSCharacters` dictionary whose two forms are three bytes each.
const PAIRS: &str = include_str!("t2s.txt");

/// The CJK Unified Ideographs block, where both forms of every pair lie.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// For each character of the block, its simplified form as an offset
/// into the block (or its own).
fn table() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<u16> = (0..=(LAST - FIRST) as u16).collect();
        for pair in PAIRS.split_whitespace() {
            let mut chars = pair.chars();
            if let (Some(t), Some(s), None) = (chars.next(), chars.next(), chars.next()) {
                let (t, s) = (t as u32, s as u32);
                if (FIRST..=LAST).contains(&t) && (FIRST..=LAST).contains(&s) {
                    table[(t - FIRST) as usize] = (s - FIRST) as u16;
                }
            }
        }
        table
    })
}

/// The simplified form of `c` (itself when it has none).
pub fn fold_char(c: char) -> char {
    let code = c as u32;
    if !(FIRST..=LAST).contains(&code) {
        return c;
    }
    let folded = FIRST + u32::from(table()[(code - FIRST) as usize]);
    char::from_u32(folded).unwrap_or(c)
}

/// `text` with every traditional character folded; the same length, and
/// the same byte offsets, as `text`.
pub fn fold(text: &str) -> String {
    let bytes = text.as_bytes();
    let table = table();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        // Characters of the block are three bytes led by 0xE4 to 0xE9;
        // every other byte is copied as it is.
        if (0xE4..=0xE9).contains(&bytes[i]) && i + 2 < bytes.len() {
            let code = super::three_byte_code([bytes[i], bytes[i + 1], bytes[i + 2]]);
            // (0xE4 also leads U+4000 to U+4DFF, before the block.)
            let folded = code
                .checked_sub(FIRST)
                .and_then(|k| table.get(k as usize))
                .map_or(code, |&k| FIRST + u32::from(k));
            if folded != code {
                out[i] = 0xE0 | (folded >> 12) as u8;
                out[i + 1] = 0x80 | ((folded >> 6) & 0x3F) as u8;
                out[i + 2] = 0x80 | (folded & 0x3F) as u8;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    // A three-byte character written for another is valid UTF-8 still.
    String::from_utf8(out).unwrap_or_else(|_| text.chars().map(fold_char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_fold_to_simplified_ones() {
        assert_eq!(fold("地區生產總值增長5.2%"), "地区生产总值增长5.2%");
        assert_eq!(fold("個百分點"), "个百分点");
        assert_eq!(fold("城鎮化率 urban"), "城镇化率 urban");
    }

    #[test]
    fn characters_led_like_the_block_but_before_it_stay() {
        // U+4DC0 and U+4DB5 share the block's lead byte 0xE4.
        assert_eq!(fold("䷀䶵國"), "䷀䶵国");
    }

    #[test]
    fn folding_keeps_every_byte_offset() {
        let text = "社會消費品零售總額１８５１３億元，同比增長13.2%";
        let folded = fold(text);
        assert_eq!(folded.len(), text.len());
        for (i, _) in text.char_indices() {
            assert!(folded.is_char_boundary(i));
        }
    }

    #[test]
    fn every_pair_stays_inside_the_block() {
        for pair in PAIRS.split_whitespace() {
            let chars: Vec<char> = pair.chars().collect();
            assert_eq!(chars.len(), 2, "{pair}");
            assert_eq!(chars[0].len_utf8(), chars[1].len_utf8(), "{pair}");
        }
    }
}
