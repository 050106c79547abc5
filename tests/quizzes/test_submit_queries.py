"""Submitting a quiz costs the same number of SQL queries whatever its number of questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Attempt
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import perfect_post, questions_many, quiz_build

pytestmark = pytest.mark.django_db


def _submit_queries(client, count: int) -> int:
    course = course_build(index=catalogue_build(), slug=f"module-{count}")
    quiz = quiz_build(course=course, questions=questions_many(count))
    client.force_login(UserFactory(username=f"learner-{count}"))
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    attempt = Attempt.objects.latest("pk")
    answers = {**perfect_post(quiz), "submit": "1"}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/learn/attempts/{attempt.pk}/", answers)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.percent == 100 and attempt.responses.count() == count
    return len(queries)


def test_submit_queries_do_not_grow_with_the_number_of_questions(client):
    five, twenty = _submit_queries(client, 5), _submit_queries(client, 20)
    assert five == twenty, f"5 questions: {five} queries, 20 questions: {twenty}"
    # Savepoints included, and the certificate check after a pass: a write, not a 10-query page.
    assert twenty <= 24, twenty


def _attempt_page_queries(client, count: int) -> int:
    course = course_build(index=catalogue_build(), slug=f"page-{count}")
    quiz = quiz_build(course=course, questions=questions_many(count), show_feedback="after_each")
    client.force_login(UserFactory(username=f"reader-{count}"))
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    attempt = Attempt.objects.latest("pk")
    client.post(f"/learn/attempts/{attempt.pk}/", {**perfect_post(quiz), "save": "1"})
    client.get(f"/learn/attempts/{attempt.pk}/")  # shows the "saved" message once; warms the site cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/learn/attempts/{attempt.pk}/").status_code == 200
    return len(queries)


def test_the_attempt_page_stays_within_budget_whatever_the_number_of_questions(client):
    five, twenty = _attempt_page_queries(client, 5), _attempt_page_queries(client, 20)
    assert five == twenty <= 10, (five, twenty)
