# Mestring: `make run` starts the whole system, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
# uv installs exactly what uv.lock pins (docs/adr/0001-lockfile.md). It lives in
# its own small virtualenv, so that syncing .venv never removes it.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
# Use this machine's Python (3.11+); never download one.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
NPM_STAMP := frontend/node_modules/.installed
SPA_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/package.json
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)

.PHONY: run test install lock spa chromium pango lint openapi clean help fuzz

help:
	@echo "make run    start Mestring on http://127.0.0.1:$${MESTRING_PORT:-8000} (embedded PostgreSQL, demo data)"
	@echo "make test   run the whole test suite (Python, frontend units, end-to-end in Chromium)"
	@echo "make fuzz   fuzz every service's OpenAPI, directly and through the gateway (FUZZ_EXAMPLES=20)"
	@echo "make demo   grow the demo data of make run to a municipality of INHABITANTS=N (SEED=1)"
	@echo "make bench  load test through the one origin (BENCH_SIZES=10000,100000); writes docs/performance.md"
	@echo "make backup / make restore   dump every service database to BACKUP_DIR, or restore it"
	@echo "make lint   the lockfile, ruff (check and format), mypy, import contracts, eslint, tsc"
	@echo "make lock   regenerate uv.lock from pyproject.toml (LOCK_ARGS=--upgrade to move to newer versions)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --frozen: install what uv.lock says, never re-resolve (`make lint` checks the
# lock still matches pyproject.toml).
$(PY_STAMP): uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --quiet --python $(PYTHON)
	@touch $@

lock: | $(UV)
	$(UV) lock $(LOCK_ARGS)

$(NPM_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(PY_STAMP) $(NPM_STAMP)

frontend/dist/index.html: $(NPM_STAMP) $(SPA_SOURCES)
	cd frontend && npm run build

spa: frontend/dist/index.html

# Debian's Chromium drives the end-to-end tests (no browser download needed).
chromium:
	@if [ -z "$(CHROMIUM)" ]; then \
	  echo "installing Debian's chromium for the end-to-end tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# weasyprint (decision letters as PDF) needs Pango from Debian.
pango: $(PY_STAMP)
	@if ! $(PY) -c "import weasyprint" >/dev/null 2>&1; then \
	  echo "installing Debian's Pango for PDF letters"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
	fi

# MESTRING_WORKERS=2 make run: each service and the gateway with two worker processes.
run: install pango spa
	$(PY) -m dev.run

test: lint install pango spa chromium
	cd frontend && npm test --silent
	$(PY) -m pytest

# A municipality of INHABITANTS generated in bulk into the data of `make run`
# (MESTRING_DATA_DIR, default .data), e.g. `make demo INHABITANTS=100000 SEED=1`.
# Back up / restore `make run`'s service databases (pg_dump/pg_restore of the embedded
# PostgreSQL; docs/operations.md). BACKUP_DIR defaults to .data/backups; restore
# loads into new databases named restored_<service>.
.PHONY: backup restore
BACKUP_DIR ?= .data/backups
backup: $(PY_STAMP)
	$(PY) -m dev.backup dump --out $(BACKUP_DIR)
restore: $(PY_STAMP)
	$(PY) -m dev.backup restore --from $(BACKUP_DIR)

.PHONY: demo
INHABITANTS ?= 10000
SEED ?= 1
demo: install
	$(PY) -m dev.demo --inhabitants $(INHABITANTS) --seed $(SEED)

# Load through the one origin on generated municipalities (BENCH_SIZES=10000,100000);
# writes docs/performance.md. BENCH_NOTE says what else ran on the machine; also read:
# BENCH_SECONDS (per phase), BENCH_USERS (closed loop), BENCH_RATE (open loop, req/s),
# BENCH_DATA_DIR (kept per size), MESTRING_WORKERS (per service; default the CPUs, ≤ 4).
.PHONY: bench
BENCH_SIZES ?= 10000
bench: install
	BENCH_SIZES=$(BENCH_SIZES) $(PY) -m dev.bench --note "$(BENCH_NOTE)"

# The bounded run is part of `make test` (tests/test_fuzz.py); this one runs longer, with
# fresh random examples each time.
FUZZ_EXAMPLES ?= 20
fuzz: install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_RANDOM=1 MESTRING_TEST_LOG_LEVEL=CRITICAL \
	  $(PY) -m pytest tests/test_fuzz.py -p no:logging -q

openapi: $(PY_STAMP)
	$(PY) -m dev.export_openapi
	cd frontend && npm run gen:api

# Every check runs, and the target fails if any did.
LINT_CHECKS := \
	"$(UV) lock --check --quiet" \
	"$(VENV)/bin/ruff check shared services tests dev" \
	"$(VENV)/bin/ruff format --check shared services tests dev" \
	"$(VENV)/bin/mypy" \
	"$(VENV)/bin/lint-imports" \
	"cd frontend && npm run --silent lint" \
	"cd frontend && npm run --silent typecheck"

lint: install
	@failed=0; for check in $(LINT_CHECKS); do \
	  echo "lint: $$check"; \
	  ( eval "$$check" ) || { echo "lint FAILED: $$check"; failed=1; }; \
	done; exit $$failed

clean:
	rm -rf $(VENV) $(TOOLS) frontend/node_modules frontend/dist
