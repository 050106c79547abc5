"""Privacy figures: the cost of erasing one account (which scans the session table) and of the
export, as the session table and the learner's history grow.

    .venv/bin/python bench/privacy.py   (uses the bench database; rolls everything back)
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

SESSION_COUNTS = (1_000, 10_000)


def main() -> None:
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from accounts.data_export import user_data_export_json
    from accounts.erasure import sessions_end, user_erase
    from accounts.models import ErasureLog
    from courses.models import LessonProgress

    call_command("migrate", verbosity=0, interactive=False)
    User = get_user_model()
    store = SessionStore()
    expiry = timezone.now() + timezone.timedelta(days=14)
    for count in SESSION_COUNTS:
        with transaction.atomic():
            Session.objects.bulk_create(
                Session(
                    session_key=f"bench{n:032d}",
                    session_data=store.encode({"_auth_user_id": str(10_000_000 + n)}),
                    expire_date=expiry,
                )
                for n in range(count)
            )
            started = time.perf_counter()
            sessions_end(user_pk=-1)
            scan_ms = (time.perf_counter() - started) * 1000
            learner = User.objects.create(username="bench-privacy-learner")
            LessonProgress.objects.bulk_create(
                LessonProgress(user=learner, lesson_key=f"00000000-0000-0000-0000-{n:012d}") for n in range(200)
            )
            started = time.perf_counter()
            size = len(user_data_export_json(user=learner, language="fr"))
            export_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            user_erase(user=learner, actor_role=ErasureLog.ActorRole.SELF)
            erase_ms = (time.perf_counter() - started) * 1000
            print(
                f"{count:>6} live sessions: session scan {scan_ms:7.1f} ms, erasure (200 progress rows) "
                f"{erase_ms:7.1f} ms; export of 200 progress rows {export_ms:6.1f} ms, {size / 1024:.0f} KB"
            )
            transaction.set_rollback(True)


if __name__ == "__main__":
    main()
