"""The demo student takes their data with them, then erases their account keeping their
certificate; the teacher's class no longer names them and the certificate still verifies.
A teacher erases a pupil account they made."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.demo import DEMO_ACCOUNTS, demo_accounts_ensure
from accounts.models import ErasureLog
from certificates.models import Certificate
from certificates.services import certificate_issue_if_complete
from classrooms.demo import demo_classroom_ensure
from classrooms.models import ClassroomMembership
from quizzes.models import Attempt
from quizzes.services import attempt_start, attempt_submit
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.certificates import module_build, module_finish

pytestmark = [pytest.mark.browser]

STUDENT = next(account for account in DEMO_ACCOUNTS if account.username == "demo-eleve")
TEACHER = next(account for account in DEMO_ACCOUNTS if account.username == "demo-enseignant")
CERTIFICATE_NAME = "Aminata Traoré"


def _sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()


def _anonymous_certificate_text() -> str:
    with translation.override("fr"):
        return gettext("Not shown: the learner erased their account and kept this certificate anonymously.")


def test_demo_student_exports_their_data_then_erases_the_account(browser_page):
    call_command("load_privacy_notice", verbosity=0)
    demo_accounts_ensure()
    classroom = demo_classroom_ensure()  # demo-eleve is in demo-enseignant's class
    student = get_user_model().objects.get(username=STUDENT.username)
    student.certificate_name = CERTIFICATE_NAME
    student.save(update_fields=["certificate_name"])
    course, lessons, quiz = module_build()
    for _ in range(2):  # two failed tries, then the module finished and its quiz passed
        attempt_submit(attempt_id=attempt_start(user=student, quiz=quiz).pk, user=student, quiz=quiz)
    module_finish(user=student, lessons=lessons, quiz=quiz)
    certificate, issued = certificate_issue_if_complete(user=student, course_key=course.translation_key)
    assert issued
    verify_url = reverse("certificate_verify_code", kwargs={"code": certificate.code})
    dashboard_url = reverse("classrooms_dashboard", kwargs={"pk": classroom.pk})

    page = browser_page
    # Before: the teacher's class names the student; the certificate shows her name.
    _sign_in(page, TEACHER.username, TEACHER.password)
    page.goto(dashboard_url)
    expect(page.locator("main")).to_contain_text(STUDENT.display_name)
    page.context.clear_cookies()
    page.goto(verify_url)
    expect(page.locator("[data-status=valid]")).to_contain_text(CERTIFICATE_NAME)

    _sign_in(page, STUDENT.username, STUDENT.password)
    page.goto("/accounts/profile/")
    page.locator("footer a[href='/confidentialite/']").wait_for()  # the notice, from every page
    page.locator("main a[href='/accounts/profile/my-data/']").click()
    assert page.locator("main").inner_text().count("Quiz") >= 3

    with page.expect_download() as download_info:
        page.locator("main a[href='/accounts/profile/my-data.json']").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    sections = {section["key"]: section["rows"] for section in data["sections"]}
    attempts = sections["quizzes.attempt.user"]
    assert len(attempts) == 3 and {row["quiz"] for row in attempts} == {"Quiz"}
    assert [row["code"] for row in sections["certificates.certificate.user"]] == [certificate.code]
    assert data["username"] == STUDENT.username

    page.goto("/accounts/profile/erase/")
    page.locator("input[name=password]").fill(STUDENT.password)
    page.locator("input[name=keep_certificates]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/")
    expect(page.locator(".messages")).to_have_count(1)
    assert not get_user_model().objects.filter(username=STUDENT.username).exists()
    assert not Attempt.objects.exists()
    assert ErasureLog.objects.get().actor_role == "self"

    _sign_in(page, STUDENT.username, STUDENT.password)
    expect(page.locator("main")).to_contain_text("le mot de passe sont incorrects")

    # The teacher's class: a count of erased accounts, no name.
    _sign_in(page, TEACHER.username, TEACHER.password)
    page.goto(dashboard_url)
    expect(page.locator("[data-erased-pupils]")).to_have_attribute("data-erased-pupils", "1")
    expect(page.locator("main")).not_to_contain_text(STUDENT.display_name)
    expect(page.locator("main")).not_to_contain_text(STUDENT.username)

    # An employer checks the kept certificate, signed out: valid, without a name.
    page.context.clear_cookies()
    page.goto(verify_url)
    result = page.locator("[data-status=valid]")
    expect(result).to_be_visible()
    expect(result).to_contain_text(_anonymous_certificate_text())
    expect(page.locator("main")).not_to_contain_text("Aminata")
    assert Certificate.objects.get(code=certificate.code).user_id is None


def test_the_teacher_erases_a_pupil_account_they_made(browser_page):
    demo_accounts_ensure()
    classroom = demo_classroom_ensure()
    pupil = UserFactory(username="awa.diarra", display_name="Awa Diarra")
    membership, _ = ClassroomMembership.objects.update_or_create(
        classroom=classroom,
        user=pupil,
        defaults={"role": ClassroomMembership.Role.STUDENT, "created_by_teacher": True},
    )

    page = browser_page
    _sign_in(page, TEACHER.username, TEACHER.password)
    page.goto(reverse("classrooms_pupil", kwargs={"pk": classroom.pk, "membership_pk": membership.pk}))
    with page.expect_download() as download_info:
        page.locator("main a[data-pupil-export]").click()
    assert json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))["username"] == "awa.diarra"

    page.locator("main a[data-pupil-erase-link]").click()
    expect(page.locator("[data-pupil-erase] h1")).to_contain_text("Awa Diarra")
    page.locator("input[name=username]").fill("moussa")  # the wrong pupil: nothing happens
    page.locator("main form button[type=submit]").click()
    expect(page.locator("input[name=username]")).to_have_attribute("aria-invalid", "true")
    assert get_user_model().objects.filter(username="awa.diarra").exists()

    page.locator("input[name=username]").fill("awa.diarra")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('classrooms_dashboard', kwargs={'pk': classroom.pk})}")
    expect(page.locator("[data-erased-pupils]")).to_have_attribute("data-erased-pupils", "1")
    expect(page.locator("main")).not_to_contain_text("Awa Diarra")
    assert ErasureLog.objects.get().actor_role == "teacher"

    page.context.clear_cookies()
    _sign_in(page, "awa.diarra", DEFAULT_PASSWORD)
    expect(page.locator("main")).to_contain_text("le mot de passe sont incorrects")
