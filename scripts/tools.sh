#!/usr/bin/env bash
# Installs, idempotently, every tool Certlink's build and tests need.
# Pinned tools live in a per-user cache keyed by tool and version, so a fresh
# clone, CI and a second checkout reuse them instead of compiling Trunk again.
# Usage: scripts/tools.sh [build|test]   (test also installs the browser)
set -euo pipefail

source "$(dirname "$0")/env.sh"
here="$CERTLINK_ROOT"
mode="${1:-build}"

say() { printf '[tools] %s\n' "$*" >&2; }

# What this script cannot install for the person: said first, plainly,
# rather than met ten minutes into a build.
for tool in rustup cargo cc make node npm; do
  command -v "$tool" >/dev/null || { say "missing: $tool (README, \"Before the two commands\")"; exit 1; }
done
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  say "Node.js $(node --version) is too old: Playwright needs 20 or newer (README, \"Before the two commands\")"
  exit 1
fi

# `make test` checks the formatting and runs clippy.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo install into ROOT.partial, moved to ROOT once complete: an
# interrupted install never looks installed. Usage: cached_install ROOT args...
#
# The build tools are compiled without optimisation, without LTO, in
# parallel codegen units and in one shared target directory (their common
# dependencies compile once): their own release profiles ask for fat LTO
# and one codegen unit, which is most of a cold build's time on two cores.
# What they write is the same byte for byte; they only run slower, by
# seconds on files the size of Certlink's.
cached_install() {
  local root="$1"; shift
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 \
  CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
  CARGO_PROFILE_RELEASE_DEBUG=false \
  CARGO_PROFILE_RELEASE_INCREMENTAL=false \
    cargo install "$@" --root "$root.partial" --target-dir "$CERTLINK_TOOLS/build"
  rm -rf "$root" && mv "$root.partial" "$root"
}

if [ ! -x "$TRUNK_ROOT/bin/trunk" ]; then
  say "installing trunk $TRUNK_VERSION into $TRUNK_ROOT (a few minutes, once per machine)"
  cached_install "$TRUNK_ROOT" trunk --version "$TRUNK_VERSION" --locked
fi

if [ ! -x "$WBG_ROOT/bin/wasm-bindgen" ] || [ ! -x "$WBG_ROOT/bin/wasm-bindgen-test-runner" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $WBG_ROOT"
  # Without --locked: its lock names a webpki-roots release the registry lacks.
  cached_install "$WBG_ROOT" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$SPLIT_ROOT/bin/wasm-split-cli" ]; then
  say "installing wasm-split (wasm_split_cli_support $WASM_SPLIT_VERSION) into $SPLIT_ROOT"
  cached_install "$SPLIT_ROOT" wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

rm -rf "$CERTLINK_TOOLS/build"

# npm ci is cheap to skip: only when the lock changed since the last install.
stamp="$here/node_modules/.certlink-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp"; then
  say "installing npm packages (binaryen, playwright, axe-core) with npm ci"
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  cp "$here/package-lock.json" "$stamp"
fi

if [ "$mode" = test ]; then
  # Root on CI and these machines; elsewhere, sudo if it is there.
  # unzip: the SCORM test reads the package with a reader of its own.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/unzip ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    say "installing Debian's chromium, chromium-driver and unzip"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver unzip >/dev/null
  fi
fi
say "ready"
