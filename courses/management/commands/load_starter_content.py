"""`manage.py load_starter_content`: the starter curriculum, loaded once (see courses/starter.py)."""

from django.core.management.base import BaseCommand, CommandError

from courses.starter import StarterContentError, starter_content_load


class Command(BaseCommand):
    help = (
        "Create the starter modules (French, English, Bambara) and their illustrations. "
        "Idempotent: pages that already exist are skipped, never updated."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        try:
            starter_content_load(stdout=self.stdout if verbose else None)
        except StarterContentError as error:
            if verbose and error.report is not None:  # the report above names each failure
                failed = len(error.report.failed)
                raise CommandError(f"{failed} starter module(s) not loaded: fix the content listed above.") from error
            raise CommandError(str(error)) from error
