"""Shared fixtures. The spaCy model and the coder load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); it holds the reference article and gold data")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    from gaiko.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def rules_coder():
    """A coder whose event types come from the rule lexicons alone (no learned type model): for tests of
    the lexicons, frames, targets and dates themselves."""
    from gaiko.coder import Coder

    return Coder(type_model=False)


@pytest.fixture(scope="session")
def takaichi(shared_dir, coder):
    """The shared Takaichi–Trump article, coded once."""
    from gaiko.types import Article

    text = (shared_dir / "examples" / "takaichi-trump-call.txt").read_text(encoding="utf-8")
    return coder.code_article(Article(text=text, published="2025-10-26"))


@pytest.fixture()
def cli(capsys):
    """Run the gaiko executable's main() in this process: (exit code, stdout, stderr)."""
    from gaiko.cli import main

    def run(*args: object) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exc:
            main([str(a) for a in args])
        out = capsys.readouterr()
        return exc.value.code, out.out, out.err

    return run
