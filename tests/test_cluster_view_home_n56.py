"""Round n56: one cluster's evidence view is the clusters' own reading, not the server's.

``cluster_view`` (a cluster, each report with its provenance, the overrules that touch it) lived in
``gaiko/server/cluster_view.py``, so ``gaiko cluster show`` imported the web server's package to print a cluster. It is
now ``gaiko.clusters.view``; the API, the dashboard's cluster page and the CLI present it. The spans of an event row
(``event_marks``) moved with it to ``gaiko.store.rows``, which the server's evidence module still re-exports.

Look-alike that must not change: the server's evidence module still gives ``event_marks`` as before."""

from __future__ import annotations

import ast
from pathlib import Path

import gaiko

from helpers import parse_source

ROOT = Path(gaiko.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (relative imports made absolute), at the top or inside functions."""
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    package = parts[:-1]
    out: set[str] = set()
    for node in ast.walk(parse_source(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            mod = ".".join(base + ([node.module] if node.module else []))
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
    return out


def test_the_cluster_view_is_in_the_clusters_package() -> None:
    from gaiko.clusters.view import REPORT_EXTRAS, cluster_overrules, cluster_view

    assert callable(cluster_view) and callable(cluster_overrules) and "coded_at" in REPORT_EXTRAS
    assert not (ROOT / "server" / "cluster_view.py").exists()


def test_the_clusters_and_the_cluster_command_never_import_the_server() -> None:
    users = sorted((ROOT / "clusters").glob("*.py")) + [ROOT / "cli" / "clusters.py"]
    bad = {p.name: sorted(m for m in _imports(p) if m.startswith("gaiko.server")) for p in users}
    assert not {k: v for k, v in bad.items() if v}, bad


def test_look_alike_the_server_evidence_module_still_gives_event_marks() -> None:
    from gaiko.server.evidence import event_marks as served
    from gaiko.store.rows import event_marks

    row = {"id": "ev-1", "trigger_start": 10, "trigger_end": 13, "trigger": "met", "source_start": 0, "source_end": 5,
           "source_text": "Ghana", "target_start": None, "target_end": None}
    assert served is event_marks
    assert [m["kind"] for m in event_marks(row)] == ["trigger", "source"]
