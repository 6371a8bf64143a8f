//! `statlint check`: lint files in parallel, print them in order as they
//! are done, choose the exit status.
//!
//! Files are linted a batch at a time (a few per thread) and printed
//! before the next batch starts, so memory stays flat however many files
//! a run covers, and output order does not depend on thread timing.

use std::io::{IsTerminal, Read, Write};

use codespan_reporting::term::termcolor::{
    Buffer, ColorChoice, ColorSpec, StandardStream, WriteColor,
};
use rayon::prelude::*;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::files::{expand, Input};
use super::settings::{Setup, Setups};
use super::{CheckArgs, Color, Format, Status};
use statlint::report::{
    render_concise, render_file_json, render_file_sarif, render_github, render_human,
    render_show_checks, JsonStream, SarifStream, Totals,
};
use statlint::rules::{RuleSet, Severity};
use statlint::{FileReport, LintError, Linter};

/// A file's report and its rendering, or why it has none.
type Linted = Result<(FileReport, Vec<u8>), LintError>;

/// Files linted per batch, per thread.
const FILES_PER_THREAD: usize = 4;

pub fn run(args: CheckArgs) -> anyhow::Result<Status> {
    let mut setups = Setups::new(&args)?;
    let inputs = expand(&args.paths, args.only_reports, &mut setups);
    let mut printer = Printer::new(&args);
    let mut totals = Totals::default();
    let mut failed = false;
    let mut failing = false;
    let batch = rayon::current_num_threads().max(1) * FILES_PER_THREAD;
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        let chunk: Vec<Input> = inputs.by_ref().take(batch).collect();
        let stdin_name = args.stdin_filename.as_deref();
        // Each file's settings (read once per folder), in order.
        let mut jobs: Vec<(Input, Arc<Setup>)> = Vec::new();
        for input in chunk {
            let dir = match &input {
                Input::Stdin => stdin_name
                    .and_then(Path::parent)
                    .map_or(PathBuf::from("."), Path::to_path_buf),
                Input::Named(p) | Input::Walked(p) | Input::Error(p, _) => {
                    p.parent().map_or(PathBuf::from("."), Path::to_path_buf)
                }
            };
            match setups.for_dir(&args, &dir) {
                Ok(setup) => {
                    let excluded = matches!(&input, Input::Walked(p)
                        if setup.config.as_ref().is_some_and(|c| c.excludes(p)));
                    if !excluded {
                        jobs.push((input, setup));
                    }
                }
                Err(e) => {
                    failed = true;
                    let _ = writeln!(std::io::stderr().lock(), "statlint: error: {e:#}");
                }
            }
        }
        // Lint and render on the worker threads; print here, in order.
        let results: Vec<(Severity, Linted)> = jobs
            .into_par_iter()
            .map(|(input, setup)| {
                let result = lint_input(&setup.linter, input, stdin_name).map(|mut report| {
                    if let Some(config) = &setup.config {
                        config.filter(Path::new(&report.path), &mut report.findings);
                    }
                    let rendered = printer.render(&report);
                    (report, rendered)
                });
                (setup.threshold, result)
            })
            .collect();
        for (threshold, result) in results {
            match result {
                Ok((report, rendered)) => {
                    for note in &report.notes {
                        let _ = writeln!(
                            std::io::stderr().lock(),
                            "statlint: note: {}: {note}",
                            report.path
                        );
                    }
                    totals.add(&report);
                    failing |= report.findings.iter().any(|f| f.severity >= threshold);
                    if let Err(e) = printer.write(&report, &rendered) {
                        // The reader went away (`| head`): stop, keeping
                        // the status of what was linted.
                        if e.kind() == std::io::ErrorKind::BrokenPipe {
                            return Ok(status(failed, failing));
                        }
                        return Err(e.into());
                    }
                }
                Err(
                    LintError::Unreadable { path, message } | LintError::Internal { path, message },
                ) => {
                    failed = true;
                    let _ = writeln!(
                        std::io::stderr().lock(),
                        "statlint: error: {path}: {message}"
                    );
                }
                Err(LintError::Skipped { path, message }) => {
                    let _ = writeln!(
                        std::io::stderr().lock(),
                        "statlint: note: {path}: {message}"
                    );
                }
            }
        }
    }
    let default = setups.default_setup();
    let rules = default.as_ref().map(|s| s.linter.rules());
    if let Err(e) = printer.finish(&totals, rules) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(status(failed, failing))
}

fn status(failed: bool, failing: bool) -> Status {
    if failed {
        Status::Failed
    } else if failing {
        Status::Findings
    } else {
        Status::Clean
    }
}

fn lint_input(
    linter: &Linter,
    input: Input,
    stdin_name: Option<&std::path::Path>,
) -> Result<FileReport, LintError> {
    match input {
        Input::Stdin => {
            let name = stdin_name.map_or("<stdin>".to_owned(), |p| p.display().to_string());
            let format = stdin_name.map_or(statlint::source::Format::Text, |p| {
                statlint::source::Format::of_path(p)
            });
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => linter.lint_document(&name, format, bytes),
                Err(e) => Err(LintError::Unreadable {
                    path: name,
                    message: e.to_string(),
                }),
            }
        }
        // A file named on the command line must be a report: one that is
        // not (a binary file) is an error, not a file skipped.
        Input::Named(path) => linter.lint_path(&path).map_err(|e| match e {
            LintError::Skipped { path, message } => LintError::Unreadable {
                path,
                message: message.replace(", skipped", ": not a report"),
            },
            e => e,
        }),
        Input::Walked(path) => linter.lint_path(&path),
        Input::Error(path, message) => Err(LintError::Unreadable {
            path: path.display().to_string(),
            message,
        }),
    }
}

fn color_choice(color: Color) -> ColorChoice {
    match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto => {
            if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            }
        }
    }
}

/// Prints each file's report as it comes, then the closing summary.
struct Printer {
    format: Format,
    show_checks: bool,
    color: ColorChoice,
    json: JsonStream,
    sarif: SarifStream,
}

impl Printer {
    fn new(args: &CheckArgs) -> Printer {
        Printer {
            format: args.format,
            show_checks: args.show_checks,
            color: color_choice(args.color),
            json: JsonStream::default(),
            sarif: SarifStream::default(),
        }
    }

    fn buffer(&self) -> Buffer {
        if self.color == ColorChoice::Never {
            Buffer::no_color()
        } else {
            Buffer::ansi()
        }
    }

    /// One file's output, ready to write.
    fn render(&self, report: &FileReport) -> Vec<u8> {
        let reports = std::slice::from_ref(report);
        match self.format {
            Format::Json => render_file_json(report),
            Format::Sarif => render_file_sarif(report),
            Format::Github => render_github(reports).into_bytes(),
            Format::Concise => {
                let mut out = render_concise(reports);
                if self.show_checks {
                    out.push_str(&render_show_checks(reports));
                }
                out.into_bytes()
            }
            Format::Human => {
                let mut buffer = self.buffer();
                // Rendering into memory cannot fail.
                let _ = render_human(reports, &mut buffer);
                if self.show_checks {
                    let _ = buffer.write_all(render_show_checks(reports).as_bytes());
                }
                buffer.into_inner()
            }
        }
    }

    fn write(&mut self, report: &FileReport, rendered: &[u8]) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        match self.format {
            Format::Json => self.json.file_rendered(&mut out, rendered),
            Format::Sarif => self.sarif.file_rendered(&mut out, report, rendered),
            _ => out.write_all(rendered),
        }
    }

    fn finish(&mut self, totals: &Totals, rules: Option<&RuleSet>) -> std::io::Result<()> {
        match self.format {
            Format::Sarif => {
                let mut out = std::io::stdout().lock();
                self.sarif.finish(&mut out, rules)?;
                out.flush()
            }
            Format::Json => {
                let mut out = std::io::stdout().lock();
                self.json.finish(&mut out, totals)?;
                out.flush()
            }
            Format::Concise | Format::Github => {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{}", totals.summary_line())?;
                out.flush()
            }
            Format::Human => {
                let mut buffer = self.buffer();
                if totals.errors > 0 {
                    buffer.set_color(ColorSpec::new().set_bold(true))?;
                }
                writeln!(buffer, "{}", totals.summary_line())?;
                buffer.reset()?;
                let stream = StandardStream::stdout(self.color);
                let mut lock = stream.lock();
                lock.write_all(buffer.as_slice())?;
                lock.flush()
            }
        }
    }
}
