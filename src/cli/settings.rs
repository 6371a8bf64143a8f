//! The settings in force for each linted file: the command line over the
//! nearest settings file over the defaults, and one linter per distinct
//! settings (rules compiled once for all the files under them).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use statlint::config::{self, Config};
use statlint::rules::Severity;
use statlint::Linter;

use super::{linter, CheckArgs, FailOn, RuleSetArgs};

/// What lints one file.
pub struct Setup {
    pub linter: Linter,
    pub threshold: Severity,
    pub config: Option<Config>,
}

/// Setups by settings file, and settings files by folder.
pub struct Setups {
    by_config: HashMap<Option<PathBuf>, Arc<Setup>>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    configs: HashMap<PathBuf, Config>,
}

impl Setups {
    /// Builds the setup of files under no settings file first: the
    /// command line's rules are checked before any file is read, and most
    /// runs need no other.
    pub fn new(args: &CheckArgs) -> anyhow::Result<Setups> {
        let default = Arc::new(setup(args, None)?);
        Ok(Setups {
            by_config: HashMap::from([(None, default)]),
            by_dir: HashMap::new(),
            configs: HashMap::new(),
        })
    }

    /// The setup of files under no settings file.
    pub fn default_setup(&self) -> Option<Arc<Setup>> {
        self.by_config.get(&None).cloned()
    }

    /// The settings file that applies in `dir` (found once per folder).
    fn config_key(&mut self, dir: &Path) -> anyhow::Result<Option<PathBuf>> {
        if let Some(key) = self.by_dir.get(dir) {
            return Ok(key.clone());
        }
        let found = config::discover(dir)?;
        let key = found.as_ref().map(|c| c.path.clone());
        if let Some(c) = found {
            self.configs.insert(c.path.clone(), c);
        }
        self.by_dir.insert(dir.to_path_buf(), key.clone());
        Ok(key)
    }

    /// The settings that apply in `dir`, if a settings file does.
    pub fn config_for(&mut self, dir: &Path) -> anyhow::Result<Option<&Config>> {
        let key = self.config_key(dir)?;
        Ok(key.and_then(|k| self.configs.get(&k)))
    }

    /// The setup for a file in `dir`.
    pub fn for_dir(&mut self, args: &CheckArgs, dir: &Path) -> anyhow::Result<Arc<Setup>> {
        let key = self.config_key(dir)?;
        if let Some(setup) = self.by_config.get(&key) {
            return Ok(setup.clone());
        }
        let config = key.as_ref().and_then(|k| self.configs.get(k)).cloned();
        let setup = Arc::new(setup(args, config)?);
        self.by_config.insert(key, setup.clone());
        Ok(setup)
    }
}

/// The command line's rule settings over a settings file's.
pub fn merged(set: &RuleSetArgs, config: Option<&Config>) -> RuleSetArgs {
    let Some(c) = config else {
        return set.clone();
    };
    let s = &c.settings;
    let mut rules = c.rule_paths();
    rules.extend(set.rules.iter().cloned());
    RuleSetArgs {
        rules,
        select: if set.select.is_empty() {
            s.select.clone().unwrap_or_default()
        } else {
            set.select.clone()
        },
        ignore: if set.ignore.is_empty() {
            s.ignore.clone().unwrap_or_default()
        } else {
            set.ignore.clone()
        },
    }
}

/// The severity that fails the run: the command line's, the settings', or
/// errors.
pub fn threshold(args_fail_on: Option<FailOn>, config: Option<&Config>) -> Severity {
    let from_config = config.and_then(|c| c.settings.fail_on).map(|f| match f {
        config::FailOn::Error => FailOn::Error,
        config::FailOn::Warning => FailOn::Warning,
    });
    match args_fail_on.or(from_config).unwrap_or(FailOn::Error) {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    }
}

fn setup(args: &CheckArgs, config: Option<Config>) -> anyhow::Result<Setup> {
    let set = merged(&args.set, config.as_ref());
    let linter = linter(&set)
        .map_err(|e| match &config {
            Some(c) => e.context(format!("with the settings of {}", c.path.display())),
            None => e,
        })?
        .report_unused_suppressions(args.reports_unused_suppressions());
    Ok(Setup {
        linter,
        threshold: threshold(args.fail_on, config.as_ref()),
        config,
    })
}

/// `statlint config PATH`: the settings in force for PATH and where each
/// comes from.
pub fn show(path: &Path) -> anyhow::Result<super::Status> {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map_or(PathBuf::from("."), Path::to_path_buf)
    };
    let config = config::discover(&dir)?;
    let from = match &config {
        Some(c) => c.path.display().to_string(),
        None => "default".to_owned(),
    };
    let s = config
        .as_ref()
        .map(|c| c.settings.clone())
        .unwrap_or_default();
    let origin = |set: bool| if set { from.as_str() } else { "default" };
    let list = |v: &Option<Vec<String>>| format!("{:?}", v.clone().unwrap_or_default());
    let mut out = String::new();
    match &config {
        Some(c) => out.push_str(&format!("settings file: {}\n", c.path.display())),
        None => out.push_str(&format!(
            "settings file: none (no {} from {} up)\n",
            config::FILE_NAMES.join(", "),
            dir.display()
        )),
    }
    let fail_on = match s.fail_on {
        Some(config::FailOn::Warning) => "warning",
        _ => "error",
    };
    let rows = [
        ("select", list(&s.select), origin(s.select.is_some())),
        ("ignore", list(&s.ignore), origin(s.ignore.is_some())),
        (
            "fail-on",
            format!("{fail_on:?}"),
            origin(s.fail_on.is_some()),
        ),
        (
            "rules",
            format!(
                "{:?}",
                config.as_ref().map(Config::rule_paths).unwrap_or_default()
            ),
            origin(s.rules.is_some()),
        ),
        ("exclude", list(&s.exclude), origin(s.exclude.is_some())),
        ("include", list(&s.include), origin(s.include.is_some())),
        (
            "per-file-ignores",
            format!("{:?}", s.per_file_ignores.clone().unwrap_or_default()),
            origin(s.per_file_ignores.is_some()),
        ),
        (
            "per-file-languages",
            format!("{:?}", s.per_file_languages.clone().unwrap_or_default()),
            origin(s.per_file_languages.is_some()),
        ),
    ];
    for (key, value, origin) in rows {
        out.push_str(&format!("{key} = {value}    # {origin}\n"));
    }
    out.push_str("(options given on the command line override these)\n");
    print!("{out}");
    Ok(super::Status::Clean)
}
