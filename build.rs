//! How faqbot's programs are linked, for fewer resident pages (docs/performance.md).
//!
//! - **Packed relative relocations** (`DT_RELR`) on Linux with glibc: a position-independent
//!   executable carries one relocation for every pointer in its data, and the dynamic loader
//!   reads them all at start, so their table stays resident (656 KiB of it in faqbot's release
//!   build). Packed, the table is a few kilobytes. LLD, GNU ld 2.38 and glibc 2.36 (Debian 12)
//!   and later know the format.
//! - **The code a running bot needs, together** (`link/faqbot.order`, written by
//!   `tools/symbol_order.py`): the functions that ran under a trace of start-up and of members'
//!   questions go first in faqbot's code, so they fill 3 MiB of adjacent pages instead of
//!   lying one or two to a page through 13 MiB, each page mapped with its neighbours. Only LLD
//!   reads such a file (Rust's default linker on x86-64 Linux since 1.90): an empty program is
//!   linked with the option first, and the option is given only if that works. Only release
//!   builds, whose names the file holds, use it.
//!
//! It also lists `languages/*.toml` for `core::vocabulary`, so that a language's words are
//! added as a file, without code.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    languages();
    println!("cargo:rerun-if-changed=link/faqbot.order");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg=-Wl,-z,pack-relative-relocs");
    }
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let order = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/faqbot.order");
    if release && order.exists() && linker_reads_an_order() {
        // Two arguments, not `-Wl,`: a comma in the checkout's path must not split it.
        println!("cargo:rustc-link-arg-bin=faqbot=-Xlinker");
        println!(
            "cargo:rustc-link-arg-bin=faqbot=--symbol-ordering-file={}",
            order.display()
        );
        // Names the code no longer has (renamed, changed signature) are skipped, silently.
        println!("cargo:rustc-link-arg-bin=faqbot=-Xlinker");
        println!("cargo:rustc-link-arg-bin=faqbot=--no-warn-symbol-ordering");
    }
}

/// Whether this build's linker takes `--symbol-ordering-file`: LLD does, and is Rust's default
/// on x86-64 Linux since 1.90 with rustup's toolchains, but a distribution's rustc, a chosen
/// linker or `-fuse-ld=bfd` may link with GNU ld, which refuses it. An empty program is linked
/// with the build's own flags and the option, and the answer is whether that worked.
fn linker_reads_an_order() -> bool {
    let Some(out) = std::env::var_os("OUT_DIR") else {
        return false;
    };
    let out = Path::new(&out);
    let probe = out.join("order_probe.rs");
    if std::fs::write(&probe, "fn main() {}\n").is_err() {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let mut command = Command::new(rustc);
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    command.args(flags.split('\x1f').filter(|f| !f.is_empty()));
    if let Ok(target) = std::env::var("TARGET") {
        command.args(["--target", &target]);
    }
    if let Some(linker) = std::env::var_os("RUSTC_LINKER") {
        command
            .arg("-C")
            .arg(format!("linker={}", linker.to_string_lossy()));
    }
    command
        .arg(&probe)
        .arg("-o")
        .arg(out.join("order_probe"))
        .args([
            "-C",
            "link-arg=-Xlinker",
            "-C",
            "link-arg=--symbol-ordering-file=/dev/null",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    command.status().is_ok_and(|status| status.success())
}

/// Writes `languages.rs`: every `languages/<code>.toml` as `(code, text)`, English and French
/// first (their question words are the matcher's first terms), then by code.
fn languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("languages");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    // Editors' lock and backup files are no languages.
                    if name.starts_with('.') {
                        return None;
                    }
                    name.strip_suffix(".toml").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    codes.sort_by_key(|code| (code != "en", code != "fr", code.clone()));
    let mut out = String::from("pub const LANGUAGES: &[(&str, &str)] = &[\n");
    for code in codes {
        let file = dir.join(format!("{code}.toml"));
        out += &format!(
            "    ({code:?}, include_str!({:?})),\n",
            file.display().to_string()
        );
    }
    out += "];\n";
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("languages.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("writing {}: {e}", target.display());
    }
}
