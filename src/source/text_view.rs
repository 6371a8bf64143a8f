//! The text the engine reads: wrapped lines joined, with a map back.
//!
//! Reports extracted from PDFs break lines anywhere, even inside a figure
//! and its unit (`38260\n剂次`). Within a paragraph a single line break is
//! not a break: between CJK characters it disappears, between Latin words
//! it becomes one space. A blank line stays a paragraph break (`\n\n`).

/// Joined text plus a piecewise map from its byte offsets to the source's.
#[derive(Debug)]
pub struct TextView {
    pub text: String,
    /// Offsets in `text` where the source broke a line that the view
    /// joined: a table's rows stay rows for the table reader.
    pub soft_breaks: Vec<usize>,
    /// (offset in `text`, offset in the source) at the start of each run
    /// copied verbatim or inserted; sorted by both.
    segments: Vec<(usize, usize)>,
}

pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// The code point of a three-byte UTF-8 character (a lead byte from 0xE0
/// to 0xEF, then two continuation bytes): byte-level passes decode the
/// CJK characters they test, and only those.
pub fn three_byte_code(b: [u8; 3]) -> u32 {
    (u32::from(b[0]) & 0x0F) << 12 | (u32::from(b[1]) & 0x3F) << 6 | u32::from(b[2]) & 0x3F
}

/// Characters of a line no page wraps at: a paragraph saved as one line.
const LONG_LINE_CHARS: usize = 300;

/// Does a line end a sentence, perhaps inside a quote or a bracket
/// (`…发力。”`, `… (Table 1).`)?
fn ends_with_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '”', ')', '）'])
        .ends_with(['.', '。', '!', '?', '！', '？', ':', '：', ';', '；'])
}

/// Lines a text needs before its line breaks can be told apart.
const MIN_LINES: usize = 10;

/// Characters a line holds on average in a text written a paragraph per
/// line: a list of short items, a line each, is one block.
const MIN_PARAGRAPH_LINE: usize = 60;

/// Is the source written a paragraph per line (a speech's transcript, a
/// report saved without blank lines): no blank line, lines of a sentence
/// or more, and nine lines in ten or more ending a sentence? Hard-wrapped
/// text ends most of its lines inside a sentence.
fn lines_are_paragraphs(source: &str) -> bool {
    let (mut lines, mut ended, mut blank, mut chars) = (0usize, 0usize, false, 0usize);
    for line in source.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank = lines > 0;
            continue;
        }
        // (A blank line between lines marks the paragraphs itself.)
        if blank {
            return false;
        }
        lines += 1;
        chars += line.chars().count();
        if ends_with_sentence(line) {
            ended += 1;
        }
    }
    lines >= MIN_LINES && ended * 10 >= lines * 9 && chars >= lines * MIN_PARAGRAPH_LINE
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\r'
}

impl TextView {
    pub fn new(source: &str) -> TextView {
        let bytes = source.as_bytes();
        let mut text = String::with_capacity(source.len());
        let mut segments = Vec::new();
        let mut copy_from = 0;
        let mut search_from = 0;
        let mut soft_breaks = Vec::new();
        let line_paragraphs = lines_are_paragraphs(source);
        while let Some(rel) = memchr_newline(&bytes[search_from..]) {
            let newline = search_from + rel;
            let mut line_end = newline;
            while line_end > copy_from && is_blank(bytes[line_end - 1]) {
                line_end -= 1;
            }
            let mut next = newline + 1;
            let mut newlines = 1;
            loop {
                while next < bytes.len() && is_blank(bytes[next]) {
                    next += 1;
                }
                if next < bytes.len() && bytes[next] == b'\n' {
                    newlines += 1;
                    next += 1;
                } else {
                    break;
                }
            }
            segments.push((text.len(), copy_from));
            text.push_str(&source[copy_from..line_end]);
            // A heading stands between two sentence ends: the line before
            // it is complete, and it is short and numbered.
            let line_start = source[..line_end].rfind('\n').map_or(0, |i| i + 1);
            let this_line = &source[line_start..line_end];
            let next_line = source[next..].split('\n').next().unwrap_or("");
            let ends_sentence = |s: &str| {
                s.trim_end().is_empty()
                    || s.trim_end()
                        .ends_with(['。', '！', '？', '：', '.', '!', '?'])
            };
            let before_this = source[..line_start].trim_end_matches(['\n', '\r', ' ']);
            let heading_here = (is_heading(this_line) || english_heading(this_line, next_line))
                && ends_sentence(before_this);
            let heading_next = ends_sentence(this_line)
                && (is_heading(next_line) || {
                    let after_next = source[next..].split('\n').nth(1).unwrap_or("");
                    english_heading(next_line, after_next)
                });
            // A text's first line is its title when it is short, has words
            // enough, stops without punctuation, and the next line starts
            // with a word (not the rest of a figure or of a wrapped label).
            let title = before_this.trim().is_empty()
                && is_title(this_line)
                && next_line
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| is_cjk(c) || c.is_alphabetic());
            // A line far longer than a page is wide was never wrapped: it
            // is a paragraph when it ends a sentence.
            // (Its bytes are at least as many: most lines are passed over
            // by length, uncounted.)
            let long_paragraph = this_line.len() >= LONG_LINE_CHARS
                && ends_with_sentence(this_line)
                && this_line.chars().count() >= LONG_LINE_CHARS;
            if newlines >= 2
                || heading_here
                || heading_next
                || title
                || line_paragraphs
                || long_paragraph
            {
                segments.push((text.len(), newline));
                text.push_str("\n\n");
            } else {
                soft_breaks.push(text.len());
                let before = source[..line_end].chars().next_back();
                let after = source[next..].chars().next();
                let joins_cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
                let splits_figure = wraps_after_separator(&source[..line_end], &source[next..]);
                if !joins_cjk && !splits_figure && before.is_some() && after.is_some() {
                    segments.push((text.len(), newline));
                    // Figures on consecutive lines (a table cell) stay apart:
                    // `613\n911` must not read as the space-grouped 613 911.
                    let signed = matches!(after, Some('-' | '−' | '+'))
                        && source[next..]
                            .chars()
                            .nth(1)
                            .is_some_and(|c| c.is_ascii_digit());
                    text.push(if after.is_some_and(|c| c.is_ascii_digit()) || signed {
                        '\n'
                    } else {
                        ' '
                    });
                }
            }
            copy_from = next;
            search_from = next;
        }
        segments.push((text.len(), copy_from));
        text.push_str(&source[copy_from..]);
        let mut view = TextView {
            text,
            soft_breaks,
            segments,
        };
        let notes = pinyin_annotations(&view.text);
        if !notes.is_empty() {
            view.drop_ranges(&notes);
        }
        view
    }

    /// Removes byte ranges (sorted, disjoint) from the view, keeping the
    /// map back to the source exact for what remains.
    fn drop_ranges(&mut self, ranges: &[(usize, usize)]) {
        let mut text = String::with_capacity(self.text.len());
        let mut segments = Vec::with_capacity(self.segments.len() + ranges.len());
        let mut keep_from = 0;
        let bounds = ranges
            .iter()
            .copied()
            .chain(std::iter::once((self.text.len(), self.text.len())));
        for (start, end) in bounds {
            if start > keep_from {
                // The kept run, split wherever the old map has a break.
                let first = self.segments.partition_point(|&(v, _)| v <= keep_from);
                let mut run_start = keep_from;
                for &(v, _) in self.segments.iter().skip(first) {
                    if v >= start {
                        break;
                    }
                    segments.push((text.len(), self.source_offset(run_start)));
                    text.push_str(&self.text[run_start..v]);
                    run_start = v;
                }
                segments.push((text.len(), self.source_offset(run_start)));
                text.push_str(&self.text[run_start..start]);
            }
            keep_from = end;
        }
        self.text = text;
        self.segments = segments;
        // A soft break moves back by the bytes dropped before it.
        // Both are in order: one walk over the two.
        let mut whole = 0; // bytes of the ranges that end before the break
        let mut next = 0;
        for b in &mut self.soft_breaks {
            while next < ranges.len() && ranges[next].1 <= *b {
                whole += ranges[next].1 - ranges[next].0;
                next += 1;
            }
            let partial = ranges
                .get(next)
                .filter(|(s, _)| *s < *b)
                .map_or(0, |(s, _)| *b - s);
            *b -= whole + partial;
        }
    }

    /// The source offset of the byte at `offset` in the view.
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self.segments.partition_point(|&(v, _)| v <= offset);
        match i.checked_sub(1) {
            Some(i) => {
                let (view, src) = self.segments[i];
                src + (offset - view)
            }
            None => offset,
        }
    }

    /// The source range of a view range (end exclusive).
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.source_offset(start);
        let e = if end > start {
            self.source_offset(end - 1) + 1
        } else {
            s
        };
        (s, e)
    }
}

/// A numbered section heading on a line of its own (`二、农业`,
/// `（三）工业`) ends its paragraph even without a blank line after it.
fn is_title(line: &str) -> bool {
    let line = line.trim();
    // A closing bracket may end a title (`…(其中本土病例175例)`); other
    // punctuation ends a sentence or a clause.
    let open_end = line.ends_with([')', '）'])
        || !line.ends_with(|c: char| c.is_ascii_punctuation() || "，、；：。！？—…".contains(c));
    // A Chinese comma inside says a sentence wrapped, not a title; a bar
    // says a table's header row.
    (8..=60).contains(&line.chars().count()) && open_end && !line.contains(['，', '|', '｜'])
}

/// `2. Headline GDP figures`, `Main points`: a short capitalised English
/// line with no punctuation over a capitalised line. (Between two sentence
/// ends, see the caller: a line wrapped out of a paragraph follows none.)
fn english_heading(line: &str, next_line: &str) -> bool {
    // (An outline number before it: `2.`, `3.1`.)
    let words = line
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start();
    // A wrapped line stops anywhere, often before its object.
    let open_end = words.rsplit(' ').next().is_some_and(|w| {
        [
            "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "and",
            "or",
        ]
        .iter()
        .any(|f| w.eq_ignore_ascii_case(f))
    });
    (2..=60).contains(&words.len())
        && words.split(' ').count() <= 8
        && words.starts_with(|c: char| c.is_ascii_uppercase())
        && words
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" -()&'".contains(&b))
        && !open_end
        && next_line
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase())
}

fn is_heading(line: &str) -> bool {
    let line = line.trim();
    let body = line
        .strip_prefix(['（', '('])
        .unwrap_or(line)
        .trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    body.len() < line.len()
        && body.starts_with(['、', '）', ')'])
        && line.chars().count() <= 16
        && !line.ends_with(['。', '，', '；', '：', ',', ';', ':'])
}

/// Pinyin glosses that some web pages print after each character
/// (`產(chǎn)業(yè)`): a bracket right after a CJK character holding one
/// syllable of lowercase Latin letters. A document counts as glossed once
/// two such brackets carry tone marks; then every one of them goes, tone
/// mark or not, so that `產業` reads as one word again.
fn pinyin_annotations(text: &str) -> Vec<(usize, usize)> {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let mut found = Vec::new();
    let mut toned = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '(' | '（') && prev.is_some_and(is_cjk) {
            let inner_start = i + c.len_utf8();
            let inner: String = text[inner_start..]
                .chars()
                .take_while(|&d| d.is_ascii_lowercase() || d == 'ü' || TONED.contains(d))
                .collect();
            let close = inner_start + inner.len();
            let closed = text[close..].starts_with([')', '）']);
            let syllable = (1..=6).contains(&inner.chars().count())
                && inner
                    .chars()
                    .any(|d| "aeiouü".contains(d) || TONED.contains(d));
            if closed && syllable {
                let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
                toned += usize::from(inner.chars().any(|d| TONED.contains(d)));
                found.push((i, end));
            }
        }
        prev = Some(c);
    }
    if toned >= 2 {
        found
    } else {
        Vec::new()
    }
}

/// `16,\n695`: a PDF wrapped a figure right after its thousands
/// separator. The line ends in a digit group and a comma, and the next
/// starts with exactly three digits.
fn wraps_after_separator(before: &str, after: &str) -> bool {
    let b = before.as_bytes();
    let a = after.as_bytes();
    b.len() >= 2
        && b[b.len() - 1] == b','
        && b[b.len() - 2].is_ascii_digit()
        && a.len() >= 3
        && a[..3].iter().all(u8::is_ascii_digit)
        && a.get(3).is_none_or(|c| !c.is_ascii_digit())
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_written_a_paragraph_per_line_keeps_its_lines_apart() {
        let sentence = "Net sales for the quarter were $2.9 billion, up 20% from a year earlier.";
        let transcript = [sentence; 12].join("\n");
        assert_eq!(TextView::new(&transcript).text.matches("\n\n").count(), 11);
        // Hard-wrapped prose ends its lines inside sentences: they join.
        let wrapped = [
            "Net sales for the quarter were $2.9 billion, up",
            "20% from a year earlier.",
        ]
        .repeat(6)
        .join("\n");
        assert!(!TextView::new(&wrapped).text.contains("\n\n"));
        // A list of short items, a line each, is one block.
        let list = ["1、接待游客860.03万人次;"; 12].join("\n");
        assert!(!TextView::new(&list).text.contains("\n\n"));
    }

    #[test]
    fn a_line_longer_than_any_page_ends_its_paragraph() {
        let long = "Students who slept less than seven hours reported more stress. ".repeat(6);
        let text = format!(
            "{}\nTable 1. Sleep and stress\nShort wrapped\nline.",
            long.trim_end()
        );
        let view = TextView::new(&text);
        assert!(view.text.contains("stress.\n\nTable 1."));
        assert!(view.text.contains("Short wrapped line."));
    }

    #[test]
    fn a_wrapped_cjk_line_joins_without_a_space() {
        let src = "完成率\n86.40%，第 2剂 35120\n剂次";
        let view = TextView::new(src);
        assert_eq!(view.text, "完成率86.40%，第 2剂 35120剂次");
        let at = view.text.find("86.40").unwrap();
        assert_eq!(&src[view.source_offset(at)..][..5], "86.40");
        let (s, e) = view.source_range(view.text.find("剂次").unwrap(), view.text.len());
        assert_eq!(&src[s..e], "剂次");
    }

    #[test]
    fn a_wrapped_latin_line_joins_with_one_space() {
        let view = TextView::new("a total of 12,486 cases were noti- \nfied: 7,812");
        assert_eq!(view.text, "a total of 12,486 cases were noti- fied: 7,812");
    }

    #[test]
    fn a_figure_wrapped_after_its_separator_is_rejoined() {
        let view = TextView::new("(6,514 of the 13,\n208 articles)");
        assert_eq!(view.text, "(6,514 of the 13,208 articles)");
        let view = TextView::new("items 1,\n2 and 3");
        assert_eq!(view.text, "items 1,\n2 and 3");
    }

    #[test]
    fn a_numbered_heading_line_ends_its_paragraph() {
        let view = TextView::new("增长3.1%。\n二、农业\n全区实现第一产业增加值");
        assert_eq!(
            view.text,
            "增长3.1%。\n\n二、农业\n\n全区实现第一产业增加值"
        );
        // A wrapped line that happens to start with a numeral is not a heading.
        let view = TextView::new("完成率\n三、四季度");
        assert_eq!(view.text, "完成率三、四季度");
    }

    #[test]
    fn an_english_heading_without_a_full_stop_ends_its_paragraph() {
        let view = TextView::new(
            "Rates are estimates.\n2. Headline figures\nThe first estimate shows a fall.",
        );
        assert_eq!(
            view.text,
            "Rates are estimates.\n\n2. Headline figures\n\nThe first estimate shows a fall."
        );
        // A short line wrapped before its object goes on.
        let view = TextView::new("Rates are estimates.\nOutput fell in\nQuarter 3.");
        assert_eq!(view.text, "Rates are estimates. Output fell in Quarter 3.");
    }

    #[test]
    fn a_first_line_that_stops_without_punctuation_is_the_title() {
        let view = TextView::new("全市新增本土确诊病例12例(其中无症状转确诊3例)\n来源：市卫健委\n当日全市报告新增本土确诊病例12例。");
        assert!(view
            .text
            .starts_with("全市新增本土确诊病例12例(其中无症状转确诊3例)\n\n来源"));
        // A wrapped label or figure on the next line: one line.
        assert_eq!(
            TextView::new("全市累计完成目标任务数的\n91.26%").text,
            "全市累计完成目标任务数的91.26%"
        );
        // A sentence's first line goes on.
        assert_eq!(
            TextView::new("全市累计完成接种任务，\n完成率91.26%").text,
            "全市累计完成接种任务，完成率91.26%"
        );
    }

    #[test]
    fn figures_on_consecutive_lines_stay_apart() {
        let view = TextView::new("1,524\n613\n911");
        assert_eq!(view.text, "1,524\n613\n911");
    }

    #[test]
    fn pinyin_glosses_are_dropped_and_offsets_still_map() {
        let src = "第一產(chǎn)業(yè)增加值62.3億元，增長(zhǎng)3.1%";
        let view = TextView::new(src);
        assert_eq!(view.text, "第一產業增加值62.3億元，增長3.1%");
        let at = view.text.find("62.3").unwrap();
        assert_eq!(&src[view.source_offset(at)..][..4], "62.3");
        let at = view.text.find("3.1%").unwrap();
        let (s, e) = view.source_range(at, at + 4);
        assert_eq!(&src[s..e], "3.1%");
        // One bracket alone, or an English word in brackets, stays.
        assert_eq!(TextView::new("总值(GDP)和(a)").text, "总值(GDP)和(a)");
    }

    #[test]
    fn a_blank_line_stays_a_paragraph_break() {
        let src = "first paragraph.\r\n \r\nsecond 540";
        let view = TextView::new(src);
        assert_eq!(view.text, "first paragraph.\n\nsecond 540");
        let at = view.text.find("540").unwrap();
        assert_eq!(&src[view.source_offset(at)..], "540");
    }
}
