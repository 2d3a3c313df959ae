#!/usr/bin/env bash
# Installs what the tests need (when missing) and runs every test: formatting, lints, the Rust
# unit, property, corpus and CLI tests (release; the property and hostile-input tests also in a
# debug build, where integer overflow is caught), and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo test (release build of the CLI for the corpus tests)"
cargo build --release --bin reportlens
cargo test --release --workspace

echo "== property and hostile-input tests again in a debug build (arithmetic overflow panics there)"
cargo test --test properties --test properties_figures --test hostile

echo "== cargo clippy (the page's Wasm binding)"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

echo "== browser end-to-end tests (headless Chromium)"
# Debian's chromium (npx playwright cannot download a browser here) and a CJK font, so the page
# and its screenshot show Chinese text.
if ! command -v chromium >/dev/null || ! fc-list :lang=zh | grep -q .; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-wqy-microhei
fi
npm ci --no-audit --no-fund
./scripts/build-wasm.sh
REPORTLENS_SKIP_WASM=1 ./scripts/build-single.sh
# The tests serve www/ themselves on a free port; one file at a time (two cores).
node --test --test-concurrency=1 tests/e2e/

echo "all tests passed"
