#!/usr/bin/env bash
# Runs every test: formatting and lints, the engine's unit tests and the CLI's integration tests
# (fixtures, the bad-input corpus, property tests), the public data sets against an independent
# DuckDB computation, the workflow schema, the supply-chain checks, a fuzz smoke run, and the
# built page in headless Chromium against the CLI. Installs what it needs first (setup.sh; the
# deny and fuzz scripts install cargo-deny and cargo-fuzz themselves).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh || { echo "test: set-up failed"; exit 1; }

passed=0
failed=0
failures=()
# Each step's output is kept, so that a failed step's end is printed again after the summary:
# the end of a long run is what a reader (or a CI page showing the last lines) sees first.
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
failed_logs=()
step() {
  local name=$1
  shift
  local log="$logs/$((passed + failed)).log"
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$log"
  if [ "${PIPESTATUS[0]}" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
    failed_logs+=("$log")
  fi
}

step "format" cargo fmt --all -- --check
step "lint (native)" cargo clippy --locked --all-targets -- -D warnings
step "lint (wasm32)" cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings
for part in engine text workbook zones; do
  step "lint (wasm32, the $part module)" \
    cargo clippy --locked --lib --target wasm32-unknown-unknown --features "part-$part" -- -D warnings
done
step "lint (wasm32, the engine with its refilter bench)" \
  cargo clippy --locked --lib --target wasm32-unknown-unknown --features bench-wasm -- -D warnings
step "engine and CLI tests" cargo test --locked
step "release CLI" cargo build --locked --release --bin helpdesk-kpi
step "public data sets vs DuckDB" .venv/bin/python -m pytest -q -p no:cacheprovider tests/reference
step "workflow schema" bash scripts/check-workflows.sh
step "supply chain (licences, bans, sources; no unsafe)" bash scripts/deny.sh
step "fuzz smoke (ingest, datetime, engine)" bash scripts/fuzz-smoke.sh
step "page build" bash scripts/build-web.sh
step "page in headless Chromium" npm test --prefix tests/browser

echo
for i in "${!failures[@]}"; do
  echo "=== failed: ${failures[$i]}; the last 60 lines of its output:"
  tail -n 60 "${failed_logs[$i]}"
  echo
done
if [ "$failed" -gt 0 ]; then
  echo "failed steps: ${failures[*]}"
fi
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
