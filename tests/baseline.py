"""The rows data migrations create (home page, locales, Wagtail's groups and workflow).

Transactional tests end with a flush that empties them too. pytest-django's serialized
rollback would restore them, but it keeps the snapshot on the connection object, and once
Playwright's sync API runs, the test body sees another connection object (asgiref's
context-local storage): the snapshot is lost. So we keep our own, taken at session set-up,
and the live-server fixtures call `baseline_restore()`.
"""

from django.core.management import call_command
from django.db import connection

_snapshot: dict[str, str] = {}


def baseline_missing() -> bool:
    from core.models import HomePage

    return not HomePage.objects.exists()


def baseline_snapshot() -> None:
    _snapshot["default"] = connection.creation.serialize_db_to_string()


def baseline_restore() -> None:
    if baseline_missing():
        # The previous flush re-created content types and permissions with new ids: empty the
        # database without that step, then load the snapshot with its own ids.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(_snapshot["default"])
        _sequences_reset()


def _sequences_reset() -> None:
    """Rows came back with their own ids: move PostgreSQL's sequences past them, or the next
    page created would collide with id 1."""
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
