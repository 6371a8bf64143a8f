//! Any bytes, decoded as a report, through the joined view and the lexer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = statlint::source::decode(bytes) {
        let view = statlint::source::TextView::new(&decoded.text);
        let _ = statlint::lex::lex(&view);
    }
});
