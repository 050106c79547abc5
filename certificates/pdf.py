"""The certificate as a PDF: rendered with WeasyPrint, cached in private storage.

The PDF is derived from the Certificate row. Its cache name holds everything the document
depends on besides the row (the learner's chosen name, the language, TEMPLATE_VERSION), so a new
name or a new template simply gets a new file and the old one is deleted.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Certificate
from .selectors import certificate_public_base_url, certificate_title, user_certificate_name

# Bump whenever templates/certificates/certificate_pdf.html or its fonts change.
TEMPLATE_VERSION = "1"
FONT_DIR = Path(__file__).resolve().parent / "fonts"


def pdf_storage() -> FileSystemStorage:
    """Outside MEDIA_ROOT and without a URL: a PDF is only ever sent by the download view."""
    root = getattr(settings, "KALAN_CERTIFICATE_PDF_ROOT", None) or settings.BASE_DIR / "private" / "certificates"
    return FileSystemStorage(location=root, base_url=None)


def certificate_verify_url(certificate: Certificate) -> str:
    """The absolute URL the QR code points at (no language prefix: French, the default)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificate_verify_code", kwargs={"code": certificate.code})
    return certificate_public_base_url() + path


def _verify_page_path() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("certificate_verify")


@dataclass(frozen=True)
class PdfSource:
    certificate: Certificate
    name: str

    @property
    def cache_name(self) -> str:
        digest = hashlib.sha256(f"{TEMPLATE_VERSION}\0{self.certificate.language}\0{self.name}".encode()).hexdigest()[
            :24
        ]
        return f"{self.certificate.code}/{digest}.pdf"


def pdf_source(certificate: Certificate) -> PdfSource:
    return PdfSource(certificate=certificate, name=user_certificate_name(certificate.user))


def certificate_pdf_render(*, certificate: Certificate, name: str) -> bytes:
    """The PDF bytes, in the certificate's language."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    url = certificate_verify_url(certificate)
    qr = segno.make(url, error="m")
    with translation.override(certificate.language):
        html = render_to_string(
            "certificates/certificate_pdf.html",
            {
                "certificate": certificate,
                "name": name,
                "title": certificate_title(certificate=certificate),
                "verify_page": certificate_public_base_url() + _verify_page_path(),
                "qr_svg": qr.svg_data_uri(border=0, dark="#1b1b1b"),
                "font_dir": FONT_DIR.as_uri(),
            },
        )
    fonts = FontConfiguration()
    return HTML(string=html).write_pdf(font_config=fonts)


def certificate_pdf_cached(certificate: Certificate) -> str | None:
    """The storage name of the up-to-date PDF if it exists, else None."""
    name = pdf_source(certificate).cache_name
    return name if pdf_storage().exists(name) else None


def certificate_pdf_write(certificate: Certificate) -> str:
    """Render and store the up-to-date PDF (if missing), delete stale ones; its storage name."""
    source = pdf_source(certificate)
    storage = pdf_storage()
    if not storage.exists(source.cache_name):
        data = certificate_pdf_render(certificate=certificate, name=source.name)
        storage.save(source.cache_name, ContentFile(data))
    folder = source.cache_name.rsplit("/", 1)[0]
    _dirs, files = storage.listdir(folder)
    for stale in files:
        if f"{folder}/{stale}" != source.cache_name:
            storage.delete(f"{folder}/{stale}")
    return source.cache_name


def certificate_pdf_files_delete(*, certificate: Certificate) -> None:
    """Delete every cached PDF of a certificate (they print the learner's name)."""
    storage = pdf_storage()
    folder = certificate.code
    if not storage.exists(folder):
        return
    _dirs, files = storage.listdir(folder)
    for name in files:
        storage.delete(f"{folder}/{name}")
