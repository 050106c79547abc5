import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from quizzes.models import Attempt, Question, Response
from quizzes.services import attempt_start, attempt_submit
from tests.baseline import baseline_restore
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    return quiz_build(course=course_build(index=catalogue_build()))


@pytest.fixture
def learner(client):
    user = UserFactory(username="aminata")
    client.force_login(user)
    return user


def _start(client, quiz) -> Attempt:
    response = client.post(f"/learn/quizzes/{quiz.pk}/start/")
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def _keys(quiz, kind) -> tuple[Question, list[str], list[str]]:
    question = Question.objects.get(page=quiz, kind=kind)
    all_keys = [str(c.translation_key) for c in question.choices.all()]
    correct = [str(c.translation_key) for c in question.choices.all() if c.correct]
    return question, all_keys, correct


def _perfect_post(quiz) -> dict:
    data = {}
    single, _, single_ok = _keys(quiz, "single")
    data[f"q-{single.translation_key}"] = single_ok[0]
    multiple, _, multiple_ok = _keys(quiz, "multiple")
    data[f"q-{multiple.translation_key}"] = multiple_ok
    true_false = Question.objects.get(page=quiz, kind="true_false")
    data[f"q-{true_false.translation_key}"] = "false"
    ordering, order_keys, _ = _keys(quiz, "ordering")
    for position, key in enumerate(order_keys, start=1):
        data[f"q-{ordering.translation_key}-{key}"] = str(position)
    matching, pair_keys, _ = _keys(quiz, "matching")
    for key in pair_keys:
        data[f"q-{matching.translation_key}-{key}"] = key
    reflection = Question.objects.get(page=quiz, kind="reflection")
    data[f"q-{reflection.translation_key}"] = "Ma tante"
    return data


def test_learner_scores_full_marks_graded_on_the_server(client, learner, quiz):
    attempt = _start(client, quiz)
    response = client.post(f"/learn/attempts/{attempt.pk}/", {**_perfect_post(quiz), "submit": "1"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.passed
    assert attempt.percent == 100
    assert attempt.max_score == 5  # the reflection is not graded
    html = client.get(f"/learn/attempts/{attempt.pk}/result/").content.decode()
    assert "100 %" in html


def test_in_progress_page_leaks_no_answer(client, learner, quiz):
    attempt = _start(client, quiz)
    html = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()
    assert "correct" not in html.lower()
    ordering, order_keys, _ = _keys(quiz, "ordering")
    positions = [html.index(f"q-{ordering.translation_key}-{key}") for key in order_keys]
    assert positions != sorted(positions)  # items never shown in their solution order
    assert "Ne pas payer" in html  # matching options are shown, pairs are not marked


def test_forged_fields_are_ignored(client, learner, quiz):
    attempt = _start(client, quiz)
    single, _, single_ok = _keys(quiz, "single")
    other_question_choice = _keys(quiz, "multiple")[2][0]
    client.post(
        f"/learn/attempts/{attempt.pk}/",
        {
            f"q-{single.translation_key}": other_question_choice,  # a choice of another question
            "score": "100",
            "q-00000000-0000-0000-0000-000000000000": "x",  # a question not in the attempt
            "confirm": "1",
        },
    )
    attempt.refresh_from_db()
    assert attempt.percent == 0
    assert Response.objects.filter(attempt=attempt).count() == 1


def test_missing_answers_are_listed_before_submitting(client, learner, quiz):
    attempt = _start(client, quiz)
    response = client.post(f"/learn/attempts/{attempt.pk}/", {"submit": "1"})
    assert response.status_code == 200
    assert "Relie chaque situation" in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_interrupted_attempt_resumes_with_its_answers(client, learner, quiz):
    attempt = _start(client, quiz)
    true_false = Question.objects.get(page=quiz, kind="true_false")
    client.post(f"/learn/attempts/{attempt.pk}/", {f"q-{true_false.translation_key}": "false", "save": "1"})
    assert _start(client, quiz).pk == attempt.pk  # starting again resumes
    html = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()
    assert 'value="false" checked' in html


def test_second_submit_returns_the_same_result(client, learner, quiz):
    attempt = _start(client, quiz)
    client.post(f"/learn/attempts/{attempt.pk}/", {**_perfect_post(quiz), "submit": "1"})
    attempt.refresh_from_db()
    first = (attempt.submitted_at, attempt.percent)
    client.post(f"/learn/attempts/{attempt.pk}/", {"submit": "1", "confirm": "1"})
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.percent) == first
    assert Attempt.objects.filter(user=learner).count() == 1


def test_another_learners_attempt_is_404(client, learner, quiz):
    other = UserFactory(username="moussa")
    attempt = attempt_start(user=other, quiz=quiz)
    assert client.get(f"/learn/attempts/{attempt.pk}/").status_code == 404
    assert client.post(f"/learn/attempts/{attempt.pk}/", {"submit": "1"}).status_code == 404
    assert client.get(f"/learn/attempts/{attempt.pk}/result/").status_code == 404


def test_answers_after_the_deadline_do_not_count(client, learner, quiz):
    attempt = _start(client, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    client.post(f"/learn/attempts/{attempt.pk}/", {**_perfect_post(quiz), "submit": "1"})
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert attempt.percent == 0


def test_attempt_limit_is_enforced(client, learner):
    quiz = quiz_build(course=course_build(index=catalogue_build()), attempts_allowed=1)
    attempt = _start(client, quiz)
    client.post(f"/learn/attempts/{attempt.pk}/", {"confirm": "1"})
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    assert Attempt.objects.filter(user=learner).count() == 1


def test_republishing_the_pool_mid_attempt_does_not_change_the_attempt(client, learner, quiz):
    attempt = _start(client, quiz)
    drawn = list(attempt.drawn)
    quiz.questions.first().text = "Texte modifié"
    quiz.save_revision().publish()
    attempt.refresh_from_db()
    assert attempt.drawn == drawn
    client.post(f"/learn/attempts/{attempt.pk}/", {**_perfect_post(quiz), "submit": "1"})
    attempt.refresh_from_db()
    assert attempt.percent == 100


def test_quiz_needs_login_and_post(client, quiz):
    response = client.post(f"/learn/quizzes/{quiz.pk}/start/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Attempt.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submits_give_one_grade():
    """Two real connections submit at once: the row lock lets one grade, the other reads it."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL feature; SQLite serialises writers anyway")
    baseline_restore()  # an earlier transactional test may have flushed the home page
    quiz = quiz_build(course=course_build(index=catalogue_build()))
    user = UserFactory(username="aminata")
    attempt = attempt_start(user=user, quiz=quiz)
    results, barrier = [], threading.Barrier(2)

    def submit():
        from django.db import connections

        barrier.wait()
        try:
            results.append(attempt_submit(attempt_id=attempt.pk, user=user, quiz=quiz).submitted_at)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results[0] == results[1]
