# Two commands do everything on a fresh machine:
#   make run   install, migrate, load the guide content, serve on 127.0.0.1:$(PORT)
#              with the background worker (reminders) beside it; Ctrl-C stops both
#   make test  install, then run every test (browser tests need /usr/bin/chromium)
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
PORT ?= 8000
UV = $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PYTEST_ARGS ?=

.PHONY: run test lint install uv migrate bench

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

install: uv
	@$(UV) sync --locked --quiet

migrate: install
	DEBUG=1 $(UV) run python manage.py migrate --no-input
	DEBUG=1 $(UV) run python manage.py load_guide

run: migrate
	DEBUG=1 $(UV) run python manage.py schedule_reminders
	@DEBUG=1 $(UV) run python manage.py db_worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	DEBUG=1 $(UV) run python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(UV) run pytest $(PYTEST_ARGS)

lint: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .
