"""Quiz figures for `make bench`: submitting a 20-question quiz (time and SQL queries), next to a
5-question one to show that the queries do not grow with the number of questions.

Runs in the bench process against the bench database, inside a transaction rolled back at the
end: the quizzes, the learner and the attempts it creates leave nothing behind.
"""

import statistics
import time

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

ROUNDS = 15


def _submit_figures(course, count: int) -> tuple[float, int]:
    from django.contrib.auth import get_user_model

    from quizzes.models import Attempt
    from tests.factories.quizzes import perfect_post, questions_many, quiz_build

    quiz = quiz_build(course=course, questions=questions_many(count), slug=f"bench-quiz-{count}")
    client = Client()
    user = get_user_model().objects.create(username=f"bench-quiz-{count}")
    client.force_login(user)
    answers = {**perfect_post(quiz), "submit": "1"}
    timings, queries = [], 0
    for _ in range(ROUNDS):
        client.post(f"/learn/quizzes/{quiz.pk}/start/")
        attempt = Attempt.objects.filter(user=user).latest("pk")
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(f"/learn/attempts/{attempt.pk}/", answers)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302, response.status_code
        queries = len(captured.captured_queries)
    attempt.refresh_from_db()
    assert attempt.percent == 100, attempt.percent
    return statistics.median(timings), queries


def quiz_figures() -> list[tuple[str, str, str]]:
    from courses.models import CoursePage

    course = CoursePage.objects.filter(slug="deepfakes", locale__language_code="fr").first()
    if course is None:
        return [("quiz submit", "skipped", "no deepfakes module")]
    rows = []
    with transaction.atomic():
        for count in (20, 5):
            ms, queries = _submit_figures(course, count)
            rows.append((f"quiz submit, {count} questions (median)", f"{ms:.0f} ms", f"{queries} queries"))
        transaction.set_rollback(True)
    return rows
