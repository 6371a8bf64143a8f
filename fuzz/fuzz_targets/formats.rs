//! Any bytes as a Markdown, HTML, Word or text document (the first byte
//! picks the format): read, linted (no panic guard), and every span
//! mapped back into the shown text must lie inside it, in order.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use statlint::source::Format;
use statlint::Linter;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        statlint::api::linter(&Default::default(), std::path::Path::new("."))
            .expect("the built-in rules load")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let format = match pick % 4 {
        0 => Format::Markdown,
        1 => Format::Html,
        2 => Format::Docx,
        _ => Format::Text,
    };
    let Ok(document) = statlint::source::read(format, rest.to_vec()) else {
        return;
    };
    let extracted = document.extracted;
    let shown_len = extracted
        .shown
        .as_ref()
        .map_or(extracted.text.len(), String::len);
    let report = linter().lint_text("fuzz", extracted.text, 0);
    for f in &report.findings {
        for span in std::iter::once(f.primary).chain(f.labels.iter().map(|l| l.span)) {
            let (start, end) = (extracted.map.start(span.start), extracted.map.end(span.end));
            assert!(start <= shown_len && end <= shown_len, "{start}..{end} of {shown_len}");
        }
    }
    let _ = statlint::report::render_github(std::slice::from_ref(&report));
});
