# ChannelHub — the same verbs for people and CI. `make help` lists them.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
# exact versions with hashes: requirements.lock (runtime, the image) and requirements-dev.lock
# (runtime + tools, make run/test); both refreshed from pyproject.toml by `make lock`
LOCK    := requirements-dev.lock
STAMP   := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | sha1sum | cut -c1-12)
# -qq: errors only (a machine's pip.conf may name index folders that do not exist; pip warns per package)
PIP     := $(BIN)/python -m pip --disable-pip-version-check -qq
UV      := uv==0.13.9
# uvicorn workers per service process (tools.serve --workers); 1 measured best on 2 cores (bench/README.md)
WORKERS ?= $(or $(CHANNELHUB_WORKERS),1)
COMPILE := $(BIN)/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.11 -q

.PHONY: help run test test-unit test-fast lint typecheck openapi migrate bench clean lock browser wrk einvoice-check chaos

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	@echo "installing the locked packages into $(VENV) …"
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(PIP) install --require-hashes --no-deps -r $(LOCK)
	@# the project itself, editable, built with the locked setuptools (no unpinned download)
	@$(PIP) install --no-deps --no-build-isolation -e .
	@# the partners' SDK, editable (its dependencies are in the dev lock): the tests import it
	@$(PIP) install --no-deps --no-build-isolation -e sdk/python
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

venv: $(STAMP) ## create .venv and install the project with its dev tools

run: $(STAMP) ## start PostgreSQL + broker (embedded unless configured), migrate, start every service and the gateway (DEMO=1: seed demo data)
	CHANNELHUB_WORKERS=$(WORKERS) $(BIN)/python -m tools.devstack run

browser: ## Debian's chromium + chromedriver for the dashboard's browser test (installed when missing; root)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ echo "installing chromium and chromium-driver (Debian) for the browser test …"; \
		  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

wrk: ## Debian's wrk, the benchmark's HTTP load generator (installed when missing; root)
	@command -v wrk >/dev/null || \
		{ echo "installing wrk (Debian) for the benchmark …"; \
		  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

test: $(STAMP) browser ## run every test against real PostgreSQL and the real broker
	$(BIN)/python -m pytest -q

test-unit: $(STAMP) ## the fast tier: pure domain rules and use cases against a real PostgreSQL (no broker, no services)
	$(BIN)/python -m pytest -q libs services tools sdk/python/tests/unit

test-fast: $(STAMP) ## the tests without the failure-injection ones
	$(BIN)/python -m pytest -q -m "not failure"

lint: $(STAMP) ## ruff (lint and format check)
	$(BIN)/ruff check libs services tools tests bench sdk/python
	$(BIN)/ruff format --check libs services tools tests bench sdk/python

typecheck: $(STAMP) ## mypy
	$(BIN)/mypy libs services tools
	$(BIN)/mypy sdk/python/channelhub_sdk sdk/python/generate.py

openapi: $(STAMP) ## regenerate openapi/gateway.json (services' routes), openapi/asyncapi.json (events) and the SDK's client
	$(BIN)/python -m services.gateway.openapi_merge --write
	$(BIN)/python sdk/python/generate.py

einvoice-check: $(STAMP) ## check e-invoices (UBL or CII) against the XSD and CEN EN 16931 rules: make einvoice-check FILE=invoice.xml
	$(BIN)/python -m services.billing.tests.einvoice.rules $(FILE)

migrate: $(STAMP) ## apply every service's migrations to DATABASE_URL (or the embedded server)
	$(BIN)/python -m tools.devstack migrate

bench: $(STAMP) wrk ## load benchmark through the gateway, straight to the service, and the database ceiling
	CHANNELHUB_WORKERS=$(WORKERS) $(BIN)/python -m bench.orders

chaos: $(STAMP) ## faults under load (not in make test): kill -9 every process, PostgreSQL restart, broker outage; reconciled (CHAOS_SECONDS=…)
	$(BIN)/python -m bench.chaos

lock: $(STAMP) ## refresh requirements.lock and requirements-dev.lock from pyproject.toml (exact versions, hashes)
	@$(PIP) install $(UV)
	$(COMPILE) -o requirements.lock
	$(COMPILE) --extra dev -o requirements-dev.lock

clean: ## remove the virtualenv and the embedded servers' data
	rm -rf $(VENV) .data
