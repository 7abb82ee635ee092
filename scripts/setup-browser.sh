#!/usr/bin/env bash
# Headless Chromium for gaiko's browser tests, from Debian's packages, plus the Selenium driver package.
# Idempotent: installs only what is missing. Never downloads a browser build of its own:
# Selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-browser: installing ${need[*]} (Debian packages)" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup-browser: need root (or sudo) to apt-get install ${need[*]}" >&2; exit 1
    fi
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# never into a venv another checkout owns (round p51: scripts/venv-owner.sh)
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c "import selenium" 2>/dev/null \
   && VENV="$VENV" bash scripts/venv-owner.sh >/dev/null; then
  echo "setup-browser: installing selenium into $VENV" >&2
  "$VENV/bin/python" -m pip install -q "selenium>=4.20"
fi

chromium --version 2>/dev/null | head -n1 >&2 || true
