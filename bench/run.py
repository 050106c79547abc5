"""`make bench`: page weight, SQL queries and throughput, read against a bare-Django reference line.

Starts gunicorn with 2 workers on 127.0.0.1 (its own port and database), then for every page of
bench/pages.py prints: bytes of its first view on the wire (HTML + CSS + JS, compressed as
served), SQL queries, requests/s, p50/p99 latency, and requests/s as a percentage of the bare
view measured in the same run -- this machine is shared and noisy, so ratios are what compare.
"""

import gzip
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

import django  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    from bench.fixtures import bench_data_ensure

    bench_data_ensure()


def h5p_player_bytes(base: str, player_path: str, cookie: str) -> int:
    """What pressing "start" costs: the player page and its scripts, plus h5p-standalone's
    frame script and styles (the activity's libraries and content come on top)."""
    total = first_view_bytes(base, player_path, cookie)
    for name in ("frame.bundle.js", "styles/h5p.css"):
        total += fetch(f"{base}/h5p/player/vendor/h5p-standalone/{name}", "")[0]
    return total


def session_cookie(username: str | None) -> str:
    if username is None:
        return ""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(path: str, username: str | None) -> int:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    client.get(path)  # warm caches the way a running site has them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return len(ctx.captured_queries)


def fetch(url: str, cookie: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        raw = response.read()
        body = gzip.decompress(raw) if response.headers.get("Content-Encoding") == "gzip" else raw
        return len(raw), body


def first_view_bytes(base: str, path: str, cookie: str) -> int:
    """HTML plus the same-origin CSS and JS it references, as compressed on the wire."""
    wire, html = fetch(base + path, cookie)
    assets = set(re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(/[^"]+)"', html))
    for asset in assets:
        asset_wire, _ = fetch(base + asset.decode(), "")
        wire += asset_wire
    return wire


def load(url: str, cookie: str) -> dict:
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", url]
    if cookie:
        args[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "rps": rps,
        "p50": re.search(r"50%\s+([\d.]+\w+)", out).group(1),
        "p99": re.search(r"99%\s+([\d.]+\w+)", out).group(1),
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (Debian package) for the load figures...")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    if not shutil.which("wrk"):
        sys.exit("make bench needs the load tool wrk: apt-get install wrk")


def main() -> int:
    ensure_wrk()
    django.setup()
    prepare()
    from bench.fixtures import bench_h5p_lesson_ensure
    from bench.pages import PAGES

    h5p_lesson = bench_h5p_lesson_ensure()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "GUNICORN_ACCESSLOG": "", "GUNICORN_LOGLEVEL": "warning", "GUNICORN_WORKERS": "2"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
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
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz", "")
                break
            except OSError:
                time.sleep(0.2)
        reference = load(base + "/bench/bare/", "")
        rows = [("bare Django view (reference)", "-", "0", reference)]
        for label, path, username in PAGES:
            if path.endswith("/bench-h5p/") and h5p_lesson is None:
                continue  # ../shared/h5p/ is missing
            cookie = session_cookie(username)
            size = first_view_bytes(base, path, cookie)
            queries = count_queries(path, username)
            rows.append((label, f"{size / 1024:.1f} KB", str(queries), load(base + path, cookie)))
        print_table(rows, reference["rps"])
        if h5p_lesson:
            player = h5p_player_bytes(base, h5p_lesson[1], session_cookie("bench-student"))
            print(f"H5P player on start (not in the lesson's first view): {player / 1024:.1f} KB on the wire")
        from bench.h5p import h5p_figures
        from bench.quiz import quiz_figures

        print()
        for label, time_figure, memory_figure in [*h5p_figures(), *quiz_figures()]:
            print(f"{label:<42} {time_figure:>10} {memory_figure:>14}")
        from bench.certificates import certificate_figures

        print()
        for label, time_figure, size_figure in certificate_figures():
            print(f"{label:<42} {time_figure:>10} {size_figure:>14}")
        from bench.classrooms import classroom_figures

        print()
        for label, time_figure, other in classroom_figures():
            print(f"{label:<52} {time_figure:>10} {other:>14}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return 0


def print_table(rows, reference_rps: float) -> None:
    print()
    print(
        f"{'page':<34} {'first view':>10} {'queries':>8} {'req/s':>8} {'% of ref':>9} {'p50':>9} {'p99':>9} {'errors':>7}"
    )
    for label, size, queries, figures in rows:
        share = 100 * figures["rps"] / reference_rps if reference_rps else 0
        print(
            f"{label:<34} {size:>10} {queries:>8} {figures['rps']:>8.0f} {share:>8.1f}% "
            f"{figures['p50']:>9} {figures['p99']:>9} {figures['errors']:>7}"
        )
    print()
    print(f"gunicorn: 2 workers, wrk: {CONNECTIONS} connections for {DURATION} per line, on 127.0.0.1.")


if __name__ == "__main__":
    sys.exit(main())
