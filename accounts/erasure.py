"""Erasing an account: everything the privacy registry lists, then the account itself.

Other apps (a teacher erasing a pupil account they manage, the retention command) call
`user_erase`; nothing else deletes users.
"""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from .models import ErasureLog
from .privacy_registry import Erase, ErasureOptions, erasing_declarations


@transaction.atomic
def user_erase(
    *,
    user,
    actor_role: ErasureLog.ActorRole,
    actor=None,
    options: ErasureOptions | None = None,
    end_sessions: bool = True,
) -> ErasureLog:
    """Delete or anonymise everything held about `user` and delete the account; end its
    sessions. Returns the audit line, which says when and by whom, never whom.

    `end_sessions=False` skips the scan of the session table, for accounts that cannot have a
    live session (the retention command: inactive for longer than a session lives)."""
    options = options or ErasureOptions()
    user_pk = user.pk
    actor_pk = None if actor is None or actor.pk == user_pk else actor.pk
    for declaration in erasing_declarations():
        if declaration.field is None:
            continue  # the user row goes last
        if callable(declaration.erase):
            declaration.erase(user, options)
            continue
        field = declaration.model._meta.get_field(declaration.field)
        if field.many_to_many:
            through = field.remote_field.through
            through.objects.filter(**{field.m2m_reverse_field_name(): user}).delete()
        elif declaration.erase == Erase.DELETE:
            declaration.model._base_manager.filter(**{declaration.field: user}).delete()
        else:
            declaration.model._base_manager.filter(**{declaration.field: user}).update(**{declaration.field: None})
    if end_sessions:
        sessions_end(user_pk=user_pk)
    user.delete()
    return ErasureLog.objects.create(actor_role=actor_role, actor_id=actor_pk)


def sessions_end(*, user_pk) -> int:
    """End every session of a user kept in the database. (Cache-backed sessions cannot be listed;
    they die anyway: a session whose user no longer exists is an anonymous one.)"""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500):
        if str(session.get_decoded().get("_auth_user_id")) == str(user_pk):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)
