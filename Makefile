# gaiko: the two commands that do everything on a fresh machine
#   make run   - set up, code the bundled example corpus into out/example.duckdb, print events and pledges
#   make test  - set up (including headless Chromium for the browser tests) and run the whole test suite: on up to
#                4 pytest-xdist workers, one per core, then the tests marked `serial` (timed, real signals) alone
#                (TEST_WORKERS=0: everything serially, in one process)

VENV ?= .venv
# this checkout's code, also through a venv another checkout owns (a git worktree's .venv linked to the main
# checkout's, which scripts/bootstrap.sh leaves alone; round p51): PYTHONPATH names this checkout first
export VENV
RUN_ENV := PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}"
GAIKO := $(RUN_ENV) $(VENV)/bin/gaiko
DB ?= out/example.duckdb
CORPUS ?= gaiko/examples/corpus.jsonl
# pytest-xdist workers for `make test`: `auto` is one per core, capped at 4 (each worker loads spaCy and the models its
# tests use); a test file runs whole on one worker (its module fixtures are built once, its tests keep their order)
TEST_WORKERS ?= auto

.PHONY: run test setup bench clean

setup:
	@bash scripts/bootstrap.sh

# quiet (round n55): one line of what it does and where the store is, then each command as a user types it (`gaiko`
# after `. $(VENV)/bin/activate`), not the PYTHONPATH prefix it runs with
run: setup
	@mkdir -p out
	@rm -f $(DB) $(DB).wal
	@echo "make run: codes the example articles $(CORPUS) into a new store, $(DB), and lists its events and" \
	      "pledges (README.md, Using it: the same on your own articles)"
	@echo '$$ gaiko code $(CORPUS) --db $(DB)'
	@$(GAIKO) code $(CORPUS) --db $(DB)
	@echo '$$ gaiko events --db $(DB) --limit 15'
	@$(GAIKO) events --db $(DB) --limit 15
	@echo '$$ gaiko pledges --db $(DB)'
	@$(GAIKO) pledges --db $(DB)

test: setup
	@if [ -f scripts/setup-browser.sh ]; then bash scripts/setup-browser.sh; fi
ifeq ($(TEST_WORKERS),0)
	$(RUN_ENV) $(VENV)/bin/python -m pytest -q -p no:xdist
else
	@rc=0; \
	echo '$(VENV)/bin/python -m pytest -q -n $(TEST_WORKERS) --maxprocesses=4 --dist loadfile -m "not serial"'; \
	$(RUN_ENV) $(VENV)/bin/python -m pytest -q -n $(TEST_WORKERS) --maxprocesses=4 --dist loadfile -m "not serial" || rc=$$?; \
	echo '$(VENV)/bin/python -m pytest -q -p no:xdist -m serial'; \
	$(RUN_ENV) $(VENV)/bin/python -m pytest -q -p no:xdist -m serial || rc=$$?; \
	exit $$rc
endif

bench: setup
	$(RUN_ENV) $(VENV)/bin/python -m benchmarks.run

clean:
	rm -rf out .pytest_cache
