//! faqbot against a bare serenity bot (`tools/bare_bot.rs`), each run in turn against the
//! fake Discord of the test suite: the round trip from INTERACTION_CREATE written on the gateway
//! to the interaction callback received, and the resident memory once READY (all of it, and the
//! part that is the process's own: heap, stacks and other anonymous memory, as opposed to pages
//! of the executable, which the kernel shares and can drop). The bare bot sends the very JSON
//! faqbot sent for the same command, so both put the same bytes on the wire.
//!
//! `cargo bench --bench round_trip --features bare-bot`; the figures are in
//! docs/performance.md.

#[path = "../tests/fake_discord/mod.rs"]
mod fake_discord;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fake_discord::{FakeDiscord, TOKEN};
use serde_json::Value;
use tokio::process::{Child, Command};

/// Interactions answered before measuring, so that both bots are warm.
const WARM_UP: u64 = 300;
/// Interactions measured.
const MEASURED: u64 = 3_000;
/// Runs of each bot, alternated.
const RUNS: usize = 3;

/// How many of `link/faqbot.order`'s names the `faqbot` executable holds, and how many it
/// lists: names carry a hash of the dependencies and the code, so a file made before they
/// changed names functions that are gone, and the code that runs lies scattered again (a
/// megabyte and more resident). This is the benchmarked build's share, not the shipped
/// build's: both are in the file. `None` without `nm` or without a symbol table.
fn order_held(faqbot: &Path) -> Option<(usize, usize)> {
    let order =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("link/faqbot.order"))
            .ok()?;
    let listing = std::process::Command::new("nm").arg(faqbot).output().ok()?;
    if !listing.status.success() {
        return None;
    }
    let listing = String::from_utf8_lossy(&listing.stdout);
    let symbols: std::collections::HashSet<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    if symbols.is_empty() {
        return None;
    }
    let names: Vec<&str> = order
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let held = names.iter().filter(|n| symbols.contains(*n)).count();
    Some((held, names.len()))
}

/// Resident memory of `pid`, in MiB: all of it, and its anonymous part (`RssAnon`).
fn rss_mib(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("RssAnon:"))
}

/// With `ROUND_TRIP_PAGES=DIR`, which pages of its own executable `pid` holds, as file offsets
/// (one a line, hex), in `DIR/LABEL.pages`, with `/proc/PID/smaps` beside them: what
/// `tools/resident_code.py` attributes to crates and functions. Needs root for the page map.
fn dump_pages(pid: u32, label: &str) {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(dir) = std::env::var("ROUND_TRIP_PAGES") else {
        return;
    };
    let label: String = label
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    std::fs::write(dir.join(format!("{label}.smaps")), &smaps).unwrap();
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap();
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
    let mut pagemap = std::fs::File::open(format!("/proc/{pid}/pagemap")).unwrap();
    let mut out = String::new();
    for line in maps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 6 || Path::new(fields[5]) != exe {
            continue;
        }
        let (start, end) = fields[0].split_once('-').unwrap();
        let start = u64::from_str_radix(start, 16).unwrap();
        let end = u64::from_str_radix(end, 16).unwrap();
        let offset = u64::from_str_radix(fields[2], 16).unwrap();
        let mut entries = vec![0u8; ((end - start) / 4096 * 8) as usize];
        pagemap.seek(SeekFrom::Start(start / 4096 * 8)).unwrap();
        pagemap.read_exact(&mut entries).unwrap();
        for (i, entry) in entries.chunks_exact(8).enumerate() {
            let entry = u64::from_le_bytes(entry.try_into().unwrap());
            if entry >> 63 == 1 {
                out.push_str(&format!("{:x} {}\n", offset + i as u64 * 4096, fields[1]));
            }
        }
    }
    std::fs::write(dir.join(format!("{label}.pages")), out).unwrap();
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at].as_secs_f64() * 1000.0
}

struct Figures {
    p50: f64,
    p90: f64,
    p99: f64,
    rss: f64,
    anon: f64,
    /// Resident memory once the measured interactions are answered.
    rss_served: f64,
    /// The first response, which the bare bot is then given to send.
    first: Value,
}

async fn measure(fake: &FakeDiscord, mut bot: Child, command: &str, label: &str) -> Figures {
    fake.identified(1).await;
    // Let start-up finish (faqbot registers its commands in the background).
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (rss, anon) = rss_mib(bot.id().unwrap_or(0));
    dump_pages(bot.id().unwrap_or(0), label);
    let mut times = Vec::new();
    let mut first = Value::Null;
    for n in 0..WARM_UP + MEASURED {
        let id = 10_000 + n;
        // Each in a channel of its own: every answer is a first, public post.
        let interaction =
            fake_discord::in_channel(fake_discord::slash(id, command, None, true), id);
        let asked = Instant::now();
        let response = fake.interact(interaction).await;
        if n >= WARM_UP {
            times.push(asked.elapsed());
        } else if n == 0 {
            first = response;
        }
    }
    let (rss_served, _) = rss_mib(bot.id().unwrap_or(0));
    bot.kill().await.ok();
    times.sort();
    Figures {
        p50: percentile(&times, 0.5),
        p90: percentile(&times, 0.9),
        p99: percentile(&times, 0.99),
        rss,
        anon,
        rss_served,
        first,
    }
}

/// With `ROUND_TRIP_TRACE=DIR`, instead of measuring: faqbot starts once under valgrind, with
/// the example configuration, serves a mix of what members ask (topic commands, `/ask` in
/// several languages and off the FAQ, autocomplete, `/hours`, `/contact`, `/faq`, repeats,
/// other locales), and stops on SIGTERM. With `ROUND_TRIP_TOOL` unset or `callgrind`, it leaves
/// `DIR/faqbot.callgrind`: every function that ran, from which `tools/symbol_order.py` writes
/// the order the linker lays faqbot's code in (`link/`). With `massif`, `DIR/faqbot.massif`:
/// what the heap holds, every few milliseconds, and by whom (`ms_print`).
async fn trace(faqbot: &Path, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let state = tempfile::tempdir().unwrap();
    let config = state.path().join("config.toml");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    std::fs::copy(example, &config).unwrap();
    let fake = FakeDiscord::start().await;
    let tool = std::env::var("ROUND_TRIP_TOOL").unwrap_or_else(|_| "callgrind".into());
    let out = dir.join(format!("faqbot.{tool}"));
    let mut command = Command::new("valgrind");
    command.arg(format!("--tool={tool}"));
    if tool == "callgrind" {
        command.args([
            "--demangle=no",
            "--compress-strings=no",
            "--compress-pos=no",
            "--dump-instr=no",
            "--dump-line=no",
        ]);
    } else if tool == "massif" {
        command.args(["--time-unit=ms", "--detailed-freq=1", "--depth=40"]);
    }
    command.arg(format!("--{tool}-out-file={}", out.display()));
    command.arg(faqbot).arg("--config").arg(&config).arg("run");
    let mut bot = configure(command, &Value::Null, &fake, state.path());
    fake.identified(1).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let asks = [
        ("en-US", "who can use the iso logo?"),
        ("en-US", "how is iso fundd"),
        ("fr", "est-ce que l'ISO certifie les entreprises ?"),
        ("de", "Wer darf das ISO-Logo verwenden?"),
        ("ja", "ISOはどのように資金を得ていますか"),
        ("en-GB", "how do i burn an iso file to usb"),
        ("es-ES", "¿cuánto cuesta una norma?"),
        ("ru", "Как стать членом ИСО?"),
    ];
    let mut id = 20_000;
    for round in 0..20 {
        for topic in [
            "logo",
            "certification",
            "pricing",
            "contact",
            "hours",
            "faq",
        ] {
            id += 1;
            let asked = fake_discord::in_channel(fake_discord::slash(id, topic, None, true), id);
            fake.interact(asked).await;
        }
        for (locale, question) in asks {
            id += 1;
            let asked = fake_discord::slash(id, "ask", Some(("question", question)), true);
            // The same channel each round from the second on: repeats are found and linked.
            let channel = if round == 0 { id } else { 9_000 };
            let asked = fake_discord::in_channel(fake_discord::in_locale(asked, locale), channel);
            fake.interact(asked).await;
            id += 1;
            let typed: String = question.chars().take(6).collect();
            fake.interact(fake_discord::autocomplete(id, "ask", "question", &typed))
                .await;
        }
    }
    let pid = bot.id().expect("the traced bot is running").to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    // Valgrind writes its file as the bot exits; a bot that ignores SIGTERM is killed.
    if tokio::time::timeout(Duration::from_secs(120), bot.wait())
        .await
        .is_err()
    {
        bot.kill().await.ok();
        panic!("the traced bot did not stop on SIGTERM");
    }
    println!("round_trip: wrote {}", out.display());
}

fn spawn(
    program: &Path,
    args: &[&str],
    response: &Value,
    fake: &FakeDiscord,
    state: &Path,
) -> Child {
    let mut command = Command::new(program);
    command.args(args);
    configure(command, response, fake, state)
}

/// Starts `command` as the bot, given the fake Discord and a state folder of its own.
fn configure(mut command: Command, response: &Value, fake: &FakeDiscord, state: &Path) -> Child {
    command
        .env_clear()
        .env("BARE_BOT_RESPONSE", response.to_string())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_URL", fake.url())
        .env("XDG_STATE_HOME", state)
        .env("HOME", state)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // Failures are worth seeing; faqbot's line per answer is not.
        .env("RUST_LOG", "warn")
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("the bot starts")
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that names another benchmark skips this one.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.iter().any(|a| !"round_trip".contains(a.as_str())) {
        return;
    }
    let Some(bare) = option_env!("CARGO_BIN_EXE_bare-bot") else {
        println!("round_trip: skipped; run `cargo bench --bench round_trip --features bare-bot`");
        return;
    };
    let bare = Path::new(bare).to_path_buf();
    let faqbot = Path::new(env!("CARGO_BIN_EXE_faqbot")).to_path_buf();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    if let Ok(dir) = std::env::var("ROUND_TRIP_TRACE") {
        runtime.block_on(trace(&faqbot, Path::new(&dir)));
        return;
    }
    if let Some((held, listed)) = order_held(&faqbot) {
        println!(
            "link/faqbot.order: {held} of its {listed} names are in this faqbot (a build holds \
             its own share, about 2,300 when the file is fresh; far fewer: regenerate it)"
        );
    }
    let names = ["faqbot /logo", "faqbot, repeats off", "bare serenity bot"];
    runtime.block_on(async {
        let mut rows = Vec::new();
        for run in 1..=RUNS {
            let mut response = Value::Null;
            for name in names {
                let state = tempfile::tempdir().unwrap();
                // Repeats off: no lookup of where each answer went, which the fake serves on
                // the same thread as the gateway.
                let config = state.path().join("config.toml");
                std::fs::write(&config, "repeat_window_secs = 0\n").unwrap();
                let config = config.to_string_lossy().into_owned();
                let args: Vec<&str> = match name {
                    "bare serenity bot" => vec![],
                    "faqbot, repeats off" => vec!["--config", &config, "run"],
                    _ => vec!["run"],
                };
                let program = if args.is_empty() { &bare } else { &faqbot };
                let fake = FakeDiscord::start().await;
                let bot = spawn(program, &args, &response, &fake, state.path());
                let figures = measure(&fake, bot, "logo", &format!("{name} {run}")).await;
                println!(
                    "run {run}  {name:<18}  p50 {:.3} ms  p90 {:.3} ms  p99 {:.3} ms  RSS after READY {:.1} MiB, of which anonymous {:.1} MiB; after answering {:.1} MiB",
                    figures.p50, figures.p90, figures.p99, figures.rss, figures.anon, figures.rss_served
                );
                if name == "faqbot /logo" {
                    response = figures.first.clone();
                }
                rows.push((name, figures));
            }
        }
        println!();
        for name in names {
            let of: Vec<&Figures> = rows.iter().filter(|(n, _)| *n == name).map(|(_, f)| f).collect();
            let range = |pick: fn(&Figures) -> f64| {
                let values: Vec<f64> = of.iter().map(|f| pick(f)).collect();
                let lo = values.iter().copied().fold(f64::MAX, f64::min);
                let hi = values.iter().copied().fold(f64::MIN, f64::max);
                format!("{lo:.3}–{hi:.3}")
            };
            println!(
                "{name:<18}  p50 {} ms  p90 {} ms  RSS {} MiB  anonymous {} MiB  after answering {} MiB",
                range(|f| f.p50),
                range(|f| f.p90),
                range(|f| f.rss),
                range(|f| f.anon),
                range(|f| f.rss_served)
            );
        }
    });
}
