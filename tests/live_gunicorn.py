"""A real gunicorn (2 workers) serving the test database, for behaviour that only shows across
processes: rate limits and sessions shared by workers."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from tests.baseline import baseline_restore

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn_server(transactional_db):
    baseline_restore()
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearn.settings.test",
        "KALAN_TEST_DB_NAME": str(connection.settings_dict["NAME"]),
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_LOGLEVEL": "warning",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "elearn.wsgi:application",
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2).read()  # noqa: S310 - loopback
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("gunicorn did not start")
            time.sleep(0.2)
    yield base
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


class Browserless:
    """A cookie-keeping HTTP client that does not follow redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        body = urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def login(self, path: str, fields: dict) -> tuple[int, dict, str]:
        self.request(path)
        return self.request(path, {**fields, "csrfmiddlewaretoken": self.csrf_token()})
