"""gunicorn settings for `make run`, the benchmarks and production (override with GUNICORN_* env)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# At least two workers, so shared state (cache, sessions, rate limits) is proven to be shared.
workers = int(os.environ.get("GUNICORN_WORKERS", max(2, min(4, multiprocessing.cpu_count()))))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # recycle workers to bound memory growth
max_requests_jitter = 200
# gunicorn 27 opens a control socket in ~/.gunicorn/ by default: two instances on one host
# (the site and the benchmarks, or two checkouts) would clash.
control_socket_disable = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
