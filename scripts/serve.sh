#!/usr/bin/env bash
# Builds the page and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it).
# Opening it shows the dashboard of the generated sample export at once.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh web
bash scripts/build-web.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
