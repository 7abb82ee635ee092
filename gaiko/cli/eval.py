"""``gaiko eval``: accuracy of the event coder on a gold file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import GaikoError
from .common import check_limit, fail

HEADLINE = {
    "plover-gsr": ("n", "type_accuracy", "type_macro_f1", "type_recall_any", "events_per_sentence",
                   "source_country_accuracy", "target_country_accuracy", "sector_accuracy", "triple_accuracy",
                   "sentences_per_second"),
    "petr-xml": ("n", "n_with_events", "cameo_root_accuracy", "cameo_root_recall_any", "no_event_accuracy",
                 "events_per_sentence", "source_country_accuracy", "target_country_accuracy",
                 "source_code_accuracy", "sentences_per_second"),
    "gaiko-corpus": ("n", "n_with_events", "type_accuracy", "type_macro_f1", "overall_accuracy", "no_event_rate",
                     "false_event_rate", "events_per_sentence", "source_country_accuracy", "target_country_accuracy",
                     "sector_accuracy", "triple_accuracy", "sentences_per_second"),
    "confli-class": ("n", "quad_accuracy", "quad_macro_f1", "plover_quad_accuracy", "events_per_sentence",
                     "sentences_per_second"),
    "case2021": ("n", "n_mapped", "type_accuracy", "type_recall_any", "events_per_snippet",
                 "unmapped_with_events", "sentences_per_second"),
}


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        gold: Path = typer.Argument(..., help="Gold file (PLOVER JSONL, PETRARCH XML, ConfliBERT TSV, CASE 2021 TSV), or a gaiko-corpus folder."),
        fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                          help="plover-gsr, petr-xml, confli-class or case2021 (detected when omitted)."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object on stdout."),
        errors: int = typer.Option(0, "--errors", help="List the N worst misses, coded and gold side by side."),
        limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N gold items."),
        split: str = typer.Option("all", "--split", metavar="all|tuned|blind",
                                  help="Score all items, the tuned part or the blind part (hash split, docs/accuracy.md)."),
    ) -> None:
        """Code each gold sentence and compare with the gold coding (see docs/accuracy.md)."""
        from ..evaluate import evaluate
        from ..ingest import check_text_file

        check_limit(limit)
        check_limit(errors, "--errors")

        try:
            for f in sorted(gold.glob("*.jsonl")) if gold.is_dir() else [gold]:
                check_text_file(f, "gold file")
            report = evaluate(gold, fmt, errors=errors, limit=limit, split=split)
        except GaikoError as exc:
            fail(exc)
        if as_json:
            sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
            return
        _print(report)


def _print(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..richsafe import plain

    con = Console()
    fmt = report["format"]
    t = Table(title=plain(f"gaiko eval ({fmt}, {report.get('split', 'all')}): {report['gold']}"))
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k in HEADLINE.get(fmt, ()):
        t.add_row(k, str(report.get(k)))
    con.print(t)
    per = report.get("per_type") or report.get("per_class")
    if per:
        pt = Table(title="per type")
        for c in ("type", "precision", "recall", "f1", "support"):
            pt.add_column(c, justify="right" if c != "type" else "left")
        for k, v in per.items():
            if v["support"] or v["precision"]:
                pt.add_row(plain(k), f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f1']:.2f}", str(v["support"]))
        con.print(pt)
    for i, err in enumerate(report.get("errors", []), 1):
        con.print(f"[bold]{i}. {plain(err['id'])}[/bold] {plain(err['text'])}")
        con.print(f"   gold : {plain(json.dumps(err['gold'], ensure_ascii=False))}")
        con.print(f"   coded: {plain(json.dumps(err['coded'], ensure_ascii=False))}")
