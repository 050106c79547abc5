from django.core.management.base import BaseCommand

from quizzes.starter import starter_quizzes_load


class Command(BaseCommand):
    help = "Load the starter quizzes under the starter modules (idempotent; never overwrites)."

    def handle(self, *args, **options):
        starter_quizzes_load(stdout=self.stdout)
