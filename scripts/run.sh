#!/usr/bin/env bash
# Builds the page (installing what is missing) and serves www/ on http://localhost:8000/ with the
# example report loaded. Any static file server works the same: the page uses relative URLs only.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-wasm.sh
port="${PORT:-8000}"
echo "ReportLens: open http://localhost:$port/#example   (Ctrl-C stops the server)"
cd www
exec python3 -m http.server "$port" --bind 127.0.0.1
