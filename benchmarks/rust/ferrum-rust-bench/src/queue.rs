// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The queue comparison with the JMH `QueueThroughputBench` workload: 1 producer + 1 consumer thread,
//! capacity 1024, non-blocking offer/poll retried at once and yielding after 100 failures in a row;
//! elements delivered per second.

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
