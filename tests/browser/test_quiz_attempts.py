"""Quizzes in a real browser: answers save in the background, a timer shows, and the demo
student fails the deepfakes module quiz, tries again and passes."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.demo import demo_accounts_ensure
from courses.models import LessonPage
from quizzes.models import Attempt, Question, QuizPage
from tests.browser.quiz_answers import answer_right as _answer_right
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import quiz_build

pytestmark = [pytest.mark.browser]


def _login(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))


def test_answers_save_in_the_background_and_a_timer_counts_down(browser_page):
    quiz = quiz_build(course=course_build(index=catalogue_build()), time_limit_minutes=5)
    user = UserFactory(username="aminata")
    page = browser_page
    _login(page, "aminata", DEFAULT_PASSWORD)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    timer = page.get_by_role("timer")
    assert re.search(r"[45]:\d\d", timer.inner_text())
    true_false = Question.objects.get(page=quiz, kind="true_false")
    page.locator(f"#f-{true_false.translation_key}").check()
    status = page.locator("[data-save-status]")
    expect(status).to_have_text(status.get_attribute("data-saved"))  # "saved", in the page's language
    expect(status).to_be_visible()
    attempt = Attempt.objects.get(user=user)
    assert attempt.responses.get().answer == "false"
    assert not attempt.is_submitted
    page.reload()  # a closed tab or a dropped connection loses nothing
    assert page.locator(f"#f-{true_false.translation_key}").is_checked()


def test_when_the_time_runs_out_the_page_hands_in_the_attempt(browser_page):
    quiz = quiz_build(course=course_build(index=catalogue_build()), time_limit_minutes=5)
    user = UserFactory(username="aminata")
    page = browser_page
    _login(page, "aminata", DEFAULT_PASSWORD)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    attempt = Attempt.objects.get(user=user)
    true_false = Question.objects.get(page=quiz, kind="true_false")
    page.locator(f"#f-{true_false.translation_key}").check()
    status = page.locator("[data-save-status]")
    expect(status).to_have_text(status.get_attribute("data-saved"))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=3))
    page.reload()
    page.wait_for_url(f"**/learn/attempts/{attempt.pk}/result/", timeout=15_000)
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert attempt.responses.get(question_key=true_false.translation_key).answer == "false"


def test_demo_student_fails_the_deepfakes_quiz_then_tries_again_and_passes(browser_page):
    from django.core.management import call_command

    call_command("load_starter_content", verbosity=0)  # the modules and their quizzes
    demo_accounts_ensure()
    quiz = QuizPage.objects.get(slug="quiz", url_path__contains="/deepfakes/", locale__language_code="fr")

    page = browser_page
    _login(page, "demo-eleve", "kalan-demo-eleve")
    page.goto(quiz.get_parent().url)
    page.get_by_role("link", name="Quiz : Deepfakes").click()
    page.get_by_role("button", name="Commencer le quiz").click()
    # Sending nothing: the page lists the missing answers, the learner hands in anyway and fails.
    page.get_by_role("button", name="Envoyer", exact=True).click()
    assert page.get_by_role("alert").is_visible()
    page.get_by_role("button", name="Envoyer quand même").click()
    main = page.locator("main").inner_text()
    assert "0 %" in main and "Pas réussi cette fois" in main

    # The result page offers the next step: try again, right there.
    expect(page.locator("[data-next=retry]")).to_be_visible()
    page.get_by_role("button", name="Réessayer").click()
    second = Attempt.objects.get(user__username="demo-eleve", number=2)
    _answer_right(page, quiz, second)
    page.get_by_role("button", name="Envoyer", exact=True).click()
    main = page.locator("main").inner_text()
    assert "100 %" in main and "Bravo, tu as réussi" in main
    second.refresh_from_db()
    assert second.passed and Attempt.objects.filter(user__username="demo-eleve").count() == 2
    # Passed with the lessons still unread: the page lists them for the certificate, offers the
    # next module, and shows both attempts.
    expect(page.locator("[data-next=lessons-to-complete] li")).to_have_count(
        quiz.get_parent().get_children().type(LessonPage).live().count()
    )
    expect(page.locator("[data-next=next-module] a")).to_be_visible()
    expect(page.locator("table.attempt-history tbody tr")).to_have_count(2)
    page.get_by_role("link", name="Retour au quiz").click()
    assert page.locator("ol.attempts li").count() == 2
