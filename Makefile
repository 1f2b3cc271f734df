# Dateline. Everything installs from nothing: a virtual environment with pinned packages,
# and Debian's Chromium for the browser tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build serve check test lint bench clean

all: build

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Dateline's own modules compiled once to bytecode, as pip does for the packages it installs (a
# machine that sets PYTHONDONTWRITEBYTECODE would compile them again on every run: 50 ms each).
SOURCES := $(shell find dateline bench -name '*.py')
$(VENV)/.compiled: $(SOURCES) | $(BIN)/python
	$(BIN)/python -m compileall -q dateline bench
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

## build: build the bundled timeline from content/ into site/
build: $(VENV)/.runtime $(VENV)/.compiled
	$(BIN)/python build.py build

## serve: live preview on http://127.0.0.1:8000/ (rebuilds and reloads the browser on every save)
serve: $(VENV)/.runtime $(VENV)/.compiled
	$(BIN)/python build.py serve

## check: validate content/ and report every problem; write nothing
check: $(VENV)/.runtime $(VENV)/.compiled
	$(BIN)/python build.py check

## lint: ruff and mypy
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/mypy

## test: lint, type-check and run every test, browser tests included
test: lint $(CHROMIUM)
	$(BIN)/python -m pytest

## bench: measure speed (prints a table, then one JSON object as the last line)
bench: $(VENV)/.dev $(VENV)/.compiled $(CHROMIUM)
	$(BIN)/python -m bench.run

clean:
	rm -rf site .site-* .building-* .replaced-* .journal-* .dateline-cache .pytest_cache .mypy_cache .ruff_cache .hypothesis
