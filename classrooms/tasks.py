"""Background work: creating many pupil accounts without holding a request open.

Hashing a password takes most of a second on a small server, so 120 pupils take minutes. The
work goes in slices of about BATCH_SLICE_SECONDS: a task worker runs slice after slice; with
the immediate backend (no worker, as in the local demo) the first slice runs after the confirm
request and the status page runs one more slice each time it refreshes itself, so no request
ever comes near the gunicorn timeout. A lease in the row keeps two slices from overlapping.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from .models import PupilBatch
from .services import pupil_account_create

BATCH_SLICE_SECONDS = 8
_LEASE = datetime.timedelta(seconds=BATCH_SLICE_SECONDS * 4)


def _claim(batch_id: int) -> bool:
    now = timezone.now()
    return bool(
        PupilBatch.objects.filter(pk=batch_id, status__in=[PupilBatch.Status.QUEUED, PupilBatch.Status.RUNNING])
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + _LEASE, status=PupilBatch.Status.RUNNING)
    )


def pupil_batch_work(*, batch_id: int, seconds: float | None = None) -> bool:
    """Create the next accounts of the batch for about `seconds` (at least one account).
    Returns True when the batch still has names left."""
    if not _claim(batch_id):
        return False  # finished, or another slice is running
    seconds = BATCH_SLICE_SECONDS if seconds is None else seconds
    deadline = timezone.now() + datetime.timedelta(seconds=seconds)
    batch = PupilBatch.objects.select_related("classroom").get(pk=batch_id)
    try:
        while batch.done < batch.total:
            name = batch.names[batch.done]
            # The account and the progress that records it commit together: a crash leaves
            # every account on a slip and no slip without an account.
            with transaction.atomic():
                batch.slips.append(pupil_account_create(classroom=batch.classroom, name=name, batch=batch))
                batch.done += 1
                batch.save(update_fields=["slips", "done"])
            if timezone.now() >= deadline:
                break
    except Exception:
        PupilBatch.objects.filter(pk=batch_id).update(status=PupilBatch.Status.FAILED, lease_until=None)
        raise
    finished = batch.done >= batch.total
    PupilBatch.objects.filter(pk=batch_id).update(
        lease_until=None, status=PupilBatch.Status.DONE if finished else PupilBatch.Status.RUNNING
    )
    return not finished


@task()
def pupil_batch_run(*, batch_id: int) -> None:
    more = pupil_batch_work(batch_id=batch_id)
    if more and not isinstance(pupil_batch_run.get_backend(), ImmediateBackend):
        pupil_batch_run.enqueue(batch_id=batch_id)
