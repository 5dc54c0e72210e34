# Two commands set up everything: `make run` and `make test`. Each creates or refreshes
# .venv from pyproject.toml (a stamp file makes it quick when nothing changed) and installs
# the system tools the tests need (Chromium, espeak-ng, axe-core) when they are missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench venv summaries clean services

$(VENV)/.stamp-base: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e '.[test]'
	@touch $@

$(VENV)/.stamp-bench: pyproject.toml $(VENV)/.stamp-base
	$(PIP) install -e '.[test,bench]'
	@touch $@

# Debian's Chromium for the accessibility and keyboard tests (never `playwright install`).
/usr/bin/chromium:
	$(APT) update -qq
	$(APT) install -y -qq chromium

# espeak-ng: the optional `espeak` voice (the wheel of piper-tts carries its own data).
/usr/bin/espeak-ng:
	$(APT) update -qq
	$(APT) install -y -qq espeak-ng

# ffmpeg's ffprobe: the chapter test reads the MP3's chapters the way podcast apps do.
/usr/bin/ffprobe:
	$(APT) update -qq
	$(APT) install -y -qq ffmpeg

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

/usr/bin/wrk:
	-$(APT) install -y -qq wrk

# PostgreSQL 15 and Redis 7 on 127.0.0.1 for running at scale and for the `scale` tests:
# installed with apt when missing, started when down (there is no systemd), the role
# `briefing` (password `briefing`, CREATEDB) and its database made once. Quick when all is up.
# Redis keeps its snapshot in /var/lib/redis (never in the checkout).
PG_VERSION ?= 15
PG_AS_POSTGRES := $(if $(SUDO),sudo -u postgres sh -c,su postgres -c)
services:
	@command -v pg_ctlcluster >/dev/null && test -d /usr/lib/postgresql/$(PG_VERSION) || \
		{ $(APT) update -qq && $(APT) install -y -qq postgresql; }
	@command -v redis-server >/dev/null || { $(APT) update -qq && $(APT) install -y -qq redis-server; }
	@pg_isready -q -h 127.0.0.1 -p 5432 || { $(SUDO) pg_ctlcluster $(PG_VERSION) main start && \
		for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { $(SUDO) redis-server --daemonize yes --bind 127.0.0.1 --port 6379 \
		--dir "$$( [ -d /var/lib/redis ] && echo /var/lib/redis || echo /tmp )" \
		>/dev/null && for i in 1 2 3 4 5 6 7 8 9 10; do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.3; done; }
	@cd / && $(PG_AS_POSTGRES) "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'briefing'\"" | grep -q 1 || \
		$(PG_AS_POSTGRES) "psql -qc \"CREATE ROLE briefing LOGIN PASSWORD 'briefing' CREATEDB\""
	@cd / && $(PG_AS_POSTGRES) "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'briefing'\"" | grep -q 1 || \
		$(PG_AS_POSTGRES) "createdb -O briefing briefing"
	@echo "services: PostgreSQL on 127.0.0.1:5432 (postgresql://briefing:briefing@127.0.0.1:5432/briefing), Redis on 127.0.0.1:6379"

venv: $(VENV)/.stamp-base

# Brief every sample not briefed before, start the production server (waitress), print the URL.
run: $(VENV)/.stamp-base
	$(VENV)/bin/briefing serve --host $(HOST) --port $(PORT) --brief-samples samples

# The text pipeline alone: print the key points of every sample.
summaries: $(VENV)/.stamp-base
	@for f in samples/*.txt samples/*.html; do \
		[ -e "$$f" ] || continue; \
		echo "=== $$f"; \
		$(VENV)/bin/briefing summarize "$$f" || exit $$?; \
		echo; \
	done

test: $(VENV)/.stamp-base /usr/bin/chromium /usr/bin/espeak-ng /usr/bin/ffprobe node_modules/axe-core/axe.min.js
	$(PY) -m pytest

bench: $(VENV)/.stamp-bench /usr/bin/wrk
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache node_modules
