from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .privacy_registry import autodiscover

        # Every app's privacy.py declares how its data about a person is exported and erased.
        autodiscover()
