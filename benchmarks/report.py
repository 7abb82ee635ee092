"""Turn benchmarks/results/*.json into the results section of docs/benchmarks.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

START, END = "<!-- results:start -->", "<!-- results:end -->"


def _rate(n: float, s: float) -> str:
    return f"{n / s:,.1f}" if s else "–"


def _get(d: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def _verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**not met**")


def render(res: dict[str, Any]) -> str:
    m = res["machine"]
    out = [f"Measured {m['date']} on {m['cpu']} ({m['usable_cpus']} usable of {m['logical_cpus']} logical CPUs, "
           f"{m['memory_mib']:,} MiB RAM), {m['os']}, Python {m['python']}; "
           + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
           + f"; gaiko commit {m['git_commit'] or '?'}, coder {m['coder_version']}. "
           f"Load average when the run started: {m['load_avg_at_start']}. "
           f"Batch size {res['config']['batch_size']}.", ""]
    if not res.get("finished"):
        out += ["**This run did not finish**: the sections below hold what it measured before it stopped.", ""]
    sizes = sorted(res.get("sizes", {}), key=int)
    acc: dict[str, bool | None] = {"ratio": None, "scaling": None, "memory": None, "dyad": None, "ray": None}
    if sizes:
        out += ["### Throughput", "",
                "| articles | run | wall s | articles/s | sentences/s | words/s | CPU s | peak RSS MiB | load before→after |",
                "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
        for n in sizes:
            e = res["sizes"][n]
            words = e["corpus"]["words"]
            for key in sorted(k for k in e if k != "corpus"):
                r = e[key]
                kind, w = key.split("_")
                label = f"raw spaCy, n_process={w}" if kind == "raw" else f"gaiko code --workers {w}"
                if kind == "gaiko" and r["summary"].get("ledger_seconds"):
                    label += f" (ledger update {r['summary']['ledger_seconds']:.1f} s of it"
                    label += (f", event clusters {r['summary']['cluster_seconds']:.1f} s)"
                              if r["summary"].get("cluster_seconds") else ")")
                elif kind == "gaiko":
                    label += " --no-ledger"
                arts = r["articles"] if kind == "raw" else r["summary"]["articles"]
                sents = r["sentences"] if kind == "raw" else r["summary"]["sentences"]
                out.append(f"| {int(n):,} | {label} | {r['wall_s']:.1f} | {_rate(arts, r['wall_s'])} | "
                           f"{_rate(sents, r['wall_s'])} | {_rate(words, r['wall_s'])} | {r['cpu_s']:.1f} | "
                           f"{r['peak_rss_mib']:,.0f} | {r['load_before']}→{r['load_after']} |")
        out += ["", "Wall times are whole processes (interpreter start, model load, reading, coding, writing the "
                "store); words are whitespace-separated words of the input.", "",
                "### gaiko against the raw parse", "",
                "| articles | workers | gaiko ÷ raw (wall) | gaiko ÷ raw (CPU time) | gaiko 2 workers ÷ 1 worker (wall) |",
                "|---:|---:|---:|---:|---:|"]
        ratios, scalings = [], []
        for n in sizes:
            e = res["sizes"][n]
            for w in res["config"]["workers"]:
                raw, g = e.get(f"raw_{w}"), e.get(f"gaiko_{w}")
                if not g:
                    continue
                ratio_s = cpu_s = "–"
                if raw:
                    ratio = raw["wall_s"] / g["wall_s"]
                    ratios.append(ratio)
                    ratio_s = f"{ratio:.2f}"
                    cpu_s = f"{raw['cpu_s'] / g['cpu_s']:.2f}" if g["cpu_s"] else "–"
                scale = ""
                if w > 1 and e.get("gaiko_1"):
                    s = e["gaiko_1"]["wall_s"] / g["wall_s"]
                    scalings.append(s)
                    scale = f"{s:.2f}×"
                out.append(f"| {int(n):,} | {w} | {ratio_s} | {cpu_s} | {scale} |")
        acc["ratio"] = min(ratios) >= 0.8 if ratios else None
        acc["scaling"] = min(scalings) >= 1.6 if scalings else None
        out += ["", "### Peak memory (resident, whole process tree)", "",
                "| workers | " + " | ".join(f"{int(n):,} articles" for n in sizes) + " | largest ÷ smallest |",
                "|---:|" + "---:|" * (len(sizes) + 1)]
        mem_ok: list[bool] = []
        for w in res["config"]["workers"]:
            vals = [_get(res["sizes"][n], f"gaiko_{w}", "peak_rss_mib") for n in sizes]
            if all(v is None for v in vals):
                continue
            cells = [f"{v:,.0f} MiB" if v else "–" for v in vals]
            got = [v for v in vals if v]
            rel = got[-1] / got[0] if len(got) > 1 else None
            if rel is not None and len(got) == len(sizes) and len(sizes) > 1:
                mem_ok.append(rel <= 1.2)
            out.append(f"| {w} | " + " | ".join(cells) + f" | {f'{rel:.2f}' if rel else '–'} |")
        acc["memory"] = all(mem_ok) if mem_ok else None
        out += ["", "### Store size", "", "| articles | workers | store MiB | MiB per 1,000 articles | events | sentences |",
                "|---:|---:|---:|---:|---:|---:|"]
        for n in sizes:
            for w in res["config"]["workers"]:
                g = res["sizes"][n].get(f"gaiko_{w}")
                if g:
                    out.append(f"| {int(n):,} | {w} | {g['store_mib']} | {g['store_mib_per_1000_articles']} | "
                               f"{g['summary']['events']:,} | {g['summary']['sentences']:,} |")
    q = res.get("queries")
    if q:
        st = q["store"]
        out += ["", f"### Query latency ({st['events']:,} synthetic events, {st['articles']:,} articles, "
                f"{st['file_mib']} MiB store, built in {st['build_s']} s)", "",
                "| query | median ms | p90 ms | min ms | rows/buckets |", "|---|---:|---:|---:|---:|"]
        for name, t in q["latency"].items():
            out.append(f"| {name} | {t['median_ms']} | {t['p90_ms']} | {t['min_ms']} | {t['result_size']:,} |")
        acc["dyad"] = q["latency"]["dyad_series_month"]["median_ms"] < 200
    stg = res.get("stages")
    if stg and "failed" not in stg:
        out += ["", f"### Where the time goes ({stg['articles']} articles, one process)", "",
                "| stage | seconds | share |", "|---|---:|---:|"]
        for k, v in stg["stages_s"].items():
            out.append(f"| {k} | {v:.2f} | {stg['share'][k]:.1%} |")
        out += ["", f"gaiko's own stages cost **{stg['gaiko_over_parse']:.0%}** on top of the parse "
                f"(CPU, one process, before any overlap). A coded article pickles to "
                f"{stg['pickled_bytes_per_article']:,} bytes in {stg['pickle_s_per_article'] * 1000:.2f} ms "
                "(what a worker sends back). Model and components load in "
                f"{stg['model_and_components_load_s']} s."]
        if stg.get("note"):
            out += ["", f"(Stage times {stg['note']}.)"]
        if stg.get("ledger"):
            out += ["", "Pledge ledger update (`gaiko.tracking.update_ledger`, run after every `gaiko code` "
                    "unless `--no-ledger`), on stores of growing size:", "",
                    "| articles in store | pledges | sentences | seconds |", "|---:|---:|---:|---:|"]
            for row in stg["ledger"]:
                out.append(f"| {row['articles']} | {row['pledges']:,} | {row['sentences']:,} | {row['ledger_s']} |")
    r = res.get("ray")
    if r:
        out += ["", f"### Ray engine against the local run ({r['size']:,} articles)", ""]
        if "failed" in r:
            out += ["The Ray run failed:", "", "```", r["failed"], "```"]
            acc["ray"] = False
        else:
            acc["ray"] = bool(r["identical"]) and r["articles"] == r["local_articles"]
            out += [f"{r['articles']:,} articles coded on {r['workers']} Ray workers (a local Ray instance) in "
                    f"{r['ray_wall_s']} s ({r['ray_articles_per_s']} articles/s, Ray start-up included), "
                    f"{r['parts']} Parquet parts, imported in {r['import_s']} s. Events: "
                    f"{r['events_distributed']:,} distributed, {r['events_local']:,} local; identical sets: "
                    f"**{'yes' if r['identical'] else 'no'}** (only distributed {r['only_distributed']}, only local "
                    f"{r['only_local']})."]
    out += render_clusters(res.get("clusters"))
    out += ["", "### Acceptance (issue 7)", "", "| criterion | result |", "|---|---|",
            f"| end-to-end ≥ 0.8 × raw parse throughput (every size and worker count) | {_verdict(acc['ratio'])} |",
            f"| 2 workers ≥ 1.6 × 1 worker | {_verdict(acc['scaling'])} |",
            f"| peak memory at the largest size ≤ 1.2 × at the smallest | {_verdict(acc['memory'])} |",
            f"| dyad time series on 1,000,000 events < 200 ms median | {_verdict(acc['dyad'])} |",
            f"| distributed and local runs give identical event sets | {_verdict(acc['ray'])} |"]
    return "\n".join(out) + "\n"


def render_clusters(c: dict[str, Any] | None) -> list[str]:
    """The event-clustering section (benchmarks/clusters.py): cost per article at each size, and issue 17's criteria."""
    if not c:
        return []
    if "failed" in c:
        return ["", "### Event clusters", "", "The clustering timing failed:", "", "```", c["failed"], "```"]
    sizes = sorted(c["sizes"], key=int)
    out = ["", "### Event clusters: cost per article", ""]
    if c.get("measured"):
        out += [f"Measured {c['measured']} (commit {c.get('git_commit') or '?'}, load average at start "
                f"{c.get('load_avg_at_start')}), on the store `gaiko code --workers 1` filled with the "
                f"{int(sizes[-1]):,}-article corpus; coding took {c['coding_ms_per_article']} ms per article there.", ""]
    out += ["Each size N: the first N articles' rows copied into a fresh store and clustered as `gaiko code` "
            f"does, one batch of {c['batch_size']} articles per transaction.", "",
            "| articles | mentions | clusters | ms per article (wall) | CPU ms per article | first tenth | "
            "last tenth | share of coding time |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        r = c["sizes"][n]
        share = f"{r['share_of_coding_time']:.1%}" if r.get("share_of_coding_time") is not None else "–"
        out.append(f"| {int(n):,} | {r['mentions']:,} | {r['clusters']:,} | {r['ms_per_article']:.2f} | "
                   f"{r['cpu_ms_per_article']:.2f} | {r['ms_per_article_first_tenth']:.2f} | "
                   f"{r['ms_per_article_last_tenth']:.2f} | {share} |")
    out += _render_streams(c, sizes)
    small, big = c["sizes"][sizes[0]], c["sizes"][sizes[-1]]
    share_ok = all(c["sizes"][n].get("share_of_coding_time", 1) <= 0.05 for n in sizes)
    flat = big["ms_per_article"] / small["ms_per_article"] if small["ms_per_article"] else None
    out += ["", "### Acceptance (issue 17, clustering)", "", "| criterion | result |", "|---|---|",
            f"| clustering ≤ 5% of coding time | {_verdict(share_ok)} |",
            f"| flat per article from {int(sizes[0]):,} to {int(sizes[-1]):,} articles "
            f"(ratio {flat:.2f}; flat: ≤ 1.5) | {_verdict(flat is not None and flat <= 1.5)} |"]
    return out


_STREAMS = {"published": "the same articles in publication-date order",
            "copies": "the first {m:,} articles {k} times, on days that do not overlap (density of {m:,})"}


def _render_streams(c: dict[str, Any], sizes: list[str]) -> list[str]:
    """The largest size clustered as other streams (benchmarks/clusters.py ``--streams``): CPU ms per article, first
    and last tenth of the batches, the last over the first (1 is flat) and the whole over the smallest size's."""
    streams = c.get("streams") or {}
    if not streams:
        return []
    out = ["", "The largest size again as other streams (CPU ms per article; coded order is the table above):", "",
           "| stream | articles | mentions | clusters | CPU ms per article | first tenth | last tenth | last ÷ first | "
           f"÷ {int(sizes[0]):,} articles | CPU share of coding time |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    small = c["sizes"][sizes[0]].get("cpu_ms_per_article")
    for name, r in streams.items():
        k = r.get("copies", 1)
        label = _STREAMS.get(name, name).format(m=r["articles"] // max(1, k), k=k)
        first, last = r.get("cpu_ms_per_article_first_tenth"), r.get("cpu_ms_per_article_last_tenth")
        ratio = f"{last / first:.2f}" if first and last is not None else "–"
        share = f"{r['cpu_share_of_coding_time']:.1%}" if r.get("cpu_share_of_coding_time") is not None else "–"
        to_small = f"{r['cpu_ms_per_article'] / small:.2f}" if small else "–"
        out.append(f"| {label} | {r['articles']:,} | {r['mentions']:,} | {r['clusters']:,} | "
                   f"{r['cpu_ms_per_article']:.2f} | {'–' if first is None else f'{first:.2f}'} | "
                   f"{'–' if last is None else f'{last:.2f}'} | {ratio} | {to_small} | {share} |")
    return out


def update_docs(res: dict[str, Any], doc: Path) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text = text.rstrip() + f"\n\n## Results\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{render(res)}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    results = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    update_docs(results, Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/benchmarks.md"))
