#!/usr/bin/env bash
# Checks that a change of the engine's insides changed none of its answers: the JSON report of
# a base commit (default: origin's main, else HEAD~1) and of the working tree, byte for byte, on
# the generated 100 MB export, every public data set, every export of tests/exports and
# tests/fixtures, alone and under settings and filters.
#
#   bash scripts/same-json.sh [BASE]        (SAME_JSON_TICKETS=500000 by default)
#
# Where the bytes differ, the two are compared again without message keys (`key`, `args`,
# `reason_key`, ...: what the base may not have yet), and counted apart.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=${1:-HEAD~1}
tickets=${SAME_JSON_TICKETS:-500000}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "same-json: building $base and the working tree (release CLIs)"
git worktree add --detach "$work/base" "$base" >/dev/null
# CARGO_TARGET_DIR is honoured (a worktree with a target directory of its own).
target=${CARGO_TARGET_DIR:-$root/target}
(cd "$work/base" && CARGO_TARGET_DIR="$target/same-json-base" cargo build --release --quiet --bin helpdesk-kpi)
cargo build --release --quiet --bin helpdesk-kpi
old="$target/same-json-base/release/helpdesk-kpi"
new="$target/release/helpdesk-kpi"

"$new" sample --seed 7 --tickets "$tickets" --out "$work/generated.csv"
inputs=("$work/generated.csv")
for f in ../shared/data/*/*.csv ../shared/data/*/*.xlsx tests/exports/*.csv tests/exports/*.xls* \
  tests/fixtures/*.csv tests/fixtures/*.xlsx tests/fixtures/vendors/*.csv; do
  [ -f "$f" ] && inputs+=("$f")
done

# Each input alone; the generated file also under settings and each filter.
runs=()
for f in "${inputs[@]}"; do runs+=("$f"); done
g="$work/generated.csv"
runs+=("$g --settings tests/fixtures/settings/targets_and_sla.json"
  "$g --channel email" "$g --from 2026-01-01 --to 2026-01-31" "$g --priority urgent --tag vip"
  "tests/fixtures/zendesk_small.csv tests/fixtures/freshdesk_small.csv")

without_keys() {
  python3 -c 'import json,sys
def strip(v):
    if isinstance(v, dict): return {k: strip(x) for k, x in v.items() if k not in ("key", "args") and not k.endswith(("_key", "_keys", "_args"))}
    if isinstance(v, list): return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.loads(sys.stdin.read() or "null")), sort_keys=True))'
}
same=0
keys_only=0
differ=0
for run in "${runs[@]}"; do
  # shellcheck disable=SC2086
  a=$("$old" report $run --format json 2>/dev/null || true)
  # shellcheck disable=SC2086
  b=$("$new" report $run --format json 2>/dev/null || true)
  if [ "$a" == "$b" ]; then
    same=$((same + 1))
  elif [ "$(without_keys <<<"$a")" == "$(without_keys <<<"$b")" ]; then
    keys_only=$((keys_only + 1))
  else
    differ=$((differ + 1))
    echo "DIFFERS: $run"
    diff <(echo "$a") <(echo "$b") | head -20
  fi
done
echo "same-json: $same byte-identical, $keys_only identical but for message keys, $differ different (base $base)"
[ "$differ" -eq 0 ]
