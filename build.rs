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
//!   reads such a file; Rust links with it on x86-64 Linux since 1.90 unless told otherwise,
//!   and only release builds, whose names the file holds, use it.
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
    if release && links_with_lld() && order.exists() {
        println!(
            "cargo:rustc-link-arg-bin=faqbot=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        // Names the code no longer has (renamed, changed signature) are skipped, silently.
        println!("cargo:rustc-link-arg-bin=faqbot=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether rustc links this build with its own LLD: the default for x86_64-unknown-linux-gnu
/// from Rust 1.90, unless a linker or linker flavour was chosen in the flags or the config.
fn links_with_lld() -> bool {
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let chosen = std::env::var_os("RUSTC_LINKER").is_some()
        || flags.contains("linker")
        || flags.contains("fuse-ld");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let minor = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| {
            let version = String::from_utf8(out.stdout).ok()?;
            version.split(['.', ' ']).nth(2)?.parse::<u32>().ok()
        });
    target == "x86_64-unknown-linux-gnu" && !chosen && minor.is_some_and(|m| m >= 90)
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
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
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
