// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! A small measurement harness (criterion takes minutes to build here): warm-up runs, then measured runs,
//! median/min/max printed as one JSON line.

/// Runs `f` `warmup` times unmeasured, then `runs` times; each call returns its own score in `unit`.
/// Prints `{"id","unit","median","min","max","runs"}`; for rates (`.../s`) `min` is still the smallest value.
pub fn measure(id: &str, unit: &str, warmup: usize, runs: usize, mut f: impl FnMut() -> f64) -> f64 {
    for _ in 0..warmup {
        std::hint::black_box(f());
    }
    let mut scores: Vec<f64> = (0..runs).map(|_| f()).collect();
    scores.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = if scores.len() % 2 == 1 {
        scores[scores.len() / 2]
    } else {
        (scores[scores.len() / 2 - 1] + scores[scores.len() / 2]) / 2.0
    };
    println!(
        "{{\"id\":\"{}\",\"unit\":\"{}\",\"median\":{},\"min\":{},\"max\":{},\"runs\":{}}}",
        id,
        unit,
        median,
        scores[0],
        scores[scores.len() - 1],
        runs
    );
    median
}

/// Failed attempts in a row before a spinning thread yields; the same as the JMH queue benchmarks.
pub const SPINS_BEFORE_YIELD: u32 = 100;

/// After a failed attempt: retry at once, yield after [`SPINS_BEFORE_YIELD`] failures in a row.
#[inline]
pub fn back_off(misses: u32) -> u32 {
    if misses >= SPINS_BEFORE_YIELD {
        std::thread::yield_now();
        misses
    } else {
        misses + 1
    }
}
