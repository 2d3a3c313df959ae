//! Scaling: the corpus concatenated to 1, 10 and 100 MB, timed with the wall clock (best of a
//! few runs), with the peak resident memory of each analysis. Linear scaling means the MB/s
//! column stays flat.
//!
//! `cargo bench --bench scaling` (about half a minute).

mod common;

use std::time::{Duration, Instant};

/// Peak resident set size of this process in bytes (Linux), if known.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Resets the peak to the current resident size (Linux), so the next peak is the next run's.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    println!(
        "{:>8} {:>10} {:>9} {:>12} {:>14}",
        "input", "time", "MB/s", "peak memory", "peak / input"
    );
    for (mb, runs) in [(1usize, 5), (10, 3), (100, 1)] {
        let text = common::corpus_of_size(mb << 20);
        let mut best = Duration::MAX;
        let mut peak = 0;
        for _ in 0..runs {
            reset_peak_rss();
            let before = peak_rss().unwrap_or(0);
            let start = Instant::now();
            let report = reportlens::analyze(&text);
            best = best.min(start.elapsed());
            peak = peak.max(peak_rss().unwrap_or(0).saturating_sub(before));
            drop(report);
        }
        let size = text.len() as f64 / 1e6;
        println!(
            "{:>5} MB {:>8.3} s {:>9.1} {:>9.1} MB {:>13.2}x",
            mb,
            best.as_secs_f64(),
            size / best.as_secs_f64(),
            peak as f64 / 1e6,
            peak as f64 / text.len() as f64,
        );
    }
}
