//! The layers' rules, checked on the source: the core imports no IO, runtime or Discord crate
//! and nothing of the layers around it, and no two modules import each other, directly or in a
//! circle, at any level of the tree. ARCHITECTURE.md states the rules; this keeps them true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The module a file holds, as a path from the crate root: `src/core/faq/load.rs` is
/// `["core", "faq", "load"]`, `src/core/faq/mod.rs` is `["core", "faq"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// A file's text without its tests (`#[cfg(test)]` to the end, where faqbot keeps them) and
/// without comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a file's code names, each as the path it names (`crate::core::catalogue::X`
/// and `super::super::x` alike, made absolute).
fn named_paths(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for start in ["crate::", "super::"] {
        for (at, _) in text.match_indices(start) {
            if at > 0 && (ident(bytes[at - 1]) || bytes[at - 1] == ':') {
                continue;
            }
            let rest = &text[at..];
            let path: Vec<&str> = rest
                .split(|c: char| !(ident(c) || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .collect();
            let mut absolute: Vec<String> = Vec::new();
            let mut parts = path.iter().peekable();
            if parts.peek() == Some(&&"crate") {
                parts.next();
            } else {
                // Each `super` is one step up from the file's module.
                absolute = module.to_vec();
                while parts.peek() == Some(&&"super") {
                    parts.next();
                    absolute.pop();
                }
            }
            absolute.extend(parts.map(|s| (*s).to_owned()));
            paths.push(absolute);
        }
    }
    paths
}

#[test]
fn the_core_imports_no_io_runtime_or_discord_and_nothing_around_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offences = Vec::new();
    for file in sources(&root.join("src/core")) {
        let text = code(&std::fs::read_to_string(&file).unwrap());
        for banned in [
            "std::fs",
            "tokio",
            "serenity",
            "axum",
            "crate::ops",
            "crate::frontends",
        ] {
            if text.contains(banned) {
                offences.push(format!("{} uses {banned}", file.display()));
            }
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
}

#[test]
fn no_two_modules_import_each_other_at_any_level() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let files = sources(&src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    // Edges between siblings: a use of `a::x::…` from inside `a::y::…` is an edge `x → y`'s
    // reverse at the level of `a`'s children.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = code(&std::fs::read_to_string(file).unwrap());
        for named in named_paths(&from, &text) {
            // The module named: the longest prefix of the path that is a module.
            let Some(to) = (1..=named.len())
                .rev()
                .map(|n| named[..n].to_vec())
                .find(|p| modules.contains(p))
            else {
                continue;
            };
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            // A module and what it contains (or contains it) are one thing at this level.
            if common == from.len() || common == to.len() {
                continue;
            }
            let (a, b) = (from[..=common].to_vec(), to[..=common].to_vec());
            edges.entry(a).or_default().insert(b);
        }
    }
    let mut circles = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            // Is there a way back from `to` to `from`?
            let mut seen = BTreeSet::new();
            let mut stack = vec![to.clone()];
            while let Some(at) = stack.pop() {
                if &at == from {
                    circles.push(format!("{} ⇄ {}", from.join("::"), to.join("::")));
                    break;
                }
                if seen.insert(at.clone()) {
                    stack.extend(edges.get(&at).into_iter().flatten().cloned());
                }
            }
        }
    }
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}
