#!/usr/bin/env bash
# Builds the static page into dist/: the UI and the engine as wasm (release), the wasm-bindgen
# glue, the sample's first report, and www/. All URLs are relative, so dist/ works at / and under
# /<repo>/ on GitHub Pages.
# The same crate is built five times (build.rs says which module a build makes; README's "What
# the page loads, and when"): the page's own module (pkg/helpdesk_kpi*: the UI, which draws a
# report), the engine its worker loads when the page first asks it for something (pkg/engine*:
# reading files, computing reports), and the modules the worker loads only when a file or a
# setting needs them (src/part.rs): pkg/text* (legacy code pages and their detector),
# pkg/workbook* (the workbook readers) and pkg/zones* (the time zone database: a report in UTC
# needs none). sample-report.json is the sample's report in the default settings, written by the
# native CLI: the page shows it at once, without the engine.
# The languages other than English are data the page fetches when chosen (i18n/).
set -euo pipefail
cd "$(dirname "$0")/.."

# The engine module's build, easy to change: its cargo profile (opt-level in Cargo.toml's
# [profile.engine], or CARGO_PROFILE_ENGINE_OPT_LEVEL=…) and extra rustc flags for it alone
# (e.g. ENGINE_RUSTFLAGS="-C target-feature=+simd128"; the profile's own directory keeps their
# builds apart from the other modules').
ENGINE_PROFILE=${ENGINE_PROFILE:-engine}
ENGINE_RUSTFLAGS=${ENGINE_RUSTFLAGS-}

target="${CARGO_TARGET_DIR:-target}"
wasm_dir="$target/wasm32-unknown-unknown"
rm -rf dist
mkdir -p dist/pkg
# The function names are a seventh of the gzipped wasm: left out unless a profile needs them
# (KEEP_WASM_NAMES=1, for BENCH_PROFILE in bench/browser/run.mjs).
names=(--remove-name-section)
[ "${KEEP_WASM_NAMES:-0}" = 1 ] && names=()
# bindgen NAME WASM: the module just built, as dist/pkg/NAME.js and dist/pkg/NAME_bg.wasm.
bindgen() {
  wasm-bindgen --target web --no-typescript --remove-producers-section "${names[@]}" \
    --out-dir dist/pkg --out-name "$1" "$2"
}
# Each build of the release profile overwrites the same file: each is bound before the next.
for part in text workbook zones; do
  cargo build --lib --release --target wasm32-unknown-unknown --features "part-$part"
  bindgen "$part" "$wasm_dir/release/helpdesk_kpi.wasm"
done
cargo build --lib --release --target wasm32-unknown-unknown
bindgen helpdesk_kpi "$wasm_dir/release/helpdesk_kpi.wasm"
RUSTFLAGS="${RUSTFLAGS:-} $ENGINE_RUSTFLAGS" \
  cargo build --lib --profile "$ENGINE_PROFILE" --target wasm32-unknown-unknown --features part-engine
bindgen engine "$wasm_dir/$ENGINE_PROFILE/helpdesk_kpi.wasm"
# The sample's report the page opens with, by the same engine natively.
cargo build --release --bin helpdesk-kpi
"$target/release/helpdesk-kpi" sample --page-report --out dist/sample-report.json
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
