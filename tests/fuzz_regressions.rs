//! Inputs the fuzzers (fuzz/) once crashed on, each run through the whole
//! pipeline without the panic guard: decoding, the lexer, every relation
//! kind and every output format. A new crash's input goes in
//! tests/fuzz-regressions/.

use statlint::rules::RuleSet;
use statlint::selection::Selection;
use statlint::Linter;

#[test]
fn every_input_that_once_crashed_is_linted_and_rendered() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let linter = Linter::new(RuleSet::builtin().unwrap(), &Selection::default());
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(decoded) = statlint::source::decode(&bytes) else {
            continue;
        };
        let view = statlint::source::TextView::new(&decoded.text);
        let lexed = statlint::lex::lex(&view);
        assert!(lexed.quantities.iter().all(|q| q.start <= q.end));
        let report = linter.lint_text("regression.txt", decoded.text, decoded.offset_base);
        let reports = [report];
        let json = statlint::report::render_json(&reports);
        assert!(json.contains("\"figures\""), "{}", path.display());
        let _ = statlint::report::render_concise(&reports);
        let _ = statlint::report::render_show_checks(&reports);
        seen += 1;
    }
    assert!(seen >= 1, "no regression inputs in {}", dir.display());
}
