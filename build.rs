//! Link faqbot's programs with packed relative relocations (`DT_RELR`) on Linux with glibc:
//! a position-independent executable carries one relocation for every pointer in its data, and
//! the dynamic loader reads them all at start, so their table stays resident (656 KiB of it in
//! faqbot's release build). Packed, the table is a few kilobytes. GNU ld 2.38 and glibc 2.36
//! (Debian 12) and later know the format. Only the link of faqbot's own programs changes.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg=-Wl,-z,pack-relative-relocs");
    }
}
