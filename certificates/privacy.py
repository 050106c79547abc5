"""certificates' part of the privacy registry (accounts/privacy_registry.py).

On erasure a learner chooses: their certificates are deleted, or kept as anonymous records
that still verify as valid (module, date, issuer; no name), so an employer can still check one.
"""

from django.utils.translation import gettext_lazy as _

from accounts.privacy_registry import Erase, ErasureOptions, register

from .models import Certificate, CertificateRevocation
from .pdf import certificate_pdf_files_delete


def certificates_erase(user, options: ErasureOptions) -> None:
    certificates = Certificate.objects.filter(user=user)
    for certificate in certificates:
        certificate_pdf_files_delete(certificate=certificate)  # the PDFs carry the name
    if options.keep_certificates:
        certificates.update(user=None)
    else:
        certificates.delete()


register(
    Certificate,
    label=_("Certificates"),
    export=("code", "course_key", "issued_at", "language", "issuer_name", "revoked_at", "revoked_reason"),
    erase=certificates_erase,
    order=10,
)
register(
    Certificate,
    field="revoked_by",
    erase=Erase.SET_NULL,
    reason="an administrator's or teacher's revocation stays valid without naming them",
)
register(
    CertificateRevocation,
    field="revoked_by",
    erase=Erase.SET_NULL,
    reason="the revocation log keeps when and why, not who, once the revoker's account is erased",
)
