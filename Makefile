# hirebench: the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run

TAGS     := webkit2_41
VERSION  := $(shell build/scripts/version.sh)
LDFLAGS  := -X hirebench/app.Version=$(VERSION)
BIN      := build/bin/hirebench
XDG_DATA_HOME ?= $(HOME)/.local/share
DEMO_DIR ?= $(XDG_DATA_HOME)/hirebench-demo
WAILS    := go tool wails
GO_SRC   := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './build/*') $(wildcard storage/migrations/*.sql) go.mod go.sum
FE_SRC   := $(shell find frontend/src -type f -not -name '*.test.ts') frontend/index.html frontend/vite.config.ts frontend/bundled-packages.ts frontend/package.json

.PHONY: run build dev test bench vet gotest aipeers fetest check e2e deps deps-test deps-dist clean soak fuzz fuzz-short dist distcheck FORCE

## run: install what is missing, build, and open the app on the demo workspace
run: build
	@$(BIN) --data-dir "$(DEMO_DIR)" demo
	@echo "opening hirebench on $(DEMO_DIR)"
	$(BIN) --data-dir "$(DEMO_DIR)"

## build: release binary in build/bin/hirebench
build: $(BIN)

deps:
	@build/scripts/deps.sh run

deps-test:
	@build/scripts/deps.sh test

deps-dist:
	@build/scripts/deps.sh dist

# The binary embeds VERSION: a new tag or commit rebuilds it even when no source changed.
build/bin/.version: FORCE
	@mkdir -p build/bin
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FE_SRC)
	cd frontend && npm run build

$(BIN): frontend/dist/index.html $(GO_SRC) build/bin/.version | deps
	$(WAILS) build -tags $(TAGS) -s -m -trimpath -ldflags "$(LDFLAGS)" -o hirebench
	@git checkout -q -- frontend/dist/.gitkeep 2>/dev/null || touch frontend/dist/.gitkeep

## dev: live-reloading app (Go bindings served at http://localhost:34115 too)
dev: frontend/node_modules/.package-lock.json | deps
	$(WAILS) dev -tags $(TAGS) -m

## test: vet, Go tests (race), the AI client against real API peers, frontend type check and tests, end-to-end in a real window
test: vet gotest aipeers fuzz-short check fetest e2e distcheck

# The Windows and macOS builds are vetted too, so a platform break shows on Linux
# (webkit2_41 only selects the Linux WebKitGTK; elsewhere it is harmless).
vet: | deps
	go vet -tags $(TAGS) ./...
	GOOS=windows go vet -tags $(TAGS) ./...
	GOOS=darwin go vet -tags $(TAGS) ./...

gotest: | deps-test
	HIREBENCH_PG=required go test -race -tags $(TAGS) -count=1 ./...
	go test -tags $(TAGS) -count=1 -run '^TestCrash' ./app/durability/

# Test-only npm tools, kept out of frontend/ so building the app does not fetch them. No install
# scripts: the only one in the tree is a telemetry ping.
build/aipeers/node_modules/.package-lock.json: build/aipeers/package-lock.json | deps-test
	cd build/aipeers && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

## aipeers: the OpenAI client against real API peers, Prism on the official spec (429 with Retry-After, 401)
## and mock-llm (SSE streams, canned replies); each started on a free local port and stopped after (part of test)
aipeers: build/aipeers/node_modules/.package-lock.json | deps-test
	build/scripts/ai-peers.sh

check: frontend/node_modules/.package-lock.json
	cd frontend && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings

fetest: frontend/node_modules/.package-lock.json
	cd frontend && npx vitest run

e2e: $(BIN) | deps-test
	build/scripts/e2e.sh

## bench: the performance budget on 100k candidates and 1M answers, each figure against a bare baseline in
## the same run (build/perf/); writes build/bench.json and docs/PERFORMANCE.md, lists missed targets, fails on a
## ratio >20% above docs/perf-reference.json. Takes minutes; the seeded workspace is kept in build/bench/.
bench: $(BIN) | deps-test
	go run -tags $(TAGS) ./build/perf

## bench-ai: the AI quality measures of docs/AI.md (quote fidelity, run agreement, estimate accuracy, the name-swap
## probe) against the mock, which checks the arithmetic and the plumbing, not a model, and against a real model
## when OPENAI_API_KEY is set (BENCH_AI_MODEL, BENCH_AI_BASE_URL, BENCH_AI_RESUMES, BENCH_AI_BUDGET); writes
## build/bench-ai.json and the summary in docs/AI.md. Not part of test.
.PHONY: bench-ai
bench-ai: | deps-test
	go run -tags $(TAGS) ./build/benchai

## soak: the crash test at length: a scorecard writer killed 2000 times (SOAK_KILLS=n for more or fewer;
## HIREBENCH_CRASH_SEED=s repeats a run)
SOAK_KILLS ?= 2000
soak: | deps-test
	HIREBENCH_SOAK_KILLS=$(SOAK_KILLS) go test -tags $(TAGS) -count=1 -timeout 3h -v -run '^TestCrash' ./app/durability/

## fuzz-short: every Go fuzz target for a few seconds each (part of test; FUZZTIME=10s for longer)
FUZZTIME ?= 4s
fuzz-short: | deps-test
	FUZZTIME=$(FUZZTIME) build/scripts/fuzz.sh

## fuzz: every Go fuzz target at length (FUZZ_LONG per target, 2m by default; FUZZ_ONLY=regexp picks targets)
FUZZ_LONG ?= 2m
fuzz: | deps-test
	FUZZTIME=$(FUZZ_LONG) build/scripts/fuzz.sh

## dist: the release artefacts in build/dist/ (Linux tarball and .deb, Windows exe and NSIS installer,
## SHA256SUMS), versioned from git tags (build/scripts/version.sh)
dist: $(BIN) | deps-dist
	VERSION='$(VERSION)' build/scripts/dist.sh

## distcheck: make dist, then run what can run here: the .deb and the tarball unpacked (version, demo),
## their dependencies against the binary, the Windows files' headers and resources, the checksums (part of test)
distcheck: dist
	go run ./build/distcheck -dir build/dist -version '$(VERSION)'

clean:
	rm -rf build/bin build/e2e build/dist frontend/dist/assets frontend/dist/index.html
