"""Reads on accounts. Other apps call these functions, not the models."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from .roles import ROLE_GROUPS


def pupil_accounts() -> QuerySet:
    """Accounts that are only learners: no staff flag and no role group (teacher, coordinator,
    editor, reviewer). The one place that says what a pupil account is (the classrooms app may
    narrow it to accounts a teacher manages)."""
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .exclude(groups__name__in=ROLE_GROUPS.values())
    )


def pupil_accounts_inactive(*, days: int, now: datetime.datetime | None = None) -> QuerySet:
    """Pupil accounts nobody signed in to for `days` days (never signed in: counted from sign-up)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return pupil_accounts().filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
