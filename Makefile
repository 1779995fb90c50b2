# Flash Apps: one sentence in, a small working, tested app out.
# `make run` and `make test` install what is missing first; `make help` lists every target.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
HOST ?= 127.0.0.1
IDEAS ?= ../shared/eval/ideas-dev.jsonl
PROVIDER ?= offline

.DEFAULT_GOAL := help
.PHONY: help install engine sandbox-image models run test test-fast lint format bench eval clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies

engine: ## install bubblewrap/debootstrap/docker.io if missing and start a Docker engine
	@bash sandbox/engine.sh || { [ "$$CI" = "true" ] && echo "CI needs a Docker engine" && exit 1; true; }

sandbox-image: $(STAMP) engine ## build the sandbox image when its recipe changed (tagged by content hash)
	@if docker info >/dev/null 2>&1; then $(BIN)/python -m sandbox.image build; else echo "no Docker engine: skipping the image"; fi

models: $(STAMP) ## the local model server (pinned wheel) and the 0.5B model, checked by sha256, for the real-model tests
	@$(BIN)/python -m generator.localmodel install local-small || { [ "$$CI" = "true" ] && echo "CI needs the local-small model" && exit 1; echo "no local model: the real-model tests will be skipped"; }

run: $(STAMP) sandbox-image ## start the studio (PORT) and its apps on their own origin (the next port); HOST=0.0.0.0 serves a class on the network
	@$(BIN)/flashapps studio --host $(HOST) --port $(PORT)

test: $(STAMP) sandbox-image models ## run every test (fails when a test fails or none ran)
	$(BIN)/python -m pytest -n auto --dist loadgroup

test-fast: $(STAMP) ## the tests that do not run generated bundles
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP) ## ruff (check + format) and mypy; ruff on every component template as a bundle carries it
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@rm -rf build/lint-components
	$(BIN)/python -m generator.render --every-component build/lint-components
	$(BIN)/ruff check --no-cache build/lint-components
	$(BIN)/ruff format --check --no-cache build/lint-components
	$(BIN)/ruff check --isolated --no-cache build/lint-components
	$(BIN)/ruff format --isolated --check --no-cache build/lint-components

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

BENCH_ARGS ?=
EVAL_ARGS ?=
CLUSTER_ARGS ?=

bench: $(STAMP) sandbox-image ## speed and memory figures into bench/results/latest.{json,md} (BENCH_ARGS=--small)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

.PHONY: cluster
cluster: $(STAMP) ## a small cluster on 127.0.0.1 (PostgreSQL, 2 replicas behind nginx, 2 sandbox hosts, workers): a burst through the API with 1, 2, 4 workers and four faults, into bench/results/cluster.{json,md} (CLUSTER_ARGS="--ideas 60")
	$(BIN)/python -m bench.cluster $(CLUSTER_ARGS)

eval: $(STAMP) sandbox-image ## every idea in IDEAS (PROVIDER=offline|openai|local) to a verified, photographed app (EVAL_ARGS=--judge|--no-shots|--grades FILE)
	$(BIN)/python -m bench.eval --ideas $(IDEAS) --provider $(PROVIDER) $(EVAL_ARGS)

clean: ## remove caches and build leftovers (keeps .venv)
	rm -rf .mypy_cache .ruff_cache build *.egg-info
