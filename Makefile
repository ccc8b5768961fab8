# Signpost. `make run` starts it on the embedded SQLite with no credentials; `make test` runs
# every test (on PostgreSQL too when SIGNPOST_TEST_POSTGRES_URL is set, as .ci/run does).
GO      ?= go
BIN     := bin/signpost
PKGS    := ./...
export SIGNPOST_DATABASE_URL ?= sqlite:data/signpost.db

.PHONY: all build run chat test vet content-check chromium screenshots bench clean

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

test: vet content-check chromium
	$(GO) test -count=1 $(PKGS)

# The dashboard's browser tests drive Debian's chromium headless. Installed here when missing
# (as root); elsewhere they skip with a message, unless SIGNPOST_REQUIRE_BROWSER is set (CI).
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the browser tests (apt-get)"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		{ echo "could not install chromium"; [ -z "$$SIGNPOST_REQUIRE_BROWSER" ] || exit 1; }; \
	elif [ -n "$$SIGNPOST_REQUIRE_BROWSER" ]; then \
		echo "browser tests are required but /usr/bin/chromium is missing: apt-get install -y chromium"; exit 1; \
	else \
		echo "NOTE: /usr/bin/chromium is missing and cannot be installed here (not root): browser tests will be skipped."; \
	fi

# Screenshots of the dashboard for the README, taken by the browser test.
screenshots: chromium
	SIGNPOST_REQUIRE_BROWSER=1 SIGNPOST_SCREENSHOTS=$(CURDIR)/docs/screenshots \
		$(GO) test -count=1 -run TestBrowserHandoffJourney ./dashboard/

# Speed and memory: the Go benchmarks, then the load tool on SQLite and (when
# SIGNPOST_TEST_POSTGRES_URL is set) on PostgreSQL with one and three instances.
bench: build
	$(GO) test -run '^$$' -bench 'Engine|Step|Crisis' -benchmem ./bot/ ./flows/...
	$(GO) test -run '^$$' -bench Nudges -benchtime=1x -timeout 30m ./bot/
	$(BIN) loadtest --people 1000 --concurrency 32
	@if [ -n "$$SIGNPOST_TEST_POSTGRES_URL" ]; then \
		$(BIN) loadtest --people 1000 --concurrency 32 --database "$$SIGNPOST_TEST_POSTGRES_URL" && \
		$(BIN) loadtest --people 1000 --concurrency 64 --instances 3 --database "$$SIGNPOST_TEST_POSTGRES_URL"; \
	fi

clean:
	rm -rf bin data
