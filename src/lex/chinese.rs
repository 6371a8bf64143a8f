//! Chinese numerals for small counts: 三, 两, 十二, 二十五, 一百零八.

pub fn digit_value(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn unit_value(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

pub fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || unit_value(c).is_some()
}

/// Reads a numeral at the start of `input`: its value and its length in
/// bytes. It must start with a digit or 十 (百家 is not "a hundred firms").
pub fn numeral(input: &str) -> Option<(u64, usize)> {
    let first = input.chars().next()?;
    if digit_value(first).is_none() && first != '十' {
        return None;
    }
    let mut total = 0u64;
    let mut current: Option<u64> = None;
    let mut taken = 0;
    for (i, c) in input.char_indices().take(8) {
        if let Some(d) = digit_value(c) {
            if current.is_some_and(|c| c != 0) {
                // 一二 is not a number.
                return None;
            }
            current = Some(d);
        } else if let Some(u) = unit_value(c) {
            total += current.unwrap_or(1) * u;
            current = None;
        } else {
            break;
        }
        taken = i + c.len_utf8();
    }
    if taken == 0 {
        return None;
    }
    Some((total + current.unwrap_or(0), taken))
}

#[cfg(test)]
mod tests {
    use super::numeral;

    #[test]
    fn reads_small_numerals() {
        assert_eq!(numeral("三家"), Some((3, 3)));
        assert_eq!(numeral("十二项"), Some((12, 6)));
        assert_eq!(numeral("二十五个"), Some((25, 9)));
        assert_eq!(numeral("一百零八"), Some((108, 12)));
        assert_eq!(numeral("两个"), Some((2, 3)));
        assert_eq!(numeral("百家"), None);
    }
}
