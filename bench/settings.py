"""Benchmark settings: the local demo's settings plus a bare reference view, on their own database."""

import os

from elearn.settings.dev import *  # noqa: F403
from elearn.settings.dev import BASE_DIR

ROOT_URLCONF = "bench.urls"
DEBUG = False
if not os.environ.get("DATABASE_URL"):
    DATABASES = {  # noqa: F405 - replaces the dev database with the bench's own
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "bench" / ".bench.sqlite3",
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

# The bench hammers one verification page from one IP: lift its per-IP limit.
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "certificate_verify": "100000000/m/ip"}  # noqa: F405
