"""Local-demo accounts, one per role. Used only by `setup_demo` under the dev settings."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from .roles import Role
from .services import user_role_grant


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    username: str
    password: str
    display_name: str


DEMO_ACCOUNTS = (
    DemoAccount(Role.STUDENT, "demo-eleve", "kalan-demo-eleve", "Aminata (démo)"),
    DemoAccount(Role.TEACHER, "demo-enseignant", "kalan-demo-enseignant", "M. Coulibaly (démo)"),
    DemoAccount(Role.COORDINATOR, "demo-coordination", "kalan-demo-coordination", "Mme Keïta (démo)"),
    DemoAccount(Role.EDITOR, "demo-redaction", "kalan-demo-redaction", "Rédaction (démo)"),
    DemoAccount(Role.REVIEWER, "demo-relecture", "kalan-demo-relecture", "Relecture (démo)"),
    DemoAccount(Role.ADMINISTRATOR, "demo-admin", "kalan-demo-admin", "Administration (démo)"),
)


@transaction.atomic
def demo_accounts_ensure() -> set[str]:
    """Create the demo accounts that are missing; return the usernames created.

    Existing accounts are left as they are (a tester may have changed their password).
    """
    User = get_user_model()
    created: set[str] = set()
    for account in DEMO_ACCOUNTS:
        user, was_created = User.objects.get_or_create(
            username=account.username, defaults={"display_name": account.display_name}
        )
        if was_created:
            user.set_password(account.password)
            user.save(update_fields=["password"])
            if account.role != Role.STUDENT:
                user_role_grant(user=user, role=account.role)
            created.add(account.username)
    return created
