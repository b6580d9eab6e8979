# Sourced by the Makefile's recipes and the scripts: the pinned tool
# versions (see ../shared/TOOLCHAIN.md for why each is pinned), where the
# per-user cache keeps them, and the PATH that finds them.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
CERTLINK_TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/certlink/tools"
TRUNK_ROOT="$CERTLINK_TOOLS/trunk-$TRUNK_VERSION"
WBG_ROOT="$CERTLINK_TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION"
CERTLINK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$TRUNK_ROOT/bin:$WBG_ROOT/bin:$CERTLINK_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Never let a test tool fetch a browser: Playwright uses Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
