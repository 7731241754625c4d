//! Multinomial logistic regression with an L2 penalty, fitted by accelerated gradient descent
//! on standardised features (candle for the matrix products).

use candle_core::{Device, Tensor, D};

type Result<T> = candle_core::Result<T>;

/// A fitted model: `softmax(((x − mean) / scale) · weights + bias)`.
pub struct Logistic {
    mean: Tensor,
    scale: Tensor,
    weights: Tensor,
    bias: Tensor,
}

const MAX_STEPS: usize = 3000;

impl Logistic {
    /// Fits `rows` (n × d) to `targets` (n × classes, each row a distribution: an example
    /// with two right classes counts half for each), minimising the mean cross-entropy plus
    /// `lambda / 2 · ‖weights‖²` (the bias is not penalised).
    pub fn fit(rows: &[Vec<f32>], targets: &[Vec<f32>], lambda: f64) -> Result<Self> {
        let device = Device::Cpu;
        let (n, d, classes) = (rows.len(), rows[0].len(), targets[0].len());
        let x = Tensor::from_vec(rows.concat(), (n, d), &device)?;
        let y = Tensor::from_vec(targets.concat(), (n, classes), &device)?;
        let mean = x.mean_keepdim(0)?;
        let centred = x.broadcast_sub(&mean)?;
        let scale = (centred.sqr()?.mean_keepdim(0)? + 1e-8)?.sqrt()?;
        let z = centred.broadcast_div(&scale)?;
        // The gradient's Lipschitz constant: a softmax's curvature is at most ½ along any
        // direction, times the largest eigenvalue of the features' second moment (bias column
        // included), plus the penalty.
        let ones = Tensor::ones((n, 1), candle_core::DType::F32, &device)?;
        let augmented = Tensor::cat(&[&z, &ones], 1)?;
        let gram = (augmented.t()?.matmul(&augmented)? / n as f64)?;
        let mut v = Tensor::ones((d + 1, 1), candle_core::DType::F32, &device)?;
        let mut top = 1.0f32;
        for _ in 0..100 {
            let next = gram.matmul(&v)?;
            top = next.sqr()?.sum_all()?.sqrt()?.to_scalar::<f32>()?;
            v = (next / f64::from(top))?;
        }
        let step = 1.0 / (0.5 * f64::from(top) * 1.05 + lambda);

        let mut w = Tensor::zeros((d, classes), candle_core::DType::F32, &device)?;
        let mut b = Tensor::zeros((1, classes), candle_core::DType::F32, &device)?;
        let (mut w_prev, mut b_prev) = (w.clone(), b.clone());
        let mut momentum = 1.0f64;
        let zt = z.t()?.contiguous()?;
        for _ in 0..MAX_STEPS {
            // Nesterov: the gradient at the look-ahead point.
            let next_momentum = (1.0 + (1.0 + 4.0 * momentum * momentum).sqrt()) / 2.0;
            let beta = (momentum - 1.0) / next_momentum;
            let w_look = (&w + ((&w - &w_prev)? * beta)?)?;
            let b_look = (&b + ((&b - &b_prev)? * beta)?)?;
            let p = softmax(&z.matmul(&w_look)?.broadcast_add(&b_look)?)?;
            let error = ((p - &y)? / n as f64)?;
            let grad_w = (zt.matmul(&error)? + (&w_look * lambda)?)?;
            let grad_b = error.sum_keepdim(0)?;
            let w_next = (&w_look - (&grad_w * step)?)?;
            let b_next = (&b_look - (&grad_b * step)?)?;
            // Restart the momentum when it points uphill (O'Donoghue & Candès).
            let uphill = (grad_w
                .mul(&(&w_next - &w)?)?
                .sum_all()?
                .to_scalar::<f32>()?
                + grad_b
                    .mul(&(&b_next - &b)?)?
                    .sum_all()?
                    .to_scalar::<f32>()?)
                > 0.0;
            let size = grad_w.sqr()?.sum_all()?.to_scalar::<f32>()?
                + grad_b.sqr()?.sum_all()?.to_scalar::<f32>()?;
            w_prev = w;
            b_prev = b;
            w = w_next;
            b = b_next;
            momentum = if uphill { 1.0 } else { next_momentum };
            if size.sqrt() < 1e-5 {
                break;
            }
        }
        Ok(Self {
            mean,
            scale,
            weights: w,
            bias: b,
        })
    }

    /// Class probabilities for each row.
    pub fn predict(&self, rows: &[Vec<f32>]) -> Result<Vec<Vec<f32>>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let x = Tensor::from_vec(rows.concat(), (rows.len(), rows[0].len()), &Device::Cpu)?;
        let z = x.broadcast_sub(&self.mean)?.broadcast_div(&self.scale)?;
        softmax(&z.matmul(&self.weights)?.broadcast_add(&self.bias)?)?.to_vec2()
    }
}

fn softmax(logits: &Tensor) -> Result<Tensor> {
    let shifted = logits.broadcast_sub(&logits.max_keepdim(D::Minus1)?)?;
    let e = shifted.exp()?;
    e.broadcast_div(&e.sum_keepdim(D::Minus1)?)
}
