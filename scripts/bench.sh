#!/usr/bin/env bash
# The benchmarks, in one command: the engine natively (cargo bench) and the page in headless
# Chromium against Papa Parse and DuckDB-WASM on the same generated 100 MB Zendesk export.
# Figures, not pass/fail: see bench/browser/README.md for what each one means.
#
#   bash scripts/bench.sh            (BENCH_TICKETS, BENCH_REPEATS, ... as in bench/browser/run.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo build --release --bin helpdesk-kpi
[ -f dist/index.html ] || bash scripts/build-web.sh
[ -d bench/browser/node_modules ] || npm ci --prefix bench/browser --no-audit --no-fund

echo "== native engine (cargo bench --bench engine)"
cargo bench --bench engine
echo "== browser (bench/browser/run.mjs)"
node bench/browser/run.mjs
