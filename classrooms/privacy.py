"""classrooms' part of the privacy registry (accounts/privacy_registry.py)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from accounts.privacy_registry import Erase, ErasureOptions, register

from .models import Assignment, Classroom, ClassroomMembership, PupilBatch, School, TeacherRequest


def memberships_export(user) -> list[dict]:
    rows = ClassroomMembership.objects.filter(user=user).select_related("classroom__school").order_by("joined_at")
    return [
        {
            "class": row.classroom.name,
            "school": row.classroom.school.name,
            "role": str(ClassroomMembership.Role(row.role).label),
            "joined_at": row.joined_at,
        }
        for row in rows
    ]


def memberships_erase(user, options: ErasureOptions) -> None:
    """The pupil leaves every class; each class keeps a count of pupils who erased their
    account, so the teacher's dashboard can say someone left, without saying who."""
    memberships = ClassroomMembership.objects.filter(user=user)
    classroom_ids = list(
        memberships.filter(role=ClassroomMembership.Role.STUDENT).values_list("classroom_id", flat=True)
    )
    Classroom.objects.filter(pk__in=classroom_ids).update(erased_pupils=F("erased_pupils") + 1)
    memberships.delete()


register(
    ClassroomMembership,
    label=_("Classes"),
    export=memberships_export,
    columns={"class": _("class"), "school": _("school"), "role": _("role"), "joined_at": _("joined")},
    erase=memberships_erase,
)
register(TeacherRequest, label=_("Requests to teach"), export=("school__name", "status", "created_at", "decided_at"))
register(
    TeacherRequest,
    field="decided_by",
    erase=Erase.SET_NULL,
    reason="a coordinator's decision stays recorded without naming them",
)
register(School, field="coordinators", erase=Erase.DELETE, reason="the person stops coordinating the school")
register(
    Assignment,
    field="assigned_by",
    erase=Erase.SET_NULL,
    reason="the class keeps its assignments when the teacher who made them leaves",
)
register(
    PupilBatch,
    field="requested_by",
    erase=Erase.DELETE,
    reason="a teacher's pending account-creation batch (with slip passwords) goes with the teacher",
)
