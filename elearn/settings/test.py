"""Settings for the test suite."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, MIDDLEWARE

SECRET_KEY = "tests-only-not-secret"  # noqa: S105 - tests only
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# A gunicorn started by a test (tests/live_gunicorn.py) points at the test database by name.
if os.environ.get("KALAN_TEST_DB_NAME"):
    DATABASES["default"]["NAME"] = os.environ["KALAN_TEST_DB_NAME"]

# A file-backed SQLite test database, so `pytest --reuse-db` skips re-creating it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("KALAN_TEST_DB_FILE", str(BASE_DIR / ".test-db.sqlite3"))}

# Tests never need durable commits: skipping the WAL flush makes transactional tests cheaper.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off -c jit=off"

# Hashing costs ~0.5 s per password with the production hasher; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests run without collectstatic: plain storage, no manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# pytest-xdist workers (and the gunicorn a worker starts, which inherits its environment) each
# get their own media folder, so a test checking that nothing was written sees only its own.
MEDIA_ROOT = BASE_DIR / ".test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
SERVE_MEDIA = True
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
KALAN_QUICK_EXIT_URL = "http://neutral.invalid/"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
MIDDLEWARE = list(MIDDLEWARE)
