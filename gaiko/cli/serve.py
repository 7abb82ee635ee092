"""`gaiko serve`: the REST API and the dashboard over one store."""

from __future__ import annotations

import os

import typer

from ..errors import GaikoError
from .common import fail


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to serve (created empty if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    api_key_env: str = typer.Option(
        "GAIKO_API_KEY", "--api-key-env",
        help="Environment variable holding the API key for writes. Unset or empty: the server is read-only.",
    ),
    max_body_mb: float = typer.Option(5.0, "--max-body-mb", min=0.001, help="Largest request body accepted, in MiB."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the REST API (/api/v1, schema at /docs) and the web dashboard."""
    try:
        import uvicorn

        from ..server import create_app
    except ImportError as exc:
        fail(f"gaiko serve needs the serve extra ({exc.name} is missing): pip install 'gaiko[serve]'")
    key = os.environ.get(api_key_env) or None
    try:
        app = create_app(db, api_key=key, max_body=int(max_body_mb * 1024 * 1024))
    except GaikoError as exc:
        fail(exc)
    mode = "read-write (API key from $" + api_key_env + ")" if key else f"read-only (set ${api_key_env} to accept articles)"
    typer.echo(f"gaiko serving {db} on http://{host}:{port}/ — {mode}", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
