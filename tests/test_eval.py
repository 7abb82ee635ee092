"""gaiko eval: gold readers, format detection, scoring and the CLI, on small files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.errors import EvaluationError
from gaiko.evaluate import detect_format, evaluate, read_gold
from gaiko.evaluate.gold import GoldActor, GoldItem
from gaiko.evaluate.scoring import score_plover
from gaiko.types import Actor, Event

PLOVER_LINES = [
    {"id": "t1", "date": "2021-05-04", "text": "Canada condemned Russia over the detention of two aid workers.",
     "plover_2023_event": "ACCUSE", "event": "DISAPPROVE",
     "source": [{"actorText": "Canada", "code": "CAN"}], "target": [{"actorText": "Russia", "code": "RUS"}]},
    {"id": "t2", "date": "2021-05-04", "text": "Norway expelled three Russian diplomats on Friday.",
     "plover_2023_event": "SANCTION", "event": "SANCTION",
     "source": [{"actorText": "Norway", "code": "NOR"}], "target": [{"actorText": "Russian diplomats", "code": "RUS", "sector": "GOV"}]},
    {"id": "t3", "date": "2021-05-04", "text": "Egypt and Sudan held talks on the dam.",
     "plover_2023_event": "CONSULT", "event": "CONSULT",
     "source": [{"code": "EGY"}, {"code": "SDN"}], "target": [""]},
]


@pytest.fixture()
def plover_file(tmp_path: Path) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in PLOVER_LINES) + "\n", encoding="utf-8")
    return p


def test_detect_formats(tmp_path: Path, plover_file: Path):
    assert detect_format(plover_file) == "plover-gsr"
    x = tmp_path / "v.xml"
    x.write_text('<Validation><Sentences>\n<Sentence date="20200101" id="a1">\n'
                 '<EventCoding eventcode="111" sourcecode="CAN" targetcode="RUS" />\n'
                 "<Text>\nCanada condemned Russia.\n</Text>\n</Sentence>\n</Sentences></Validation>\n", encoding="utf-8")
    assert detect_format(x) == "petr-xml"
    c = tmp_path / "c.tsv"
    c.write_text("Canada condemned Russia.\t3\nThe weather was mild.\t0\n", encoding="utf-8")
    assert detect_format(c) == "confli-class"
    a = tmp_path / "a.tsv"
    a.write_text("id\tEventSnippet\tSubType\n1\tPolice arrested ten protesters in Lagos.\tARREST\n", encoding="utf-8")
    assert detect_format(a) == "case2021"
    bad = tmp_path / "b.txt"
    bad.write_text("hello\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="--format"):
        detect_format(bad)


def test_read_plover(plover_file: Path):
    fmt, items = read_gold(plover_file)
    assert fmt == "plover-gsr" and len(items) == 3
    assert items[1].targets[0].country == "RUS" and items[1].targets[0].sector == "GOV"
    assert items[2].targets == []  # "" means no target


def test_missing_file_message():
    with pytest.raises(EvaluationError, match="not found"):
        read_gold("/nonexistent/gold.jsonl")


def _ev(etype: str, conf: float, src: str | None, tgt: str | None) -> Event:
    return Event(id="e", article_id="a", sentence_index=0, sentence="s", event_type=etype, trigger="x",
                 trigger_start=0, trigger_end=1, confidence=conf,
                 source=Actor(text="s", country=src) if src else None,
                 target=Actor(text="t", country=tgt) if tgt else None)


def test_score_plover_counts():
    items = [GoldItem(id="1", text="a", types=["ACCUSE"], sources=[GoldActor("CAN")], targets=[GoldActor("RUS")]),
             GoldItem(id="2", text="b", types=["SANCTION"], sources=[GoldActor("NOR")], targets=[GoldActor("RUS")])]
    coded = [[_ev("ACCUSE", 0.9, "CAN", "RUS"), _ev("REQUEST", 0.5, "CAN", None)],
             [_ev("REJECT", 0.8, "NOR", "RUS"), _ev("SANCTION", 0.6, "NOR", "USA")]]
    r = score_plover(items, coded, n_errors=5)
    assert r["n"] == 2
    assert r["type_accuracy"] == 0.5  # second primary is REJECT
    assert r["type_recall_any"] == 1.0
    assert r["events_per_sentence"] == 2.0
    assert r["source_country_accuracy"] == 1.0
    assert r["target_country_accuracy"] == 0.5  # matching SANCTION event has the wrong target
    assert r["triple_accuracy"] == 0.5
    assert r["errors"][0]["id"] == "2" and r["errors"][0]["coded"]["type"] == "REJECT"


def test_evaluate_end_to_end(plover_file: Path, coder):
    r = evaluate(plover_file, coder=coder, errors=3)
    for key in ("n", "type_accuracy", "type_macro_f1", "type_recall_any", "events_per_sentence",
                "source_country_accuracy", "target_country_accuracy", "sector_accuracy", "triple_accuracy",
                "sentences_per_second"):
        assert key in r
    assert r["n"] == 3
    assert r["type_accuracy"] == 1.0


def test_eval_cli_json(plover_file: Path):
    from typer.testing import CliRunner

    from gaiko.cli import app

    res = CliRunner().invoke(app, ["eval", str(plover_file), "--json", "--errors", "2"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["format"] == "plover-gsr" and out["n"] == 3 and "errors" in out


def test_eval_cli_bad_format(plover_file: Path):
    from typer.testing import CliRunner

    from gaiko.cli import app

    res = CliRunner().invoke(app, ["eval", str(plover_file), "--format", "nope"])
    assert res.exit_code == 2 and "unknown gold format" in res.output


def test_other_formats_score(tmp_path: Path, coder):
    c = tmp_path / "c.tsv"
    c.write_text("Canada condemned Russia over the arrests.\t3\nThe weather in Oslo was mild.\t0\n", encoding="utf-8")
    r = evaluate(c, coder=coder)
    assert r["format"] == "confli-class" and r["quad_accuracy"] == 1.0
    a = tmp_path / "a.tsv"
    a.write_text("id\tEventSnippet\tSubType\n1\tPolice arrested ten protesters in Lagos.\tARREST\n"
                 "2\tA storm hit the coast.\tNATURAL_DISASTER\n", encoding="utf-8")
    r = evaluate(a, coder=coder)
    assert r["n_mapped"] == 1 and r["type_accuracy"] == 1.0


def test_legacy_cameo_country_codes_are_normalised() -> None:
    from gaiko.evaluate.gold import normalise_country

    assert normalise_country("JAPGOV") == "JPN"
    assert normalise_country("ROM") == "ROU"
    assert normalise_country("USAGOV") == "USA"
