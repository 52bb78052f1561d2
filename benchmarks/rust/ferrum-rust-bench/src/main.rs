// Copyright 2026 the Ferrum authors.
// SPDX-License-Identifier: Apache-2.0

//! Rust side of Ferrum's benchmark report, run on the same machine as the JMH suites.
//!
//! ```text
//! ferrum-rust-bench [--quick] [arena] [queue] [matrix] [units] [kv] [parser PCAP]
//! ```
//!
//! Prints one JSON object per line: `{"id":..,"unit":..,"median":..,"min":..,"max":..,"runs":..}` for
//! every measurement, and `{"id":"parser.counts","packets":..,"captured_bytes":..,"file_bytes":..}` for
//! the parser's cross-check with the Java reader.

mod arena;
mod harness;
mod kv;
mod matrix;
mod parser;
mod queue;
mod units;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let mut i = 0;
    let mut ran = false;
    while i < args.len() {
        match args[i].as_str() {
            "--quick" => {}
            "arena" => {
                arena::run(quick);
                ran = true;
            }
            "matrix" => {
                matrix::run(quick);
                ran = true;
            }
            "queue" => {
                queue::run(quick);
                ran = true;
            }
            "units" => {
                units::run(quick);
                ran = true;
            }
            "units-check" => {
                units::check(10);
                ran = true;
            }
            "kv" => {
                if let Err(e) = kv::run(quick) {
                    eprintln!("kv: {e}");
                    return ExitCode::from(1);
                }
                ran = true;
            }
            "parser" | "parser-count" => {
                let Some(path) = args.get(i + 1) else {
                    eprintln!("{}: missing the pcap file path", args[i]);
                    return ExitCode::from(2);
                };
                let result = if args[i] == "parser" {
                    parser::run(path, quick)
                } else {
                    parser::count_only(path)
                };
                if let Err(e) = result {
                    eprintln!("parser: {path}: {e}");
                    return ExitCode::from(1);
                }
                i += 1;
                ran = true;
            }
            other => {
                eprintln!("unknown argument '{other}'; usage: ferrum-rust-bench [--quick] [arena] [queue] [matrix] [units] [kv] [parser PCAP] [parser-count PCAP]");
                return ExitCode::from(2);
            }
        }
        i += 1;
    }
    if !ran {
        eprintln!("usage: ferrum-rust-bench [--quick] [arena] [queue] [matrix] [units] [kv] [parser PCAP] [parser-count PCAP]");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
