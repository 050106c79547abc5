from django.core.management.base import BaseCommand, CommandError

from quizzes.starter import starter_quizzes_load


class Command(BaseCommand):
    help = (
        "Load the starter quizzes under the starter modules (idempotent; never overwrites). "
        "load_starter_content already does this; this command loads the quizzes alone."
    )

    def handle(self, *args, **options):
        report = starter_quizzes_load(stdout=self.stdout if options["verbosity"] >= 1 else None)
        if report.failed:
            raise CommandError(f"{len(report.failed)} starter quiz(zes) not loaded: " + "; ".join(report.failed))
