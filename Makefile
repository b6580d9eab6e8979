# Certlink's two commands (see README.md):
#   make serve   install what is missing, build the release bundle, serve it
#   make test    install what is missing, run every test (scripts/test.sh)
SHELL := /bin/bash
PORT ?= 8080

.PHONY: serve test build tools scorm bench bench-rules bench-storage

tools:
	@scripts/tools.sh build

build: tools
	@source scripts/env.sh && trunk build --release --locked

# The release bundle as a SCORM 1.2 package for a learning platform:
# target/certlink-scorm.zip (scripts/scorm.mjs; README "Learning platforms").
scorm: build
	@source scripts/env.sh && node scripts/scorm.mjs dist target/certlink-scorm.zip

serve: build
	@source scripts/env.sh && node scripts/serve.mjs --root dist --port $(PORT)

test:
	@scripts/test.sh

# Not part of `make test`: sizes, Lighthouse 12.2.3, click-to-DOM, the
# first later page, the start, the 10,000-person views and storage, against
# the release dist/ (scripts/bench.mjs; docs/performance.md reads them).
bench: build
	@scripts/tools.sh test
	@source scripts/env.sh && node scripts/bench.mjs

# Not part of `make test`: criterion benchmarks of the rules (10,000 people).
bench-rules:
	cargo bench --locked --bench rules

# Not part of `make test`: a full save of 1,000 to 10,000 people, timed in
# headless Chromium (release build; each figure a median of several runs).
bench-storage:
	@scripts/tools.sh test
	@source scripts/env.sh && cargo test --release --locked --target wasm32-unknown-unknown --test bench_storage -- --nocapture 2>&1 | grep -E 'storage bench|test result|^error|panicked'
