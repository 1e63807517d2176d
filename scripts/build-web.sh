#!/usr/bin/env bash
# Builds the static page into dist/: the engine and UI as wasm (release), the wasm-bindgen glue,
# and www/. All URLs are relative, so dist/ works at / and under /<repo>/ on GitHub Pages.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf dist
mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --out-dir dist/pkg \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/helpdesk_kpi.wasm"
cp www/* dist/
echo "build-web: dist/ ready ($(du -sh dist | cut -f1))"
