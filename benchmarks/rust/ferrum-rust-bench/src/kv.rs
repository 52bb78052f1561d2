// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The kv reference: the Rust `lmdb` crate (LMDB 0.9 through Debian's liblmdb) on the workload of
//! `ferrum-kv bench`, the 1M-key session of the Java kv suite: keys "key-" + the index zero-padded to 16
//! bytes, written in index order; 100-byte values `'a' + i % 26` with byte 0 set to the low byte of the index;
//! then the same keys read back in order, each read checked. Durability as Ferrum's NO_SYNC: no fsync
//! (`NO_SYNC`), writes through the mapping (`WRITE_MAP`), as Ferrum's mapped segments. A fresh store in the
//! temporary directory per run; seconds per 1M operations.
//!
//! Two transaction shapes: one transaction per put / per get (each operation atomic and visible on its
//! own, as a `KvStore.put` / `get` call is: the like-for-like rows), and one transaction for all 1M
//! (LMDB's batch shape, for reference).

use crate::harness::measure;
use lmdb::{DatabaseFlags, Environment, EnvironmentFlags, Transaction, WriteFlags};
use std::path::PathBuf;
use std::time::Instant;

const KEY_BYTES: usize = 16;
const VALUE_BYTES: usize = 100;

/// Key i: "key-" then i in decimal, zero-padded to 16 bytes (`FerrumKv.Bench.fillKey`).
fn fill_key(key: &mut [u8; KEY_BYTES], i: usize) {
    key[..4].copy_from_slice(b"key-");
    let mut v = i;
    for j in (4..KEY_BYTES).rev() {
        key[j] = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

struct Store {
    dir: PathBuf,
    env: Environment,
    db: lmdb::Database,
}

impl Store {
    fn open(keys: usize) -> Result<Store, String> {
        let dir = std::env::temp_dir().join(format!("ferrum-rust-lmdb-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let env = Environment::new()
            .set_flags(EnvironmentFlags::NO_SYNC | EnvironmentFlags::WRITE_MAP)
            .set_map_size((keys * 512).max(64 << 20))
            .open(&dir)
            .map_err(|e| format!("lmdb open {}: {e}", dir.display()))?;
        let db = env.create_db(None, DatabaseFlags::empty()).map_err(|e| format!("lmdb create_db: {e}"))?;
        Ok(Store { dir, env, db })
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn value_for(value: &mut [u8; VALUE_BYTES], i: usize) {
    value[0] = i as u8;
}

fn initial_value() -> [u8; VALUE_BYTES] {
    let mut v = [0u8; VALUE_BYTES];
    for (i, b) in v.iter_mut().enumerate() {
        *b = b'a' + (i % 26) as u8;
    }
    v
}

/// Writes `keys` keys (one transaction per put, or one for all), then reads them back (likewise);
/// returns (write seconds, read seconds). Every read is checked.
fn session(keys: usize, txn_per_op: bool) -> Result<(f64, f64), String> {
    let store = Store::open(keys)?;
    let err = |e: lmdb::Error| format!("lmdb: {e}");
    let mut key = [0u8; KEY_BYTES];
    let mut value = initial_value();
    let t0 = Instant::now();
    if txn_per_op {
        for i in 0..keys {
            fill_key(&mut key, i);
            value_for(&mut value, i);
            let mut txn = store.env.begin_rw_txn().map_err(err)?;
            txn.put(store.db, &key, &value, WriteFlags::empty()).map_err(err)?;
            txn.commit().map_err(err)?;
        }
    } else {
        let mut txn = store.env.begin_rw_txn().map_err(err)?;
        for i in 0..keys {
            fill_key(&mut key, i);
            value_for(&mut value, i);
            txn.put(store.db, &key, &value, WriteFlags::empty()).map_err(err)?;
        }
        txn.commit().map_err(err)?;
    }
    let write = t0.elapsed().as_secs_f64();

    let mut mismatches = 0usize;
    let t1 = Instant::now();
    if txn_per_op {
        for i in 0..keys {
            fill_key(&mut key, i);
            let txn = store.env.begin_ro_txn().map_err(err)?;
            match txn.get(store.db, &key) {
                Ok(v) if v.len() == VALUE_BYTES && v[0] == i as u8 => {}
                _ => mismatches += 1,
            }
            txn.commit().map_err(err)?;
        }
    } else {
        let txn = store.env.begin_ro_txn().map_err(err)?;
        for i in 0..keys {
            fill_key(&mut key, i);
            match txn.get(store.db, &key) {
                Ok(v) if v.len() == VALUE_BYTES && v[0] == i as u8 => {}
                _ => mismatches += 1,
            }
        }
        txn.commit().map_err(err)?;
    }
    let read = t1.elapsed().as_secs_f64();
    if mismatches != 0 {
        return Err(format!("{mismatches} of {keys} reads returned a wrong value"));
    }
    Ok((write, read))
}

pub fn run(quick: bool) -> Result<(), String> {
    let keys = 1_000_000;
    let runs = if quick { 3 } else { 7 };
    for (txn_per_op, tag) in [(true, ""), (false, "_one_txn")] {
        let mut results = Vec::new();
        session(keys / 5, txn_per_op)?; // warm the page cache and the allocator
        for _ in 0..runs {
            results.push(session(keys, txn_per_op)?);
        }
        let mut it = results.iter();
        measure(&format!("kv.lmdb.write_1m{tag}"), "s/op", 0, runs, || it.next().unwrap().0);
        let mut it = results.iter();
        measure(&format!("kv.lmdb.read_1m{tag}"), "s/op", 0, runs, || it.next().unwrap().1);
    }
    Ok(())
}
