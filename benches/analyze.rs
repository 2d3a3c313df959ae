//! Throughput of `reportlens::analyze` on real reports and on pathological inputs.
//!
//! `cargo bench --bench analyze`; sample sizes are small so the whole run takes about a minute
//! on two cores.

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn real_reports(c: &mut Criterion) {
    let mut group = c.benchmark_group("real");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));

    let example = common::example();
    group.throughput(Throughput::Bytes(example.len() as u64));
    group.bench_function("example report", |b| {
        b.iter(|| reportlens::analyze(&example))
    });

    let corpus = common::corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(
        BenchmarkId::new("whole corpus", format!("{} files", corpus.len())),
        |b| {
            b.iter(|| {
                corpus
                    .iter()
                    .map(|t| reportlens::analyze(t).figures.len())
                    .sum::<usize>()
            })
        },
    );

    let big = common::corpus_of_size(10 << 20);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("corpus concatenated to 10 MB", |b| {
        b.iter(|| reportlens::analyze(&big))
    });
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let inputs = [
        ("1 MB of digits", common::digits_1mb()),
        ("1 MB without a line break", common::no_line_break_1mb()),
        ("100,000 headings", common::headings_100k()),
        ("100,000 figures", common::figures_100k()),
    ];
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| reportlens::analyze(text)));
    }
    group.finish();
}

criterion_group!(benches, real_reports, pathological);
criterion_main!(benches);
