# gaiko: the two commands that do everything on a fresh machine
#   make run   - set up, code the bundled example corpus into out/example.duckdb, print events and pledges
#   make test  - set up (including headless Chromium for the browser tests) and run the whole test suite, on up to
#                4 pytest-xdist workers, one per core (TEST_WORKERS=0: serially, in this process)

VENV ?= .venv
GAIKO := $(VENV)/bin/gaiko
DB ?= out/example.duckdb
CORPUS ?= gaiko/examples/corpus.jsonl
# pytest-xdist workers for `make test`: `auto` is one per core, capped at 4 (each loads spaCy, ~1 GiB with the
# learned models); a test file runs whole on one worker (its module fixtures are built once)
TEST_WORKERS ?= auto

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
	$(VENV)/bin/python -m pytest -q $(if $(filter 0,$(TEST_WORKERS)),-p no:xdist,-n $(TEST_WORKERS) --maxprocesses=4 --dist loadfile)

bench: setup
	$(VENV)/bin/python -m benchmarks.run

clean:
	rm -rf out .pytest_cache
