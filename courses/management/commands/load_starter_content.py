"""`manage.py load_starter_content`: the starter curriculum and its quizzes, loaded once (see
courses/starter.py and quizzes/starter.py)."""

from django.core.management.base import BaseCommand, CommandError

from courses.starter import StarterContentError, starter_content_load
from quizzes.starter import starter_quizzes_load


class Command(BaseCommand):
    help = (
        "Create the starter modules (French, English, Bambara), their illustrations and their "
        "quizzes (French, English). Idempotent: pages that already exist are skipped, never updated."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        stdout = self.stdout if verbose else None
        failure = None
        try:
            starter_content_load(stdout=stdout)
        except StarterContentError as error:
            failure = error
        # The modules that did load get their quizzes even when another module failed.
        quizzes = starter_quizzes_load(stdout=stdout)
        if failure is None:
            if quizzes.failed:
                raise CommandError(f"{len(quizzes.failed)} starter quiz(zes) not loaded: " + "; ".join(quizzes.failed))
            return
        if verbose and failure.report is not None:  # the report above names each failure
            failed = len(failure.report.failed)
            raise CommandError(f"{failed} starter module(s) not loaded: fix the content listed above.") from failure
        raise CommandError(str(failure)) from failure
