#!/usr/bin/env bash
# Builds the static page into dist/: the engine and UI as wasm (release), the wasm-bindgen glue,
# and www/. All URLs are relative, so dist/ works at / and under /<repo>/ on GitHub Pages.
# Besides the page's module (pkg/helpdesk_kpi*), the same crate is built three times more as the
# modules the worker loads only when a file or a setting needs them (build.rs, src/part.rs,
# README's "What the page loads, and when"): pkg/text* (legacy code pages and their detector),
# pkg/workbook* (the workbook readers) and pkg/zones* (the time zone database: a report in UTC
# needs none).
# The languages other than English are data the page fetches when chosen (i18n/).
set -euo pipefail
cd "$(dirname "$0")/.."

wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/helpdesk_kpi.wasm"
rm -rf dist
mkdir -p dist/pkg
# The function names are a seventh of the gzipped wasm: left out unless a profile needs them
# (KEEP_WASM_NAMES=1, for BENCH_PROFILE in bench/browser/run.mjs).
names=(--remove-name-section)
[ "${KEEP_WASM_NAMES:-0}" = 1 ] && names=()
# bindgen NAME: the module just built, as dist/pkg/NAME.js and dist/pkg/NAME_bg.wasm.
bindgen() {
  wasm-bindgen --target web --no-typescript --remove-producers-section "${names[@]}" \
    --out-dir dist/pkg --out-name "$1" "$wasm"
}
# Each build overwrites the same file: each is bound before the next starts.
for part in text workbook zones; do
  cargo build --lib --release --target wasm32-unknown-unknown --features "part-$part"
  bindgen "$part"
done
cargo build --lib --release --target wasm32-unknown-unknown
bindgen helpdesk_kpi
cp www/* dist/
# The languages other than English, fetched by the page when chosen (src/web/language.rs).
mkdir -p dist/i18n/engine
for code in zh-CN sk pl; do
  cp "src/i18n/$code.json" dist/i18n/
  cp "src/i18n/engine/$code.json" dist/i18n/engine/
done
# The service worker's cache is named after the build, so a new build replaces the old cache.
build_id=$(cd dist && find . -type f ! -name sw.js -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
sed "s/__BUILD_ID__/$build_id/" www/sw.js > dist/sw.js
echo "build-web: dist/ ready ($(du -sh dist | cut -f1))"
