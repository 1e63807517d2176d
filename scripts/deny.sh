#!/usr/bin/env bash
# Supply-chain checks with cargo-deny (deny.toml): licences (permissive only), bans (duplicate
# versions are warnings) and sources (the default registry only, no git). Installs cargo-deny the
# first time (≈5 min on 2 idle cores; skipped when `cargo deny --version` works).
#
# Advisories (the RustSec database) are NOT checked: cargo-deny must clone that database from
# the internet, which this project's machines cannot reach (`cargo deny check advisories` fails
# at once, and with --offline it fails too as there is no local copy). Run
# `cargo deny check advisories` on a machine with internet access.
#
# The crate's own code is kept free of `unsafe` by `#![forbid(unsafe_code)]` in src/lib.rs and
# src/main.rs (checked by every build); this script checks that the lines are still there.
set -euo pipefail
cd "$(dirname "$0")/.."

for file in src/lib.rs src/main.rs; do
    if ! grep -qx '#!\[forbid(unsafe_code)\]' "$file"; then
        echo "deny: $file lacks #![forbid(unsafe_code)]" >&2
        exit 1
    fi
done
echo "deny: no unsafe code (#![forbid(unsafe_code)] in src/lib.rs and src/main.rs)"

# Pinned: the newest release may need a newer rustc than the machine's (1.95).
DENY_VERSION=0.20.2
if ! cargo deny --version >/dev/null 2>&1; then
    echo "deny: installing cargo-deny $DENY_VERSION"
    cargo install cargo-deny --version "$DENY_VERSION" --locked
fi

echo "deny: advisories SKIPPED: the RustSec advisory database cannot be fetched here (no internet" \
    "access); run 'cargo deny check advisories' where it can be"
cargo deny check --hide-inclusion-graph licenses bans sources
echo "deny: licenses, bans and sources ok (advisories not checked)"
