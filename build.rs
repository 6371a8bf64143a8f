//! Embeds every YAML file under rules/ in the binary, so that a new rule
//! pack needs no registration in the code: each file whole, and a lean
//! copy without its examples, which is all linting reads (half the YAML
//! to parse at start-up).

use std::fmt::Write as _;
use std::path::Path;

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// The pack with every `examples:` block blanked out, line for line, so
/// that positions in it are positions in the file.
fn lean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The indentation of the `examples:` key being skipped.
    let mut skipping: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(key) = skipping {
            if line.trim().is_empty() || indent > key {
                out.push('\n');
                continue;
            }
            skipping = None;
        }
        if line.trim_start().starts_with("examples:") {
            skipping = Some(indent);
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from("pub static BUILTIN_RULE_FILES: &[(&str, &str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        let text = std::fs::read_to_string(file).expect("a rule pack is UTF-8 text");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?}), {:?}),",
            file.display().to_string(),
            lean(&text)
        );
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_rules.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
