"""Data the benchmarks need, created idempotently in the bench database."""

from django.contrib.auth import get_user_model

BENCH_PASSWORD = "bench-password-not-secret"
BENCH_CERTIFICATE_CODE = "KLN-BEN-CH2-349"  # a valid code (check character included)


def bench_data_ensure() -> None:
    from django.core.management import call_command

    call_command("load_starter_content", verbosity=0)  # the modules and their quizzes
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


H5P_LESSON_SLUG = "bench-h5p"
H5P_PACKAGE_NAME = "h5p-test.h5p"


def bench_h5p_lesson_ensure() -> tuple[str, str] | None:
    """A lesson of the first module holding the TrueFalse activity (from ../shared/h5p/):
    (lesson path, player path), or None when the package is missing."""
    from django.conf import settings

    from courses.models import CoursePage, LessonPage
    from h5p.models import H5PLibrary
    from h5p.services import activity_create_from_upload, library_approve

    package = settings.BASE_DIR.parent / "shared" / "h5p" / H5P_PACKAGE_NAME
    if not package.is_file():
        return None
    with package.open("rb") as handle:
        activity = activity_create_from_upload(uploaded_file=handle, title="Vrai ou faux ?", user=None)
    for library in H5PLibrary.objects.filter(approved=False):
        library_approve(library, None)
    course = CoursePage.objects.get(slug="deepfakes", locale__language_code="fr")
    lesson = LessonPage.objects.child_of(course).filter(slug=H5P_LESSON_SLUG).first()
    if lesson is None:
        lesson = LessonPage(
            title="Exercice H5P",
            slug=H5P_LESSON_SLUG,
            summary="Un exercice interactif.",
            body=[
                {"type": "paragraph", "value": "<p>Un court exercice pour vérifier ce que tu as compris.</p>"},
                {"type": "h5p_activity", "value": {"activity": activity.pk, "intro": "<p>Vrai ou faux ?</p>"}},
            ],
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return lesson.url, f"/h5p/play/{lesson.pk}/{activity.pk}/"
