"""Two things every route of the server answers alike (round r28, from round b27's list): ``HEAD`` and a query name
given more than once.

- ``HEAD`` on an API route or a page answered 405 (FastAPI routes declared with ``@router.get`` take GET only),
  though HTTP requires it of every GET resource (RFC 9110 9.3.2) and link checkers and monitors send it.
  :class:`QueryShape` answers it as the GET would be answered, status and headers, without the body.
- ``?source=JPN&source=CHN`` kept the last value without a word (the API's parameters and the pages' ``get``), so
  the answer read as if both were applied. A name that takes several values (:data:`LIST_NAMES`, comma-separated in
  the API's documentation) now takes every one it is given, joined with commas, on the API and the pages alike; any
  other name given with different values is refused (:func:`repeated_query_message`, the API's 422
  ``config_error`` and the pages' 422 page), as an unknown name is (:mod:`.strict`). The same value given twice is
  the same answer and is let through.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = ["LIST_NAMES", "QueryShape", "join_list_names", "repeated_query_message"]

#: query names that take several values, comma-separated (the event filters ``type``, ``quad_class`` and
#: ``precision``; the pledge filters ``status``, ``kind`` and the exact actor keys): given several times, all are taken
LIST_NAMES = frozenset({"type", "quad_class", "precision", "status", "kind", "actor_country", "actor_code",
                        "actor_name"})

#: list names whose values are read in any case (PLOVER types, statuses, kinds, date precisions): a value given again
#: in another case is the same value, named once (round r31, b29 F14: ``type=ASSAULT&type=assault`` echoed both)
CASELESS = frozenset({"type", "status", "kind", "precision"})

#: names whose one value is read in any case, lower-cased before the route reads it: ``format=CSV`` (round r33, b30
#: F7: refused with 422 where ``gaiko export --format CSV`` is now read, and ``type`` and ``status`` are)
LOWERED = frozenset({"format"})

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]


def join_list_names(query: bytes) -> bytes | None:
    """``query`` (a raw query string) made plain; None when nothing changes (the string is kept as sent).

    - each name of :data:`LIST_NAMES` given several times is made one, its values split on commas and joined with
      commas in order, empty ones dropped and each value once (``type=ACCUSE&type=ACCUSE`` is ``type=ACCUSE``;
      ``quad_class=1&quad_class=,4`` is ``quad_class=1,4``, round r29); one value that names a value twice
      (``type=ACCUSE,ACCUSE``) names it once, so the answer's echoed filters do not repeat it; for the names read
      in any case (:data:`CASELESS`) that is in any case, the first spelling kept (round r31);
    - any other name with an empty value (``source=``, ``target_country=``, ``made_since=``: a form sends its empty
      fields) drops that value: an empty value is no value, given once (round l47, newcomer b46: an empty
      ``target_country`` matched no pledge, an empty ``status`` every pledge, an empty ``made_since`` was refused
      with 422) or beside a value that is not empty (``source=&source=ARM``, round r29);
    - a name of :data:`LOWERED` has its value lower-cased (round r33).
    """
    items = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    names = [k for k, _ in items]
    counts = {k: names.count(k) for k in set(names)}
    out: list[tuple[str, str]] = []
    lists: dict[str, int] = {}
    changed = False
    for k, v in items:
        if not v.strip():
            changed = True  # an empty value is no value, given once or beside another (round l47)
            continue
        if k in LIST_NAMES:
            parts = [p.strip() for p in v.split(",")]
            fold = str.casefold if k in CASELESS else str
            if k in lists:
                i = lists[k]
                was = [p for p in out[i][1].split(",") if p]
                for p in parts:
                    if p and fold(p) not in {fold(w) for w in was}:
                        was.append(p)
                out[i] = (k, ",".join(was))
                changed = True
                continue
            lists[k] = len(out)
            firsts: dict[str, str] = {}
            for p in parts:
                if p:
                    firsts.setdefault(fold(p), p)
            kept = list(firsts.values())
            if counts[k] > 1 or len(kept) < len([p for p in parts if p]):
                out.append((k, ",".join(kept)))
                changed = True
            else:
                out.append((k, v))
        elif k in LOWERED and v != v.strip().lower():
            out.append((k, v.strip().lower()))
            changed = True
        else:
            out.append((k, v))
    return urlencode(out).encode("latin-1") if changed else None


def repeated_query_message(items: Iterable[tuple[str, str]], path: str, what: str = "endpoint") -> str | None:
    """The refusal of a query name given more than once with different values (None when there is none).

    ``items``: the request's (name, value) pairs (``request.query_params.multi_items()``, after
    :func:`join_list_names`); ``path``: the URL path named; ``what``: "endpoint" (the API) or "page". Names that
    :func:`~gaiko.server.strict.ignored_name` lets through (tracking parameters) are never refused.
    """
    from .strict import ignored_name

    seen: dict[str, list[str]] = {}
    for k, v in items:
        if not ignored_name(k) and v not in seen.setdefault(k, []):
            seen[k].append(v)
    twice = {k: vs for k, vs in seen.items() if len(vs) > 1}
    if not twice:
        return None
    said = "; ".join(f"{k!r} is given {len(vs)} times ({', '.join(repr(v[:40]) for v in vs)})" for k, vs in twice.items())
    return (f"{said} for {path}: this {what} reads one value of it, so the request is refused rather than answered "
            "for only one; give it once (the filters that take several values, such as type or status, take them "
            "comma-separated or given again)")


class QueryShape:
    """ASGI middleware: ``HEAD`` answered as ``GET`` without a body; repeated list names joined (see the module)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        joined = join_list_names(scope.get("query_string", b"")) if scope.get("query_string") else None
        if joined is not None:
            scope = {**scope, "query_string": joined}
        if scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message.get("type") == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)
