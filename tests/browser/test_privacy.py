"""The demo student takes their data with them, then erases their account."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.demo import DEMO_ACCOUNTS, demo_accounts_ensure
from accounts.models import ErasureLog
from quizzes.models import Attempt
from quizzes.services import attempt_start, attempt_submit
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import quiz_build

pytestmark = [pytest.mark.browser]

STUDENT = next(account for account in DEMO_ACCOUNTS if account.username == "demo-eleve")


def _sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()


def test_demo_student_exports_their_data_then_erases_the_account(browser_page):
    call_command("load_privacy_notice", verbosity=0)
    demo_accounts_ensure()
    student = get_user_model().objects.get(username=STUDENT.username)
    quiz = quiz_build(course=course_build(index=catalogue_build()))
    for _ in range(2):
        attempt_submit(attempt_id=attempt_start(user=student, quiz=quiz).pk, user=student, quiz=quiz)

    page = browser_page
    _sign_in(page, STUDENT.username, STUDENT.password)
    page.goto("/accounts/profile/")
    page.locator("footer a[href='/confidentialite/']").wait_for()  # the notice, from every page
    page.locator("main a[href='/accounts/profile/my-data/']").click()
    assert page.locator("main").inner_text().count("Quiz") >= 2

    with page.expect_download() as download_info:
        page.locator("main a[href='/accounts/profile/my-data.json']").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    attempts = next(section for section in data["sections"] if section["key"] == "quizzes.attempt.user")["rows"]
    assert len(attempts) == 2 and {row["quiz"] for row in attempts} == {"Quiz"}
    assert data["username"] == STUDENT.username

    page.goto("/accounts/profile/erase/")
    page.locator("input[name=password]").fill(STUDENT.password)
    page.locator("input[name=keep_certificates]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/")
    assert page.locator(".messages").count() == 1
    assert not get_user_model().objects.filter(username=STUDENT.username).exists()
    assert not Attempt.objects.exists()
    assert ErasureLog.objects.get().actor_role == "self"

    _sign_in(page, STUDENT.username, STUDENT.password)
    assert "le mot de passe sont incorrects" in page.locator("main").inner_text()
