"""Data the benchmarks need, created idempotently in the bench database."""

from django.contrib.auth import get_user_model

BENCH_PASSWORD = "bench-password-not-secret"


def bench_data_ensure() -> None:
    from django.core.management import call_command

    from quizzes.starter import starter_quizzes_load

    call_command("load_starter_content", verbosity=0)
    starter_quizzes_load()
    User = get_user_model()
    user, created = User.objects.get_or_create(username="bench-student")
    if created:
        user.set_password(BENCH_PASSWORD)
        user.save()
