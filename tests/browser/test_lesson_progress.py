import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.courses import catalogue_build, course_build, lesson_build, translate

pytestmark = [pytest.mark.browser]


def test_student_completes_a_lesson_and_keeps_progress_in_english(browser_page):
    course = course_build(index=catalogue_build())
    first = lesson_build(course=course, title="Qu'est-ce qu'un deepfake ?", slug="quest-ce")
    lesson_build(course=course, title="Une photo suffit", slug="une-photo")
    translate(catalogue_build(), "en", title="Modules", slug="modules")
    english_course = translate(course, "en", title="Deepfakes", slug="deepfakes")
    translate(first, "en", title="What is a deepfake?", slug="what-is")
    UserFactory(username="aminata")

    page = browser_page
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill("aminata")
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    page.goto(course.url)
    assert page.locator("progress").get_attribute("value") == "0"
    page.get_by_role("link", name="Qu'est-ce qu'un deepfake ?").click()
    page.locator("#lesson-end button[type=submit]").click()
    # On to the next lesson, and the module shows the progress.
    assert page.url.endswith("/modules/deepfakes/une-photo/")
    page.goto(course.url)
    assert page.locator("progress").get_attribute("value") == "50"

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{english_course.url}")
    assert page.locator("progress").get_attribute("value") == "50"
    assert "1 of 2 lessons completed" in page.locator("main").inner_text()
    page.get_by_role("link", name="What is a deepfake?").click()
    assert "You have completed this lesson." in page.locator("main").inner_text()
    assert LessonPage.objects.count() == 3


def test_scenario_choices_reveal_their_consequence_one_at_a_time(browser_page):
    course = course_build(index=catalogue_build())
    scenario = {
        "situation": "<p>Moussa reçoit une vidéo truquée d'Aminata.</p>",
        "question": "Que fait-il ?",
        "choices": [
            {"label": "Il la transfère au groupe", "consequence": "<p>Il aggrave le mal.</p>", "recommended": False},
            {"label": "Il la signale et prévient Aminata", "consequence": "<p>Il l'aide.</p>", "recommended": True},
        ],
    }
    lesson = lesson_build(
        course=course, title="Scénario", slug="scenario", body=[{"type": "scenario", "value": scenario}]
    )
    page = browser_page
    page.goto(lesson.url)
    page.get_by_text("Il la transfère au groupe").click()
    expect(page.get_by_text("Il aggrave le mal.")).to_be_visible()
    expect(page.get_by_text("Réfléchis encore.")).to_be_visible()
    page.get_by_text("Il la signale et prévient Aminata").click()
    expect(page.get_by_text("Il l'aide.")).to_be_visible()
    expect(page.get_by_text("Il aggrave le mal.")).to_be_hidden()  # the other answer closed
