#!/usr/bin/env bash
# Validates .github/workflows/*.yml against the GitHub-workflow JSON schema that
# check-jsonschema ships inside its package (no network needed).
# Needs .venv from scripts/setup.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CJS=.venv/bin/check-jsonschema
[[ -x "$CJS" ]] || { echo "check-workflows: $CJS missing: run bash scripts/setup.sh" >&2; exit 1; }
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
[[ ${#files[@]} -gt 0 ]] || { echo "check-workflows: no workflow files" >&2; exit 1; }
exec "$CJS" --builtin-schema vendor.github-workflows "${files[@]}"
