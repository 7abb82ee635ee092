"""Reading actor knowledge files (bundled and user-supplied) into plain rows.

Every reader returns ``(kind, rows)`` where each row is a dict of strings plus
``_line`` (the 1-based line it came from) so that validation errors can name
the file and line. Malformed input raises :class:`~gaiko.errors.DataFileError`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..errors import DataFileError

__all__ = ["read_csv_rows", "read_user_file", "split_list", "KINDS", "REQUIRED"]

#: the kinds of rows the knowledge base holds, and the columns each requires
REQUIRED: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "name"),
    "organizations": ("name", "country", "sector"),
    "disputed": ("name", "feature"),
    "people": ("person_id", "name", "country"),
}
KINDS = tuple(REQUIRED)


def split_list(value: Any) -> list[str]:
    """``"a;b; c"`` -> ``["a", "b", "c"]``; lists pass through; empty -> []."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in str(value).split(";") if p.strip()]


def _strip_comments(text: str) -> list[tuple[int, str]]:
    """Lines that are not ``#`` comments, with their 1-based numbers."""
    return [(i, line) for i, line in enumerate(text.splitlines(), 1) if not line.lstrip().startswith("#") and line.strip()]


def read_csv_rows(path: str | Path, text: str | None = None) -> list[dict[str, Any]]:
    """Rows of a CSV file whose first non-comment line is the header."""
    p = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(p, f"cannot read actor file ({exc}); check the path and that it is UTF-8 text") from None
    lines = _strip_comments(text)
    if not lines:
        raise DataFileError(p, "file has no header row; the first non-comment line must name the columns")
    header_line, header = lines[0]
    cols = [c.strip() for c in next(csv.reader([header]))]
    if len(set(cols)) != len(cols) or any(not c for c in cols):
        raise DataFileError(p, f"header has empty or repeated column names: {header!r}", header_line)
    rows: list[dict[str, Any]] = []
    for num, line in lines[1:]:
        try:
            values = next(csv.reader(io.StringIO(line)))
        except csv.Error as exc:
            raise DataFileError(p, f"unreadable CSV row ({exc})", num) from None
        if len(values) != len(cols):
            raise DataFileError(
                p, f"row has {len(values)} fields but the header has {len(cols)} ({', '.join(cols)}); "
                "quote fields that contain commas", num)
        row: dict[str, Any] = {c: v.strip() for c, v in zip(cols, values)}
        row["_line"] = num
        rows.append(row)
    return rows


def csv_kind(path: str, rows: list[dict[str, Any]], header_line: int = 1) -> str:
    cols = set(rows[0]) if rows else set()
    if "person_id" in cols:
        return "people"
    if "iso3" in cols:
        return "countries"
    if "claimants" in cols:
        return "disputed"
    if {"name", "country", "sector"} <= cols:
        return "organizations"
    raise DataFileError(
        path, "cannot tell what this CSV holds: give it a person_id column (people), iso3 (countries), "
        "claimants (disputed places) or name,country,sector (organisations)", header_line)


def read_user_file(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read a user actor file (YAML or CSV) into ``{kind: rows}``.

    YAML files are mappings with any of the keys ``people``, ``countries``,
    ``organizations``, ``disputed``, each a list of mappings with the same
    fields as the bundled CSV files; a person may list ``roles`` (each with
    ``role``, ``sector``, ``country``, ``start``, ``end``, ``source``).
    """
    p = str(path)
    suffix = Path(p).suffix.lower()
    if suffix == ".csv":
        rows = read_csv_rows(p)
        if not rows:
            return {}
        return {csv_kind(p, rows, rows[0]["_line"] - 1): rows}
    if suffix not in (".yaml", ".yml"):
        raise DataFileError(p, "actor files must be .yaml, .yml or .csv")
    try:
        text = Path(p).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(p, f"cannot read actor file ({exc}); check the path and that it is UTF-8 text") from None
    return parse_yaml(p, text)


def parse_yaml(p: str, text: str) -> dict[str, list[dict[str, Any]]]:
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
        out = loader.construct_mapping(node, deep=True)
        out["_line"] = node.start_mark.line + 1
        return out

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    # dates stay text so that a bad one is reported with its line by the knowledge-base builder
    _Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(p, f"invalid YAML: {problem}; fix the indentation or quoting there", line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(p, "an actor file must be a mapping with keys people, countries, organizations or disputed", 1)
    out: dict[str, list[dict[str, Any]]] = {}
    for key, items in data.items():
        if key == "_line":
            continue
        if key not in REQUIRED:
            raise DataFileError(p, f"unknown section {key!r}; use one of: {', '.join(KINDS)}", data.get("_line"))
        if not isinstance(items, list):
            raise DataFileError(p, f"section {key!r} must be a list of entries", data.get("_line"))
        rows: list[dict[str, Any]] = []
        for item in items:
            if not isinstance(item, dict):
                raise DataFileError(p, f"each entry of {key!r} must be a mapping of fields, got {item!r}")
            rows.extend(_expand_roles(item) if key == "people" else [item])
        out[key] = [_cells(p, key, row) for row in rows]
    return out


def _cells(p: str, kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A YAML entry's values as the CSV gives them, text: a number as written (``iso3: 123`` is then refused with its
    line, as in a CSV, not a crash), true/false as ``1``/empty, a list as a list of text. A mapping or a list of
    mappings where text belongs is refused with the entry's line."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if k == "_line" or v is None or isinstance(v, str):
            out[k] = v
        elif isinstance(v, bool):
            out[k] = "1" if v else ""
        elif isinstance(v, (int, float)):
            out[k] = str(v)
        elif isinstance(v, list) and all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in v):
            out[k] = [str(x) for x in v]
        else:
            shown = {a: b for a, b in v.items() if a != "_line"} if isinstance(v, dict) else v
            raise DataFileError(p, f"{kind} entry: field {k!r} must be text, a number or a list of them, got "
                                   f"{shown!r}", row.get("_line"))
    return out


def _expand_roles(item: dict[str, Any]) -> list[dict[str, Any]]:
    """A YAML person with ``roles: [...]`` becomes one row per role, like the CSV."""
    roles = item.get("roles")
    base = {k: v for k, v in item.items() if k != "roles"}
    if "person_id" not in base and "id" in base:
        base["person_id"] = base.pop("id")
    if not roles:
        return [base]
    rows = []
    for r in roles:
        if not isinstance(r, dict):
            rows.append({**base, "role": r})
            continue
        rows.append({**base, **{k: v for k, v in r.items() if k != "_line"}, "_line": r.get("_line", base.get("_line"))})
    return rows


def check_required(path: str, kind: str, row: dict[str, Any]) -> None:
    missing = [c for c in REQUIRED[kind] if not str(row.get(c) or "").strip()]
    if missing:
        raise DataFileError(path, f"{kind} entry lacks required field(s) {', '.join(missing)}", row.get("_line"))
