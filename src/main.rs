//! `faqbot`: parses the command line, runs it, and maps the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use faqbot::frontends::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    let env = |var: &str| std::env::var(var).ok();
    match cli::run(&args, env, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`faqbot eval … | head`): nothing more to say to anyone.
        Err(cli::CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code())
        }
    }
}
