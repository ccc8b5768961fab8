# Signpost. `make run` starts it on the embedded SQLite with no credentials; `make test` runs
# every test (on PostgreSQL too when SIGNPOST_TEST_POSTGRES_URL is set, as .ci/run does).
GO      ?= go
BIN     := bin/signpost
PKGS    := ./...
export SIGNPOST_DATABASE_URL ?= sqlite:data/signpost.db

.PHONY: all build run chat test vet content-check bench clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/signpost

run: build
	$(BIN) serve

chat: build
	$(BIN) chat

vet:
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || \
		{ echo "gofmt needed:"; gofmt -l .; exit 1; }

content-check: build
	$(BIN) content check

test: vet content-check
	$(GO) test -count=1 $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./bot/ ./flows/...

clean:
	rm -rf bin data
