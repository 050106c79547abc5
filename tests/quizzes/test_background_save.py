"""What quiz.js relies on: a background save answers JSON, never a grade, and respects the deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes.models import Attempt, Question
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def started(client):
    quiz = quiz_build(course=course_build(index=catalogue_build()), time_limit_minutes=10)
    client.force_login(UserFactory(username="aminata"))
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    return quiz, Attempt.objects.get()


def test_a_background_save_stores_the_answer_and_answers_json(client, started):
    quiz, attempt = started
    true_false = Question.objects.get(page=quiz, kind="true_false")
    response = client.post(f"/learn/attempts/{attempt.pk}/", {f"q-{true_false.translation_key}": "false"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {"saved": 1, "open": True}  # nothing about right or wrong
    assert attempt.responses.get().answer == "false"
    html = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()
    assert 'value="false" checked' in html
    assert "Tes réponses sont enregistrées." not in html  # no flash message left for the next page


def test_the_page_carries_the_script_and_the_servers_time_left(client, started):
    _, attempt = started
    html = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()
    assert "js/quiz.js" in html and "data-quiz-attempt" in html
    seconds = int(html.split('data-seconds-left="')[1].split('"')[0])
    assert 590 <= seconds <= 600


def test_a_background_save_after_the_deadline_is_refused_and_grades_nothing(client, started):
    quiz, attempt = started
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    true_false = Question.objects.get(page=quiz, kind="true_false")
    response = client.post(f"/learn/attempts/{attempt.pk}/", {f"q-{true_false.translation_key}": "false"}, **JSON)
    assert response.json() == {"saved": 0, "open": False}
    attempt.refresh_from_db()
    assert not attempt.responses.exists() and not attempt.is_submitted


def test_another_learners_attempt_is_404_in_the_background_too(client, started):
    _, attempt = started
    client.force_login(UserFactory(username="moussa"))
    assert client.post(f"/learn/attempts/{attempt.pk}/", {}, **JSON).status_code == 404
