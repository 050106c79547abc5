"""Builders for certificates: a module with lessons and a quiz, and a learner who finished it."""

from django.utils import timezone

from courses.services import lesson_complete
from quizzes.models import Attempt
from tests.factories.courses import catalogue_build, course_build, lesson_build
from tests.factories.quizzes import quiz_build


def module_build(*, title: str = "Deepfakes", slug: str = "deepfakes", lessons: int = 2):
    course = course_build(index=catalogue_build(), title=title, slug=slug)
    built = [lesson_build(course=course, title=f"Leçon {n}", slug=f"lecon-{n}") for n in range(1, lessons + 1)]
    quiz = quiz_build(course=course)
    return course, built, quiz


def quiz_pass(*, user, quiz, passed: bool = True) -> Attempt:
    number = Attempt.objects.filter(user=user, quiz_key=quiz.translation_key).count() + 1
    return Attempt.objects.create(
        user=user, quiz_key=quiz.translation_key, number=number, submitted_at=timezone.now(), passed=passed
    )


def module_finish(*, user, lessons, quiz) -> None:
    for lesson in lessons:
        lesson_complete(user=user, lesson=lesson)
    quiz_pass(user=user, quiz=quiz)
