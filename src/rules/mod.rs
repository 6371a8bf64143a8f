//! Rules: the YAML model, compiling it (regexes built once per run) with
//! errors that point into the file, and the packs built into the binary.

mod compile;
mod model;

pub use compile::{
    compile_file, CheckKind, Direction, Member, Role, Rule, RuleError, Run, Severity,
};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// The rules shipped in `rules/`, compiled.
pub fn builtin() -> Result<Vec<Rule>, RuleError> {
    let mut rules = Vec::new();
    for (name, text) in builtin::BUILTIN_RULE_FILES {
        rules.extend(compile_file(&format!("<builtin>/{name}"), text)?);
    }
    Ok(rules)
}

/// Loads the user's rule file, or every .yaml/.yml file under a folder.
pub fn load_path(path: &std::path::Path) -> Result<Vec<Rule>, RuleError> {
    let files = if path.is_dir() {
        crate::walk::files_with_extensions(path, &["yaml", "yml"]).0
    } else {
        vec![path.to_path_buf()]
    };
    let mut rules = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| RuleError {
            file: name.clone(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        rules.extend(compile_file(&name, &text)?);
    }
    Ok(rules)
}
