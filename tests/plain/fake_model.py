"""A fake OpenAI-compatible chat endpoint on 127.0.0.1 for the LLM-mode tests: the model
lies on the internet, so it is the one part these tests fake."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ChatHandler(BaseHTTPRequestHandler):
    """A chat-completions handler: subclasses read the request and answer with ``answer``."""

    def read_body(self) -> dict:
        length = int(self.headers.get("Content-Length", 0))
        return json.loads(self.rfile.read(length))

    def answer(self, content: str) -> None:
        """Send ``content`` as the assistant's message."""
        message = {"index": 0, "message": {"role": "assistant", "content": content}}
        self.send(200, json.dumps({"choices": [message]}).encode())

    def send(self, status: int, payload: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout cases)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(handler: type[ChatHandler], **state) -> Iterator[ThreadingHTTPServer]:
    """A threaded server of ``handler`` on a free port of 127.0.0.1, with ``state`` set on it."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    for name, value in state.items():
        setattr(httpd, name, value)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
