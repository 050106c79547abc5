"""accounts' part of the privacy registry: the account itself, consents, e-mail addresses,
and the relations to the user of Django's and allauth's own models."""

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import ConsentRecord, ErasureLog
from .privacy_registry import Erase, register

register(
    get_user_model(),
    field=None,
    label=_("Your account"),
    # Never the password hash, the staff flags or permissions: what the person gave, and dates.
    export=("username", "display_name", "certificate_name", "email", "preferred_language", "date_joined", "last_login"),
    erase=Erase.DELETE,
    order=1000,
)
register(
    ConsentRecord,
    label=_("Privacy notice accepted"),
    export=("given_at", "notice_version", "notice_language"),
    erase=Erase.DELETE,
)
register(
    ConsentRecord,
    field="given_by",
    erase=Erase.SET_NULL,
    reason="a teacher's confirmation belongs to the pupil's record; it stays, without the teacher",
)
register(
    ErasureLog,
    field="actor",
    erase=Erase.SET_NULL,
    reason="the audit line of someone else's erasure; it stays, with the role only",
)
register(
    EmailAddress,
    label=_("E-mail addresses"),
    export=("email", "verified", "primary"),
    erase=Erase.DELETE,  # allauth's e-mail confirmations go with the addresses
)
register(
    LogEntry,
    erase=Erase.DELETE,
    reason="the Django admin's history of an administrator's edits, not data about a learner",
)
