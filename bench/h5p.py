"""H5P figures for `make bench`: validating and extracting the QuestionSet package (32 libraries).

Runs in the bench process against the bench database, with storage in a temporary folder.
Prints wall time and peak Python memory (tracemalloc) for validation alone and for the full
upload (validation + storage + extraction).
"""

import tempfile
import time
import tracemalloc
from pathlib import Path

from django.conf import settings
from django.test import override_settings

PACKAGE = Path(settings.BASE_DIR).parent / "shared" / "h5p" / "H5P.QuestionSet.h5p"


def _measure(work) -> tuple[float, float]:
    tracemalloc.start()
    started = time.perf_counter()
    work()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed * 1000, peak / (1024 * 1024)


def h5p_figures() -> list[tuple[str, str, str]]:
    if not PACKAGE.exists():
        return [("H5P QuestionSet", "skipped", "../shared/h5p/ is missing")]
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from h5p.services import activity_create_from_upload
    from h5p.validation import package_validate

    rows = []
    with PACKAGE.open("rb") as handle:
        ms, mb = _measure(lambda: package_validate(fileobj=handle))
    rows.append(("validate QuestionSet (32 libraries)", f"{ms:.0f} ms", f"{mb:.1f} MB peak"))

    user = get_user_model().objects.get(username="bench-student")
    with tempfile.TemporaryDirectory() as folder:
        roots = {
            "H5P_PRIVATE_ROOT": Path(folder) / "private",
            "H5P_CONTENT_ROOT": Path(folder) / "content",
            "H5P_LIBRARY_ROOT": Path(folder) / "libraries",
        }
        with override_settings(**roots), PACKAGE.open("rb") as handle:

            def upload():
                with transaction.atomic():
                    activity_create_from_upload(uploaded_file=handle, title="Bench", user=user)
                    transaction.set_rollback(True)  # leave the bench database as it was

            ms, mb = _measure(upload)
    rows.append(("validate + store + extract QuestionSet", f"{ms:.0f} ms", f"{mb:.1f} MB peak"))
    return rows
