#!/usr/bin/env bash
# Installs everything the build and the tests need. Idempotent: each step checks
# first, so a second run takes a few seconds and only prints "present" lines.
#
#   bash scripts/setup.sh        (from anywhere; works on the repo it lives in)
#   bash scripts/setup.sh web    (only what building the page needs: steps 1 and 2)
#
# Steps: rustup target wasm32-unknown-unknown · wasm-bindgen-cli (exact Cargo.lock
# version) · Chromium + chromedriver (Debian packages) · npm deps of tests/browser ·
# Python venv .venv (tests/reference/requirements.txt + scripts/requirements-tools.txt).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"

# --- 1. Rust target --------------------------------------------------------
command -v rustup >/dev/null || die "rustup not found (install Rust via rustup first)"
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "rust target wasm32-unknown-unknown present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- 2. wasm-bindgen-cli at the Cargo.lock version ---------------------------
[[ -f Cargo.lock ]] || die "Cargo.lock missing (run 'cargo generate-lockfile' once)"
WB_VERSION="$(awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  /^name = "wasm-bindgen"$/ { in_wb = 1; next }
  in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[[ -n "$WB_VERSION" ]] || die "no wasm-bindgen package in Cargo.lock"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have_wb" == "$WB_VERSION" ]]; then
  say "wasm-bindgen-cli $WB_VERSION present"
else
  say "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}; takes a few minutes)"
  # No --locked: the CLI's own lock file pins a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
  have_wb="$(wasm-bindgen --version | awk '{print $2}')"
  [[ "$have_wb" == "$WB_VERSION" ]] || die "wasm-bindgen --version says $have_wb, want $WB_VERSION"
fi

if [[ "${1:-}" == "web" ]]; then
  say "done (web build tools only)"
  exit 0
fi

# --- 3. Chromium + chromedriver ---------------------------------------------
# A Chinese font too, for the test screenshots only (the page ships no font): without one the
# 简体中文 screenshots show boxes and cannot be looked at.
has_cjk_font() { command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]]; }
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && has_cjk_font; then
  say "chromium present ($(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')), with a Chinese font"
else
  say "installing chromium + chromium-driver + a Chinese font (Debian packages)"
  SUDO=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install chromium, chromium-driver and fonts-wqy-zenhei by hand"
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei
  [[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium still missing after apt-get install"
fi

# --- 4. npm deps of the browser test ------------------------------------------
BROWSER_DIR=tests/browser
if [[ -f "$BROWSER_DIR/package-lock.json" ]]; then
  command -v npm >/dev/null || die "npm not found (install Node.js >= 20)"
  marker="$BROWSER_DIR/node_modules/.package-lock.json"   # written by npm ci
  if [[ -f "$marker" && ! "$BROWSER_DIR/package-lock.json" -nt "$marker" \
        && ! "$BROWSER_DIR/package.json" -nt "$marker" ]]; then
    say "npm deps of $BROWSER_DIR present"
  else
    say "installing npm deps of $BROWSER_DIR (npm ci)"
    npm ci --prefix "$BROWSER_DIR" --no-audit --no-fund --loglevel=error
    touch "$marker"
  fi
else
  say "warning: $BROWSER_DIR/package-lock.json missing; skipping npm deps"
fi

# --- 5. Python venv ---------------------------------------------------------------
VENV=.venv
REQS=()
for f in tests/reference/requirements.txt scripts/requirements-tools.txt; do
  if [[ -f "$f" ]]; then REQS+=("$f"); else say "warning: $f missing; skipping it"; fi
done
PY="${PYTHON:-python3}"
command -v "$PY" >/dev/null || die "$PY not found"
if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  say "creating Python venv $VENV"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.setup-stamp"
want_stamp="$( { "$VENV/bin/python" --version 2>&1; for f in "${REQS[@]}"; do echo "== $f"; cat "$f"; done; } \
  | sha256sum | awk '{print $1}')"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want_stamp" ]]; then
  say "python venv $VENV present ($(IFS=' '; echo "${REQS[*]}"))"
elif [[ ${#REQS[@]} -gt 0 ]]; then
  say "installing into $VENV: ${REQS[*]}"
  pip_args=()
  for f in "${REQS[@]}"; do pip_args+=(-r "$f"); done
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${pip_args[@]}"
  echo "$want_stamp" > "$stamp"
fi

say "done"
