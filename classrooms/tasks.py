"""Background work: creating many pupil accounts without holding a request open."""

from django.db.models import F
from django_tasks import task

from .models import PupilBatch
from .services import pupil_account_create


@task()
def pupil_batch_run(*, batch_id: int) -> None:
    batch = PupilBatch.objects.select_related("classroom").get(pk=batch_id)
    if batch.status != PupilBatch.Status.QUEUED:
        return  # a task delivered twice does not create the accounts twice
    PupilBatch.objects.filter(pk=batch.pk).update(status=PupilBatch.Status.RUNNING)
    slips = []
    try:
        for name in batch.names:
            slips.append(pupil_account_create(classroom=batch.classroom, name=name))
            # The status page polls this; one short UPDATE per pupil.
            PupilBatch.objects.filter(pk=batch.pk).update(done=F("done") + 1, slips=slips)
    except Exception:
        PupilBatch.objects.filter(pk=batch.pk).update(status=PupilBatch.Status.FAILED, slips=slips)
        raise
    PupilBatch.objects.filter(pk=batch.pk).update(status=PupilBatch.Status.DONE, slips=slips)
