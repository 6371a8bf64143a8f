//! `statlint check`: lint files in parallel, print, choose the exit status.

use std::io::{IsTerminal, Read, Write};

use codespan_reporting::term::termcolor::{Buffer, ColorChoice, StandardStream, WriteColor};
use rayon::prelude::*;

use super::files::{expand, Input};
use super::{load_rules, CheckArgs, Color, FailOn, Format, Status};
use statlint::report::{render_concise, render_human, render_json, render_show_checks, Totals};
use statlint::rules::Severity;
use statlint::{FileReport, LintError, Linter};

pub fn run(args: CheckArgs) -> anyhow::Result<Status> {
    let linter = Linter::new(load_rules(&args.set)?);
    let inputs = expand(&args.paths);
    let results: Vec<Result<FileReport, LintError>> = inputs
        .into_par_iter()
        .map(|input| match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                match std::io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => linter.lint_bytes("<stdin>", &bytes),
                    Err(e) => Err(LintError::Unreadable {
                        path: "<stdin>".into(),
                        message: e.to_string(),
                    }),
                }
            }
            Input::File(path) => linter.lint_path(&path),
            Input::Error(path, message) => Err(LintError::Unreadable {
                path: path.display().to_string(),
                message,
            }),
        })
        .collect();

    let mut reports = Vec::new();
    let mut failed = false;
    let stderr = std::io::stderr();
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(LintError::Unreadable { path, message }) => {
                failed = true;
                let _ = writeln!(stderr.lock(), "statlint: error: {path}: {message}");
            }
            Err(LintError::Skipped { path, message }) => {
                let _ = writeln!(stderr.lock(), "statlint: note: {path}: {message}");
            }
        }
    }

    print(&args, &reports)?;

    let totals = Totals::of(&reports);
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    };
    let failing = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= threshold);
    let _ = totals;
    Ok(if failed {
        Status::Failed
    } else if failing {
        Status::Findings
    } else {
        Status::Clean
    })
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

fn print(args: &CheckArgs, reports: &[FileReport]) -> std::io::Result<()> {
    match args.format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            out.write_all(render_json(reports).as_bytes())?;
            out.flush()
        }
        Format::Concise => {
            let mut out = std::io::stdout().lock();
            out.write_all(render_concise(reports).as_bytes())?;
            if args.show_checks {
                out.write_all(render_show_checks(reports).as_bytes())?;
            }
            writeln!(out, "{}", Totals::of(reports).summary_line())?;
            out.flush()
        }
        Format::Human => {
            let choice = color_choice(args.color);
            let mut buffer = if choice == ColorChoice::Never {
                Buffer::no_color()
            } else {
                Buffer::ansi()
            };
            render_human(reports, &mut buffer)?;
            if args.show_checks {
                buffer.write_all(render_show_checks(reports).as_bytes())?;
            }
            let totals = Totals::of(reports);
            if totals.errors > 0 {
                buffer.set_color(
                    codespan_reporting::term::termcolor::ColorSpec::new().set_bold(true),
                )?;
            }
            writeln!(buffer, "{}", totals.summary_line())?;
            buffer.reset()?;
            let stream = StandardStream::stdout(choice);
            let mut lock = stream.lock();
            lock.write_all(buffer.as_slice())?;
            lock.flush()
        }
    }
}
