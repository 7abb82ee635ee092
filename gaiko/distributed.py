"""`gaiko code --engine ray`: code sharded JSONL/Parquet on a Ray cluster into partitioned Parquet.

Ray Data reads the input shards, a pool of actors codes them (each actor loads
the spaCy model and gaiko's components once), and every batch is written as one
Parquet part per table under ``OUT``::

    OUT/events/part-<key>.parquet     flat events, the columns of `gaiko export -f parquet`
    OUT/articles/ sentences/ actors/ places/ pledges/ ...   the store's own rows, for `gaiko import`
    OUT/errors/part-<key>.parquet     inputs that could not be coded, with file, line and reason
    OUT/_SUCCESS.json                 totals, coder and schema version; written last

Each actor writes its batch through an in-memory :class:`~gaiko.store.Store`, so
the rows are exactly those a local run writes (same code, same ids), and the
event parts come from the export's own ``FLAT_SELECT``. Part names are derived
from the batch content, so a retried task overwrites its part instead of adding
a second one; a local part is written under a temporary name and renamed.
:func:`gaiko.importer.import_parquet` brings a finished directory into a store.
See docs/scale.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .partsfolder import MANIFEST, is_uri, prepare_out
from .types import Article, CodedArticle, InputError

__all__ = ["MANIFEST", "DistributedSummary", "PartWriter", "code_distributed", "input_files", "parse_line"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: store tables that hold no article rows and are never written as parts
_SKIP_TABLES = frozenset({"meta", "runs", "events", "articles", "errors"})


@dataclass
class DistributedSummary:
    out: str
    articles: int = 0
    sentences: int = 0
    events: int = 0
    pledges: int = 0
    errors: int = 0
    duplicates: int = 0  # same text twice in one batch; coded once
    parts: int = 0
    workers: int = 0
    seconds: float = 0.0
    inputs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def parse_line(raw: bytes, origin: str, default_date: str | None = None) -> list[Article | InputError]:
    """One JSONL line (or one Parquet row as JSON) as [warning...] + [article] or [error], exactly as
    `gaiko code` reads it."""
    from .ingest import load_line

    path, _, line = origin.rpartition(":")
    lineno = int(line) if line.isdigit() else None
    if lineno is None:
        path = origin
    return load_line(raw, path, lineno, default_date)


class PartWriter:
    """Writes coded batches as Parquet parts, one file per table, through an in-memory store."""

    def __init__(self, out: str | Path) -> None:
        from .store import Store

        self.out = str(out)
        self.remote = is_uri(self.out)
        self.store = Store(":memory:")
        rows = self.store.query(
            "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'article_id'"
        )
        self.article_tables = sorted(r["table_name"] for r in rows if r["table_name"] not in _SKIP_TABLES)
        run_id_tables = {r["table_name"] for r in self.store.query(
            "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'run_id'")}
        #: (part folder, query) for every table written; run ids belong to the store that imports
        self.queries: list[tuple[str, str]] = [
            (t, f'SELECT * {"EXCLUDE (run_id) " if t in run_id_tables else ""}FROM "{t}"')
            for t in ("articles", "errors", *self.article_tables)
        ]

    def code_and_write(self, coder: Any, items: Sequence[Article | InputError]) -> dict[str, Any]:
        """Code ``items`` with ``coder`` (one bad article never stops the batch) and write the parts."""
        from .runner import code_batch

        errors = [i for i in items if isinstance(i, InputError)]
        fresh: list[Article] = []
        seen: set[str] = set()
        for art in (i for i in items if isinstance(i, Article)):
            if art.id not in seen:
                seen.add(art.id)
                fresh.append(art)
        duplicates = sum(1 for i in items if isinstance(i, Article)) - len(fresh)
        results = code_batch(coder, fresh) if fresh else []
        coded = [r for r in results if isinstance(r, CodedArticle)]
        errors += [r for r in results if isinstance(r, InputError)]
        stats = self.write(coded, errors)
        stats["duplicates"] = duplicates
        return stats

    def write(self, coded: Sequence[CodedArticle], errors: Sequence[InputError]) -> dict[str, Any]:
        from .export import FLAT_SELECT

        errors = list(errors)
        key = _part_key(coded, errors)
        st = self.store
        try:
            if coded:  # an article the database refuses is an error of its own; the others are written
                # parts carry events; the importing store clusters them
                _, _, refused = st.write_coded_isolated(coded, cluster=False)
                errors += refused
                gone = {e.input_id for e in refused}
                coded = [c for c in coded if c.article.id not in gone]
            if errors:
                st.record_errors(errors)
            for table, sql in [("events", FLAT_SELECT), *self.queries]:
                if st.scalar(f"SELECT count(*) FROM ({sql})"):
                    self._copy(sql, table, key)
            stats = {
                "part": key,
                "articles": len(coded),
                "sentences": sum(len(c.sentences) for c in coded),
                "events": sum(len(c.events) for c in coded),
                "pledges": sum(len(c.pledges) for c in coded),
                "errors": sum(1 for e in errors if e.severity != "warning"),
            }
        finally:
            for table in ("events", "articles", "errors", *self.article_tables):
                st.con.execute(f'DELETE FROM "{table}"')
        return stats

    def _copy(self, sql: str, table: str, key: str) -> None:
        name = f"part-{key}.parquet"
        if self.remote:
            import pyarrow.fs as pafs
            import pyarrow.parquet as pq

            fs, root = pafs.FileSystem.from_uri(self.out)
            rel = _arrow(self.store.con.sql(sql))
            fs.create_dir(f"{root}/{table}", recursive=True)
            pq.write_table(rel, f"{root}/{table}/{name}", filesystem=fs, compression="zstd")
            return
        folder = Path(self.out.removeprefix("file://")) / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
        tmp_sql = str(tmp).replace("'", "''")
        self.store.con.execute(f"COPY ({sql}) TO '{tmp_sql}' (FORMAT PARQUET, COMPRESSION ZSTD)")
        os.replace(tmp, folder / name)  # a killed task never leaves half a part behind


def _arrow(rel: Any) -> Any:
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        if hasattr(rel, name):
            return getattr(rel, name)()
    raise ConfigError("this duckdb cannot return Arrow tables; upgrade duckdb")


def _part_key(coded: Sequence[CodedArticle], errors: Sequence[InputError]) -> str:
    h = hashlib.sha1()
    for c in coded:
        h.update(c.article.id.encode())
    for e in errors:
        h.update(f"{e.path}:{e.line}:{e.reason}".encode())
    return h.hexdigest()[:20]


# -- the Ray side ----------------------------------------------------------------
class _CodeActor:
    """One per Ray worker: loads the model once, codes and writes batch after batch."""

    def __init__(self, out: str, model: str | None, actor_files: tuple[str, ...], batch_size: int,
                 default_date: str | None) -> None:
        from .coder import Coder

        self.coder = Coder(model=model, actor_files=actor_files, batch_size=min(batch_size, 64))
        self.writer = PartWriter(out)
        self.default_date = default_date

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        items = [i for r in batch.to_pylist() for i in parse_line(r["raw"], r["origin"], self.default_date)]
        stats = self.writer.code_and_write(self.coder, items)
        return pa.table({k: [v] for k, v in stats.items()})


def _open_input(path: str) -> Any:
    import pyarrow.fs as pafs

    if is_uri(path):
        fs, inner = pafs.FileSystem.from_uri(path)
        return fs.open_input_file(inner)
    return pafs.LocalFileSystem().open_input_file(path.removeprefix("file://"))


def _iter_lines(stream: Any, block: int = 1 << 20) -> Any:
    rest = b""
    while True:
        data = stream.read(block)
        if not data:
            break
        lines = (rest + data).split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest


def _read_shard(batch: Any, chunk: int) -> Any:
    """Ray Data generator UDF: one shard path in, tables of ``chunk`` (origin, raw) rows out.

    Shards are read as a stream, so a shard never has to fit in memory, and
    each output block is one coding batch, so blocks spread evenly over actors.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    def table(origins: list[str], raws: list[bytes]) -> Any:
        return pa.table({"origin": pa.array(origins, pa.string()), "raw": pa.array(raws, pa.binary())})

    for path in batch.column("path").to_pylist():
        origins: list[str] = []
        raws: list[bytes] = []
        with _open_input(path) as fh:
            if path.lower().endswith(PARQUET_SUFFIXES) or batch.column("format")[0].as_py() == "parquet":
                n = 0
                for rb in pq.ParquetFile(fh).iter_batches(batch_size=chunk):
                    for rec in rb.to_pylist():
                        n += 1
                        origins.append(f"{path}:{n}")
                        raws.append(json.dumps(rec, default=str, ensure_ascii=False).encode("utf-8"))
                    yield table(origins, raws)
                    origins, raws = [], []
            else:
                for n, line in enumerate(_iter_lines(fh), start=1):
                    if not line.strip():
                        continue
                    origins.append(f"{path}:{n}")
                    raws.append(line.rstrip(b"\r"))
                    if len(raws) >= chunk:
                        yield table(origins, raws)
                        origins, raws = [], []
        if raws:
            yield table(origins, raws)


def input_files(inputs: Iterable[str], input_format: str | None = None) -> tuple[list[str], list[str]]:
    """(JSONL files, Parquet files) from files, folders and URIs; local paths made absolute."""
    jsonl: list[str] = []
    parquet: list[str] = []

    def classify(p: str) -> None:
        low = p.lower()
        if input_format == "parquet" or (input_format is None and low.endswith(PARQUET_SUFFIXES)):
            parquet.append(p)
        elif input_format == "jsonl" or (input_format is None and low.endswith(JSONL_SUFFIXES)):
            jsonl.append(p)

    for raw in inputs:
        if is_uri(raw):
            if input_format is None and not raw.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES):
                raise ConfigError(f"cannot tell the format of {raw}; add --input-format jsonl or parquet")
            classify(raw)
            continue
        path = Path(raw.removeprefix("file://"))
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and not p.name.startswith((".", "_")):
                    classify(str(p.resolve()))
        elif path.is_file():
            classify(str(path.resolve()))
        else:
            raise ConfigError(f"no such file or directory: {raw}")
    if not jsonl and not parquet:
        raise ConfigError("no .jsonl or .parquet input found; the ray engine reads sharded JSONL or Parquet")
    return jsonl, parquet


def code_distributed(
    inputs: Sequence[str],
    out: str,
    *,
    address: str | None = None,
    workers: int | None = None,
    batch_size: int = 32,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    default_date: str | None = None,
    input_format: str | None = None,
    overwrite: bool = False,
    progress: bool = False,
) -> DistributedSummary:
    """Code sharded JSONL/Parquet on Ray into Parquet parts under ``out``.

    ``address`` is a running cluster (``HOST:PORT`` or ``auto``); without it a
    local Ray instance with ``workers`` CPUs is started for this call.
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError('the ray engine needs Ray: pip install "gaiko[ray]"') from None
    from .ingest import check_default_date
    from .store.schema import SCHEMA_VERSION
    from .version import CODER_VERSION

    default_date = check_default_date(default_date)
    jsonl, parquet = input_files(inputs, input_format)
    if not is_uri(out):  # actors do not share the driver's working directory
        out = str(Path(out.removeprefix("file://")).resolve())
    prepare_out(out, overwrite, [*jsonl, *parquet])
    start = time.perf_counter()
    started_here = not ray.is_initialized()
    if started_here:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(address="local", num_cpus=workers or None, include_dashboard=False, log_to_driver=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = progress
        if workers is None:
            workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        # reading takes no CPU slot: the actors hold one each, and on a cluster whose
        # every CPU runs an actor, a read task that needed a slot would wait forever
        shards = [{"path": p, "format": "jsonl"} for p in jsonl] + [{"path": p, "format": "parquet"} for p in parquet]
        ds = ray.data.from_items(shards).map_batches(
            _read_shard,  # type: ignore[arg-type]
            fn_kwargs={"chunk": batch_size}, batch_size=1, batch_format="pyarrow", num_cpus=0)
        coded = ds.map_batches(
            _CodeActor,
            fn_constructor_kwargs={"out": out, "model": model, "actor_files": tuple(actor_files),
                                   "batch_size": batch_size, "default_date": default_date},
            batch_size=batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        summary = DistributedSummary(out=out, workers=workers, inputs=jsonl + parquet)
        for row in coded.iter_rows():
            summary.parts += 1
            for k in ("articles", "sentences", "events", "pledges", "errors", "duplicates"):
                setattr(summary, k, getattr(summary, k) + int(row[k]))
    finally:
        if started_here:
            ray.shutdown()
    summary.seconds = time.perf_counter() - start
    manifest = {**summary.to_dict(), "coder_version": CODER_VERSION, "schema_version": SCHEMA_VERSION,
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    _write_text(out, MANIFEST, json.dumps(manifest, indent=2))
    return summary


def _write_text(out: str, name: str, text: str) -> None:
    if is_uri(out):
        import pyarrow.fs as pafs

        fs, root = pafs.FileSystem.from_uri(out)
        with fs.open_output_stream(f"{root}/{name}") as fh:
            fh.write(text.encode("utf-8"))
    else:
        (Path(out.removeprefix("file://")) / name).write_text(text, encoding="utf-8")
