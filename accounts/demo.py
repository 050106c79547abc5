"""Local-demo accounts, one per role. Used only by `setup_demo` under the dev settings."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    password: str
    display_name: str


DEMO_ACCOUNTS = (DemoAccount("admin", "demo-admin", "kalan-demo-admin", "Admin (démo)"),)


@transaction.atomic
def demo_accounts_ensure() -> set[str]:
    """Create the demo accounts that are missing; return the usernames created."""
    User = get_user_model()
    created: set[str] = set()
    for account in DEMO_ACCOUNTS:
        user, was_created = User.objects.get_or_create(
            username=account.username, defaults={"display_name": account.display_name}
        )
        if was_created:
            user.set_password(account.password)
            if account.role == "admin":
                user.is_staff = True
                user.is_superuser = True
            user.save()
            created.add(account.username)
    return created
