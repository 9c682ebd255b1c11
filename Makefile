# Two commands from a fresh clone: `make site` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test serve bench venv browser-deps clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

site: $(STAMP)
	$(PY) -m generator build --content content --out site
	@echo "Situs siap: buka site/index.html lewat server, mis. '$(PY) -m http.server -d site 8000'"

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf site .pytest_cache .bench
