"""gaiko's web server: a REST API and a dashboard over one store (``gaiko serve``).

FastAPI, uvicorn and Jinja2 come with the ``serve`` extra; nothing here is
imported until :func:`create_app` is called.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(*args: Any, **kwargs: Any) -> Any:
    """Build the FastAPI app; see :func:`gaiko.server.app.create_app`."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)
