"""Writes on accounts. Other apps call these functions, not the models."""

from django.contrib.auth.models import Group
from django.db import transaction

from .models import ConsentRecord
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


@transaction.atomic
def consent_record(*, user, notice_version: str, given_by=None, notice_language: str = "") -> ConsentRecord:
    """Record that `user` accepted the privacy notice `notice_version` (see
    core.models.PrivacyNoticePage.version). `given_by` is the teacher who confirms the school's
    consent for a pupil account they create; None when the person accepted it themselves."""
    return ConsentRecord.objects.create(
        user=user, notice_version=notice_version, notice_language=notice_language, given_by=given_by
    )
