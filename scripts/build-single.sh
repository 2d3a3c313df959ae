#!/usr/bin/env bash
# Writes dist/reportlens.html: the whole page in one file (the Wasm, the scripts, the styles,
# the icon and the example report inlined) that works opened from disk (file://) with no
# network, for networks without internet and for sending by e-mail. Builds the Wasm first
# (scripts/build-wasm.sh) unless REPORTLENS_SKIP_WASM=1 and www/pkg/ is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${REPORTLENS_SKIP_WASM:-}" != 1 ] || [ ! -f www/pkg/reportlens_bg.wasm ]; then
    ./scripts/build-wasm.sh
fi
if [ ! -x node_modules/.bin/esbuild ]; then
    echo "== npm ci"
    npm ci --no-audit --no-fund
fi
node scripts/build-single.mjs
