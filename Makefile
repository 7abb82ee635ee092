# gaiko: the two commands that do everything on a fresh machine
#   make run   - set up, code the bundled example corpus into out/example.duckdb, print events and pledges
#   make test  - set up (including headless Chromium for the browser tests) and run the whole test suite

VENV ?= .venv
GAIKO := $(VENV)/bin/gaiko
DB ?= out/example.duckdb
CORPUS ?= gaiko/examples/corpus.jsonl

.PHONY: run test setup bench clean

setup:
	@bash scripts/bootstrap.sh

run: setup
	@mkdir -p out
	@rm -f $(DB) $(DB).wal
	$(GAIKO) code $(CORPUS) --db $(DB)
	$(GAIKO) events --db $(DB) --limit 15
	$(GAIKO) pledges --db $(DB)

test: setup
	@if [ -f scripts/setup-browser.sh ]; then bash scripts/setup-browser.sh; fi
	$(VENV)/bin/python -m pytest -q

bench: setup
	$(VENV)/bin/python -m benchmarks.run

clean:
	rm -rf out .pytest_cache
