"""Prepare the local demo that `make run` serves: starter content and local-demo accounts.

Idempotent: running it twice leaves the same rows. Refuses to run where the settings do not
declare a local demo (KALAN_DEMO), so production never gets demo accounts.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_ACCOUNTS, demo_accounts_ensure
from classrooms.codes import join_code_display
from classrooms.demo import demo_classroom_ensure


class Command(BaseCommand):
    help = "Create the local demo accounts (and load starter content) for `make run`."

    def handle(self, *args, **options):
        if not getattr(settings, "KALAN_DEMO", False):
            raise CommandError("setup_demo only runs with the local demo settings (elearn.settings.dev).")
        call_command("load_starter_content", verbosity=options["verbosity"])  # quizzes included
        call_command("load_help_page", verbosity=options["verbosity"])
        call_command("load_privacy_notice", verbosity=options["verbosity"])
        created = demo_accounts_ensure()
        classroom = demo_classroom_ensure()
        self.stdout.write("")
        self.stdout.write("LOCAL DEMO ACCOUNTS (for this machine only; never created in production):")
        for account in DEMO_ACCOUNTS:
            mark = " (new)" if account.username in created else ""
            self.stdout.write(f"  {account.role:<14} {account.username:<18} password: {account.password}{mark}")
        code = join_code_display(classroom.join_code) if classroom.join_code else "-"
        self.stdout.write(f"  demo class: {classroom.name} at {classroom.school.name}, join code {code}")
