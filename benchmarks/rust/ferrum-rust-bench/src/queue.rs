// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The queue comparison with the JMH `QueueThroughputBench` workload: 1 producer + 1 consumer thread,
//! capacity 1024, non-blocking offer/poll retried at once and yielding after 100 failures in a row;
//! elements delivered per second.
//!
//! And the `PingPong` latency workload: two threads, two queues of the same kind (capacity 1024), one
//! message bouncing; the pinger times each round trip (`Instant::now()` around offer + busy-poll for the
//! echo), the echo thread busy-polls and sends back what it got; both yield only after 10 000 empty polls in
//! a row. Each message is checked to be the one sent. Three runs, the one with the lowest p50 is reported
//! (as the JMH side keeps the best of three fresh JVMs); percentiles are exact (all samples sorted).

use crate::harness::{back_off, measure};
use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub const CAPACITY: usize = 1024;

/// An index on its own cache line, so producer and consumer do not bounce one line between cores.
#[repr(align(64))]
struct Padded(AtomicUsize);

/// The SPSC ring of the Rust atomic lock-free queue project: a fixed array and two atomic indices on
/// separate cache lines; the producer alone writes `tail`, the consumer alone writes `head`; Acquire/Release
/// publish the slot. No cached copy of the other side's index (the project's design, not an optimised one).
pub struct SpscRing<T> {
    head: Padded,
    tail: Padded,
    mask: usize,
    slots: Box<[UnsafeCell<MaybeUninit<T>>]>,
}

// SAFETY: a slot is accessed by the producer only while it is free (tail - head < capacity) and by the
// consumer only after the producer's Release store of tail published it; one producer and one consumer.
unsafe impl<T: Send> Sync for SpscRing<T> {}
unsafe impl<T: Send> Send for SpscRing<T> {}

impl<T> SpscRing<T> {
    pub fn new(capacity: usize) -> Self {
        assert!(capacity.is_power_of_two());
        SpscRing {
            head: Padded(AtomicUsize::new(0)),
            tail: Padded(AtomicUsize::new(0)),
            mask: capacity - 1,
            slots: (0..capacity).map(|_| UnsafeCell::new(MaybeUninit::uninit())).collect(),
        }
    }

    /// Producer side only.
    #[inline]
    pub fn push(&self, value: T) -> Result<(), T> {
        let tail = self.tail.0.load(Ordering::Relaxed);
        let head = self.head.0.load(Ordering::Acquire);
        if tail.wrapping_sub(head) > self.mask {
            return Err(value);
        }
        // SAFETY: the slot is free (checked above) and only this producer writes it.
        unsafe { (*self.slots[tail & self.mask].get()).write(value) };
        self.tail.0.store(tail.wrapping_add(1), Ordering::Release);
        Ok(())
    }

    /// Consumer side only.
    #[inline]
    pub fn pop(&self) -> Option<T> {
        let head = self.head.0.load(Ordering::Relaxed);
        let tail = self.tail.0.load(Ordering::Acquire);
        if head == tail {
            return None;
        }
        // SAFETY: head < tail, so the producer's Release store published this slot's value.
        let value = unsafe { (*self.slots[head & self.mask].get()).assume_init_read() };
        self.head.0.store(head.wrapping_add(1), Ordering::Release);
        Some(value)
    }
}

impl<T> Drop for SpscRing<T> {
    fn drop(&mut self) {
        while self.pop().is_some() {}
    }
}

/// Sends `n` elements from a producer thread (owning `tx`) to this consumer thread (owning `rx`);
/// elements per second.
fn transfer<P: Send + 'static, C>(tx: P, rx: C, n: usize, push: fn(&P, usize) -> bool, pop: fn(&C) -> Option<usize>) -> f64 {
    let start = Instant::now();
    let producer = std::thread::spawn(move || {
        let mut misses = 0;
        let mut i = 0;
        while i < n {
            if push(&tx, i) {
                i += 1;
                misses = 0;
            } else {
                misses = back_off(misses);
            }
        }
    });
    let mut received = 0;
    let mut sum = 0usize;
    let mut misses = 0;
    while received < n {
        match pop(&rx) {
            Some(v) => {
                sum = sum.wrapping_add(v);
                received += 1;
                misses = 0;
            }
            None => misses = back_off(misses),
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    producer.join().expect("producer panicked");
    assert_eq!(sum, n * (n - 1) / 2, "lost or duplicated elements");
    n as f64 / elapsed
}

fn shared<Q>(q: Q) -> (Arc<Q>, Arc<Q>) {
    let a = Arc::new(q);
    (Arc::clone(&a), a)
}

pub fn run(quick: bool) {
    run_latency(quick);
    let (warmup, runs, n) = if quick { (1, 5, 2_000_000) } else { (3, 9, 10_000_000) };
    measure("queue.spsc_ring", "ops/s", warmup, runs, || {
        let (tx, rx) = shared(SpscRing::<usize>::new(CAPACITY));
        transfer(tx, rx, n, |q, v| q.push(v).is_ok(), |q| q.pop())
    });
    measure("queue.crossbeam_array_queue", "ops/s", warmup, runs, || {
        let (tx, rx) = shared(crossbeam_queue::ArrayQueue::<usize>::new(CAPACITY));
        transfer(tx, rx, n, |q, v| q.push(v).is_ok(), |q| q.pop())
    });
    measure("queue.crossbeam_channel", "ops/s", warmup, runs, || {
        let (tx, rx) = crossbeam_channel::bounded::<usize>(CAPACITY);
        transfer(tx, rx, n, |q, v| q.try_send(v).is_ok(), |q| q.try_recv().ok())
    });
    measure("queue.std_sync_channel", "ops/s", warmup, runs, || {
        let (tx, rx) = std::sync::mpsc::sync_channel::<usize>(CAPACITY);
        transfer(tx, rx, n, |q, v| q.try_send(v).is_ok(), |q| q.try_recv().ok())
    });
}

/// Empty polls in a row before a ping-pong side yields (`PingPong.SPINS_BEFORE_YIELD`).
const PING_PONG_SPINS: u32 = 10_000;

#[inline]
fn ping_back_off(spins: u32) -> u32 {
    if spins >= PING_PONG_SPINS {
        std::thread::yield_now();
        spins
    } else {
        spins + 1
    }
}

/// One ping-pong run: p50 and p99 of the recorded round trips in ns, and how many were recorded.
fn ping_pong<Q: Send + Sync + 'static>(
    make: fn() -> Q,
    push: fn(&Q, usize) -> bool,
    pop: fn(&Q) -> Option<usize>,
    warmup: usize,
    rounds: usize,
    budget: std::time::Duration,
) -> (f64, f64, usize) {
    const STOP: usize = usize::MAX;
    let ping = Arc::new(make());
    let pong = Arc::new(make());
    let (p2, q2) = (Arc::clone(&ping), Arc::clone(&pong));
    let echo = std::thread::spawn(move || {
        let mut n = 0usize;
        loop {
            let mut spins = 0;
            let m = loop {
                match pop(&p2) {
                    Some(m) => break m,
                    None => spins = ping_back_off(spins),
                }
            };
            if m == STOP {
                return n;
            }
            while !push(&q2, m) {} // cannot be full: one message in flight
            n += 1;
        }
    });
    let mut samples: Vec<u32> = Vec::with_capacity(rounds);
    let mut sent = 0usize;
    for (count, record, limit) in [(warmup, false, budget / 3), (rounds, true, budget)] {
        let deadline = Instant::now() + limit;
        for i in 0..count {
            if i & 1023 == 0 && Instant::now() > deadline {
                break; // time budget spent: keep the rounds done (all verified)
            }
            let message = sent & 1023;
            let start = Instant::now();
            while !push(&ping, message) {}
            let mut spins = 0;
            let back = loop {
                match pop(&pong) {
                    Some(m) => break m,
                    None => spins = ping_back_off(spins),
                }
            };
            let elapsed = start.elapsed().as_nanos();
            assert_eq!(back, message, "round trip {sent}: sent {message}, got back {back}");
            if record {
                samples.push(elapsed.min(u32::MAX as u128) as u32);
            }
            sent += 1;
        }
    }
    while !push(&ping, STOP) {}
    let echoed = echo.join().expect("echo thread panicked");
    assert_eq!(echoed, sent, "echo thread bounced {echoed} messages, expected {sent}");
    assert!(!samples.is_empty(), "no round trip recorded");
    samples.sort_unstable();
    let at = |p: f64| samples[((p / 100.0 * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1] as f64;
    (at(50.0), at(99.0), samples.len())
}

fn report_latency<Q: Send + Sync + 'static>(
    id: &str,
    quick: bool,
    make: fn() -> Q,
    push: fn(&Q, usize) -> bool,
    pop: fn(&Q) -> Option<usize>,
) {
    let (warmup, rounds, budget) = if quick { (50_000, 200_000, 3) } else { (1_000_000, 2_000_000, 20) };
    let runs: Vec<(f64, f64, usize)> = (0..3)
        .map(|_| ping_pong(make, push, pop, warmup, rounds, std::time::Duration::from_secs(budget)))
        .collect();
    let best = runs.iter().min_by(|a, b| a.0.partial_cmp(&b.0).unwrap()).unwrap();
    let p50s: Vec<String> = runs.iter().map(|r| format!("{:.0}", r.0)).collect();
    for (pct, value) in [("p50", best.0), ("p99", best.1)] {
        let all: Vec<f64> = runs.iter().map(|r| if pct == "p50" { r.0 } else { r.1 }).collect();
        let min = all.iter().cloned().fold(f64::INFINITY, f64::min);
        let max = all.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        println!(
            "{{\"id\":\"{id}.{pct}\",\"unit\":\"ns/op\",\"median\":{value},\"min\":{min},\"max\":{max},\"runs\":3,\"summary\":\"best of 3 runs by p50 ({} samples; p50 of every run: {} ns)\"}}",
            best.2,
            p50s.join(", ")
        );
    }
}

pub fn run_latency(quick: bool) {
    report_latency(
        "queue.latency.spsc_ring",
        quick,
        || SpscRing::<usize>::new(CAPACITY),
        |q, v| q.push(v).is_ok(),
        |q| q.pop(),
    );
    report_latency(
        "queue.latency.crossbeam_array_queue",
        quick,
        || crossbeam_queue::ArrayQueue::<usize>::new(CAPACITY),
        |q, v| q.push(v).is_ok(),
        |q| q.pop(),
    );
}
