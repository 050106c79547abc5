"""Data the benchmarks need, created idempotently in the bench database."""

from django.contrib.auth import get_user_model

BENCH_PASSWORD = "bench-password-not-secret"
BENCH_CERTIFICATE_CODE = "KLN-BEN-CH2-349"  # a valid code (check character included)


def bench_data_ensure() -> None:
    from django.core.management import call_command

    call_command("load_starter_content", verbosity=0)
    User = get_user_model()
    user, created = User.objects.get_or_create(username="bench-student")
    if created:
        user.set_password(BENCH_PASSWORD)
        user.save()
    bench_certificate_ensure(user)


def bench_certificate_ensure(user):
    """bench-student's certificate for the deepfakes module, with a fixed code for bench/pages.py."""
    from certificates.models import Certificate
    from courses.models import CoursePage

    course = CoursePage.objects.get(slug="deepfakes", locale__language_code="fr")
    certificate, _created = Certificate.objects.get_or_create(
        code=BENCH_CERTIFICATE_CODE,
        defaults={"user": user, "course_key": course.translation_key, "language": "fr", "issuer_name": "Kalan"},
    )
    return certificate
