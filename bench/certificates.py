"""Certificate figures for `make bench`: rendering the PDF (WeasyPrint + QR code) and its size.

Runs in the bench process against the bench database; the target is < 0.5 s and < 100 KB.
"""

import statistics
import time

RUNS = 5


def certificate_figures() -> list[tuple[str, str, str]]:
    from bench.fixtures import BENCH_CERTIFICATE_CODE
    from certificates.models import Certificate
    from certificates.pdf import certificate_pdf_render
    from certificates.selectors import user_certificate_name

    certificate = Certificate.objects.select_related("user").get(code=BENCH_CERTIFICATE_CODE)
    rows = []
    for label, name in (
        ("certificate PDF (initials)", user_certificate_name(certificate.user)),
        ("certificate PDF (Bambara name)", "Ɲɛnɛba Kɔnatɛ Ŋɔnɔ"),
    ):
        certificate_pdf_render(certificate=certificate, name=name)  # warm: fonts, templates
        timings, size = [], 0
        for _ in range(RUNS):
            started = time.perf_counter()
            size = len(certificate_pdf_render(certificate=certificate, name=name))
            timings.append((time.perf_counter() - started) * 1000)
        rows.append((f"{label}, median of {RUNS}", f"{statistics.median(timings):.0f} ms", f"{size / 1024:.1f} KB"))
    return rows
