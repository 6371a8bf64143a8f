//! Any text as a user's rule or lexicon file, loaded after the built-in
//! rules: an error or a rule set, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use statlint::rules::RuleSetBuilder;

/// The built-in packs, parsed once: each run adds its file to a copy.
fn builtin() -> &'static RuleSetBuilder {
    static BUILTIN: OnceLock<RuleSetBuilder> = OnceLock::new();
    BUILTIN.get_or_init(|| RuleSetBuilder::builtin().expect("the built-in rules load"))
}

fuzz_target!(|text: &str| {
    let mut builder = builtin().clone();
    if builder.add_text("fuzz.yaml", text).is_ok() {
        let _ = builder.build();
    }
});
