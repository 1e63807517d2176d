#!/usr/bin/env bash
# Fuzz smoke test: builds the fuzz targets in fuzz/ and runs each for a short time from its
# committed seeds (fuzz/seeds/<target>/, copied to a temporary corpus so the repo is not touched).
# Exits non-zero when a target crashes (panic, failed check, timeout, out of memory) and prints
# where the crashing input was written and how to reproduce it. fuzz/README.md: longer runs.
#
# Environment:
#   FUZZ_SECONDS=20           seconds per target
#   FUZZ_TARGETS="ingest datetime engine"
#   FUZZ_SANITIZER=none       or address (works on stable through RUSTC_BOOTSTRAP, ≈4× slower;
#                             the crate forbids unsafe code, so panics are what is looked for)
#   FUZZ_TARGET_DIR=fuzz/target
#   FUZZ_TIMEOUT=10           seconds one input may take (raise it on a loaded machine)
#   FUZZ_SEED                 libFuzzer's seed: 1 under CI (CI=true), so that a failure there is
#                             reproduced here with the same seed; otherwise 0 (a new one each run)
#
# cargo-fuzz needs nightly-only rustc flags (-Z...): RUSTC_BOOTSTRAP=1 lets the stable toolchain
# accept them. It is set for cargo-fuzz's builds only.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
if [ "${CI:-}" = "true" ]; then seed="${FUZZ_SEED:-1}"; else seed="${FUZZ_SEED:-0}"; fi
read -r -a targets <<<"${FUZZ_TARGETS:-ingest datetime engine}"
sanitizer="${FUZZ_SANITIZER:-none}"
target_dir="${FUZZ_TARGET_DIR:-$PWD/fuzz/target}"

# cargo-fuzz, once (≈2 min to build): skipped when it is already installed. Pinned: the newest
# release may need a newer rustc than the machine's (1.95), and a run must not depend on the day.
FUZZ_VERSION=0.13.2
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz $FUZZ_VERSION"
    cargo install cargo-fuzz --version "$FUZZ_VERSION" --locked ||
        cargo install cargo-fuzz --version "$FUZZ_VERSION"
fi

export RUSTC_BOOTSTRAP=1
fuzz_args=(--sanitizer "$sanitizer" --debug-assertions --target-dir "$target_dir")

echo "fuzz-smoke: building ${targets[*]} (sanitizer: $sanitizer)"
for target in "${targets[@]}"; do
    cargo fuzz build "${fuzz_args[@]}" "$target"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
for target in "${targets[@]}"; do
    corpus="$work/corpus-$target"
    mkdir -p "$corpus"
    cp fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
    log="$work/$target.log"
    echo "fuzz-smoke: $target for ${seconds}s (seed $seed)"
    status=0
    cargo fuzz run "${fuzz_args[@]}" "$target" "$corpus" -- -seed="$seed" \
        -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 >"$log" 2>&1 || status=$?
    stats="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
    if [ "$status" -eq 0 ]; then
        echo "fuzz-smoke: $target ok: ${stats:-no stats}"
        continue
    fi
    failed+=("$target")
    echo "fuzz-smoke: $target FAILED (exit $status); the end of its log:" >&2
    tail -n 60 "$log" >&2
    # libFuzzer: "Test unit written to <path>" for crashes, timeouts and out-of-memory inputs.
    inputs="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")"
    if [ -n "$inputs" ]; then
        while IFS= read -r input; do
            echo "fuzz-smoke: crashing input of $target: $input" >&2
            echo "fuzz-smoke: reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run ${fuzz_args[*]} $target $input" >&2
        done <<<"$inputs"
    else
        echo "fuzz-smoke: $target wrote no crashing input (a build or start-up failure?)" >&2
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz-smoke: FAILED: ${failed[*]} (inputs under fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz-smoke: ${#targets[@]} targets, ${seconds}s each, no crash"
