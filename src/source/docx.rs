//! Word (`.docx`): the paragraphs and tables of `word/document.xml`, a
//! paragraph or a table row per line.
//!
//! Elements are matched by their usual prefixes (`w:` for
//! WordprocessingML, `m:` for equations, `mc:` for alternate content),
//! which is how Word and the other writers spell them.

use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::html::Layout;
use super::{Extracted, OffsetMap};

/// The largest `word/document.xml` read (uncompressed): a guard against
/// zip bombs. Reports are far smaller.
const MAX_DOCUMENT_XML: u64 = 200 * 1024 * 1024;

const NOTE: &str =
    "line numbers are of the text extracted from the document (a paragraph or table row per line)";

pub fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    // zip and quick-xml are fuzzed, but a reader must not take the whole
    // run down with it: a panic on some odd file becomes an error.
    let text = catch_unwind(AssertUnwindSafe(|| {
        document_xml(bytes, MAX_DOCUMENT_XML).and_then(|xml| lay_out(&xml))
    }))
    .map_err(|_| "Word document: the reader failed on this file".to_owned())??;
    let places = places(&text);
    Ok(Extracted {
        text,
        map: OffsetMap::Identity,
        shown: None,
        notes: vec![NOTE.to_owned()],
        places,
    })
}

/// What each line of the extracted text is in the document: a paragraph
/// (counted as Word counts them, tables apart) or a table's row.
fn places(text: &str) -> Vec<String> {
    let (mut paragraph, mut table, mut row) = (0, 0, 0);
    let mut in_table = false;
    text.lines()
        .map(|line| {
            if line.contains(" | ") {
                if !in_table {
                    table += 1;
                    row = 0;
                    in_table = true;
                }
                row += 1;
                format!("table {table}, row {row}")
            } else {
                in_table = false;
                paragraph += 1;
                format!("paragraph {paragraph}")
            }
        })
        .collect()
}

/// The text of `word/document.xml`, if no larger than `max` bytes.
fn document_xml(bytes: &[u8], max: u64) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (not a zip archive: {e})"))?;
    let mut part = match archive.by_name("word/document.xml") {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err("not a Word document: no word/document.xml".to_owned())
        }
        Err(e) => return Err(format!("cannot read word/document.xml: {e}")),
    };
    let too_large = || {
        let limit = if max.is_multiple_of(1 << 20) {
            format!("{} MB", max >> 20)
        } else {
            format!("{max} bytes")
        };
        format!("word/document.xml is larger than {limit} uncompressed, not read")
    };
    if part.size() > max {
        return Err(too_large());
    }
    // The declared size may lie: read no more than the limit whatever it says.
    let mut xml = Vec::with_capacity(part.size().min(max) as usize);
    (&mut part)
        .take(max + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    if xml.len() as u64 > max {
        return Err(too_large());
    }
    xml_text(xml)
}

/// XML is UTF-8 unless a byte-order mark says UTF-16.
fn xml_text(mut xml: Vec<u8>) -> Result<String, String> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&xml) {
        if encoding != encoding_rs::UTF_8 {
            return encoding
                .decode_without_bom_handling_and_without_replacement(&xml[bom_len..])
                .map(|text| text.into_owned())
                .ok_or_else(|| format!("word/document.xml is not valid {}", encoding.name()));
        }
        xml.drain(..bom_len);
    }
    String::from_utf8(xml).map_err(|e| {
        format!(
            "word/document.xml is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// What the elements of `document.xml` are to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Paragraph,
    /// `w:r`: tabs and breaks count only in runs (`w:tab` is also a tab
    /// stop's definition in paragraph properties).
    Run,
    /// `w:t`, `m:t`: text.
    Text,
    Tab,
    Break,
    NoBreakHyphen,
    Table,
    Row,
    Cell,
    GridSpan,
    /// `mc:Fallback`: a copy of content for older readers, already read
    /// in `mc:Choice`.
    Fallback,
    Other,
}

fn element(name: &str) -> Element {
    match name {
        "w:p" => Element::Paragraph,
        "w:r" => Element::Run,
        "w:t" | "m:t" => Element::Text,
        "w:tab" | "w:ptab" => Element::Tab,
        "w:br" | "w:cr" => Element::Break,
        "w:noBreakHyphen" => Element::NoBreakHyphen,
        "w:tbl" => Element::Table,
        "w:tr" => Element::Row,
        "w:tc" => Element::Cell,
        "w:gridSpan" => Element::GridSpan,
        "mc:Fallback" => Element::Fallback,
        _ => Element::Other,
    }
}

/// The state of the walk through `document.xml`.
#[derive(Default)]
struct Walk {
    layout: Layout,
    /// Depth in `w:r`, `w:t`, `mc:Fallback`.
    runs: usize,
    texts: usize,
    fallbacks: usize,
}

impl Walk {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let kind = element(e.name().as_ref());
        if kind == Element::Fallback {
            self.fallbacks += usize::from(!empty);
            return;
        }
        if self.fallbacks > 0 {
            return;
        }
        match kind {
            Element::Paragraph => self.layout.block(),
            Element::Run => self.runs += usize::from(!empty),
            Element::Text => self.texts += usize::from(!empty),
            Element::Tab if self.runs > 0 => self.layout.space(None),
            Element::Break if self.runs > 0 => self.layout.block(),
            Element::NoBreakHyphen if self.runs > 0 => self.layout.text("-", None),
            Element::Table => self.layout.table_start(),
            Element::Row => self.layout.row_start(),
            Element::Cell => self.layout.cell_start(),
            Element::GridSpan => {
                let span = e
                    .try_get_attribute("w:val")
                    .ok()
                    .flatten()
                    .and_then(|a| a.value.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                self.layout.cell_span(span);
            }
            _ => {}
        }
        if empty {
            self.end(kind);
        }
    }

    fn end(&mut self, kind: Element) {
        if kind == Element::Fallback {
            self.fallbacks = self.fallbacks.saturating_sub(1);
            return;
        }
        if self.fallbacks > 0 {
            return;
        }
        match kind {
            Element::Paragraph => self.layout.block(),
            Element::Run => self.runs = self.runs.saturating_sub(1),
            Element::Text => self.texts = self.texts.saturating_sub(1),
            Element::Table => self.layout.table_end(),
            Element::Row => self.layout.row_end(),
            _ => {}
        }
    }

    fn in_text(&self) -> bool {
        self.texts > 0 && self.fallbacks == 0
    }
}

/// The engine's text from `document.xml`.
fn lay_out(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "word/document.xml is not well-formed (at byte {}): {e}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => walk.start(&e, false),
            Event::Empty(e) => walk.start(&e, true),
            Event::End(e) => walk.end(element(e.name().as_ref())),
            Event::Text(t) if walk.in_text() => walk.layout.words(&t.xml10_content()),
            Event::CData(t) if walk.in_text() => walk.layout.words(&t.xml10_content()),
            Event::GeneralRef(r) if walk.in_text() => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => match r.xml10_content().as_ref() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "apos" => Some('\''),
                        "quot" => Some('"'),
                        _ => None,
                    },
                    Err(_) => Some('\u{fffd}'),
                };
                if let Some(c) = c {
                    walk.layout.words(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    let (text, _) = walk.layout.finish();
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, content) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn body(inner: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"{W}\"><w:body>{inner}<w:sectPr/></w:body></w:document>"
        );
        docx(&[("word/document.xml", &xml)])
    }

    fn cell(text: &str) -> String {
        format!("<w:tc><w:tcPr><w:tcW w:w=\"1000\"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn runs_join_and_tables_are_rows() {
        let table = format!(
            "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("项目"),
            cell("人数"),
            cell("合计"),
            cell("1,200"),
        );
        let bytes = body(&format!(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
             <w:r><w:t>完成率 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>9</w:t></w:r>\
             <w:r><w:t>3.04%</w:t></w:r></w:p>{table}\
             <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>乙 &amp; 2&#37;</w:t></w:r></w:p>"
        ));
        let e = extract(&bytes).unwrap();
        assert_eq!(
            e.text,
            "完成率 93.04%\n项目 | 人数\n合计 | 1,200\n甲 1\n乙 & 2%\n"
        );
        assert!(matches!(e.map, OffsetMap::Identity));
        assert!(e.shown.is_none());
        assert_eq!(e.notes, [NOTE]);
    }

    #[test]
    fn grid_span_pads_and_cell_paragraphs_join() {
        let bytes = body(
            "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>\
             <w:p><w:r><w:t>标题</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:p><w:r><w:t>多</w:t></w:r></w:p><w:p><w:r><w:t>段</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(extract(&bytes).unwrap().text, "标题 |  | \n多 段 |  | 3\n");
    }

    #[test]
    fn fallback_content_is_not_read_twice() {
        let bytes = body(
            "<w:p><w:r><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice Requires=\"wps\">\
             <w:txbxContent><w:p><w:r><w:t>框 5</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
             <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框 5</w:t></w:r></w:p></w:txbxContent>\
             </mc:Fallback></mc:AlternateContent></w:r></w:p>",
        );
        assert_eq!(extract(&bytes).unwrap().text, "框 5\n");
    }

    #[test]
    fn a_document_past_the_size_limit_is_refused() {
        let bytes = body(&"<w:p><w:r><w:t>1</w:t></w:r></w:p>".repeat(1000));
        assert!(document_xml(&bytes, 1 << 20).is_ok());
        let err = document_xml(&bytes, 10_000).unwrap_err();
        assert!(err.contains("larger than 10000 bytes"), "{err}");
    }

    #[test]
    fn what_is_not_a_word_document_is_an_error() {
        let err = extract(b"plain text, not a zip").unwrap_err();
        assert!(err.contains("not a zip archive"), "{err}");
        let err = extract(&docx(&[("word/other.xml", "<x/>")])).unwrap_err();
        assert_eq!(err, "not a Word document: no word/document.xml");
        let err = extract(&docx(&[("word/document.xml", "<w:p><w:t>x</w:p>")])).unwrap_err();
        assert!(err.contains("not well-formed"), "{err}");
        for bytes in [
            &b""[..],
            b"PK\x03\x04",
            b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        ] {
            assert!(extract(bytes).is_err());
        }
        // A truncated document.
        let whole = body("<w:p><w:r><w:t>1</w:t></w:r></w:p>");
        for len in (0..whole.len()).step_by(7) {
            let _ = extract(&whole[..len]);
        }
    }

    #[test]
    fn the_report_fixture_reads_as_the_html_one_does() {
        let bytes = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/formats/report.docx"
        ));
        let e = extract(bytes).unwrap();
        assert_eq!(e.text, crate::source::html::tests::REPORT_TEXT);
    }
}
