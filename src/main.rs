//! The `statlint` command: parse arguments, call the library, set the
//! exit status (0 clean, 1 findings, 2 could not run).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    statlint::guard::install_quiet_hook();
    match cli::run(args) {
        Ok(status) => status.into(),
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("statlint: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
