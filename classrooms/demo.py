"""The local demo's school and class. Used only by `setup_demo` under the dev settings."""

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.roles import Role
from accounts.services import user_role_grant

from .models import Classroom, ClassroomMembership, School, TeacherRequest
from .services import classroom_create, classroom_join, teacher_request_decide

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
    return classroom
