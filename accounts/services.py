"""Writes on accounts. Other apps call these functions, not the models."""

from django.contrib.auth.models import Group
from django.db import transaction

from .roles import ROLE_GROUPS, Role


@transaction.atomic
def user_role_grant(*, user, role: Role) -> None:
    if role == Role.ADMINISTRATOR:
        user.is_staff = True
        user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    elif role in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[role])
        user.groups.add(group)
