# Kalan: the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= elearn.settings.dev
# pytest-xdist workers for `make test` (each gets its own test database and media folder).
PYTEST_WORKERS ?= 2

.PHONY: help run test lint format bench setup messages compile-messages h5p-player clean

help:
	@echo "make run    - install, migrate, load the starter content and demo accounts, serve on http://$(HOST):$(PORT)/"
	@echo "make test   - install what the tests need and run the whole suite"
	@echo "make lint   - ruff (lint and format check)"
	@echo "make bench  - page weight, SQL queries and throughput against a bare-Django reference line"

# The virtualenv is rebuilt when a requirements file changes.
$(VENV)/.runtime: requirements.txt
	@test -x $(PY) || { PYBIN=$$(scripts/find_python.sh) && echo "Creating $(VENV) with $$PYBIN" && $$PYBIN -m venv $(VENV); }
	@$(PY) -c 'import sys; assert sys.version_info >= (3, 12), "the .venv Python is older than 3.12: delete .venv and run again"'
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# The H5P player (npm h5p-standalone, pinned by package-lock.json; its install script fails, so
# --ignore-scripts) is copied into the git-ignored static/vendor/, where the player view and
# collectstatic find it. Rebuilt when the lock file changes.
PLAYER_DIST := static/vendor/h5p-standalone
$(PLAYER_DIST)/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(PLAYER_DIST)
	mkdir -p $(dir $(PLAYER_DIST))
	cp -R node_modules/h5p-standalone/dist $(PLAYER_DIST)
	@touch $@

h5p-player: $(PLAYER_DIST)/.installed

compile-messages: $(VENV)/.runtime
	@$(PY) scripts/compile_messages.py

setup: $(VENV)/.runtime compile-messages h5p-player
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py setup_demo

run: setup
	@echo ""
	@echo "  Kalan is starting at http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo ""
	$(VENV)/bin/gunicorn elearn.wsgi:application -c gunicorn.conf.py --bind $(HOST):$(PORT)

test: $(VENV)/.dev compile-messages h5p-player
	@scripts/ensure_chromium.sh
	DJANGO_SETTINGS_MODULE=elearn.settings.test $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(VENV)/.dev compile-messages h5p-player
	$(PY) bench/run.py

# Extract UI strings into the catalogues (needs GNU gettext; compiling them does not).
messages: $(VENV)/.runtime
	$(PY) manage.py makemessages -l fr -l en -l bm --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=tests --ignore=bench
	$(PY) manage.py makemessages -d djangojs -l fr -l en -l bm --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=tests --ignore=bench

clean:
	rm -rf staticfiles .test-media .pytest_cache static/vendor
