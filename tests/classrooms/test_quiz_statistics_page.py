"""The teacher's per-quiz page: one table for the class, sensitive answers only as totals."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes.models import Question
from quizzes.services import attempt_answers_save, attempt_start, attempt_submit
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import assignment_build, classroom_build, pupil_join
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import question, quiz_build, sample_questions

pytestmark = pytest.mark.django_db


def test_the_teacher_sees_percent_correct_and_never_a_sensitive_answer(client):
    course = course_build(index=catalogue_build())
    reflection = question("reflection", "Qu'as-tu ressenti ?", [], sensitive=True, reflection_format="text")
    quiz = quiz_build(course=course, questions=[*sample_questions(), reflection])
    teacher = UserFactory()
    classroom = classroom_build(teacher=teacher)
    assignment_build(classroom=classroom, course=course)
    single = Question.objects.get(page=quiz, kind="single")
    right = str(single.choices.get(correct=True).translation_key)
    sensitive = Question.objects.filter(page=quiz, kind="reflection", sensitive=True, reflection_format="text")
    for number in range(2):
        pupil = UserFactory()
        pupil_join(classroom=classroom, user=pupil)
        attempt = attempt_start(user=pupil, quiz=quiz)
        answers = {str(single.translation_key): right}
        answers.update({str(q.translation_key): f"Mon secret numéro {number}" for q in sensitive})
        attempt_answers_save(attempt=attempt, answers=answers)
        attempt_submit(attempt_id=attempt.pk, user=pupil, quiz=quiz)
    # Someone outside the class answers too: not counted.
    outsider = UserFactory()
    attempt_submit(attempt_id=attempt_start(user=outsider, quiz=quiz).pk, user=outsider, quiz=quiz)

    client.force_login(teacher)
    page = client.get(reverse("classrooms_quiz", args=[classroom.pk, quiz.translation_key])).content.decode()
    assert escape(single.text) in page and "100 % de bonnes réponses" in page
    assert "Posée dans 2 tentatives" in page
    assert "Mon secret" not in page


def test_another_teacher_gets_a_404(client):
    course = course_build(index=catalogue_build())
    quiz = quiz_build(course=course, questions=sample_questions())
    classroom = classroom_build()
    assignment_build(classroom=classroom, course=course)
    client.force_login(UserFactory())
    response = client.get(reverse("classrooms_quiz", args=[classroom.pk, quiz.translation_key]))
    assert response.status_code == 404
