"""The local demo's school and class. Used only by `setup_demo` under the dev settings."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role
from accounts.services import user_role_grant

from .models import Classroom, ClassroomMembership, School, TeacherRequest
from .services import assignment_create, classroom_create, classroom_join, teacher_request_decide

DEMO_SCHOOL = {"name": "École de démonstration", "town": "Bamako", "country": "Mali"}
DEMO_CLASS = "Classe de démonstration"


@transaction.atomic
def demo_classroom_ensure() -> Classroom:
    """demo-enseignant approved at the demo school with a demo class holding demo-eleve;
    demo-coordination coordinates the school. Idempotent."""
    User = get_user_model()
    teacher = User.objects.get(username="demo-enseignant")
    student = User.objects.get(username="demo-eleve")
    coordinator = User.objects.get(username="demo-coordination")
    school, _ = School.objects.get_or_create(name=DEMO_SCHOOL["name"], defaults=DEMO_SCHOOL)
    school.coordinators.add(coordinator)
    user_role_grant(user=coordinator, role=Role.COORDINATOR)
    request, _ = TeacherRequest.objects.get_or_create(user=teacher, school=school)
    if request.status != TeacherRequest.Status.APPROVED:
        teacher_request_decide(request=request, approve=True, decided_by=coordinator)
    classroom = Classroom.objects.filter(
        school=school,
        name=DEMO_CLASS,
        memberships__user=teacher,
        memberships__role=ClassroomMembership.Role.TEACHER,
    ).first()
    if classroom is None:
        classroom = classroom_create(teacher=teacher, school=school, name=DEMO_CLASS, level="6e", year="2026-2027")
    classroom_join(classroom=classroom, user=student)
    _demo_assignment_ensure(classroom=classroom, teacher=teacher)
    return classroom


def _demo_assignment_ensure(*, classroom: Classroom, teacher) -> None:
    """The deepfakes module, due in four weeks, so the dashboard and the student's home page
    show an assignment from the first visit. Only added while the class has none."""
    from courses.models import CoursePage

    if classroom.assignments.exists():
        return
    course = CoursePage.objects.live().filter(slug="deepfakes", locale__language_code="fr").first()
    if course is None:
        return
    assignment_create(
        classroom=classroom,
        course_key=course.translation_key,
        due_date=timezone.localdate() + datetime.timedelta(days=28),
        message="Lis les leçons du module, puis fais le quiz.",
        assigned_by=teacher,
    )
