"""Shared fixtures. The spaCy model and the coder load once per test session.

A new test file (docs/rounds/ci.md, "Round ci57", the rule): code once per module (a module fixture; a test that changes
the store works on a copy); a new store is ``helpers.new_store(path)`` unless its creation is the subject; ``gaiko
code`` in this process takes ``code_here`` (or ``run_code(..., coder=coder)``) unless the worker, a signal,
``--workers``, ``--actors`` or ``--type-model`` is the subject; the session's ``coder``, never a second ``Coder()``; a
subprocess only where the real process is the subject."""

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


@pytest.fixture(scope="session", autouse=True)
def _empty_store_template():
    """The empty store that tests/helpers.py's ``new_store`` copies (creating a store runs every migration, about
    half a second a store): made once per process, first, before any test's monkeypatch is live. A new in-memory
    store (``Store(":memory:")``) starts as a copy of it too (helpers.memory_connect); a file store made with
    ``Store(path)`` is still created and migrated as ever."""
    import gaiko.store.opening as opening
    from helpers import empty_store_template, memory_connect

    template = empty_store_template()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(opening, "connect", memory_connect(opening.connect))
        yield template


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
def code_here(monkeypatch, coder, request):
    """``gaiko code`` in this test codes in this process with the session's coder (``--type-model rules``: the
    session's ``rules_coder``, built when first asked for) instead of starting a worker process that loads the models
    again (tests/helpers.py ``code_here``): for tests whose subject is not the worker."""
    from helpers import code_here as set_code_here

    set_code_here(monkeypatch, coder, rules=lambda: request.getfixturevalue("rules_coder"))


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


# -- the learned clustering steps' tests (tests/test_cluster_learned_c71.py, c73, c74): their shared header ----------


@pytest.fixture(params=[False, True], ids=["model", "scrambled"])
def scores(request, monkeypatch):
    """The learned pair model's probabilities: the shipped weights' (False) or tests/test_cluster_learned_c56.py's
    scrambled ones (True: the veto forbids many joins). A test file that defines its own ``scores`` uses that one."""
    from cluster_batches import scrambled_scores

    return scrambled_scores(request, monkeypatch)


@pytest.fixture()
def learned_rules(tmp_path, monkeypatch):
    """``learned_rules(near, veto=True, main_k98=False)``: the shipped clustering rules with the learned steps on,
    ``join_mode: last`` and ``join_near: near`` (tests/test_cluster_learned_c65.py's ``_rules_file``; ``main_k98``: with
    the ``join_days`` and ``reps`` shipped before round K99), made the rules the store's writer loads; returns them."""
    from cluster_batches import use_rules
    from test_cluster_learned_c65 import _rules_file

    def make(near, veto=True, main_k98=False):
        rules = _rules_file(tmp_path, near, veto=veto, main_k98=main_k98)
        use_rules(monkeypatch, rules)
        return rules

    return make


@pytest.fixture()
def counted(monkeypatch):
    """``counted(batches, reload_every, **flags)``: the cluster tables (tests/test_cluster_learned_c54.py's ``_full``)
    of an in-memory store the batches are written to in turn (tests/test_cluster_learned_c44.py's ``_store``; the
    writer's index dropped every ``reload_every`` batches, 0: never), with each named switch of
    ``gaiko.clusters.joinlast`` (``REACH``, ``SETTLE``, ``ADMIT``) set as given for this and later calls, and the
    join-last layer's counts (``joinlast.COUNTS``: "todo", "walked", "decided", "settled", "admitted", "why")."""
    import gaiko.clusters.joinlast as joinlast

    def run(batches, reload_every=0, **flags):
        from test_cluster_learned_c44 import _store
        from test_cluster_learned_c54 import _full

        for name, on in flags.items():
            assert hasattr(joinlast, name), name
            monkeypatch.setattr(joinlast, name, on)
        counts: dict = {}
        monkeypatch.setattr(joinlast, "COUNTS", counts)
        tables = _full(_store(batches, reload_every))
        monkeypatch.setattr(joinlast, "COUNTS", None)
        return tables, counts

    return run


@pytest.fixture()
def rules_mode(tmp_path_factory, monkeypatch):
    """The shipped clustering rules with ``learned.enabled: false`` (the rules alone) as the rules every caller of
    ``load_rules()`` gets (the store's writer, ``gaiko cluster eval``, a test's own ``load_rules()``), for the tests of
    the rules' own behaviour (a rule, a threshold, a unit's key) written before round c78 shipped the learned steps
    on. In this process only (a subprocess reads the shipped file). Returns the rules."""
    import gaiko.tables as tables
    from cluster_batches import shipped_text
    from gaiko.clusters.rules import load_rules

    p = tmp_path_factory.mktemp("rules-mode") / "clusters.yaml"
    p.write_text(shipped_text(enabled=False), encoding="utf-8")
    real = tables.data_path
    monkeypatch.setattr(tables, "data_path", lambda name: p if name == "clusters.yaml" else real(name))
    load_rules.cache_clear()
    rules = load_rules()
    assert not rules.learned.enabled and rules.path == str(p)
    yield rules
    load_rules.cache_clear()


@pytest.fixture(params=["shipped", "rules"])
def mode(request: pytest.FixtureRequest) -> str:
    """The shipped clustering (learned steps on) and the rules alone (``learned.enabled: false``, :func:`rules_mode`).
    A test module's own ``mode`` fixture overrides this one."""
    if request.param == "rules":
        request.getfixturevalue("rules_mode")
    return request.param
