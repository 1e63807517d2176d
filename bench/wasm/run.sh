#!/usr/bin/env bash
# The engine's refilter timed in Node's V8, without the page (src/web/bench.rs): the engine
# module built as the page's worker loads it ([profile.engine]) plus `benchRefilters`, then run
# on the benchmark's export. The browser benchmark's "refilter in the worker" adds what the page
# and the browser do beside the engine on the same two cores; this is the engine alone, and its
# parts one by one. Figures, not pass/fail.
#
#   bash bench/wasm/run.sh [FILE] [CHANNELS] [RUNS]
#     FILE      default target/bench/zendesk-500000.csv (made with `helpdesk-kpi sample` if missing)
#     CHANNELS  comma list, default chat,email,phone,web; the parts are those of the first
#     RUNS      default 10 (best and median of each)
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:-target/bench/zendesk-500000.csv}
channels=${2:-chat,email,phone,web}
runs=${3:-10}
target="${CARGO_TARGET_DIR:-target}"
out="$target/bench-wasm"
if [ ! -f "$file" ]; then
  cargo build --release --bin helpdesk-kpi
  mkdir -p "$(dirname "$file")"
  "$target/release/helpdesk-kpi" sample --tickets 500000 --out "$file.partial"
  mv "$file.partial" "$file"
fi
cargo build --lib --profile engine --target wasm32-unknown-unknown --features bench-wasm
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name engine \
  "$target/wasm32-unknown-unknown/engine/helpdesk_kpi.wasm"
node bench/wasm/refilters.mjs "$out" "$file" "$channels" "$runs"
