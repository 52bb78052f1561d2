// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The matrix comparison with the JMH `SmallMultiplyBench.ours4` and `LargeMultiplyBench.ours[size=256]`
//! workloads: a const-generic 4x4 product into a preallocated result, and a 256x256 product with plain
//! loops (i-k-j order, which the compiler vectorises); ns per product. Built for the default target CPU
//! (no `-C target-cpu=native`).

use crate::harness::measure;
use std::hint::black_box;
use std::time::Instant;

/// A row-major R x C matrix whose dimensions are part of its type, as the Rust matrix project's design has it.
#[derive(Clone, Copy)]
pub struct Matrix<const R: usize, const C: usize>([[f64; C]; R]);

impl<const R: usize, const K: usize> Matrix<R, K> {
    /// `out = self * rhs`; a dimension mismatch does not compile.
    #[inline]
    pub fn mul_into<const C: usize>(&self, rhs: &Matrix<K, C>, out: &mut Matrix<R, C>) {
        for i in 0..R {
            for j in 0..C {
                let mut s = 0.0;
                for k in 0..K {
                    s += self.0[i][k] * rhs.0[k][j];
                }
                out.0[i][j] = s;
            }
        }
    }
}

fn random(seed: &mut u64) -> f64 {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (*seed >> 11) as f64 / (1u64 << 53) as f64
}

/// `c = a * b` for n x n row-major slices, plain i-k-j loops.
fn mul_plain(a: &[f64], b: &[f64], c: &mut [f64], n: usize) {
    c.fill(0.0);
    for i in 0..n {
        let ci = &mut c[i * n..(i + 1) * n];
        for k in 0..n {
            let aik = a[i * n + k];
            let bk = &b[k * n..(k + 1) * n];
            for (cij, bkj) in ci.iter_mut().zip(bk) {
                *cij += aik * bkj;
            }
        }
    }
}

pub fn run(quick: bool) {
    let (warmup, runs) = if quick { (2, 5) } else { (5, 11) };
    let mut seed = 1u64;
    let mut a = Matrix::<4, 4>([[0.0; 4]; 4]);
    let mut b = Matrix::<4, 4>([[0.0; 4]; 4]);
    for i in 0..4 {
        for j in 0..4 {
            a.0[i][j] = random(&mut seed);
            b.0[i][j] = random(&mut seed);
        }
    }
    let mut c = Matrix::<4, 4>([[0.0; 4]; 4]);
    let reps = if quick { 2_000_000 } else { 10_000_000 };
    measure("matrix.mul4x4", "ns/op", warmup, runs, || {
        let t = Instant::now();
        for _ in 0..reps {
            black_box(&a).mul_into(black_box(&b), &mut c);
            black_box(&mut c);
        }
        t.elapsed().as_nanos() as f64 / reps as f64
    });

    let n = 256;
    let a: Vec<f64> = (0..n * n).map(|_| random(&mut seed)).collect();
    let b: Vec<f64> = (0..n * n).map(|_| random(&mut seed)).collect();
    let mut c = vec![0.0; n * n];
    let reps = if quick { 20 } else { 50 };
    measure("matrix.mul256", "ns/op", warmup, runs, || {
        let t = Instant::now();
        for _ in 0..reps {
            mul_plain(black_box(&a), black_box(&b), &mut c, n);
            black_box(&mut c);
        }
        t.elapsed().as_nanos() as f64 / reps as f64
    });
}
