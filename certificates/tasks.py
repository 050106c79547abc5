from django_tasks import task

from .models import Certificate
from .pdf import certificate_pdf_write


@task()
def certificate_pdf_generate(*, certificate_id: int) -> str | None:
    """Render a certificate's PDF in the background (a worker in production)."""
    certificate = Certificate.objects.select_related("user").filter(pk=certificate_id).first()
    if certificate is None:  # deleted meanwhile (the learner erased their account)
        return None
    return certificate_pdf_write(certificate)
