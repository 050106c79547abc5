"""Classroom reality: forty pupils behind one school IP, and attackers guessing passwords.

These run against a real gunicorn with 2 workers, so the limits are proven shared by workers.
"""

import pytest

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.live_gunicorn import Browserless

THROTTLED = "Trop de tentatives"


def _site_login(base, username, password):
    return Browserless(base).login("/accounts/login/", {"login": username, "password": password})


def test_forty_pupils_from_one_ip_all_log_in_within_a_minute(gunicorn_server):
    pupils = [UserFactory(username=f"pupil{n:02d}") for n in range(40)]
    for pupil in pupils:
        status, headers, _ = _site_login(gunicorn_server, pupil.username, DEFAULT_PASSWORD)
        assert status == 302, f"{pupil.username} could not log in"
        assert headers["Location"] == "/"


def test_wrong_passwords_throttle_that_username_only(gunicorn_server):
    UserFactory(username="target")
    UserFactory(username="classmate")
    for _ in range(5):
        status, _, html = _site_login(gunicorn_server, "target", "wrong-password")
        assert status == 200
        assert "mot de passe" in html and THROTTLED not in html
    status, _, html = _site_login(gunicorn_server, "target", "wrong-password")
    assert THROTTLED in html
    # Even the right password is refused while the username is throttled...
    status, _, html = _site_login(gunicorn_server, "target", DEFAULT_PASSWORD)
    assert status == 200 and THROTTLED in html
    # ...but a classmate behind the same IP logs in normally.
    status, headers, _ = _site_login(gunicorn_server, "classmate", DEFAULT_PASSWORD)
    assert status == 302


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_logins_are_throttled_on_direct_posts(gunicorn_server, path):
    UserFactory(username="editor-x", is_staff=True, is_superuser=True)
    statuses = [
        Browserless(gunicorn_server).login(path, {"username": "editor-x", "password": "guess"})[0] for _ in range(12)
    ]
    assert statuses[:5] == [200] * 5
    assert 429 in statuses[5:]
    assert statuses[-1] == 429
    # The right password does not get through while throttled.
    status, _, _ = Browserless(gunicorn_server).login(path, {"username": "editor-x", "password": DEFAULT_PASSWORD})
    assert status == 429


def test_a_class_signs_up_from_one_ip(gunicorn_server):
    for n in range(40):
        client = Browserless(gunicorn_server)
        status, headers, html = client.login(
            "/accounts/signup/",
            {
                "username": f"newpupil{n}",
                "password1": "mango-river-77x",
                "password2": "mango-river-77x",
                "accept_privacy_notice": "on",
            },
        )
        assert status == 302, f"sign-up {n} failed: {html[:200]}"
