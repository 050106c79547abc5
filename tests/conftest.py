"""Fixtures shared by the whole suite: users by role, and the browser harness."""

import contextlib
import os

import pytest

from tests.baseline import baseline_missing, baseline_snapshot
from tests.factories.accounts import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there
# unless told this is fine (it is: the loop belongs to the browser driver, not to Django).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser.harness", "tests.live_gunicorn"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Rebuild a reused test database that a previous run's transactional tests flushed, and
    snapshot what the data migrations created (see tests/baseline.py)."""
    from django.db import connection

    with django_db_blocker.unblock():
        if baseline_missing():
            connection.close()
            connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        baseline_snapshot()


@pytest.fixture
def student(db):
    return UserFactory(username="pupil-ana")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="site-admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the shared cache, which a database flush does not empty."""
    from django.core.cache import cache

    # Tests without database access cannot reach the cache table, and need no clean cache.
    with contextlib.suppress(Exception):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French: a request to /en/ leaves English active in the test thread,
    which would change what lazy strings compared in the next test read."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
