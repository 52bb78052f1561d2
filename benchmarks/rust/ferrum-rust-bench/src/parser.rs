// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! The parser comparison with the JMH `ParseFileBench` workload: whole passes over the same generated
//! capture file, mapped once (memmap2) and page-cached. The zero-copy walker borrows `&[u8]` views of the
//! mapping; the copying one builds owned records (Vec per frame, String addresses, payload Vec) like the
//! Java copying parser. Both add the same fields as the Java benchmark's visitor, so no pass is optimised
//! away.

use crate::harness::measure;
use memmap2::Mmap;
use std::fs::File;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Instant;

#[derive(Debug)]
pub struct Malformed(String);

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Malformed {}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[inline(always)]
fn be16(b: &[u8], at: usize) -> u32 {
    u16::from_be_bytes([b[at], b[at + 1]]) as u32
}

#[inline(always)]
fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The pcap global header: byte order of the framing.
fn little_endian(data: &[u8]) -> Result<bool> {
    let magic = data.get(0..4).ok_or_else(|| Malformed("file shorter than the 24-byte global header".into()))?;
    match u32::from_le_bytes(magic.try_into().unwrap()) {
        0xA1B2_C3D4 | 0xA1B2_3C4D => Ok(true),
        0xD4C3_B2A1 | 0x4D3C_B2A1 => Ok(false),
        m => Err(Box::new(Malformed(format!("not a pcap file: magic {m:#010x} at offset 0")))),
    }
}

/// Totals of one pass.
#[derive(Default, Clone, Copy, PartialEq, Debug)]
pub struct Pass {
    pub packets: u64,
    pub captured_bytes: u64,
    pub checksum: u64,
}

/// Walks every record, calling `visit(frame)` with a borrowed view of its captured bytes.
#[inline(always)]
fn walk(data: &[u8], mut visit: impl FnMut(&[u8])) -> Result<Pass> {
    let le = little_endian(data)?;
    let mut pos = 24usize;
    let mut pass = Pass::default();
    while pos + 16 <= data.len() {
        let h = &data[pos + 8..pos + 12];
        let captured = if le {
            u32::from_le_bytes(h.try_into().unwrap())
        } else {
            u32::from_be_bytes(h.try_into().unwrap())
        } as usize;
        let frame = data
            .get(pos + 16..pos + 16 + captured)
            .ok_or_else(|| Malformed(format!("record at offset {pos} runs past the end of the file")))?;
        visit(frame);
        pass.packets += 1;
        pass.captured_bytes += captured as u64;
        pos += 16 + captured;
    }
    if pos != data.len() {
        return Err(Box::new(Malformed(format!("{} trailing bytes at offset {pos}", data.len() - pos))));
    }
    Ok(pass)
}

/// The zero-copy visitor: the same fields the Java benchmark's visitor adds, read in place.
#[inline(always)]
fn zero_copy_sum(f: &[u8]) -> u64 {
    let mut s = f.len() as u64;
    if f.len() < 14 {
        return s;
    }
    let mut ty = be16(f, 12);
    let mut off = 14;
    if ty == 0x8100 && f.len() >= 18 {
        ty = be16(f, 16);
        off = 18;
    }
    let (proto, l4, end) = match ty {
        0x0800 if f.len() >= off + 20 => {
            let ihl = (f[off] & 0x0F) as usize * 4;
            let total = be16(f, off + 2) as usize;
            s += be32(f, off + 12) as u64;
            (f[off + 9], off + ihl, (off + total).min(f.len()))
        }
        0x86DD if f.len() >= off + 40 => {
            let total = 40 + be16(f, off + 4) as usize;
            (f[off + 6], off + 40, (off + total).min(f.len()))
        }
        _ => return s,
    };
    match proto {
        6 if l4 + 20 <= end => {
            let hl = (f[l4 + 12] >> 4) as usize * 4;
            s += (end.saturating_sub(l4 + hl)) as u64;
            s += (be16(f, l4) + be16(f, l4 + 2)) as u64 + be32(f, l4 + 4) as u64;
        }
        17 if l4 + 8 <= end => {
            s += (end - l4 - 8) as u64;
            s += (be16(f, l4) + be16(f, l4 + 2)) as u64;
        }
        _ => {}
    }
    s
}

pub fn zero_copy(data: &[u8]) -> Result<Pass> {
    let mut sum = 0u64;
    let mut pass = walk(data, |f| sum = sum.wrapping_add(zero_copy_sum(f)))?;
    pass.checksum = sum;
    Ok(pass)
}

/// Owned records, as a parser that copies builds them.
#[allow(dead_code)]
struct Record {
    data: Vec<u8>,
    ethernet: Option<Ethernet>,
}
#[allow(dead_code)]
struct Ethernet {
    destination: String,
    source: String,
    ether_type: u32,
    ip: Option<Ip>,
}
#[allow(dead_code)]
struct Ip {
    source: String,
    destination: String,
    protocol: u8,
    transport: Option<Transport>,
}
#[allow(dead_code)]
struct Transport {
    source_port: u32,
    destination_port: u32,
    sequence: u32,
    payload: Vec<u8>,
}

/// `aa:bb:cc:dd:ee:ff`, as the Java copying parser's HexFormat does.
fn mac(b: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(b.len() * 3);
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        s.push(HEX[(x >> 4) as usize] as char);
        s.push(HEX[(x & 15) as usize] as char);
    }
    s
}

fn copy_record(frame: &[u8]) -> Record {
    let data = frame.to_vec();
    let f = &data[..];
    let ethernet = (f.len() >= 14).then(|| {
        let mut ty = be16(f, 12);
        let mut off = 14;
        if ty == 0x8100 && f.len() >= 18 {
            ty = be16(f, 16);
            off = 18;
        }
        let ip = match ty {
            0x0800 if f.len() >= off + 20 => {
                let ihl = (f[off] & 0x0F) as usize * 4;
                let end = (off + be16(f, off + 2) as usize).min(f.len());
                let src = Ipv4Addr::from(be32(f, off + 12)).to_string();
                let dst = Ipv4Addr::from(be32(f, off + 16)).to_string();
                Some((src, dst, f[off + 9], off + ihl, end))
            }
            0x86DD if f.len() >= off + 40 => {
                let end = (off + 40 + be16(f, off + 4) as usize).min(f.len());
                let src = Ipv6Addr::from(<[u8; 16]>::try_from(&f[off + 8..off + 24]).unwrap()).to_string();
                let dst = Ipv6Addr::from(<[u8; 16]>::try_from(&f[off + 24..off + 40]).unwrap()).to_string();
                Some((src, dst, f[off + 6], off + 40, end))
            }
            _ => None,
        }
        .map(|(source, destination, protocol, l4, end)| {
            let transport = match protocol {
                6 if l4 + 20 <= end => {
                    let hl = (f[l4 + 12] >> 4) as usize * 4;
                    Some(Transport {
                        source_port: be16(f, l4),
                        destination_port: be16(f, l4 + 2),
                        sequence: be32(f, l4 + 4),
                        payload: f.get(l4 + hl..end).unwrap_or(&[]).to_vec(),
                    })
                }
                17 if l4 + 8 <= end => Some(Transport {
                    source_port: be16(f, l4),
                    destination_port: be16(f, l4 + 2),
                    sequence: 0,
                    payload: f[l4 + 8..end].to_vec(),
                }),
                _ => None,
            };
            Ip { source, destination, protocol, transport }
        });
        Ethernet { destination: mac(&f[0..6]), source: mac(&f[6..12]), ether_type: ty, ip }
    });
    Record { data, ethernet }
}

pub fn copying(data: &[u8]) -> Result<Pass> {
    let mut sum = 0u64;
    let mut pass = walk(data, |frame| {
        let r = std::hint::black_box(copy_record(frame));
        let mut s = r.data.len() as u64;
        if let Some(ip) = r.ethernet.as_ref().and_then(|e| e.ip.as_ref()) {
            s += ip.source.len() as u64;
            if let Some(t) = &ip.transport {
                s += (t.source_port + t.destination_port) as u64 + t.sequence as u64 + t.payload.len() as u64;
            }
        }
        sum = sum.wrapping_add(s);
    })?;
    pass.checksum = sum;
    Ok(pass)
}

fn map(path: &str) -> Result<Mmap> {
    let file = File::open(path)?;
    // SAFETY: the benchmark's capture is written once before the run and not modified while mapped;
    // a concurrent truncation would be a SIGBUS, as for any mmap reader.
    Ok(unsafe { Mmap::map(&file)? })
}

fn print_counts(pass: Pass, file_bytes: usize) {
    println!(
        "{{\"id\":\"parser.counts\",\"packets\":{},\"captured_bytes\":{},\"file_bytes\":{}}}",
        pass.packets, pass.captured_bytes, file_bytes
    );
}

/// Only the packet and byte counts (the cross-check with the Java reader).
pub fn count_only(path: &str) -> Result<()> {
    let map = map(path)?;
    let pass = zero_copy(&map)?;
    print_counts(pass, map.len());
    Ok(())
}

pub fn run(path: &str, quick: bool) -> Result<()> {
    let map = map(path)?;
    let data: &[u8] = &map;
    let bytes = data.len() as f64;
    let first = zero_copy(data)?;
    let copied = copying(data)?;
    if (first.packets, first.captured_bytes) != (copied.packets, copied.captured_bytes) {
        return Err(Box::new(Malformed("zero-copy and copying walkers disagree".into())));
    }
    print_counts(first, data.len());
    let (warmup, runs) = if quick { (2, 5) } else { (5, 11) };
    let timed = |f: fn(&[u8]) -> Result<Pass>| {
        let t = Instant::now();
        let pass = f(data).expect("validated above");
        std::hint::black_box(pass.checksum);
        t.elapsed().as_secs_f64()
    };
    let mut packets_per_s = Vec::new();
    measure("parser.zero_copy.gbps", "GB/s", warmup, runs, || {
        let s = timed(zero_copy);
        packets_per_s.push(first.packets as f64 / s / 1e6);
        bytes / s / 1e9
    });
    packets_per_s.drain(..warmup);
    packets_per_s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{{\"id\":\"parser.zero_copy.mrecords\",\"unit\":\"Mrecords/s\",\"median\":{},\"min\":{},\"max\":{},\"runs\":{}}}",
        packets_per_s[packets_per_s.len() / 2],
        packets_per_s[0],
        packets_per_s[packets_per_s.len() - 1],
        runs
    );
    measure("parser.copying.gbps", "GB/s", warmup.min(2), runs, || bytes / timed(copying) / 1e9);
    Ok(())
}
