//! Would a sentence encoder make `/ask` better? Measures faqbot's matcher with and without
//! the similarity of a message to the examples by a bundled MiniLM sentence encoder
//! (pocket-encoder), in two forms: the full encoder, and static token vectors distilled from it
//! (the model2vec recipe: each vocabulary token embedded alone, a message the mean of its
//! tokens). The fusion's two parameters are chosen by 5-fold cross-validation on the FAQ's
//! examples; the held-out files are only measured.
//!
//! ```sh
//! cd tools/semantic-eval && cargo run --release -- ../../tests/data/heldout.tsv [more.tsv …]
//! ```

use std::time::Instant;

use faqbot::eval::{self, Case, Report};
use faqbot::faq::{Expected, Faq};
use faqbot::matcher::{Matcher, Scores};

const FOLDS: usize = 5;

fn resident_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

/// A way to turn text into a unit vector.
trait Embed {
    fn embed(&self, text: &str) -> Vec<f32>;
}

struct Full(pocket_encoder::Encoder);

impl Embed for Full {
    fn embed(&self, text: &str) -> Vec<f32> {
        let text = if text.trim().is_empty() { "?" } else { text };
        self.0.embed(&[text]).expect("embeds").remove(0)
    }
}

/// One vector per WordPiece token, each the encoder's embedding of that token alone.
struct Static {
    tokenizer: tokenizers::Tokenizer,
    vectors: Vec<Vec<f32>>,
}

impl Static {
    fn distil(encoder: &pocket_encoder::Encoder, tokenizer: tokenizers::Tokenizer, cache: &str) -> Self {
        let size = tokenizer.get_vocab_size(true);
        let vectors = match std::fs::read(cache) {
            Ok(bytes) if bytes.len() == size * 384 * 4 => bytes
                .chunks_exact(384 * 4)
                .map(|v| v.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect())
                .collect(),
            _ => {
                eprintln!("distilling {size} token vectors (once; cached in {cache})…");
                let mut out = Vec::with_capacity(size);
                let mut bytes = Vec::with_capacity(size * 384 * 4);
                for id in 0..size as u32 {
                    let token = tokenizer.id_to_token(id).unwrap_or_default();
                    let text = token.trim_start_matches("##");
                    let text = if text.is_empty() || token.starts_with('[') { "the" } else { text };
                    let v = encoder.embed(&[text]).expect("embeds").remove(0);
                    bytes.extend(v.iter().flat_map(|x| x.to_le_bytes()));
                    out.push(v);
                }
                std::fs::write(cache, bytes).ok();
                out
            }
        };
        Self { tokenizer, vectors }
    }
}

impl Embed for Static {
    fn embed(&self, text: &str) -> Vec<f32> {
        let ids = self.tokenizer.encode(text, false).map(|e| e.get_ids().to_vec()).unwrap_or_default();
        let mut sum = vec![0.0f32; 384];
        for id in &ids {
            for (s, x) in sum.iter_mut().zip(&self.vectors[*id as usize]) {
                *s += x;
            }
        }
        normalise(sum)
    }
}

fn normalise(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// Labelled vectors: each class's nearest example is its similarity to a message.
struct Index {
    vectors: Vec<Vec<f32>>,
    classes: Vec<Vec<usize>>,
}

impl Index {
    fn similarities(&self, v: &[f32], classes: usize) -> Vec<f32> {
        let mut best = vec![0.0f32; classes];
        for (u, labels) in self.vectors.iter().zip(&self.classes) {
            let cos: f32 = u.iter().zip(v).map(|(a, b)| a * b).sum();
            for &c in labels {
                best[c] = best[c].max(cos);
            }
        }
        best
    }
}

fn classes_of(faq: &Faq, case: &Case) -> Vec<usize> {
    case.expected
        .iter()
        .map(|e| match *e {
            Expected::Topic(topic) => topic,
            Expected::Refusal => faq.topics.len(),
        })
        .collect()
}

/// The matcher's scores with the encoder's similarities mixed in at `mix`, counting only what
/// exceeds `floor`.
fn fuse(scores: &Scores, similarities: &[f32], mix: f32, floor: f32) -> Scores {
    let lift = |s: f32| ((s - floor) / (1.0 - floor)).max(0.0);
    let topics = scores.topics.len();
    Scores {
        topics: scores.topics.iter().zip(similarities).map(|(s, m)| (1.0 - mix) * s + mix * lift(*m)).collect(),
        none: (1.0 - mix) * scores.none + mix * lift(similarities[topics]),
    }
}

struct Setting {
    mix: f32,
    floor: f32,
}

/// Answers every case with matchers and indexes that did not see it (k-fold when `test` is
/// `None`; taught by all examples otherwise).
fn run(faq: &Faq, examples: &[(Case, Vec<f32>)], test: Option<&[(Case, Vec<f32>)]>, topic_vectors: &[Vec<f32>], setting: &Setting) -> Report {
    let classes = faq.topics.len() + 1;
    let mut answered = Vec::new();
    let rounds = if test.is_some() { 1 } else { FOLDS };
    for fold in 0..rounds {
        let teach: Vec<&(Case, Vec<f32>)> = examples.iter().enumerate().filter(|(i, _)| test.is_some() || i % FOLDS != fold).map(|(_, e)| e).collect();
        let asked: Vec<&(Case, Vec<f32>)> = match test {
            Some(t) => t.iter().collect(),
            None => examples.iter().enumerate().filter(|(i, _)| i % FOLDS == fold).map(|(_, e)| e).collect(),
        };
        let cases: Vec<Case> = teach.iter().map(|(c, _)| c.clone()).collect();
        let matcher = Matcher::with_examples(faq, &cases);
        let mut index = Index { vectors: topic_vectors.to_vec(), classes: (0..faq.topics.len()).map(|t| vec![t]).collect() };
        for (c, v) in &teach {
            index.vectors.push(v.clone());
            index.classes.push(classes_of(faq, c));
        }
        for (case, v) in asked {
            let scores = matcher.scores(&case.question);
            let fused = fuse(&scores, &index.similarities(v, classes), setting.mix, setting.floor);
            answered.push((case.clone(), matcher.decide(&fused)));
        }
    }
    let cases: Vec<Case> = answered.iter().map(|(c, _)| c.clone()).collect();
    eval::tally_verdicts(faq, &cases, answered.into_iter().map(|(_, v)| v).collect())
}

fn line(name: &str, r: &Report) -> String {
    let pct = |t: &eval::Tally| format!("{:.1}", t.rate() * 100.0);
    let kinds: Vec<String> = r.by_kind.iter().map(|(k, t)| format!("{k} {}", pct(t))).collect();
    format!("{name:<34} {:>5}%  ({})  off-topic refused {}%", pct(&r.overall), kinds.join(", "), pct(&r.refusals.off_topic))
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let faq = Faq::load(std::path::Path::new("../../faq.toml")).expect("faq.toml");
    let rss_before = resident_mib();
    let started = Instant::now();
    let encoder = pocket_encoder::Encoder::new().expect("encoder");
    let _ = encoder.embed(&["warm up"]);
    let load_ms = started.elapsed().as_millis();
    let rss_encoder = resident_mib();
    let tokenizer_path = std::env::var("POCKET_TOKENIZER").expect("POCKET_TOKENIZER: pocket-encoder's assets/tokenizer.json");
    let tokenizer = tokenizers::Tokenizer::from_file(tokenizer_path).expect("tokenizer");
    let distilled = Static::distil(&encoder, tokenizer, "target/static-vectors.bin");
    let full = Full(encoder);
    println!("encoder load {load_ms} ms; RSS {rss_before:.1} MiB before, {rss_encoder:.1} MiB with the encoder loaded");

    let mut tests = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("test file");
        tests.push((file.clone(), eval::parse(&text, file, &faq).expect("valid test file")));
    }
    let embedders: [(&str, &dyn Embed); 2] = [("full encoder", &full), ("static distilled vectors", &distilled)];
    for (name, embed) in embedders {
        let mut times = Vec::new();
        let mut with_vectors = |cases: &[Case]| -> Vec<(Case, Vec<f32>)> {
            cases.iter().map(|c| {
                let t = Instant::now();
                let v = embed.embed(&c.question);
                times.push(t.elapsed().as_secs_f64() * 1e6);
                (c.clone(), v)
            }).collect()
        };
        let examples = with_vectors(&faq.examples);
        let topic_vectors: Vec<Vec<f32>> = faq.topics.iter().map(|t| embed.embed(&t.question)).collect();
        let embedded_tests: Vec<(String, Vec<(Case, Vec<f32>)>)> = tests.iter().map(|(f, c)| (f.clone(), with_vectors(c))).collect();
        times.sort_by(f64::total_cmp);
        println!("\n== {name}: median {:.0} µs per message to embed (p90 {:.0} µs)", times[times.len() / 2], times[times.len() * 9 / 10]);
        let baseline = Setting { mix: 0.0, floor: 0.0 };
        let mut best = (run(&faq, &examples, None, &topic_vectors, &baseline), baseline);
        println!("{}", line("k-fold, matcher alone", &best.0));
        for mix in [0.15, 0.3, 0.45] {
            for floor in [0.3, 0.5, 0.7] {
                let setting = Setting { mix, floor };
                let report = run(&faq, &examples, None, &topic_vectors, &setting);
                if report.overall.right > best.0.overall.right {
                    best = (report, setting);
                }
            }
        }
        let (report, setting) = best;
        println!("{}", line(&format!("k-fold, fused (mix {}, floor {})", setting.mix, setting.floor), &report));
        for (file, cases) in &embedded_tests {
            let alone = run(&faq, &examples, Some(cases), &topic_vectors, &Setting { mix: 0.0, floor: 0.0 });
            let fused = run(&faq, &examples, Some(cases), &topic_vectors, &setting);
            let file = file.rsplit('/').next().unwrap_or(file);
            println!("{}", line(&format!("{file}, matcher alone"), &alone));
            println!("{}", line(&format!("{file}, fused"), &fused));
        }
    }
}
