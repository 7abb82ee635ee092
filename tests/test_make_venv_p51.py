"""Round p51, kind 4: ``make run`` (and ``make test``) in a git worktree whose ``.venv`` links to the main checkout's
must not reinstall gaiko into that shared venv: ``scripts/bootstrap.sh`` ran ``pip install -e .`` of the worktree
whenever the worktree's pyproject.toml was newer than the venv's stamp (always, in a new worktree), which pointed the
main checkout's venv, and everyone using it, at the worktree's code. The rule (scripts/venv-owner.sh): a venv whose
gaiko is an editable install of another checkout is that checkout's; bootstrap installs nothing into it and says so,
setup-browser.sh installs no selenium into it, and the make targets run this checkout's code through it
(``PYTHONPATH``). A new venv, one without gaiko and one whose gaiko is this checkout's are this checkout's, as before;
``GAIKO_VENV_OWN=1`` claims a shared one.

Each venv here is a real one (``python -m venv --without-pip``) holding only gaiko's metadata as pip writes it
(``direct_url.json``, PEP 610), so nothing is installed and nothing is downloaded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWNER = ROOT / "scripts" / "venv-owner.sh"


def _venv(path: Path, source: Path | None, editable: bool = True) -> Path:
    """A venv at ``path`` with gaiko's metadata installed from ``source`` (None: no gaiko at all)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    if source is not None:
        site = next(path.glob("lib/python3*/site-packages"))
        info = site / "gaiko-0.1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gaiko\nVersion: 0.1.0\n")
        (info / "direct_url.json").write_text(json.dumps(
            {"url": source.as_uri(), **({"dir_info": {"editable": True}} if editable else {"dir_info": {}})}))
    return path


def _run(script: Path, venv: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("GAIKO_VENV_OWN", "PYTHONPATH")}
    return subprocess.run(["bash", str(script)], capture_output=True, text=True, env={**clean, "VENV": str(venv), **env},
                          timeout=120)


def test_a_venv_another_checkout_installed_gaiko_into_is_shared(tmp_path: Path) -> None:
    other = tmp_path / "main-checkout"
    other.mkdir()
    venv = _venv(tmp_path / "venv", other)
    r = _run(OWNER, venv)
    assert r.returncode == 3 and r.stdout.strip() == str(other.resolve())
    link = tmp_path / "linked"  # a worktree's .venv: a link to the main checkout's
    link.symlink_to(venv)
    assert _run(OWNER, link).returncode == 3
    assert _run(OWNER, venv, GAIKO_VENV_OWN="1").returncode == 0  # claimed by hand


@pytest.mark.parametrize("case", ["this checkout", "no gaiko", "no venv", "not editable"])
def test_this_checkouts_own_venvs_are_installed_into_as_before(tmp_path: Path, case: str) -> None:
    if case == "no venv":
        venv = tmp_path / "absent"
    else:
        venv = _venv(tmp_path / "venv", {"this checkout": ROOT, "no gaiko": None, "not editable": tmp_path}[case],
                     editable=case != "not editable")
    r = _run(OWNER, venv)
    assert r.returncode == 0 and r.stdout == "", (case, r.stdout, r.stderr)


def test_bootstrap_installs_nothing_into_a_shared_venv(tmp_path: Path) -> None:
    other = tmp_path / "main-checkout"
    other.mkdir()
    venv = _venv(tmp_path / "venv", other)
    before = sorted(p.relative_to(venv) for p in venv.rglob("*"))
    r = _run(ROOT / "scripts" / "bootstrap.sh", venv)
    assert r.returncode == 0, r.stderr
    assert f"belongs to the checkout {other.resolve()}" in r.stderr and "nothing installed" in r.stderr
    assert "GAIKO_VENV_OWN=1" in r.stderr
    assert sorted(p.relative_to(venv) for p in venv.rglob("*")) == before  # no stamp, no pip, no gaiko of ours


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="setup-browser.sh would install Chromium first")
def test_setup_browser_installs_no_selenium_into_a_shared_venv(tmp_path: Path) -> None:
    other = tmp_path / "main-checkout"
    other.mkdir()
    venv = _venv(tmp_path / "venv", other)  # no selenium in it
    r = _run(ROOT / "scripts" / "setup-browser.sh", venv)
    assert r.returncode == 0, r.stderr
    assert "installing selenium" not in r.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_runs_this_checkouts_code_through_the_venv() -> None:
    r = subprocess.run(["make", "-n", "run", "VENV=/elsewhere/venv", "DB=/tmp/x.duckdb"], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    gaiko = [ln for ln in r.stdout.splitlines() if "/elsewhere/venv/bin/gaiko" in ln]
    assert len(gaiko) == 3 and all(ln.startswith(f'PYTHONPATH="{ROOT}') for ln in gaiko), gaiko
