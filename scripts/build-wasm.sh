#!/usr/bin/env bash
# Builds the page's Wasm into www/pkg/: installs what is missing (the wasm32 target, the
# wasm-bindgen CLI of exactly the Cargo.lock version, the npm packages), compiles the core with the
# `wasm-release` profile (see Cargo.toml), generates the ES-module glue with `wasm-bindgen --target web`,
# optimises the module with wasm-opt (npm `binaryen`; Debian's wasm-opt writes modules that throw at
# start-up) and prints the gzipped size. Shared by scripts/run.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
if ! rustup target list --installed | grep -qx "$target"; then
    echo "== rustup target add $target"
    rustup target add "$target"
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock, or the generated glue refuses the
# module ("schema version … must exactly match"). No --locked: its bundled lockfile names a crate
# version some registries lack.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
    echo "build-wasm: no wasm-bindgen in Cargo.lock" >&2
    exit 1
fi
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$wb_version" ]; then
    echo "== cargo install wasm-bindgen-cli --version $wb_version"
    cargo install wasm-bindgen-cli --version "$wb_version"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
    echo "== npm ci"
    npm ci --no-audit --no-fund
fi

# bind OUT: generates the glue for the module just compiled into OUT, optimises the module and
# prints its size.
bind() {
    local out=$1
    rm -rf "$out"
    wasm-bindgen --target web --no-typescript --out-dir "$out" \
        "target/$target/wasm-release/reportlens.wasm"
    local wasm="$out/reportlens_bg.wasm"
    local before after gz
    before=$(stat -c %s "$wasm")
    node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
    after=$(stat -c %s "$wasm")
    gz=$(gzip -9 -c "$wasm" | wc -c)
    echo "wasm: $before bytes from rustc, $after after wasm-opt, $gz bytes gzipped ($wasm)"
}

# The comparison module (www/pkg-compare/), loaded by the page only in compare mode, is built
# first, so that the core module (www/pkg/) is what target/ holds afterwards.
echo "== cargo build --profile wasm-release --target $target --features compare-module"
cargo build --lib --profile wasm-release --target "$target" --features compare-module
bind www/pkg-compare

echo "== cargo build --profile wasm-release --target $target"
cargo build --lib --profile wasm-release --target "$target"
bind www/pkg
