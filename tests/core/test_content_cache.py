"""Published-content lookups are remembered between requests, and forgotten on any edit."""

import pytest
from django.core.cache import cache

from core import content_cache
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build, lesson_build, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    course = course_build(index=catalogue_build())
    return lesson_build(course=course, title="Une photo suffit", slug="une-photo")


def test_a_warm_lesson_page_costs_a_learner_four_queries(client, lesson, django_assert_num_queries):
    """Session, user, the content generation and the learner's progress: nothing else."""
    client.force_login(UserFactory())
    client.get(lesson.url)
    with django_assert_num_queries(4):
        response = client.get(lesson.url)
    assert response.status_code == 200


def test_a_republished_title_shows_on_the_next_request(client, lesson):
    assert "Une photo suffit" in client.get(lesson.url).text
    lesson.title = "Une seule photo suffit"
    lesson.save_revision().publish()
    assert "Une seule photo suffit" in client.get(lesson.url).text


def test_an_unpublished_lesson_is_gone_on_the_next_request(client, lesson):
    assert client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_new_lesson_shows_in_the_module_at_once(client, lesson):
    course = lesson.get_parent().specific
    assert "Le chantage" not in client.get(course.url).text
    lesson_build(course=course, title="Le chantage", slug="chantage")
    assert "Le chantage" in client.get(course.url).text


def test_a_new_translation_appears_in_the_language_links(client, lesson):
    links = client.get(lesson.url).text
    assert "one-photo" not in links
    translate(catalogue_build(), "en", title="Modules", slug="modules")
    translate(lesson.get_parent(), "en", title="Deepfakes", slug="deepfakes")
    translate(lesson, "en", title="One photo is enough", slug="one-photo")
    assert "/en/modules/deepfakes/one-photo/" in client.get(lesson.url).text


def test_another_worker_edit_is_seen_through_the_shared_generation(client, lesson):
    """Another gunicorn worker's publish only reaches this process through the shared cache."""
    client.get(lesson.url)
    remembered = dict(content_cache._memo)
    assert remembered, "serving a page remembers its lookups"
    cache.set(content_cache.GENERATION_KEY, "changed-by-another-worker", None)
    client.get(lesson.url)
    assert content_cache._memo_generation[0] == "changed-by-another-worker"


def test_outside_a_request_nothing_is_remembered(lesson):
    calls = []
    for _ in range(2):
        content_cache.content_memo(("probe",), lambda: calls.append(1))
    assert len(calls) == 2


def test_unknown_paths_are_not_remembered(client, lesson):
    for number in range(20):
        assert client.get(f"/nothing-{number}/").status_code == 404
    assert not [key for key in content_cache._memo if key[0] == "route" and "nothing" in key[-1]]


def test_wagtails_unthrottled_front_end_login_sends_to_the_site_login(client):
    response = client.post("/_util/login/", {"username": "x", "password": "y"})
    assert response.status_code in (301, 302)
    assert response["Location"].startswith("/accounts/login/")


def test_a_new_module_and_its_quiz_show_at_once(client, lesson):
    from tests.factories.quizzes import quiz_build, sample_questions

    catalogue = catalogue_build()
    assert "Sextorsion" not in client.get(catalogue.url).text
    assert "Sextorsion" not in client.get("/").text
    module = course_build(index=catalogue, title="Sextorsion", slug="sextorsion")
    assert "Sextorsion" in client.get(catalogue.url).text
    assert "Sextorsion" in client.get("/").text
    before = client.get(module.url).text
    quiz = quiz_build(course=module, questions=sample_questions())
    assert quiz.url not in before and quiz.url in client.get(module.url).text
