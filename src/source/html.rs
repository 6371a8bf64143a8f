//! HTML: the text of the body, entities decoded, scripts and styles
//! dropped, block elements as lines and table rows as `|` rows.
//!
//! lol_html tokenizes the page (it keeps track of script, style and
//! other raw-text elements, and gives every text chunk its byte range in
//! the source); the events are collected, then laid out as lines by
//! [`Layout`], which the Word reader shares.

use std::cell::RefCell;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};

use super::{Extracted, OffsetMap, TextBuilder};

pub fn extract(html: String) -> Result<Extracted, String> {
    // lol_html is fuzzed, but a reader must not take the whole run down
    // with it: a panic on some odd page becomes an error for that page.
    let events = catch_unwind(AssertUnwindSafe(|| tokenize(&html)))
        .map_err(|_| "HTML: the parser failed on this document".to_owned())??;
    let (text, map) = lay_out(&html, &events);
    Ok(Extracted {
        text,
        map,
        shown: Some(html),
        notes: Vec::new(),
        places: Vec::new(),
    })
}

/// The elements that shape the text; others (inline ones) are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Body,
    /// Its content is not text of the page (script, style...).
    Skip,
    Pre,
    /// Ends a line (p, div, br...).
    Block,
    Table,
    Row,
    Cell,
}

#[derive(Debug)]
enum Event {
    /// A start tag, with the `colspan` of a cell.
    Start(Tag, usize),
    End(Tag),
    /// Text at these bytes of the source; `raw` when entities are not
    /// decoded in it (`<xmp>`, `<plaintext>`).
    Text {
        range: Range<usize>,
        raw: bool,
    },
}

fn classify(name: &str) -> Option<Tag> {
    Some(match name {
        "body" => Tag::Body,
        "script" | "style" | "template" | "noscript" | "title" | "iframe" | "noembed"
        | "noframes" => Tag::Skip,
        "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "br" | "hr" | "section"
        | "article" | "blockquote" | "dd" | "dt" | "dl" | "caption" | "header" | "footer"
        | "ul" | "ol" | "main" | "nav" | "aside" | "figure" | "figcaption" | "address"
        | "details" | "summary" | "fieldset" | "legend" | "form" | "center" | "hgroup" | "menu"
        | "option" => Tag::Block,
        "table" => Tag::Table,
        "tr" => Tag::Row,
        "td" | "th" => Tag::Cell,
        _ => return None,
    })
}

/// Browsers clamp `colspan` to 1..=1000.
fn colspan(value: Option<String>) -> usize {
    let Some(value) = value else { return 1 };
    let digits: String = value
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(5)
        .collect();
    digits.parse::<usize>().map_or(1, |n| n.clamp(1, 1000))
}

/// The page's tags and text, in order.
fn tokenize(html: &str) -> Result<Vec<Event>, String> {
    let events: Rc<RefCell<Vec<Event>>> = Rc::default();

    let on_element = {
        let events = Rc::clone(&events);
        move |el: &mut Element<'_, '_>| {
            let Some(tag) = classify(&el.tag_name()) else {
                return Ok(());
            };
            let span = match tag {
                Tag::Cell => colspan(el.get_attribute("colspan")),
                _ => 1,
            };
            events.borrow_mut().push(Event::Start(tag, span));
            if el.can_have_content() {
                let events = Rc::clone(&events);
                el.on_end_tag(end_tag!(move |_| {
                    events.borrow_mut().push(Event::End(tag));
                    Ok(())
                }))?;
            }
            Ok(())
        }
    };
    let on_text = {
        let events = Rc::clone(&events);
        move |t: &mut TextChunk<'_>| {
            let range = t.source_location().bytes();
            if range.is_empty() {
                return Ok(());
            }
            let raw = matches!(t.text_type(), TextType::RawText | TextType::PlainText);
            let mut events = events.borrow_mut();
            // A text node may come in several chunks: join them, so that
            // an entity split between two chunks is still read.
            if let Some(Event::Text {
                range: last,
                raw: r,
            }) = events.last_mut()
            {
                if last.end == range.start && *r == raw {
                    last.end = range.end;
                    return Ok(());
                }
            }
            events.push(Event::Text { range, raw });
            Ok(())
        }
    };

    let settings = Settings::new()
        .with_strict(false)
        .with_adjust_charset_on_meta_tag(false)
        .append_element_content_handler(element!("*", on_element))
        .append_document_content_handler(doc_text!(on_text));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter
        .write(html.as_bytes())
        .map_err(|e| format!("HTML: {e}"))?;
    rewriter.end().map_err(|e| format!("HTML: {e}"))?;
    let events = std::mem::take(&mut *events.borrow_mut());
    Ok(events)
}

/// The engine's text from the page's events.
fn lay_out(html: &str, events: &[Event]) -> (String, OffsetMap) {
    // The body if there is one, else everything.
    let from = events
        .iter()
        .position(|e| matches!(e, Event::Start(Tag::Body, _)))
        .unwrap_or(0);
    let mut layout = Layout::default();
    let mut skip = 0usize;
    let mut pre = 0usize;
    for event in &events[from..] {
        match *event {
            Event::Start(Tag::Skip, _) => skip += 1,
            Event::End(Tag::Skip) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Start(Tag::Body, _) | Event::End(Tag::Body) => {}
            Event::Start(Tag::Pre, _) => {
                pre += 1;
                layout.block();
            }
            Event::End(Tag::Pre) => {
                pre = pre.saturating_sub(1);
                layout.block();
            }
            Event::Start(Tag::Block, _) | Event::End(Tag::Block) => layout.block(),
            Event::Start(Tag::Table, _) => layout.table_start(),
            Event::End(Tag::Table) => layout.table_end(),
            Event::Start(Tag::Row, _) => layout.row_start(),
            Event::End(Tag::Row) => layout.row_end(),
            Event::Start(Tag::Cell, span) => {
                layout.cell_start();
                layout.cell_span(span);
            }
            Event::End(Tag::Cell) => {}
            Event::Text { ref range, raw } => {
                push_text(&mut layout, html, range.clone(), raw, pre > 0);
            }
        }
    }
    layout.finish()
}

/// Pushes the text at `range` of `html`: entities decoded (each its own
/// piece), whitespace collapsed unless in `<pre>`.
fn push_text(layout: &mut Layout, html: &str, range: Range<usize>, raw: bool, pre: bool) {
    let base = range.start;
    let Some(s) = html.get(range) else { return };
    // The start of a run of plain text not yet pushed.
    let mut run: Option<usize> = None;
    let flush = |layout: &mut Layout, run: &mut Option<usize>, end: usize| {
        if let Some(start) = run.take() {
            layout.text(&s[start..end], Some((base + start, end - start)));
        }
    };
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c == '&' && !raw {
            if let Some((decoded, len)) = entity(&s[i..]) {
                flush(layout, &mut run, i);
                let at = Some((base + i, len));
                if is_space(decoded) {
                    if pre {
                        layout.text(" ", at);
                    } else {
                        layout.space(at);
                    }
                } else if !is_invisible(decoded) {
                    layout.text(decoded.encode_utf8(&mut [0; 4]), at);
                }
                i += len;
                continue;
            }
        }
        let len = c.len_utf8();
        if is_space(c) {
            flush(layout, &mut run, i);
            if !pre {
                layout.space(Some((base + i, len)));
            } else if c == '\n' {
                layout.block();
            } else if c != '\r' {
                layout.text(" ", Some((base + i, len)));
            }
        } else if is_invisible(c) {
            flush(layout, &mut run, i);
        } else if run.is_none() {
            run = Some(i);
        }
        i += len;
    }
    flush(layout, &mut run, s.len());
}

/// Whitespace that collapses to one space (no-break and typographic
/// spaces included: for the engine they are spaces).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' | '\u{2002}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}'
    )
}

/// Characters that show nothing: a soft hyphen, a zero-width space, a
/// stray byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}')
}

/// Named entities read (the ones statistical pages use).
const ENTITIES: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("middot", '·'),
    ("times", '×'),
    ("divide", '÷'),
    ("minus", '−'),
    ("plusmn", '±'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("yen", '¥'),
    ("euro", '€'),
    ("pound", '£'),
    ("cent", '¢'),
    ("permil", '‰'),
    ("percnt", '%'),
    ("deg", '°'),
    ("micro", 'µ'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("sect", '§'),
    ("para", '¶'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("shy", '\u{ad}'),
    ("zwsp", '\u{200b}'),
];

/// Entities browsers also read without the `;`.
const LEGACY: &[&str] = &["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"];

/// The character an entity at the start of `s` (which starts with `&`)
/// stands for, and the entity's length in bytes; `None` when `&` starts
/// no entity (it is then a literal `&`).
fn entity(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        return numeric_entity(bytes);
    }
    let name_len = bytes[1..]
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let with_semicolon = bytes.get(1 + name_len) == Some(&b';');
    if !with_semicolon && !LEGACY.contains(&name) {
        return None;
    }
    let c = ENTITIES.iter().find(|(n, _)| *n == name)?.1;
    Some((c, 1 + name_len + usize::from(with_semicolon)))
}

/// `&#NN;` or `&#xHH;` (the `;` may be missing, as browsers allow).
fn numeric_entity(bytes: &[u8]) -> Option<(char, usize)> {
    let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
    let digits_at = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut len = 0;
    for &b in &bytes[digits_at.min(bytes.len())..] {
        let Some(d) = char::from(b).to_digit(radix) else {
            break;
        };
        // Past the largest code point: keep reading, remember "too large".
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        len += 1;
    }
    if len == 0 {
        return None;
    }
    let mut end = digits_at + len;
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    Some((numeric_char(value), end))
}

/// The character a numeric reference stands for, as browsers read it:
/// 0x80..0x9F as windows-1252, invalid code points as U+FFFD.
fn numeric_char(value: u32) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match value {
        0 => '\u{fffd}',
        0x80..=0x9f => C1[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

/// Lays text out as the engine reads it: a paragraph per line, a table
/// row per line with cells separated by ` | `, whitespace runs collapsed
/// to one space. Used by the HTML and Word readers.
///
/// Only the outermost table makes rows: a table nested in a cell is read
/// as words of that cell. Inside a row, what would end a line (a
/// paragraph, a line break) is a space.
#[derive(Debug)]
pub(super) struct Layout {
    out: TextBuilder,
    /// A space is due before the next text.
    space: Space,
    /// At the start of a line or a cell: spaces are dropped.
    fresh: bool,
    /// Open tables, outermost first.
    tables: Vec<Table>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            out: TextBuilder::default(),
            space: Space::None,
            fresh: true,
            tables: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Space {
    #[default]
    None,
    /// A space that stands for nothing in the shown text.
    Soft,
    /// The whitespace at these bytes of the shown text.
    At(usize, usize),
}

#[derive(Debug, Default)]
struct Table {
    row_open: bool,
    /// Cells started in the open row.
    cells: usize,
    /// Empty cells due after the current one (its span less one).
    pad: usize,
}

impl Layout {
    /// Appends text (no whitespace in it), which stands for `at`
    /// (offset, length) of the shown text, or for nothing.
    pub(super) fn text(&mut self, piece: &str, at: Option<(usize, usize)>) {
        if piece.is_empty() {
            return;
        }
        match std::mem::take(&mut self.space) {
            _ if self.fresh => {}
            Space::None => {}
            Space::Soft => self.out.push_separator(" "),
            Space::At(offset, len) => self.out.push_mapped(" ", offset, len),
        }
        self.fresh = false;
        match at {
            Some((offset, len)) => self.out.push_mapped(piece, offset, len),
            None => self.out.push_separator(piece),
        }
    }

    /// Whitespace: one space before the next text, if any on this line.
    pub(super) fn space(&mut self, at: Option<(usize, usize)>) {
        if !self.fresh && self.space == Space::None {
            self.space = at.map_or(Space::Soft, |(offset, len)| Space::At(offset, len));
        }
    }

    /// Text with whitespace in it, standing for nothing in a shown text.
    pub(super) fn words(&mut self, s: &str) {
        let mut run: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if is_space(c) || is_invisible(c) {
                if let Some(start) = run.take() {
                    self.text(&s[start..i], None);
                }
                if is_space(c) {
                    self.space(None);
                }
            } else if run.is_none() {
                run = Some(i);
            }
        }
        if let Some(start) = run {
            self.text(&s[start..], None);
        }
    }

    /// The end of a paragraph or a line break: a new line, or a space
    /// inside a table row.
    pub(super) fn block(&mut self) {
        if self.in_row() {
            self.space(None);
        } else {
            self.new_line();
        }
    }

    pub(super) fn table_start(&mut self) {
        if self.tables.is_empty() {
            self.new_line();
        } else {
            self.space(None);
        }
        self.tables.push(Table::default());
    }

    pub(super) fn table_end(&mut self) {
        match self.tables.len() {
            0 => self.new_line(),
            1 => {
                self.close_row();
                self.tables.clear();
                self.new_line();
            }
            _ => {
                self.tables.pop();
                self.space(None);
            }
        }
    }

    pub(super) fn row_start(&mut self) {
        match self.tables.len() {
            0 => self.new_line(),
            1 => {
                self.close_row();
                self.new_line();
                let table = &mut self.tables[0];
                table.row_open = true;
                table.cells = 0;
                table.pad = 0;
            }
            _ => self.space(None),
        }
    }

    pub(super) fn row_end(&mut self) {
        match self.tables.len() {
            0 => self.new_line(),
            1 => self.close_row(),
            _ => self.space(None),
        }
    }

    /// A cell starts: ` | ` after the cells before it (and the empty
    /// cells a spanning cell before it is due).
    pub(super) fn cell_start(&mut self) {
        if self.tables.len() != 1 {
            self.space(None);
            return;
        }
        if !self.tables[0].row_open {
            self.row_start();
        }
        let table = &mut self.tables[0];
        if table.cells > 0 {
            for _ in 0..=table.pad {
                self.out.push_separator(" | ");
            }
        }
        table.pad = 0;
        table.cells += 1;
        self.space = Space::None;
        self.fresh = true;
    }

    /// The current cell spans `span` columns: `span - 1` empty cells
    /// follow it.
    pub(super) fn cell_span(&mut self, span: usize) {
        if let [table] = self.tables.as_mut_slice() {
            if table.row_open && table.cells > 0 {
                table.pad = span.clamp(1, 1000) - 1;
            }
        }
    }

    pub(super) fn finish(mut self) -> (String, OffsetMap) {
        self.close_row();
        self.new_line();
        self.out.finish()
    }

    fn in_row(&self) -> bool {
        self.tables.first().is_some_and(|t| t.row_open)
    }

    /// Closes the outermost table's open row, with the empty cells due.
    fn close_row(&mut self) {
        let Some(table) = self.tables.first_mut() else {
            return;
        };
        if !table.row_open {
            return;
        }
        for _ in 0..table.pad {
            self.out.push_separator(" | ");
        }
        table.row_open = false;
        table.pad = 0;
        self.new_line();
    }

    fn new_line(&mut self) {
        self.space = Space::None;
        self.fresh = true;
        if !self.out.at_line_start() {
            self.out.push_separator("\n");
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn text(html: &str) -> String {
        extract(html.to_owned()).unwrap().text
    }

    #[test]
    fn inline_tags_do_not_split_a_figure() {
        assert_eq!(
            text("<p>完成率<b>93.04</b>%，<span>较</span><a href='x'>上年</a>提高<sup>1</sup></p>"),
            "完成率93.04%，较上年提高1\n"
        );
    }

    #[test]
    fn an_entity_is_decoded_and_maps_back_to_its_bytes() {
        let html = "<p>完成率 92.26&#37;，差&nbsp;1&amp;2</p>";
        let e = extract(html.to_owned()).unwrap();
        assert_eq!(e.text, "完成率 92.26%，差 1&2\n");
        let a = e.text.find("92.26%").unwrap();
        let b = a + "92.26%".len();
        assert_eq!(&html[e.map.start(a)..e.map.end(b)], "92.26&#37;");
        // The `%` alone is the whole entity.
        assert_eq!(&html[e.map.start(b - 1)..e.map.end(b)], "&#37;");
        // Plain text maps byte for byte.
        let c = e.text.find("完成率").unwrap();
        assert_eq!(&html[e.map.start(c)..e.map.end(c + 9)], "完成率");
        assert_eq!(e.shown.as_deref(), Some(html));
    }

    #[test]
    fn named_and_numeric_entities() {
        assert_eq!(
            text("<p>&#x25;&#8240;&permil;&yen;&times;&minus;&mdash;&lt;&gt;&quot;&#39;&apos;&bogus; &amp x&#150;</p>"),
            "%‰‰¥×−—<>\"''&bogus; & x–\n"
        );
        // Spaces collapse into one.
        assert_eq!(text("<p>a&nbsp;&ensp;&emsp;&thinsp;b</p>"), "a b\n");
    }

    #[test]
    fn scripts_styles_comments_and_the_head_are_not_text() {
        let t = text(
            "<html><head><title>年报 2023</title><style>.a{width:50%}</style>\
             <script>var rate = 0.5;</script></head><body><!-- 完成率 50% -->\
             <p>正文 12</p><script>document.write('77')</script>\
             <noscript>88</noscript><template>99</template></body></html>",
        );
        assert_eq!(t, "正文 12\n");
    }

    #[test]
    fn without_a_body_everything_is_read() {
        assert_eq!(text("<p>甲 1</p>乙 2"), "甲 1\n乙 2\n");
        assert_eq!(text(" \n 甲 <i>1</i>  "), "甲 1\n");
    }

    #[test]
    fn blocks_end_lines_and_whitespace_collapses() {
        let t = text(
            "<body><h1>标题</h1>\n\n<div>一\n   二</div><p>三<br>四</p><ul><li>五</li>\
             <li>六</li></ul><hr>七<pre>a  b\nc</pre></body>",
        );
        assert_eq!(t, "标题\n一 二\n三\n四\n五\n六\n七\na  b\nc\n");
    }

    #[test]
    fn a_table_is_rows_of_cells_with_colspan_padding() {
        let t = text(
            "<table><caption>表1 就业</caption>\
             <thead><tr><th colspan=\"2\">项目</th><th>人数</th></tr></thead>\
             <tbody><tr><td>甲</td><td>乙</td><td> 120 </td></tr>\n\
             <tr><td colspan=3>合计 <b>1,200</b></td>\
             <tr><td><p>多</p><p>段</p></td><td>2<br>行</td><td></td></tr></tbody></table>\
             <p>后文</p>",
        );
        assert_eq!(
            t,
            "表1 就业\n项目 |  | 人数\n甲 | 乙 | 120\n合计 1,200 |  | \n多 段 | 2 行 | \n后文\n"
        );
    }

    #[test]
    fn a_nested_table_is_read_inside_its_cell() {
        let t = text(
            "<table><tr><td>外</td><td><table><tr><td>内1</td><td>内2</td></tr></table></td>\
             <td>3</td></tr><tr><td>下</td></tr></table>",
        );
        assert_eq!(t, "外 | 内1 内2 | 3\n下\n");
    }

    #[test]
    fn malformed_and_truncated_documents_do_not_panic() {
        for html in [
            "",
            "<",
            "&",
            "&#",
            "&#x",
            "&#99999999999999999999;",
            "<p>未闭合 <b>粗",
            "<table><td>1<td>2<tr><td>3",
            "</td></tr></table></p></body>",
            "<script>unterminated",
            "<!-- unterminated comment",
            "<td colspan=99999999999>x</td><td>y",
            "<table><tr><td colspan=0>a<td colspan=-3>b<td colspan=abc>c</table>",
            "<a href=\"x<p>1</p>",
            "<svg><title>t</title><text>5</text></svg><math><mi>x</mi></math>",
            "\u{0}<p>\u{0}</p>\u{feff}",
        ] {
            let _ = extract(html.to_owned());
        }
        let deep = "<div><table><tr><td>".repeat(20_000) + "x";
        assert!(extract(deep).unwrap().text.contains('x'));
    }

    #[test]
    fn spans_map_back_through_tags() {
        let html = "<p>目标 <b>44,354</b> 人</p>";
        let e = extract(html.to_owned()).unwrap();
        assert_eq!(e.text, "目标 44,354 人\n");
        let a = e.text.find("44,354").unwrap();
        assert_eq!(&html[e.map.start(a)..e.map.end(a + 6)], "44,354");
    }

    /// The text of fixtures/formats/report.html (and of report.docx).
    pub(in crate::source) const REPORT_TEXT: &str = "\
2023年全市就业工作情况
2023年，全市城镇新增就业目标任务数 44,354 人，累计完成 40,479 人，完成率 92.26%。
详见第12期统计公报。
表1 新增就业人员构成
项目 | 人数 | 比重(%)
第一产业 | 130 | 12.7
第二产业 | 310 | 30.3
第三产业 | 584 | 47.0
合计 | 1024 | 100.0
";

    #[test]
    fn the_report_fixture_reads_as_lines_and_maps_back() {
        let html = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/formats/report.html"
        ));
        let e = extract(html.to_owned()).unwrap();
        assert_eq!(e.text, REPORT_TEXT);
        let a = e.text.find("92.26%").unwrap();
        assert_eq!(&html[e.map.start(a)..e.map.end(a + 6)], "92.26&#37;");
        let b = e.text.find("47.0").unwrap();
        let at = e.map.start(b);
        assert_eq!(&html[at..e.map.end(b + 4)], "47.0");
        assert!(html[..at].ends_with("<td>584</td><td>"));
    }
}
