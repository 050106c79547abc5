"""The issue's end-to-end story: the demo student finishes the deepfakes module, downloads the
certificate, and anyone who scans its QR code logged out sees "valid", then "revoked"."""

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from django.core.management import call_command

from accounts.demo import demo_accounts_ensure
from certificates.models import Certificate
from courses.models import CoursePage, LessonPage
from quizzes.models import Attempt, QuizPage
from tests.browser.quiz_answers import answer_right

pytestmark = [pytest.mark.browser]


def log_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url("**/")


def qr_target(pdf: bytes) -> str:
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    return results[0].text


def test_demo_student_earns_downloads_and_anyone_verifies_then_sees_the_revocation(
    browser_page, live_server, settings, tmp_path
):
    settings.KALAN_PUBLIC_BASE_URL = live_server.url
    settings.KALAN_CERTIFICATE_PDF_ROOT = tmp_path / "certificates"
    call_command("load_starter_content", verbosity=0)  # the modules and their quizzes
    demo_accounts_ensure()
    course = CoursePage.objects.get(slug="deepfakes", locale__language_code="fr")
    quiz = QuizPage.objects.child_of(course).get()
    page = browser_page

    log_in(page, "demo-eleve", "kalan-demo-eleve")
    for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
        page.goto(lesson.url)
        page.locator("#lesson-end button[type=submit]").click()
        page.wait_for_load_state()
    assert not Certificate.objects.exists()  # the quiz is still to pass

    page.goto(quiz.url)
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_url("**/learn/attempts/*/")
    attempt = Attempt.objects.get(user__username="demo-eleve")
    answer_right(page, quiz, attempt)
    page.locator("button[name=submit]").click()
    page.wait_for_url("**/result/")
    attempt.refresh_from_db()
    assert attempt.passed
    certificate = Certificate.objects.get(user__username="demo-eleve")
    assert page.locator(".message-success").count() == 1  # "you have earned the certificate"

    page.goto("/accounts/profile/")
    page.locator("a[href='/learn/certificates/']").first.click()
    assert certificate.code in page.locator("main").inner_text()
    with page.expect_download() as download_info:
        page.locator(f"a[href='/learn/certificates/{certificate.code}/pdf/']").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) < 100_000
    url = qr_target(pdf)
    assert url == f"{live_server.url}/verify/{certificate.code}/"

    page.context.clear_cookies()  # logged out: a stranger with the printed certificate
    page.goto(url)
    assert page.locator("[data-status=valid]").is_visible()
    assert "Deepfakes" in page.locator("main").inner_text()
    assert not page.context.cookies()

    page.goto("/admin/login/")
    page.locator("#id_username").fill("demo-admin")
    page.locator("#id_password").fill("kalan-demo-admin")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/certificates/revoke/?code={certificate.code}")
    page.locator("#id_reason").fill("Quiz passé par quelqu'un d'autre")
    page.locator("#revoke-form button[type=submit]").click()
    page.wait_for_load_state()
    certificate.refresh_from_db()
    assert certificate.is_revoked

    page.context.clear_cookies()
    page.goto(url)
    assert page.locator("[data-status=revoked]").is_visible()
    assert not page.locator("[data-status=valid]").count()
