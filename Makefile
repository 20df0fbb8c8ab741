# hirebench: the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run

TAGS     := webkit2_41
VERSION  := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X hirebench/app.Version=$(VERSION)
BIN      := build/bin/hirebench
XDG_DATA_HOME ?= $(HOME)/.local/share
DEMO_DIR ?= $(XDG_DATA_HOME)/hirebench-demo
WAILS    := go tool wails
GO_SRC   := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './build/*') $(wildcard storage/migrations/*.sql) go.mod go.sum
FE_SRC   := $(shell find frontend/src -type f -not -name '*.test.ts') frontend/index.html frontend/vite.config.ts frontend/package.json

.PHONY: run build dev test bench vet gotest fetest check e2e deps deps-test clean

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

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FE_SRC)
	cd frontend && npm run build

$(BIN): frontend/dist/index.html $(GO_SRC) | deps
	$(WAILS) build -tags $(TAGS) -s -m -trimpath -ldflags "$(LDFLAGS)" -o hirebench
	@git checkout -q -- frontend/dist/.gitkeep 2>/dev/null || touch frontend/dist/.gitkeep

## dev: live-reloading app (Go bindings served at http://localhost:34115 too)
dev: frontend/node_modules/.package-lock.json | deps
	$(WAILS) dev -tags $(TAGS) -m

## test: vet, Go tests (race), frontend type check and tests, end-to-end in a real window
test: vet gotest check fetest e2e

vet: | deps
	go vet -tags $(TAGS) ./...

gotest: | deps-test
	go test -race -tags $(TAGS) -count=1 ./...

check: frontend/node_modules/.package-lock.json
	cd frontend && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings

fetest: frontend/node_modules/.package-lock.json
	cd frontend && npx vitest run

e2e: $(BIN) | deps-test
	build/scripts/e2e.sh

## bench: search latency on a 100k-candidate workspace vs bare FTS5; 100k-row workbook vs a bare StreamWriter
bench: | deps
	go test -tags $(TAGS) -run '^$$' -bench . -benchtime 1x -count 1 ./storage/ ./exports/ | tee build/bench.txt

clean:
	rm -rf build/bin build/e2e frontend/dist/assets frontend/dist/index.html
