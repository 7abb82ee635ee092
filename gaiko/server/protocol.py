"""uvicorn's HTTP protocol with gaiko's JSON error shape for the requests uvicorn itself refuses.

A request HTTP cannot parse (a ``Content-Length`` that is not a number, two that disagree, a header line without a
colon, a malformed request line) never reaches the app: uvicorn's protocol answers it with a plain-text 400,
"Invalid HTTP request received.", and closes the connection (round r25: the one answer of the API that was not
``{"error": ..., "message": ...}``). :func:`json_http_protocol` is the protocol class uvicorn would choose (``h11``,
or ``httptools`` where it is installed) with that answer written in the API's shape instead: the same status 400,
``{"error": "bad_request", "message": ...}``, ``Content-Type: application/json``, the connection closed as before.
``gaiko serve`` passes it as uvicorn's ``http``.
"""

from __future__ import annotations

import asyncio
import json
from functools import lru_cache

__all__ = ["json_http_protocol", "BAD_REQUEST_BODY"]

#: the body of the 400 (uvicorn gives no detail of what it could not parse)
BAD_REQUEST_BODY = json.dumps({
    "error": "bad_request",
    "message": "malformed HTTP request: it could not be parsed (a Content-Length that is not a whole number of bytes, "
               "two Content-Length headers that disagree, a header line without a colon, a malformed request line); "
               "send a well-formed HTTP/1.1 request (docs/api.md, Errors)",
}).encode("ascii")


@lru_cache(maxsize=1)
def json_http_protocol() -> type[asyncio.Protocol]:
    """The class uvicorn's ``http="auto"`` resolves to, its plain-text 400 replaced by the JSON error shape.

    Returns a subclass of ``uvicorn.protocols.http.auto.AutoHTTPProtocol``; raises ImportError without uvicorn.
    """
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    base: type = AutoHTTPProtocol

    class JsonErrorProtocol(base):  # type: ignore[misc, valid-type]
        def send_400_response(self, msg: str) -> None:  # noqa: ARG002 - uvicorn's text is replaced
            head = [b"HTTP/1.1 400 Bad Request\r\n"]
            for name, value in getattr(self.server_state, "default_headers", ()):
                head.append(name + b": " + value + b"\r\n")
            head += [b"content-type: application/json\r\n",
                     b"content-length: " + str(len(BAD_REQUEST_BODY)).encode("ascii") + b"\r\n",
                     b"connection: close\r\n", b"\r\n", BAD_REQUEST_BODY]
            self.transport.write(b"".join(head))
            self.transport.close()

    JsonErrorProtocol.__name__ = JsonErrorProtocol.__qualname__ = f"Json{base.__name__}"
    return JsonErrorProtocol
