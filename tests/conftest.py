"""Fixtures shared by the whole suite: users by role, and the browser harness."""

import os

import pytest

from tests.factories.accounts import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there
# unless told this is fine (it is: the loop belongs to the browser driver, not to Django).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser.harness"]


@pytest.fixture
def student(db):
    return UserFactory(username="pupil-ana")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="site-admin", is_staff=True, is_superuser=True)
