"""The roles of Kalan and how a user holds them.

student is everyone's default. teacher and school coordinator are granted by the classrooms
app (Django groups below); editor and reviewer are Wagtail's own "Editors" and "Moderators"
groups; administrator is a superuser.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    COORDINATOR = "coordinator"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    ADMINISTRATOR = "administrator"


ROLE_LABELS = {
    Role.STUDENT: _("Student"),
    Role.TEACHER: _("Teacher"),
    Role.COORDINATOR: _("School coordinator"),
    Role.EDITOR: _("Editor"),
    Role.REVIEWER: _("Reviewer"),
    Role.ADMINISTRATOR: _("Administrator"),
}

ROLE_GROUPS = {
    Role.TEACHER: "Teachers",
    Role.COORDINATOR: "School coordinators",
    Role.EDITOR: "Editors",  # created by Wagtail
    Role.REVIEWER: "Moderators",  # created by Wagtail
}


def user_roles(user) -> frozenset[Role]:
    if not user.is_authenticated:
        return frozenset()
    roles = {Role.STUDENT}
    groups = set(user.groups.values_list("name", flat=True))
    roles.update(role for role, group in ROLE_GROUPS.items() if group in groups)
    if user.is_superuser:
        roles.add(Role.ADMINISTRATOR)
    return frozenset(roles)
