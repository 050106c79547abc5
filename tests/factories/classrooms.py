"""Builders for schools and classes whose teachers are approved, as the services require."""

import datetime
from decimal import Decimal

from django.utils import timezone

from classrooms.models import Assignment, Classroom, ClassroomMembership, School, TeacherRequest
from classrooms.services import classroom_create, classroom_join, teacher_request_decide
from courses.models import LessonProgress
from quizzes.models import Attempt
from tests.factories.accounts import UserFactory


def school_build(*, name: str = "Lycée de Test", town: str = "Bamako", coordinator=None) -> School:
    school = School.objects.create(name=name, town=town)
    if coordinator is not None:
        school.coordinators.add(coordinator)
    return school


def teacher_approve(*, user, school: School):
    request, _ = TeacherRequest.objects.get_or_create(user=user, school=school)
    teacher_request_decide(request=request, approve=True, decided_by=None)
    return user


def classroom_build(*, school: School | None = None, teacher=None, name: str = "6e A") -> Classroom:
    school = school or school_build()
    teacher = teacher or UserFactory()
    teacher_approve(user=teacher, school=school)
    return classroom_create(teacher=teacher, school=school, name=name)


def pupils_add(*, classroom: Classroom, count: int, prefix: str = "pupil") -> list:
    pupils = [UserFactory(username=f"{prefix}{classroom.pk}-{n}") for n in range(count)]
    ClassroomMembership.objects.bulk_create(
        [ClassroomMembership(classroom=classroom, user=p, role=ClassroomMembership.Role.STUDENT) for p in pupils]
    )
    return pupils


def pupil_join(*, classroom: Classroom, user):
    return classroom_join(classroom=classroom, user=user)[0]


def assignment_build(*, classroom: Classroom, course, due_date: datetime.date | None = None) -> Assignment:
    return Assignment.objects.create(classroom=classroom, course_key=course.translation_key, due_date=due_date)


def lesson_done(*, user, lesson, completed: bool = True) -> LessonProgress:
    status = LessonProgress.Status.COMPLETED if completed else LessonProgress.Status.STARTED
    return LessonProgress.objects.create(
        user=user, lesson_key=lesson.translation_key, status=status, completed_at=timezone.now() if completed else None
    )


def attempt_submitted(*, user, quiz, percent: int, number: int = 1) -> Attempt:
    return Attempt.objects.create(
        user=user,
        quiz_key=quiz.translation_key,
        number=number,
        submitted_at=timezone.now(),
        score=Decimal(percent),
        max_score=Decimal(100),
        percent=Decimal(percent),
        passed=percent >= quiz.pass_mark,
    )
