# Two commands from a fresh clone: `make site` and `make test`. See README.md.
# Every target is idempotent: stamp files make a second run skip the installs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM ?= chromium
PYTEST_ARGS ?=

.PHONY: site test lint serve bench venv node chromium java validate golden clean

## Python: a venv from the pinned requirements, the project installed editable.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

## npm tools pinned in package-lock.json (axe-core for the accessibility tests, lunr.js, the Nu
## HTML checker vnu-jar). Java comes first: vnu-jar's install script downloads a JDK when it
## finds no `java`.
$(NODE_STAMP): package.json package-lock.json | java
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

node: $(NODE_STAMP)

## Debian's chromium for the browser tests (never `playwright install`).
chromium:
	@if command -v $(CHROMIUM) >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "Chromium tidak ditemukan dan tidak bisa dipasang tanpa root."; \
	     echo "Pasang dulu: apt-get install -y chromium (sebagai root), lalu ulangi 'make test'."; exit 1; fi; \
	echo "Memasang chromium dari Debian ..."; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium

## Debian's Java runtime for the Nu HTML checker (tests/browser/test_html_valid.py).
java:
	@if command -v java >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "Java tidak ditemukan dan tidak bisa dipasang tanpa root."; \
	     echo "Pasang dulu: apt-get install -y default-jre-headless (sebagai root), lalu ulangi 'make test'."; exit 1; fi; \
	echo "Memasang Java (default-jre-headless) dari Debian ..."; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends default-jre-headless

validate: $(STAMP)
	$(PY) -m generator validate --content content

site: validate
	$(PY) -m generator build --content content --out site
	@echo
	@echo "Situs sudah dibangun di site/. Buka lewat server lokal:"
	@echo "  $(PY) -m http.server 8000 --bind 127.0.0.1 -d site"
	@echo "lalu buka http://127.0.0.1:8000/ (atau 'make serve' untuk pratinjau langsung)."

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

## ruff with the rules in pyproject.toml ([tool.ruff.lint]); `make test` runs it first.
lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: lint $(NODE_STAMP) chromium
	$(PY) -m pytest $(PYTEST_ARGS)

## Rewrite tests/golden (the golden build of tests/fixtures/site) after an intended change in
## the output; tests/golden/test_golden.py compares every build with it. Review `git diff tests/golden`.
golden: $(STAMP)
	$(PY) -m tests.golden update

bench: $(STAMP) $(NODE_STAMP) chromium
	$(PY) -m bench

clean:
	rm -rf site .pytest_cache .bench test-results
