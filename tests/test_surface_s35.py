"""Surface faults a newcomer found in round b35 (session 35): each test fails on the code before its fix."""

from __future__ import annotations

from pathlib import Path

from gaiko.ingest import read_inputs
from gaiko.types import Article, InputError

HEAD = "id,text,published,source\n"
GOOD = ["g1,Peru closed its border with Chile on Monday.,2025-11-03,PN\n",
        "g2,Japan thanked Korea for the aid on Tuesday.,2025-11-04,PN\n",
        "g3,Kenya recalled its envoy from Uganda on Friday.,2025-11-07,PN\n"]
UNCLOSED = ['b1,"Brazil expelled the envoy of Norway on Monday, published,2025-11-03,PN\n',
            'b2,"Egypt summoned the envoy of Spain,2025-11-05,PN\n']


def _read(tmp_path: Path, body: str) -> tuple[list[str], list[InputError]]:
    p = tmp_path / "feed.csv"
    p.write_text(HEAD + body)
    items = list(read_inputs([str(p)]))
    return ([a.external_id for a in items if isinstance(a, Article)],
            [i for i in items if isinstance(i, InputError)])


# -- F15: a CSV quote never closed took the good rows after it into its cell ----------------------------------------
def test_an_unclosed_quote_mid_file_loses_only_its_own_row(tmp_path: Path) -> None:
    ids, errs = _read(tmp_path, GOOD[0] + UNCLOSED[0] + GOOD[1] + GOOD[2])
    assert ids == ["g1", "g2", "g3"]
    (err,) = errs
    assert (err.reason, err.line, err.severity) == ("csv", 3, "error")
    assert "feed.csv" in err.path and "never closed" in err.detail and "close the quote" in err.detail
    assert "read from line 4" in err.detail and "Norway" in err.detail and "Japan" not in err.detail


def test_an_unclosed_quote_on_the_last_row(tmp_path: Path) -> None:
    ids, errs = _read(tmp_path, GOOD[0] + GOOD[1] + UNCLOSED[1])
    assert ids == ["g1", "g2"]
    assert [(e.reason, e.line) for e in errs] == [("csv", 4)]
    assert "close the quote" in errs[0].detail


def test_two_unclosed_quotes(tmp_path: Path) -> None:
    ids, errs = _read(tmp_path, UNCLOSED[0] + GOOD[0] + UNCLOSED[1] + GOOD[1] + GOOD[2])
    assert ids == ["g1", "g2", "g3"]
    assert [(e.reason, e.line) for e in errs] == [("csv", 2), ("csv", 4)]
    assert len({e.input_id for e in errs}) == 2


def test_a_quoted_field_over_several_lines_stays_one_record(tmp_path: Path) -> None:
    multi = 'm1,"Chile recalled its envoy\nfrom Peru, published,2025-11-03,PN\non Friday.",2025-11-07,PN\n'
    ids, errs = _read(tmp_path, GOOD[0] + multi + GOOD[1])
    assert ids == ["g1", "m1", "g2"] and errs == []
    # after a quote never closed too
    ids, errs = _read(tmp_path, UNCLOSED[0] + multi + GOOD[1])
    assert ids == ["m1", "g2"] and [(e.reason, e.line) for e in errs] == [("csv", 2)]


# -- F18: gaiko events --format json; the Python examples of README.md and docs/ run --------------------------------
def _coded_store(path: Path) -> Path:
    from helpers import FakeCoder

    from gaiko.ids import article_id
    from gaiko.runner import code_into_store
    from gaiko.store import Store

    with Store(path) as s:
        arts = [Article(text=f"Japan thanked China for the aid shipment, note {i}.", published=f"2025-11-0{i + 1}")
                for i in range(3)]
        for a in arts:
            a.id = article_id(a.text)
        code_into_store(s, arts, coder=FakeCoder(), track=False)
    return path


def test_events_take_format_json_as_one_array_of_the_jsonl_records(cli, tmp_path: Path) -> None:
    import json

    db = str(_coded_store(tmp_path / "news.duckdb"))
    code, out, err = cli("events", "--db", db, "--format", "jsonl")
    assert code in (0, None), err
    lines = [json.loads(x) for x in out.splitlines() if x.strip()]
    code, out, err = cli("events", "--db", db, "--format", "json")
    assert code in (0, None), err
    assert json.loads(out) == lines and lines
    code, out, err = cli("events", "--db", db, "--format", "xml")
    assert code == 2 and "json" in err and "jsonl" in err


def _python_blocks() -> list[tuple[str, int, str]]:
    import re

    root = Path(__file__).resolve().parents[1]
    out = []
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for m in re.finditer(r"^```python\n(.*?)^```", text, flags=re.M | re.S):
            out.append((doc.name, text.count("\n", 0, m.start()) + 1, m.group(1)))
    return out


def test_every_python_example_of_readme_and_docs_runs(tmp_path: Path, monkeypatch) -> None:
    """README's ``ev.source.country`` raised AttributeError on an event without a source (b35 F18). Each python
    block runs here, in a folder holding what it names (news.duckdb, my_triggers.yaml), with ``code_text`` giving
    an event without actors beside one with them."""
    import dataclasses
    import re

    from helpers import make_coded

    import gaiko

    blocks = _python_blocks()
    assert {name for name, _, _ in blocks} >= {"README.md"}
    monkeypatch.chdir(tmp_path)
    _coded_store(tmp_path / "news.duckdb")
    patterns = (Path(__file__).resolve().parents[1] / "docs" / "patterns.md").read_text(encoding="utf-8")
    (tmp_path / "my_triggers.yaml").write_text(re.search(r"^```yaml\n(.*?)^```", patterns, re.M | re.S).group(1))
    ev = make_coded("Peru thanked Chile for the aid.", "2025-11-20").events[0]
    monkeypatch.setattr(gaiko, "code_text", lambda *a, **k: [ev, dataclasses.replace(ev, source=None, target=None)])
    for name, line, code in blocks:
        if "gaiko.meaning" in code:
            from gaiko.meaning import available

            if not available():
                continue
        try:
            exec(compile(code, f"{name}:{line}", "exec"), {"__name__": "__doc_example__"})
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"the python example at {name}:{line} fails: {exc!r}") from exc


# -- F17: a syndicated copy (same text, another outlet) was skipped as "already in store" without a word ------------
def test_the_same_text_from_another_outlet_is_a_same_text_warning(tmp_path: Path) -> None:
    import json

    from helpers import FakeCoder as _Fake

    from gaiko.coding import run_code
    from gaiko.store import Store

    class FakeCoder(_Fake):  # keeps the outlet, as the real coder does
        def code_article(self, a):
            c = super().code_article(a)
            c.article.source = a.source
            return c

    text = "Peru recalled its ambassador from Chile on Friday."
    wire = {"id": "w-1", "published": "2026-05-02", "source": "Andes Wire", "text": text}
    other = {"id": "w-2", "published": "2026-05-02", "source": "Andes Wire", "text": "Bolivia thanked Peru for the aid."}
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in (wire, other)), encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    run_code([str(feed)], db=db, quiet=True, coder=FakeCoder())
    run_code([str(feed)], db=db, quiet=True, coder=FakeCoder())  # a rerun: the same outlet, nothing to say
    copy = tmp_path / "copy.jsonl"
    copy.write_text("".join(json.dumps(r) + "\n" for r in (
        {**wire, "id": "c-1", "source": "Copycat News"},   # a syndicated copy: skipped, with a warning
        {**wire, "id": "c-2", "source": " andes  wire "},  # the same outlet written otherwise: no warning
        {**wire, "id": "c-3", "source": None},             # no outlet: nothing lost, no warning
        {"id": "c-4", "published": "2026-05-03", "source": "Lima Daily", "text": "Chile thanked Peru for the aid."},
        {"id": "c-5", "published": "2026-05-03", "source": "Copycat News", "text": "Chile thanked Peru for the aid."},
    )), encoding="utf-8")
    run_code([str(copy)], db=db, quiet=True, coder=FakeCoder())
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 3
        aid = s.scalar("SELECT id FROM articles WHERE text = ?", [text])
        rows = s.query("SELECT path, line, severity, detail FROM errors WHERE reason = 'same_text' ORDER BY line")
    assert [(r["path"].rsplit("/", 1)[-1], r["line"], r["severity"]) for r in rows] == [
        ("copy.jsonl", 1, "warning"), ("copy.jsonl", 5, "warning")]
    assert "Copycat News" in rows[0]["detail"] and aid in rows[0]["detail"] and "Andes Wire" in rows[0]["detail"]
    assert "already stored" in rows[0]["detail"] and "earlier in this run" in rows[1]["detail"]
    assert "Lima Daily" in rows[1]["detail"] and "num_sources" in rows[1]["detail"]


# -- F16: a one-sentence record in French (Spanish, Portuguese, German) was coded, not refused as not English -------
import pytest  # noqa: E402

from gaiko.errors import InputRejected  # noqa: E402
from gaiko.ingest_checks import check_english  # noqa: E402


@pytest.mark.parametrize("text", [
    "Le Pérou a rappelé son ambassadeur au Chili mardi.",                 # fr
    "Le Kenya a fermé sa frontière avec l'Ouganda.",                     # fr
    "Perú llamó a consultas a su embajador en Santiago el martes.",      # es
    "El Perú cerró su frontera con Chile.",                              # es
    "O Peru chamou de volta o seu embaixador em Santiago na terça-feira.",  # pt
    "Peru hat am Dienstag seinen Botschafter aus Chile zurückgerufen.",  # de
])
def test_a_short_text_in_another_language_is_refused(text: str) -> None:
    with pytest.raises(InputRejected) as exc:
        check_english(text)
    assert exc.value.reason == "not_english" and "another language" in str(exc.value)


@pytest.mark.parametrize("text", [
    "Niger's Tchiani met Mali's Goita in Niamey.",
    "Peru's Boluarte met Chile's Boric in La Paz.",
    "Le Drian meets Sall in Dakar",
    "Ursula von der Leyen met Jean-Yves le Drian",
    "Lula da Silva hosts El-Sisi in Brasília",
    "Dos Santos visits Rio de Janeiro",
    "Le Pen and Le Maire clash over pensions",
    "Burkina junta suspends Le Monde, Jeune Afrique",
    "Tour de France starts in Brussels",
    "Macron welcomes Tebboune at the Élysée",
    "Tinubu hosts Mahama in Abuja on Monday",
])
def test_a_short_english_text_full_of_names_is_coded(text: str) -> None:
    check_english(text)  # no InputRejected


def test_a_short_french_record_is_a_not_english_error(tmp_path: Path) -> None:
    p = tmp_path / "brief.jsonl"
    p.write_text('{"id": "f1", "text": "Le Pérou a rappelé son ambassadeur au Chili mardi."}\n'
                 '{"id": "e1", "text": "Peru\'s Boluarte met Chile\'s Boric in La Paz."}\n', encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert [a.external_id for a in items if isinstance(a, Article)] == ["e1"]
    assert [(e.reason, e.line) for e in items if isinstance(e, InputError)] == [("not_english", 1)]
