//! `faqbot`: parses the command line, runs it, and maps the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use faqbot::frontends::cli::{self, Cli};
use faqbot::ops::{logging, secrets};

fn main() -> ExitCode {
    let args = Cli::parse();
    let env = |var: &str| std::env::var(var).ok();
    // Whatever a command prints passes the secret filter, as the log does.
    let mut out = secrets::Scrubbed::new(std::io::stdout().lock());
    let result = cli::run(&args, env, &mut out);
    drop(out);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`faqbot eval … | head`): nothing more to say to anyone.
        Err(cli::CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            logging::fatal(&error.to_string());
            ExitCode::from(error.exit_code())
        }
    }
}
