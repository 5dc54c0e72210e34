# Two commands set up everything: `make run` and `make test`. Each creates or refreshes
# .venv from pyproject.toml (a stamp file makes it quick when nothing changed).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test bench venv clean

$(VENV)/.stamp-base: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e '.[test]'
	@touch $@

$(VENV)/.stamp-bench: pyproject.toml $(VENV)/.stamp-base
	$(PIP) install -e '.[test,bench]'
	@touch $@

venv: $(VENV)/.stamp-base

run: $(VENV)/.stamp-base
	@for f in samples/*.txt samples/*.html; do \
		[ -e "$$f" ] || continue; \
		echo "=== $$f"; \
		$(VENV)/bin/briefing summarize "$$f" || exit $$?; \
		echo; \
	done

test: $(VENV)/.stamp-base
	$(PY) -m pytest

bench: $(VENV)/.stamp-bench
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache
