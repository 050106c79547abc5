"""Who may see which class. Anything else is a 404 for the views."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from ..models import Classroom, ClassroomMembership, School, TeacherRequest


def teacher_schools(*, user) -> QuerySet[School]:
    """Schools where the user's request to teach was approved."""
    return School.objects.filter(
        teacher_requests__user=user, teacher_requests__status=TeacherRequest.Status.APPROVED
    ).distinct()


def schools_for_coordinator(*, user) -> QuerySet[School]:
    if user.is_superuser:
        return School.objects.all()
    return School.objects.filter(coordinators=user)


def _staff_filter(user) -> Q:
    return Q(memberships__user=user, memberships__role=ClassroomMembership.Role.TEACHER) | Q(school__coordinators=user)


def staff_classrooms(*, user) -> QuerySet[Classroom]:
    """Classes the user teaches or coordinates (administrators see all)."""
    if not user.is_authenticated:
        return Classroom.objects.none()
    queryset = Classroom.objects.select_related("school")
    if user.is_superuser:
        return queryset.order_by("school__name", "name")
    ids = Classroom.objects.filter(_staff_filter(user)).values("pk")
    return queryset.filter(pk__in=ids).order_by("school__name", "name")


def classroom_for_staff(*, user, pk: int) -> Classroom:
    """A class the user may look at (teacher, coordinator of its school, administrator), else 404."""
    return get_object_or_404(staff_classrooms(user=user), pk=pk)


def classroom_for_teacher(*, user, pk: int) -> Classroom:
    """A class the user teaches (or an administrator), else 404: only they change it."""
    queryset = Classroom.objects.select_related("school")
    if not (user.is_authenticated and user.is_superuser):
        queryset = queryset.filter(
            pk__in=ClassroomMembership.objects.filter(user_id=user.pk, role=ClassroomMembership.Role.TEACHER).values(
                "classroom_id"
            )
        )
    return get_object_or_404(queryset, pk=pk)


def membership_for_staff(*, classroom: Classroom, pk: int) -> ClassroomMembership:
    return get_object_or_404(
        ClassroomMembership.objects.select_related("user"),
        classroom=classroom,
        pk=pk,
        role=ClassroomMembership.Role.STUDENT,
    )


def teacher_requests_to_decide(*, user) -> QuerySet[TeacherRequest]:
    """Pending requests at the schools the user coordinates (all of them for administrators)."""
    queryset = TeacherRequest.objects.filter(status=TeacherRequest.Status.PENDING).select_related("user", "school")
    if not user.is_superuser:
        queryset = queryset.filter(school__coordinators=user)
    return queryset.order_by("created_at")


def teacher_teaches_pupil(*, teacher, pupil_id: int) -> bool:
    """Does `teacher` teach a class that `pupil_id` is a student of? One query."""
    if not teacher.is_authenticated or pupil_id is None:
        return False
    taught = ClassroomMembership.objects.filter(user_id=teacher.pk, role=ClassroomMembership.Role.TEACHER).values(
        "classroom_id"
    )
    return ClassroomMembership.objects.filter(
        user_id=pupil_id, role=ClassroomMembership.Role.STUDENT, classroom_id__in=taught
    ).exists()


def pupil_school_name(*, user) -> str | None:
    """The school of the class the learner joined most recently, if any. One query."""
    membership = (
        ClassroomMembership.objects.filter(user_id=user.pk, role=ClassroomMembership.Role.STUDENT)
        .select_related("classroom__school")
        .order_by("-joined_at")
        .first()
    )
    return membership.classroom.school.name if membership else None
