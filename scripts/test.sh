#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every kind of test,
# stopping at the first failure, and sums up the counts per kind.
set -euo pipefail
cd "$(dirname "$0")/.."

# A clean run writes about 3.5 GB (build tools aside); short of disk, the
# linker dies of SIGBUS mid-build, which names nothing. Said first instead.
free_gb=$(df -Pk . | awk 'NR == 2 { print int($4 / 1048576) }')
if [ "${free_gb:-0}" -lt 5 ]; then
  printf '== warning: %s GB free here; a clean `make test` needs about 3.5 GB\n' "$free_gb" >&2
fi

scripts/tools.sh test
source scripts/env.sh

logs=target/test-logs
mkdir -p "$logs"
summary=()
total_passed=0

# Runs one step, keeping its output, and adds its test count (read from
# the runner's own closing lines) to the summary.
step() {
  local name="$1"; shift
  printf '\n== %s: %s\n' "$name" "$*"
  if ! "$@" 2>&1 | tee "$logs/$name.log"; then
    printf '\n== %s FAILED (log: %s/%s.log)\n' "$name" "$logs" "$name"
    exit 1
  fi
}

count_cargo() { # sums "test result: ok. N passed" lines
  grep -Eo 'test result: ok\. [0-9]+ passed' "$logs/$1.log" | awk '{ s += $4 } END { print s + 0 }'
}

record() { # name count
  summary+=("$(printf '%-12s %5s passed' "$1" "$2")")
  total_passed=$((total_passed + $2))
}

step fmt cargo fmt --check
step clippy cargo clippy --all-targets --locked -- -D warnings
# The release app's code behind its split points (the `split` feature).
step clippy-split cargo clippy --locked --target wasm32-unknown-unknown --features split --bin certlink -- -D warnings
step native cargo test --locked
record native "$(count_cargo native)"
step browser cargo test --locked --target wasm32-unknown-unknown --test browser --test browser_storage
record browser "$(count_cargo browser)"
step build trunk build --release --locked
step reproducible node scripts/reproducible.mjs dist
record reproducible 1
# The SCORM 1.2 package `make scorm` builds; scorm.spec.ts serves it as a
# learning platform would.
step scorm node scripts/scorm.mjs dist target/certlink-scorm.zip
step e2e npx playwright test --config tests/e2e/playwright.config.ts
record e2e "$(grep -Eo '^ *[0-9]+ passed' "$logs/e2e.log" | grep -Eo '[0-9]+' | tail -1)"
step budget node scripts/budget.mjs dist
record budget 1

printf '\n== Summary\n'
printf '  %s\n' "${summary[@]}"
echo "tests: $total_passed passed, 0 failed"
