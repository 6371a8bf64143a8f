//! Markdown: prose, headings, lists and tables are read; code, URLs,
//! markup, HTML (comments included), front matter, math and image alt
//! text are blanked byte for byte, so the engine's offsets are the
//! file's own and every finding points at the right line and column.
//!
//! Blanking keeps line breaks and puts a space in each blanked byte: a
//! figure stays where it was, and `**93.04%**` reads as `  93.04%  `.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Extracted;

pub fn extract(source: String) -> Extracted {
    let mut out: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_MATH;
    // Inside something whose text is not prose: code blocks, images (alt
    // text), front matter, autolinks (the text is the URL).
    let mut hidden = 0usize;
    // The row being read and where its last cell read ends: cells past
    // the header's width, which the parser drops, are copied as written.
    let mut row: Option<(std::ops::Range<usize>, usize)> = None;
    for (event, range) in Parser::new_ext(&source, options).into_offset_iter() {
        if let (Some((_, last)), Event::Text(_) | Event::End(_)) = (row.as_mut(), &event) {
            if !matches!(event, Event::End(TagEnd::TableRow | TagEnd::TableHead)) {
                *last = (*last).max(range.end);
            }
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) => hidden += 1,
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => hidden += 1,
                Tag::TableHead | Tag::TableRow => {
                    keep_cell_bars(&source, range.clone(), &mut out);
                    row = Some((range.clone(), range.start));
                }
                Tag::Table(_) => keep_delimiter_rows(&source, range, &mut out),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {
                    hidden = hidden.saturating_sub(1)
                }
                TagEnd::Link if is_autolink(&source, &range) => hidden = hidden.saturating_sub(1),
                TagEnd::TableRow | TagEnd::TableHead => {
                    if let Some((whole, last)) = row.take() {
                        keep_extra_cells(&source, last..whole.end, &mut out);
                    }
                }
                _ => {}
            },
            Event::Text(text) if hidden == 0 => {
                keep_text(&source, range, &text, &mut out);
            }
            _ => {}
        }
    }
    blank_bare_urls(&mut out);
    // Only whole characters of the source were copied, and ASCII spaces
    // and line breaks elsewhere: the bytes are UTF-8.
    let text = String::from_utf8(out).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes())
            .into_owned()
            .chars()
            .map(|c| if c == '\u{FFFD}' { ' ' } else { c })
            .collect()
    });
    let mut extracted = Extracted::plain(text);
    extracted.shown = Some(source);
    extracted
}

/// An autolink's source is `<…>`; a link whose text and target are the
/// same URL is written that way.
fn is_autolink(source: &str, range: &std::ops::Range<usize>) -> bool {
    source
        .get(range.clone())
        .is_some_and(|s| s.starts_with('<') && s.ends_with('>'))
}

/// Copies a text event into the output at its place. The parser decodes
/// entities and escapes (`&#37;` → `%`, `\*` → `*`); the decoded text is
/// written at the start of its source and the rest blanked, so the
/// figure keeps its offset.
fn keep_text(source: &str, range: std::ops::Range<usize>, text: &str, out: &mut [u8]) {
    let Some(original) = source.get(range.clone()) else {
        return;
    };
    if original == text {
        out[range].copy_from_slice(original.as_bytes());
    } else if text.len() <= range.len() && !text.contains(['\n', '\r']) {
        out[range.start..range.start + text.len()].copy_from_slice(text.as_bytes());
    } else {
        // Longer than its source (rare): keep what the file says.
        out[range].copy_from_slice(original.as_bytes());
    }
}

/// The `|` between the cells of a table row, which the table reader
/// reads as cell boundaries. An escaped `\|` is text, not a boundary.
fn keep_cell_bars(source: &str, range: std::ops::Range<usize>, out: &mut [u8]) {
    let bytes = source.as_bytes();
    for k in range {
        if bytes[k] == b'|' && (k == 0 || bytes[k - 1] != b'\\') {
            out[k] = b'|';
        }
    }
}

/// Cells past the width of the header row, which GitHub's tables drop
/// and reports extracted from HTML often have (a header cell spanning two
/// columns): their text is the file's, figures included.
fn keep_extra_cells(source: &str, range: std::ops::Range<usize>, out: &mut [u8]) {
    let Some(rest) = source.get(range.clone()) else {
        return;
    };
    if !rest.contains('|') {
        return;
    }
    let end = range.start + rest.trim_end_matches(['\n', '\r']).len();
    out[range.start..end].copy_from_slice(&source.as_bytes()[range.start..end]);
}

/// A table's delimiter row (`|---|--:|`) stays: it tells the table
/// reader where the header ends, and holds no figure.
fn keep_delimiter_rows(source: &str, range: std::ops::Range<usize>, out: &mut [u8]) {
    let mut at = range.start;
    for line in source[range].split_inclusive('\n') {
        if super::is_delimiter_row(line) {
            let end = at + line.trim_end_matches(['\n', '\r']).len();
            out[at..end].copy_from_slice(&source.as_bytes()[at..end]);
        }
        at += line.len();
    }
}

/// Blanks URLs written as plain text (`see https://stats.example/2023`),
/// which Markdown shows as links but parses as text.
fn blank_bare_urls(out: &mut [u8]) {
    const STARTS: [&[u8]; 3] = [b"http://", b"https://", b"www."];
    let mut k = 0;
    while k < out.len() {
        let at_url = STARTS.iter().any(|s| out[k..].starts_with(s))
            && (k == 0 || !out[k - 1].is_ascii_alphanumeric());
        if at_url {
            // A URL runs to whitespace, a bracket, or non-ASCII text.
            while k < out.len()
                && out[k].is_ascii_graphic()
                && !matches!(out[k], b')' | b']' | b'>' | b'"' | b'\'' | b'|')
            {
                out[k] = b' ';
                k += 1;
            }
        } else {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> String {
        let extracted = extract(source.to_owned());
        assert_eq!(extracted.text.len(), source.len(), "offsets kept");
        extracted.text
    }

    #[test]
    fn prose_figures_keep_their_offsets() {
        let source = "# 概况\n\n目标任务数 **44354**人，完成率*92.26%*。\n";
        let text = read(source);
        let at = source.find("92.26%").unwrap();
        assert_eq!(&text[at..at + "92.26%".len()], "92.26%");
        assert!(text.contains("44354"));
        assert!(!text.contains('#') && !text.contains('*'));
    }

    #[test]
    fn code_urls_comments_and_images_are_blanked() {
        let source = "完成率 91.26%。\n\n\
            Inline `1234` code.\n\n\
            ```\n5678 9012\n```\n\n\
            <!-- 完成率 50% -->\n\n\
            See [the 2023 report](https://x.example/report-4411.pdf) and <https://y.example/77>.\n\n\
            Also https://z.example/8899 here.\n\n\
            ![chart of 3344 cases](img/5566.png)\n";
        let text = read(source);
        for hidden in [
            "1234", "5678", "9012", "50%", "4411", "77", "8899", "3344", "5566",
        ] {
            assert!(!text.contains(hidden), "{hidden} in {text:?}");
        }
        assert!(text.contains("91.26%"));
        assert!(text.contains("the 2023 report"));
    }

    #[test]
    fn front_matter_is_blanked() {
        let text = read("---\nyear: 2024\ncount: 17\n---\n\n收入 12 亿元。\n");
        assert!(!text.contains("2024") && !text.contains("17"));
        assert!(text.contains("12 亿元"));
    }

    #[test]
    fn cells_past_the_header_s_width_are_kept() {
        // The header spans two columns per group; the rows have four.
        let source =
            "Group | Men | Women\n---|---|---\nYes | 12 | 1.2 (0.8–1.9) | 15 | 1.4 (0.9–2.2)\n";
        let text = read(source);
        let row = text.lines().nth(2).unwrap();
        assert_eq!(
            row.split_whitespace().collect::<Vec<_>>(),
            [
                "Yes",
                "|",
                "12",
                "|",
                "1.2",
                "(0.8–1.9)",
                "|",
                "15",
                "|",
                "1.4",
                "(0.9–2.2)"
            ]
        );
    }

    #[test]
    fn table_rows_keep_their_bars_and_their_delimiter_row() {
        let source = "| 项目 | 人数 |\n|---|---:|\n| 城镇 | **120** |\n| 合计 | 300 |\n";
        let text = read(source);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0].trim(), "| 项目 | 人数 |");
        assert_eq!(lines[1], "|---|---:|");
        assert_eq!(
            lines[2].split_whitespace().collect::<Vec<_>>(),
            ["|", "城镇", "|", "120", "|"]
        );
    }

    #[test]
    fn an_entity_is_decoded_in_place() {
        let source = "完成率 91.26&#37; 了\n";
        let text = read(source);
        let at = source.find("91.26").unwrap();
        assert!(text[at..].starts_with("91.26%"));
    }

    #[test]
    fn ordered_list_numbers_are_not_figures() {
        let text = read("1. 城镇 120 人\n2. 乡村 180 人\n");
        assert!(!text.contains("1.") && !text.contains("2."));
        assert!(text.contains("120") && text.contains("180"));
    }
}
