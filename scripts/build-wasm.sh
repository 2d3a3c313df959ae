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

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/pdfjs-dist ]; then
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

# The file readers (PDF layout, Word .docx, OFD): a module of their own, which the page loads only
# when a document is opened, so the core's size and the first visit do not grow.
echo "== cargo build -p reportlens-files --profile wasm-release --target $target"
cargo build -p reportlens-files --lib --profile wasm-release --target "$target"
files_out=www/pkg-files
rm -rf "$files_out"
wasm-bindgen --target web --no-typescript --out-dir "$files_out" \
    "target/$target/wasm-release/reportlens_files.wasm"
files_wasm="$files_out/reportlens_files_bg.wasm"
node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$files_wasm" -o "$files_wasm.opt"
mv "$files_wasm.opt" "$files_wasm"
echo "files wasm: $(stat -c %s "$files_wasm") bytes, $(gzip -9 -c "$files_wasm" | wc -c) bytes gzipped ($files_wasm)"

# pdf.js (npm pdfjs-dist), self-hosted: its module, its worker, and the CMaps and standard font
# data it fetches for fonts that a PDF does not embed. Loaded only when a PDF is opened.
pdfjs=www/vendor/pdfjs
rm -rf "$pdfjs"
mkdir -p "$pdfjs"
cp node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs "$pdfjs/"
cp -r node_modules/pdfjs-dist/cmaps node_modules/pdfjs-dist/standard_fonts "$pdfjs/"
cp node_modules/pdfjs-dist/LICENSE "$pdfjs/LICENSE"
echo "pdf.js $(node -p "require('./node_modules/pdfjs-dist/package.json').version") copied to $pdfjs"
