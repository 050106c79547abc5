"""Erase pupil accounts nobody signed in to for KALAN_INACTIVE_ACCOUNT_DAYS days, and delete
requests to teach nobody approved within KALAN_TEACHER_REQUEST_DAYS days. Run it daily.

Each erasure goes through the privacy registry (like a learner's own) and leaves an audit line
saying it was the retention rule. `--dry-run` only counts.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.erasure import user_erase
from accounts.models import ErasureLog
from accounts.selectors import pupil_accounts_inactive
from classrooms.services import teacher_requests_expired_delete


class Command(BaseCommand):
    help = "Erase inactive pupil accounts (after KALAN_INACTIVE_ACCOUNT_DAYS days without sign-in)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override KALAN_INACTIVE_ACCOUNT_DAYS")
        parser.add_argument("--dry-run", action="store_true", help="count, erase nothing")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.KALAN_INACTIVE_ACCOUNT_DAYS if days is None else days
        if days < 30 or days * 86400 < settings.SESSION_COOKIE_AGE:
            raise CommandError("Refusing a retention period under 30 days: check KALAN_INACTIVE_ACCOUNT_DAYS.")
        accounts = list(pupil_accounts_inactive(days=days))
        request_days = settings.KALAN_TEACHER_REQUEST_DAYS
        if dry_run:
            self.stdout.write(
                f"inactive pupil accounts (more than {days} days): {len(accounts)}; none erased (dry run)"
            )
            return
        requests = teacher_requests_expired_delete(days=request_days)
        self.stdout.write(
            f"requests to teach pending or declined for more than {request_days} days deleted: {requests}"
        )
        # Nobody signed in for `days` (at least 30) days has a live session (SESSION_COOKIE_AGE
        # is shorter): no need to scan the session table once per account.
        for user in accounts:
            user_erase(user=user, actor_role=ErasureLog.ActorRole.RETENTION, end_sessions=False)
        self.stdout.write(f"inactive pupil accounts erased (more than {days} days without sign-in): {len(accounts)}")
