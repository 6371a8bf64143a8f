//! The linter for each document: the settings file nearest to it (read
//! again before each lint, so an edit to it applies at once), one
//! compiled linter per distinct settings, and the pages rule codes link
//! to.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, Settings};
use crate::Linter;

/// What lints the documents under one settings file.
pub struct Setup {
    pub linter: Linter,
    pub config: Option<Config>,
}

pub struct Setups {
    /// The workspace root: where an unsaved buffer's settings are found.
    root: PathBuf,
    by_config: HashMap<Option<PathBuf>, Arc<Setup>>,
    /// Where rule pages are written, and those written so far.
    pages_dir: PathBuf,
    pages: HashSet<String>,
    /// A URL with `{rule}` for rule pages, instead of the written ones.
    docs_url: Option<String>,
}

impl Setups {
    pub fn new(root: PathBuf, docs_url: Option<String>) -> Setups {
        Setups {
            root,
            by_config: HashMap::new(),
            pages_dir: pages_dir(),
            pages: HashSet::new(),
            docs_url,
        }
    }

    /// Forgets every linter (a rule file may have changed).
    pub fn clear(&mut self) {
        self.by_config.clear();
    }

    /// The setup for a file at `path` (`None`: an unsaved buffer), and
    /// the error of a settings file that could not be used (the defaults
    /// lint instead).
    pub fn for_path(&mut self, path: Option<&Path>) -> (Arc<Setup>, Option<String>) {
        let dir = path
            .and_then(Path::parent)
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        match config::discover(&dir) {
            Ok(found) => match self.setup(found) {
                Ok(setup) => (setup, None),
                Err(e) => (self.default_setup(), Some(e)),
            },
            Err(e) => (self.default_setup(), Some(e.to_string())),
        }
    }

    fn default_setup(&mut self) -> Arc<Setup> {
        self.setup(None).unwrap_or_else(|_| {
            // The built-in rules load (their tests say so); an empty set
            // keeps the server up if they ever did not.
            Arc::new(Setup {
                linter: Linter::new(
                    crate::rules::RuleSetBuilder::default().build(),
                    &crate::selection::Selection::default(),
                ),
                config: None,
            })
        })
    }

    /// The cached setup for these settings, rebuilt when they changed.
    fn setup(&mut self, config: Option<Config>) -> Result<Arc<Setup>, String> {
        let key = config.as_ref().map(|c| c.path.clone());
        let settings = config.as_ref().map(|c| &c.settings);
        if let Some(setup) = self.by_config.get(&key) {
            if setup.config.as_ref().map(|c| &c.settings) == settings {
                return Ok(setup.clone());
            }
        }
        let default = Settings::default();
        let (settings, root) = match &config {
            Some(c) => (&c.settings, c.root().to_path_buf()),
            None => (&default, self.root.clone()),
        };
        let linter = crate::api::linter(settings, &root)
            .map_err(|e| match &config {
                Some(c) => format!("{}: {e}", c.path.display()),
                None => e.to_string(),
            })?
            // An editor shows a stale suppression where it is written.
            .report_unused_suppressions(true);
        let setup = Arc::new(Setup { linter, config });
        self.by_config.insert(key, setup.clone());
        Ok(setup)
    }

    /// The page a rule's code links to: `docs_url` with the rule put in,
    /// or the rule's description written to a file once per run.
    pub fn rule_page(&mut self, rule: &str, setup: &Setup) -> Option<String> {
        if let Some(url) = &self.docs_url {
            return Some(url.replace("{rule}", rule));
        }
        let file = self.pages_dir.join(format!("{rule}.txt"));
        if !self.pages.contains(rule) {
            let page = crate::rules::describe(setup.linter.rules(), rule)?;
            std::fs::create_dir_all(&self.pages_dir).ok()?;
            std::fs::write(&file, page).ok()?;
            self.pages.insert(rule.to_owned());
        }
        Some(crate::uri::from_path(&file))
    }
}

/// `$XDG_CACHE_HOME/statlint/<version>/rules`, else under `~/.cache`,
/// else under the temporary folder.
fn pages_dir() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    cache
        .join("statlint")
        .join(env!("CARGO_PKG_VERSION"))
        .join("rules")
}
