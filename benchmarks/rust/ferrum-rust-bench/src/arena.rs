// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The arena comparison with the JMH `AllocBench` workload: batches of 1024 blocks of 8/16/64/256 bytes at
//! alignment 8 or 64, all alive together, then released (reset / drop each); ns per block. Every block's
//! pointer goes through `black_box`, as the JMH side hands every block's handle to `Blackhole.consume`.
//!
//! And the `ListTraversalBench` workload: a singly linked list of 1M `i64` nodes (`{ value, next }`, 16 bytes)
//! built once by appending 0..N-1, then summed in list order; ns per full traversal.

use crate::harness::measure;
use std::alloc::Layout;
use std::hint::black_box;
use std::mem::MaybeUninit;
use std::time::Instant;

const BATCH: usize = 1024;
const SIZES: [usize; 4] = [8, 16, 64, 256];
const ALIGNS: [usize; 2] = [8, 64];
const CHUNK: usize = 1 << 20;

/// The hand-written bump arena of the Rust custom arena allocator project: one chunk, a cursor, align up,
/// bounds check, bump; `reset` rewinds the cursor.
struct BumpArena {
    start: *mut u8,
    layout: Layout,
    cursor: usize,
}

impl BumpArena {
    fn new(bytes: usize) -> Self {
        let layout = Layout::from_size_align(bytes, 4096).unwrap();
        // SAFETY: layout has a non-zero size.
        let start = unsafe { std::alloc::alloc(layout) };
        assert!(!start.is_null(), "out of memory");
        BumpArena { start, layout, cursor: 0 }
    }

    #[inline(always)]
    fn alloc(&mut self, size: usize, align: usize) -> Option<*mut u8> {
        let aligned = (self.cursor + align - 1) & !(align - 1);
        let end = aligned.checked_add(size)?;
        if end > self.layout.size() {
            return None;
        }
        self.cursor = end;
        // SAFETY: aligned + size <= chunk size, so the pointer stays inside the allocation.
        Some(unsafe { self.start.add(aligned) })
    }

    fn reset(&mut self) {
        self.cursor = 0;
    }
}

impl Drop for BumpArena {
    fn drop(&mut self) {
        // SAFETY: allocated in new() with this layout.
        unsafe { std::alloc::dealloc(self.start, self.layout) }
    }
}

#[repr(C, align(8))]
struct A8<const N: usize>([u8; N]);
#[repr(C, align(64))]
struct A64<const N: usize>([u8; N]);

fn per_block(batches: usize, mut batch: impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..batches {
        batch();
    }
    t.elapsed().as_nanos() as f64 / (batches * BATCH) as f64
}

/// `Box::new` per block (uninitialised, as malloc in the Java peer), all 1024 alive, then dropped.
fn boxes<T>(batches: usize, live: &mut Vec<Box<MaybeUninit<T>>>) -> f64 {
    per_block(batches, || {
        for _ in 0..BATCH {
            let b = Box::<T>::new_uninit();
            black_box(&*b as *const MaybeUninit<T>);
            live.push(b);
        }
        live.clear();
    })
}

fn box_case(size: usize, align: usize, batches: usize) -> f64 {
    macro_rules! run {
        ($t:ty) => {{
            let mut live = Vec::with_capacity(BATCH);
            boxes::<$t>(batches, &mut live)
        }};
    }
    match (size, align) {
        (8, 8) => run!(A8<8>),
        (16, 8) => run!(A8<16>),
        (64, 8) => run!(A8<64>),
        (256, 8) => run!(A8<256>),
        (8, 64) => run!(A64<8>),
        (16, 64) => run!(A64<16>),
        (64, 64) => run!(A64<64>),
        (256, 64) => run!(A64<256>),
        _ => unreachable!(),
    }
}

pub fn run(quick: bool) {
    run_list(quick);
    // A measured run of the bump cases takes some tens of ms (JMH's quick iterations take 500 ms); Box::new is
    // 10-80x slower per block, so it runs a tenth of the batches.
    let (warmup, runs, batches) = if quick { (2, 7, 20_000) } else { (5, 11, 100_000) };
    for size in SIZES {
        for align in ALIGNS {
            let layout = Layout::from_size_align(size, align).unwrap();
            let tag = format!("s{size}.a{align}");

            let mut bump = bumpalo::Bump::with_capacity(CHUNK);
            measure(&format!("arena.bumpalo.{tag}"), "ns/op", warmup, runs, || {
                per_block(batches, || {
                    for _ in 0..BATCH {
                        black_box(bump.alloc_layout(layout));
                    }
                    bump.reset();
                })
            });

            let mut arena = BumpArena::new(CHUNK);
            measure(&format!("arena.bump.{tag}"), "ns/op", warmup, runs, || {
                per_block(batches, || {
                    for _ in 0..BATCH {
                        black_box(arena.alloc(size, align).expect("chunk holds a batch"));
                    }
                    arena.reset();
                })
            });

            measure(&format!("arena.box.{tag}"), "ns/op", warmup, runs, || {
                box_case(size, align, batches / 10)
            });
        }
    }
}

const LIST_N: i64 = 1_000_000;

/// `struct node { int64 value; int64 next; }` as in Ferrum's `ArenaLinkedList`: 16 bytes, `next` a pointer.
#[repr(C)]
struct Node {
    value: i64,
    next: *const Node,
}

/// A list whose nodes live in a bumpalo arena: appended nodes sit 16 bytes apart.
fn bumpalo_list(bump: &bumpalo::Bump, n: i64) -> *const Node {
    let mut head: *const Node = std::ptr::null();
    let mut tail: *mut Node = std::ptr::null_mut();
    for i in 0..n {
        let node: *mut Node = bump.alloc(Node { value: i, next: std::ptr::null() });
        if tail.is_null() {
            head = node;
        } else {
            // SAFETY: tail points at a live node of this arena, which outlives the list.
            unsafe { (*tail).next = node };
        }
        tail = node;
    }
    head
}

/// The same list with one `Box` per node (malloc'd in order), `next` owning nothing: freed by `free_boxes`.
fn box_list(n: i64) -> *const Node {
    let mut head: *const Node = std::ptr::null();
    let mut tail: *mut Node = std::ptr::null_mut();
    for i in 0..n {
        let node = Box::into_raw(Box::new(Node { value: i, next: std::ptr::null() }));
        if tail.is_null() {
            head = node;
        } else {
            // SAFETY: tail came from Box::into_raw and is freed only by free_boxes.
            unsafe { (*tail).next = node };
        }
        tail = node;
    }
    head
}

fn free_boxes(mut node: *const Node) {
    while !node.is_null() {
        // SAFETY: every node came from Box::into_raw in box_list and is freed once, here.
        let b = unsafe { Box::from_raw(node as *mut Node) };
        node = b.next;
    }
}

/// Sums the values in list order: the plain pointer chase.
#[inline(never)]
fn sum(mut node: *const Node) -> i64 {
    let mut s = 0i64;
    while !node.is_null() {
        // SAFETY: node is a live node of the list (arena alive / boxes not yet freed).
        unsafe {
            s = s.wrapping_add((*node).value);
            node = (*node).next;
        }
    }
    s
}

pub fn run_list(quick: bool) {
    let (warmup, runs, reps) = if quick { (2, 7, 20) } else { (5, 15, 50) };
    let expected = LIST_N * (LIST_N - 1) / 2;
    let traverse = |head: *const Node| {
        let t = Instant::now();
        for _ in 0..reps {
            assert_eq!(sum(black_box(head)), expected);
        }
        t.elapsed().as_nanos() as f64 / reps as f64
    };
    let bump = bumpalo::Bump::new();
    let head = bumpalo_list(&bump, LIST_N);
    measure("arena.list1m.bumpalo", "ns/op", warmup, runs, || traverse(head));
    drop(bump);
    let head = box_list(LIST_N);
    measure("arena.list1m.box", "ns/op", warmup, runs, || traverse(head));
    free_boxes(head);
}
