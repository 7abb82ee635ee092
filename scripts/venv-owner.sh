#!/usr/bin/env bash
# Whether this checkout owns the virtual environment $VENV (default .venv), so that scripts/bootstrap.sh and
# scripts/setup-browser.sh may install into it (round p51). Prints nothing and exits 0 when it does: the venv does
# not exist yet, has no gaiko, or has gaiko installed as an editable install of this checkout, or gaiko installed
# otherwise (a wheel: bootstrap replaces it as it always did). Exits 3 and prints the other checkout's path when the
# venv's gaiko is an editable install of another checkout: a git worktree whose .venv links to the main checkout's,
# or VENV naming another checkout's venv. Such a venv is shared: installing this checkout into it would point every
# other user of it at this checkout's code. GAIKO_VENV_OWN=1 claims it anyway (exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"

if [ "${GAIKO_VENV_OWN:-0}" = "1" ] || [ ! -x "$VENV/bin/python" ]; then
  exit 0
fi
py="$(cd "$(dirname "$VENV/bin/python")" && pwd)/python"
# where the venv's gaiko was installed from (its PEP 610 direct_url.json), read in isolated mode (-I: neither
# PYTHONPATH nor this directory on the path), from /
from="$(cd / && "$py" -I -c '
import json
from importlib import metadata
try:
    d = metadata.distribution("gaiko")
except metadata.PackageNotFoundError:
    raise SystemExit(0)
info = json.loads(d.read_text("direct_url.json") or "{}")
url = info.get("url", "")
if info.get("dir_info", {}).get("editable") and url.startswith("file://"):
    from urllib.parse import unquote, urlparse
    print(unquote(urlparse(url).path))
' 2>/dev/null || true)"
if [ -z "$from" ]; then
  exit 0
fi
here="$(pwd -P)"
there="$(cd "$from" 2>/dev/null && pwd -P || echo "$from")"
if [ "$here" = "$there" ]; then
  exit 0
fi
echo "$there"
exit 3
