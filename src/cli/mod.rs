//! Command-line arguments and the subcommands behind them.

mod check;
mod files;
mod rules_cmd;
mod settings;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use statlint::rules::{RuleSet, RuleSetBuilder};
use statlint::selection::Selection;
use statlint::Linter;

#[derive(Parser, Debug)]
#[command(
    name = "statlint",
    version,
    about = "Checks that the figures of a statistical report agree with each other"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint report files or folders (`-` reads standard input).
    Check(CheckArgs),
    /// List the rules in force.
    Rules(RuleSetArgs),
    /// Show one rule's description and examples.
    Rule {
        /// The rule id, e.g. zh.ratio.completion-rate.
        id: String,
        #[command(flatten)]
        set: RuleSetArgs,
    },
    /// List the figures statlint reads in a file: value, kind, role,
    /// label and period of each (for writing lexicons and templates).
    Figures {
        /// A report file, or `-` for standard input.
        path: PathBuf,
        #[command(flatten)]
        set: RuleSetArgs,
    },
    /// Show the settings in force for a file or folder, and where each
    /// comes from.
    Config {
        /// A file or folder (default: the current folder).
        #[arg(default_value = ".")]
        path: PathBuf,
    },
    /// Run as a language server on standard input and output (for
    /// editors: diagnostics, hover, quick fixes).
    Server,
    /// Run the examples of a rule file or folder of rule files.
    TestRules {
        /// A YAML rule file or a folder of them.
        path: PathBuf,
    },
}

#[derive(clap::Args, Debug, Clone)]
pub struct RuleSetArgs {
    /// Add the rules in this YAML file or folder (may be repeated).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Only these rules (ids or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub select: Vec<String>,
    /// Not these rules (ids or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub ignore: Vec<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Diagnostics with the source underlined.
    Human,
    /// One line per finding: path:line:col: severity kind[rule]: message.
    Concise,
    /// Every finding and every relation checked, as JSON.
    Json,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to lint; `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// The lowest severity that makes the run fail (exit 1); default:
    /// the settings file's `fail-on`, else error.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Also list every relation checked, with its verdict.
    #[arg(long)]
    pub show_checks: bool,
    /// Report inline suppressions (`statlint-disable-next-line`) that
    /// silence nothing, as warnings. On by default in CI (when the `CI`
    /// environment variable is `true` or `1`, as CI services set it).
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Lint a named file only if a folder walk would: a report extension
    /// or the settings' `include`, and not their `exclude` (for hooks
    /// and tools that name every file they touch).
    #[arg(long)]
    pub only_reports: bool,
    /// The file name of the text given on standard input (`-`): its
    /// format comes from its extension, and findings name it.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    pub set: RuleSetArgs,
}

impl CheckArgs {
    /// Whether unused suppressions are reported: asked for, or in CI.
    pub fn reports_unused_suppressions(&self) -> bool {
        self.report_unused_suppressions || in_ci()
    }
}

/// Whether the run is in a CI service (which sets `CI=true`).
fn in_ci() -> bool {
    std::env::var("CI")
        .is_ok_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes"))
}

/// The exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Clean,
    Findings,
    Failed,
}

impl From<Status> for std::process::ExitCode {
    fn from(s: Status) -> Self {
        std::process::ExitCode::from(match s {
            Status::Clean => 0,
            Status::Findings => 1,
            Status::Failed => 2,
        })
    }
}

pub fn run(args: Args) -> anyhow::Result<Status> {
    match args.command {
        Command::Check(a) => check::run(a),
        Command::Rules(set) => rules_cmd::list(&set),
        Command::Rule { id, set } => rules_cmd::show(&id, &set),
        Command::TestRules { path } => rules_cmd::test(&path),
        Command::Figures { path, set } => rules_cmd::figures(&path, &set),
        Command::Config { path } => settings::show(&path),
        Command::Server => {
            statlint::server::run()?;
            Ok(Status::Clean)
        }
    }
}

/// The built-in rules plus the user's.
pub fn load_rules(set: &RuleSetArgs) -> anyhow::Result<RuleSet> {
    let mut builder = RuleSetBuilder::builtin()?;
    for path in &set.rules {
        builder.add_path(path)?;
    }
    Ok(builder.build())
}

/// --select and --ignore, checked against the rules in force.
pub fn selection(set: &RuleSetArgs, rules: &RuleSet) -> anyhow::Result<Selection> {
    Selection::checked(set.select.clone(), set.ignore.clone(), rules).map_err(unknown_rules)
}

/// Patterns of --select or --ignore that match no rule.
fn unknown_rules(unknown: Vec<String>) -> anyhow::Error {
    anyhow::anyhow!(
        "no rule matches {} (see `statlint rules`)",
        unknown.join(", ")
    )
}

/// A linter with the rules the arguments ask for (the library's, so the
/// command line and other callers select rules alike).
pub fn linter(set: &RuleSetArgs) -> anyhow::Result<Linter> {
    let settings = statlint::config::Settings {
        select: Some(set.select.clone()),
        ignore: Some(set.ignore.clone()),
        rules: Some(set.rules.clone()),
        ..Default::default()
    };
    statlint::api::linter(&settings, std::path::Path::new("")).map_err(|e| match e {
        statlint::api::Error::UnknownRules(unknown) => unknown_rules(unknown),
        e => anyhow::anyhow!(e),
    })
}

pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
