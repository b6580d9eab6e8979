# Sourced by the Makefile's recipes and the scripts: the pinned tool
# versions, where the per-user cache keeps them, and the PATH that finds
# them. Each is pinned because the others are built against it: Trunk's
# arguments and hooks are what the build stages expect (README, "How the
# build works").
TRUNK_VERSION=0.21.14
# The CLI must be the wasm-bindgen crate's version to the patch
# (Cargo.toml pins the crate).
WASM_BINDGEN_VERSION=0.2.130
# wasm-split (the crate wasm_split_cli_support), for the release build's
# split files: scripts/wasm-split-shim/wasm-bindgen.
WASM_SPLIT_VERSION=0.2.4
CERTLINK_TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/certlink/tools"
TRUNK_ROOT="$CERTLINK_TOOLS/trunk-$TRUNK_VERSION"
WBG_ROOT="$CERTLINK_TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION"
SPLIT_ROOT="$CERTLINK_TOOLS/wasm-split-$WASM_SPLIT_VERSION"
CERTLINK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The wasm-split shim first: the wasm-bindgen Trunk finds there runs
# wasm-split, then the real one ($WBG_ROOT/bin/wasm-bindgen).
export PATH="$CERTLINK_ROOT/scripts/wasm-split-shim:$TRUNK_ROOT/bin:$WBG_ROOT/bin:$CERTLINK_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Never let a test tool fetch a browser: Playwright uses Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
