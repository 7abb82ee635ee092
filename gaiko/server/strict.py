"""Query parameters read alike by the API and the dashboard; those an endpoint does not take are refused.

A mistyped filter (``?sourc=THA``, ``?quadclass=4``) used to be ignored, so the answer held every event and read as
if filtered. :func:`reject_unknown_query` is a dependency of the read routers under ``/api/v1`` (round n38): a name
that is none of the endpoint's parameters raises :class:`~gaiko.errors.ConfigError` (the API's 422
``config_error``) that names it, suggests the nearest parameter, and lists the ones the endpoint takes.
:func:`parse_dyad` reads ``dyad=THA-KHM`` for the API's filters and the dashboard's pages alike.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from fastapi import Request

from ..errors import ConfigError
from ..tables import word_lists

__all__ = ["reject_unknown_query", "unknown_query_message", "same_name", "query_names", "ignored_name", "parse_dyad", "dyad_sides", "DYAD"]

#: ``JPN-CHN`` (also ``JPN:CHN``, ``JPN>CHN``, ``JPN->CHN``, ``JPN→CHN``): source country, target country
DYAD = re.compile(r"^\s*([A-Za-z]{3})\s*(?:-|:|>|->|→)\s*([A-Za-z]{3})\s*$")

#: names every endpoint and page tolerates: a cache-busting ``_`` and the tracking parameters other sites add to links
#: (``fbclid``, ``utm_*``: ``gaiko/data/server/ignored_query.yaml``, with sources)
_IGNORED = "server/ignored_query.yaml"
_CACHE: dict[int, frozenset[str]] = {}


def ignored_name(name: str) -> bool:
    """Whether the query parameter ``name`` is one no request is refused for: ``_`` or a tracking parameter another
    site adds to a link (``gaiko/data/server/ignored_query.yaml``: exact names and prefixes, any case). Raises
    :class:`~gaiko.errors.DataFileError` only when that file is broken."""
    lists = word_lists(_IGNORED)
    low = name.lower()
    return low in lists["names"] or low.startswith(lists["prefixes"])


def query_names(dependant: Any) -> frozenset[str]:
    """The query parameter names (aliases) of a FastAPI ``Dependant`` and all its sub-dependencies.

    ``dependant``: ``route.dependant`` of an ``APIRoute``. Returns a frozenset of str; never raises.
    """
    names: set[str] = set()
    todo = [dependant]
    while todo:
        d = todo.pop()
        for f in getattr(d, "query_params", ()) or ():
            names.add(str(getattr(f, "alias", None) or getattr(f, "name", "")))
        todo.extend(getattr(d, "dependencies", ()) or ())
    return frozenset(n for n in names if n)


def reject_unknown_query(request: Request) -> None:
    """FastAPI dependency: raise ``ConfigError`` when the request names a query parameter its route does not take.

    ``request``: the Starlette request (its ``scope["route"]`` is the matched route). The message names each unknown
    parameter, the nearest known one when there is one ("did you mean 'source'?") and the endpoint's parameters.
    """
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _CACHE.get(id(route))
    if known is None:
        known = _CACHE[id(route)] = query_names(dependant)
    message = unknown_query_message(request.query_params.keys(), known, request.url.path)
    if message:
        raise ConfigError(message)
    from .query_shape import repeated_query_message

    message = repeated_query_message(request.query_params.multi_items(), request.url.path)  # round r28
    if message:
        raise ConfigError(message)


def unknown_query_message(names: Iterable[str], known: Iterable[str], path: str, what: str = "endpoint",
                          see: str = "/docs") -> str | None:
    """The API's refusal of query parameters ``names`` that are not in ``known`` (None when all are known).

    ``names``: the request's parameter names (repeats allowed); ``known``: those the endpoint or page takes (``_``
    and the tracking parameters of :func:`ignored_name` are always taken); ``path``: the URL path named in the
    message; ``what``/``see``: "endpoint" and "/docs" for the API, "page" and the dashboard's documentation for a
    dashboard page (round r27), in the same wording.
    """
    known = frozenset(known)
    unknown = [k for k in dict.fromkeys(names) if k not in known and not ignored_name(k)]
    if not unknown:
        return None
    parts = []
    for name in unknown:
        near = [k for k in difflib.get_close_matches(name.lower(), sorted(known), n=3, cutoff=0.6)
                if same_name(name, k)][:1]
        parts.append(f"{name!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    noun = "unknown parameter" + ("s " if len(parts) > 1 else " ")
    return (f"{noun}{', '.join(parts)} for {path}: refused rather than answered unfiltered; "
            f"this {what} takes {', '.join(sorted(known)) or 'no parameters'} (see {see})")


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[_\-\s.]+", name.lower()) if w]


def same_name(name: str, known: str) -> bool:
    """Whether an unknown parameter ``name`` may be a mistyping of the known one, and not a parameter of another
    meaning (round r36, b32 F6: ``changed_since`` and ``since`` were offered ``made_since``, a filter on another
    day). Yes when, written without separators, the two are all but equal (``quadclass``, ``asof``, ``made_snce``);
    else each must have as many words, and each word must be close to its fellow (``sinse``, ``stauts``): a word
    added, dropped or swapped for another (``changed`` for ``made``) names another filter."""
    a, b = "".join(_words(name)), "".join(_words(known))
    if difflib.SequenceMatcher(None, a, b).ratio() >= 0.9:
        return True
    wa, wb = _words(name), _words(known)
    return len(wa) == len(wb) and all(difflib.SequenceMatcher(None, x, y).ratio() >= 0.6 for x, y in zip(wa, wb))


def parse_dyad(text: str) -> tuple[str, str]:
    """``(source, target)`` ISO3 codes, upper case, of a dyad written ``THA-KHM`` (or ``:``, ``>``, ``->``, ``→``).

    Raises ConfigError naming the text when it is not two three-letter codes so joined.
    """
    m = DYAD.match(text or "")
    if not m:
        raise ConfigError(f"dyad must look like JPN-CHN (two ISO3 country codes), not {text!r}")
    return m.group(1).upper(), m.group(2).upper()


def dyad_sides(dyad: str, source: str | None = None, target: str | None = None) -> tuple[str, str]:
    """``(source, target)`` of ``dyad`` (:func:`parse_dyad`), given beside the query's own ``source`` and ``target``.

    A ``source`` or ``target`` that names another country than the dyad's side is refused (ConfigError, the API's
    422) rather than answered for the dyad alone (round r31, b29 F6: ``dyad=JPN-CHN&source=CHN`` answered JPN→CHN
    without a word), as a filter given twice is; one that repeats the dyad's side (its code, upper case) is the same
    filter. A lower-case code is refused too: alone, ``source=jpn`` is read as part of
    an actor's name, as ``source=JPN&source=jpn`` is two filters (round r31), so beside a dyad it cannot be the code
    (round r33, b30 F8: it was, there only)."""
    src, tgt = parse_dyad(dyad)
    for name, given, side in (("source", source, src), ("target", target, tgt)):
        if given is not None and given.strip() and given.strip() != side and given.strip().upper() == side:
            low = given.strip()
            raise ConfigError(f"dyad={dyad.strip()} and {name}={low}: a lower-case {low} is read as part of an "
                              f"actor's name, not as the country code {side} (as {name}={low} alone is); write "
                              f"{name}={side}, or give the dyad alone")
        if given is not None and given.strip() and given.strip().upper() != side:
            raise ConfigError(f"dyad={dyad.strip()} and {name}={given.strip()} name different {name}s: refused rather "
                              f"than answered for only one; give the dyad, or source and target, not both")
    return src, tgt
