//! Any bytes as a report: decoded, linted with every built-in rule (no
//! panic guard, so a panic is the fuzzer's to see) and rendered in every
//! output format.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use statlint::Linter;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        statlint::api::linter(&Default::default(), std::path::Path::new("."))
            .expect("the built-in rules load")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = statlint::source::decode(bytes) else {
        return;
    };
    let report = linter().lint_text("fuzz.txt", decoded.text, decoded.offset_base);
    let reports = [report];
    let _ = statlint::report::render_json(&reports);
    let _ = statlint::report::render_concise(&reports);
    let _ = statlint::report::render_show_checks(&reports);
    let mut out = termcolor::NoColor::new(Vec::new());
    let _ = statlint::report::render_human(&reports, &mut out);
});
