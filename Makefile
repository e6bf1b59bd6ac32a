# Mestring: `make run` starts the whole system, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NPM_STAMP := frontend/node_modules/.installed
SPA_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/package.json
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)

.PHONY: run test install spa chromium pango lint typecheck openapi clean help

help:
	@echo "make run    start Mestring on http://127.0.0.1:$${MESTRING_PORT:-8000} (embedded PostgreSQL, demo data)"
	@echo "make test   run the whole test suite (Python, frontend units, end-to-end in Chromium)"
	@echo "make lint   ruff, mypy, tsc"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(PY_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

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

run: install pango spa
	$(PY) -m dev.run

test: install pango spa chromium
	cd frontend && npm test --silent
	$(PY) -m pytest

openapi: $(PY_STAMP)
	$(PY) -m dev.export_openapi
	cd frontend && npm run gen:api

lint: install
	$(PY) -m ruff check shared services tests
	$(PY) -m mypy shared services/*/domain
	cd frontend && npm run typecheck

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist
