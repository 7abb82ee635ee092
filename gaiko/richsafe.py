"""Text for Rich: user and article text printed through Rich as it is stored.

Rich reads ``[...]`` in a printed string as markup and drops what it takes for a tag: an editorial "[the]" or
"[sic]" in quoted evidence, or "lxml[html-clean]" in an install hint, vanished from tables (round b31, finding 2).
Every string that comes from an article, a file, a store or a user goes through :func:`plain` before Rich sees it;
gaiko's own markup (``[bold]``) is written around it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["plain"]


def plain(value: Any) -> str:
    """``str(value)`` with Rich markup escaped, so Rich prints it exactly (``None`` -> ``""``)."""
    from rich.markup import escape

    return "" if value is None else escape(str(value))
