"""Small builders for tests that need records without running the parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.ids import article_id, record_id
from gaiko.types import Actor, Article, CodedArticle, Event, SentenceRecord


def make_coded(text: str, published: str = "2025-11-01", n_events: int = 2) -> CodedArticle:
    aid = article_id(text)
    art = Article(text=text, id=aid, published=published, title=text[:20], source="test wire")
    sents = [SentenceRecord(index=0, start=0, end=len(text), text=text)]
    events = []
    for i in range(n_events):
        etype = ("CONSULT", "ACCUSE", "ASSAULT")[i % 3]
        events.append(Event(
            id=record_id("ev", aid, 0, i, etype), article_id=aid, sentence_index=0, sentence=text,
            event_type=etype, trigger=text.split()[1], trigger_start=len(text.split()[0]) + 1,
            trigger_end=len(text.split()[0]) + 1 + len(text.split()[1]),
            context=["diplomatic"], cameo={"CONSULT": "04", "ACCUSE": "11", "ASSAULT": "19"}[etype],
            goldstein={"CONSULT": 1.0, "ACCUSE": -2.0, "ASSAULT": -10.0}[etype],
            quad_class={"CONSULT": 1, "ACCUSE": 3, "ASSAULT": 4}[etype],
            source=Actor("Japan", 0, 5, name="Japan", country="JPN", sector="GOV", resolved_by="country", confidence=0.9),
            target=Actor("China", 10, 15, name="China", country="CHN", sector="GOV", resolved_by="country", confidence=0.9),
            date=published, pattern="test", confidence=0.8, coder_version="test",
        ))
    return CodedArticle(article=art, sentences=sents, events=events, coder_version="test")


class FakeCoder:
    """Codes without a parser: two events per article. Fails on texts containing 'EXPLODE'."""

    def __init__(self) -> None:
        self.calls = 0

    def code_articles(self, articles):
        for a in articles:
            yield self.code_article(a)

    def code_article(self, a: Article) -> CodedArticle:
        self.calls += 1
        if "EXPLODE" in a.text:
            raise RuntimeError("parser crashed")
        c = make_coded(a.text, a.published or "2025-11-01")
        c.article.origin = a.origin
        return c


class CrashingCoder(FakeCoder):
    """A FakeCoder whose process dies (as if killed or out of memory) on texts containing 'CRASH'."""

    def code_article(self, a: Article) -> CodedArticle:
        if "CRASH" in a.text:
            import os

            os._exit(3)
        return super().code_article(a)


def crashing_coder() -> CrashingCoder:
    """Picklable factory for worker processes (``code_into_store(coder_factory=...)``)."""
    return CrashingCoder()


def crashing_parser():
    """Picklable factory of a real coder whose process dies while parsing a batch with a text containing 'CRASH'
    (for runs whose workers only parse)."""
    from gaiko.coder import Coder

    class CrashingParser(Coder):
        def parse_batch(self, articles):
            if any("CRASH" in a.text for a in articles):
                import os

                os._exit(3)
            return super().parse_batch(articles)

    return CrashingParser()


def events_of(coder, text: str):
    """The events ``coder`` codes in ``text`` as a one-sentence article dated 2025-06-02 (the kinds tests' date)."""
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published="2025-06-02")).events


def primary_type(coder, text: str) -> str | None:
    """The PLOVER type of the primary event of ``text`` (None when nothing is coded)."""
    from gaiko.evaluate.scoring import primary

    p = primary(events_of(coder, text))
    return p.event_type if p is not None else None


def show_events(coder, text: str) -> list[tuple]:
    """(type, confidence, trigger, pattern) of every event of ``text``: what a failing kinds test prints."""
    return [(e.event_type, e.confidence, e.trigger, e.pattern) for e in events_of(coder, text)]


_EMPTY_STORE: list[Path] = []
_FOLDER: list[Path] = []


def new_store(path: Path | str) -> str:
    """A new, empty store at ``path`` (which must not exist): a copy of one store this process created once with
    ``Store()``, migrations and all. Creating a store runs every migration (about half a second); a test whose subject
    is not the creation itself (a ledger, a coding run) starts from this copy instead. Returns the path as text."""
    import shutil

    path = Path(path)
    assert not path.exists() and not Path(str(path) + ".wal").exists(), path
    shutil.copyfile(empty_store_template(), path)
    return str(path)


def empty_store_template() -> Path:
    """The empty store :func:`new_store` copies, created on the first call (tests/conftest.py's session fixture
    ``_empty_store_template`` calls this before any test, so no test's monkeypatch is live when it is made)."""
    from gaiko.store import Store

    if not _EMPTY_STORE:
        first = _empty_folder() / "empty.duckdb"
        Store(first).close()
        assert not Path(str(first) + ".wal").exists()
        _EMPTY_STORE.append(first)
    return _EMPTY_STORE[0]


def memory_connect(real_connect):
    """``gaiko.store.opening.connect`` for the tests: a new in-memory store (``Store(":memory:")``) starts as a copy
    of :func:`empty_store_template` (DuckDB's ``COPY FROM DATABASE``: about 0.15 s) instead of running every
    migration in memory (about 0.45 s a store; the cluster tests make hundreds). Every other path is
    ``real_connect``'s. The copy has the same tables, columns, defaults, constraints, indexes and ``meta`` rows as a
    store migrated afresh (checked by tests/test_store_template_ci57.py)."""
    template = str(empty_store_template())
    assert "'" not in template, template

    def connect(path, read_only=False):
        con = real_connect(path, read_only)
        if path == ":memory:" and not read_only:
            con.execute(f"ATTACH '{template}' AS gaiko_template (READ_ONLY)")
            con.execute("COPY FROM DATABASE gaiko_template TO memory")
            con.execute("DETACH gaiko_template")
        return con

    return connect


def code_here(mp, coder, rules=None) -> None:
    """Set (with ``mp``, a ``pytest.MonkeyPatch``) ``gaiko code`` and ``run_code`` of this test or module to code in
    this process with ``coder`` (the session's) where they would start a worker process that loads spaCy and the
    models again (~10-15 s a run on the loaded CI machine): the coded rows are the same. A run given its own coder,
    ``--actors``, a ``coder_factory`` or a ``--type-model`` (GAIKO_TYPE_MODEL) keeps its worker as before, except
    ``--type-model rules`` when ``rules`` is given (a callable returning the session's ``rules_coder``, the coder such
    a worker builds). For tests whose subject is not the worker process (round ci57); the summary's ``workers`` reads
    0 (coded here)."""
    import os

    import gaiko.coding as coding
    from gaiko.pipeline.typemodel import ENV_VAR

    real = coding.code_into_store

    def code(store, items, *args, coder=None, actor_files=(), coder_factory=None, **kw):
        if coder is None and not actor_files and coder_factory is None:
            spec = os.environ.get(ENV_VAR)
            if not spec:
                coder = here
            elif spec == "rules" and rules is not None:
                coder = rules()
        return real(store, items, *args, coder=coder, actor_files=actor_files, coder_factory=coder_factory, **kw)

    here = coder
    mp.setattr(coding, "code_into_store", code)


def _empty_folder() -> Path:
    """A folder of this process's own, removed when it exits: where the stores copied per test are made once."""
    import atexit
    import os
    import shutil
    import tempfile

    if not _FOLDER:
        folder, pid = Path(tempfile.mkdtemp(prefix="gaiko-test-stores-")), os.getpid()
        _FOLDER.append(folder)
        # removed by the process that made it only (a forked child that exits normally leaves it to its parent)
        atexit.register(lambda: os.getpid() == pid and shutil.rmtree(folder, True))
    return _FOLDER[0]


def ledger_entries(tmp_path, coder, articles: list[dict]) -> list[dict]:
    """Code ``articles`` (JSONL records) into a fresh store under ``tmp_path`` and return the ledger's entries
    (:func:`gaiko.tracking.ledger`)."""
    import json

    from gaiko.coding import run_code
    from gaiko.store import Store
    from gaiko.tracking import ledger

    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    db = new_store(tmp_path / "t.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    with Store(db, read_only=True) as st:
        return ledger(st)


def ledger_statuses(tmp_path, coder, articles: list[dict]) -> dict[str, str]:
    """Code ``articles`` (JSONL records) into a fresh store under ``tmp_path`` and return the ledger's
    ``{action: status}``."""
    return {e["action"]: e["status"] for e in ledger_entries(tmp_path, coder, articles)}


def pledge_story(tmp_path, coder, pledge: str, reports: list[str]) -> dict[str, str]:
    """A storyline of one pledge article (2026-02-02, "Wire A") and later reports (one article each, a month apart
    from April, "Wire B"), coded and tracked: the ledger's ``{action: status}`` (:func:`ledger_statuses`).

    Mind the dates: a report that names a month after its own ("paid in May" as report 0, published 10 April) is
    read as that month of the year before, before the pledge, and so is unrelated; as report 1 (11 May) it is not.
    That, not the store's size, is why such a report linked only after a filler (round p61)."""
    return {e["action"]: e["status"] for e in pledge_story_entries(tmp_path, coder, pledge, reports)}


def pledge_story_entries(tmp_path, coder, pledge: str, reports: list[str]) -> list[dict]:
    """The storyline of :func:`pledge_story` (same articles and dates), as the ledger's whole entries."""
    arts = [{"id": "p1", "published": "2026-02-02", "source": "Wire A", "text": pledge}]
    arts += [{"id": f"r{k}", "published": f"2026-0{4 + k}-1{k}", "source": "Wire B", "text": text}
             for k, text in enumerate(reports)]
    return ledger_entries(tmp_path, coder, arts)


def one_entry(entries: list[dict], verb: str) -> dict:
    """The one ledger entry whose action starts with ``verb`` (asserts there is exactly one)."""
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert len(mine) == 1, [(e["action"], e["status"]) for e in entries]
    return mine[0]


def status_of(got: dict[str, str], verb: str) -> str:
    """The status of the one ledger entry whose action starts with ``verb`` (asserts there is exactly one)."""
    mine = [s for a, s in got.items() if a.startswith(verb)]
    assert len(mine) == 1, got
    return mine[0]


def two_event_store(path):
    """A store at ``path`` holding two coded articles of Japan (an accusation of China, talks hosted for India), the
    export tests' fixture; returns ``path``."""
    from gaiko.store import Store

    with Store(new_store(path)) as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3),
                       make_coded("Japan hosted India for talks on maritime security.", "2025-11-10", 1)])
    return path


def parse_source(source: str):
    """``ast.parse``, tried again on CPython 3.11's spurious ``SystemError: AST constructor recursion depth mismatch``
    (see python/cpython#106905): helpers' full runs under load hit it on sources that parse alone; each parse starts
    its depth count afresh, so a second try reads the file. Any other SystemError is raised."""
    import ast

    for _ in range(4):
        try:
            return ast.parse(source)
        except SystemError as e:
            if "recursion depth mismatch" not in str(e):
                raise
            err = e
    raise err



def pledge_rows(coder, text: str, published: str = "2026-09-14") -> list[tuple[str | None, str, str]]:
    """(actor country, kind, action) per pledge the coder extracts from one article of ``text``."""
    (res,) = coder.code_articles([Article(text=text, published=published)])
    return [(p.actor.country, p.kind, p.action) for p in res.pledges]


def reference_clusters(*arts) -> dict[str, str]:
    """The in-memory reference clustering (the rules, as ``load_rules()`` gives them) of ``arts``:
    ``trigger@published/outlet`` -> cluster id."""
    from gaiko.clusters.core import cluster_mentions
    from gaiko.clusters.rules import load_rules
    from gaiko.clusters.update import mention_rows

    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


def use_invented_towns(tmp_path, monkeypatch, towns: list[tuple[str, str, str, int]]) -> None:
    """The clusters' town lookup reads ``towns`` ((key, name, country, population) rows) in place of GeoNames."""
    from gaiko.actors.gazetteer import Towns
    from gaiko.clusters import towns as towns_mod

    path = tmp_path / "towns.tsv"
    path.write_text("# invented towns for tests\n" + "".join(
        f"{k}\t{n}\t{c}\t01\t1.0\t2.0\t{p}\t0\n" for k, n, c, p in sorted(towns)), encoding="utf-8")
    gazetteer = Towns(path)
    monkeypatch.setattr(towns_mod, "_gazetteer", lambda: gazetteer)


def cli_code_store(articles: list[dict], db: Path | str, coder=None) -> str:
    """Code ``articles`` (gaiko's JSONL records) into the store ``db`` through the CLI, as a user types
    ``gaiko code feed.jsonl --db DB``; the feed is written beside the store. Returns the store's path. With ``coder``
    (the session's), the run codes in this process (:func:`code_here`) instead of starting a worker process."""
    import json

    from gaiko.cli import main

    db = Path(db)
    feed = db.with_name(db.stem + "-feed.jsonl")
    feed.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        if coder is not None:
            code_here(mp, coder)
        with pytest.raises(SystemExit) as exc:
            main(["code", str(feed), "--db", str(db)])
    assert exc.value.code == 0
    return str(db)


def cli_json(cli, *args: object):
    """Run a CLI command through the ``cli`` fixture; assert it succeeded and return its stdout read as JSON."""
    import json

    code, out, err = cli(*args)
    assert code == 0, err
    return json.loads(out)
