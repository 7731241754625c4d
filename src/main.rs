//! `faqbot`: parses the command line, runs it, and maps the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use faqbot::frontends::cli::{self, Cli};
use faqbot::ops::{logging, secrets};

fn main() -> ExitCode {
    // Whatever faqbot prints passes the secret filter: its output, its log, clap's usage
    // errors (which repeat the arguments) and a panic's message.
    std::panic::set_hook(Box::new(|panic| logging::fatal(&panic.to_string())));
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                logging::say(text.trim_end());
            } else {
                // --help and --version.
                let _ = secrets::Scrubbed::new(std::io::stdout()).write_all(text.as_bytes());
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let env = |var: &str| std::env::var(var).ok();
    let mut out = secrets::Scrubbed::new(std::io::stdout());
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
