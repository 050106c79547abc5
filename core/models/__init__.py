"""Kalan's core models: the home page, the help page and the support organisations it lists,
and the privacy notice."""

from .help import HelpPage
from .home import HomePage
from .privacy import PrivacyNoticePage
from .support import SupportOrganisation, support_organisations_for_page

__all__ = ["HelpPage", "HomePage", "PrivacyNoticePage", "SupportOrganisation", "support_organisations_for_page"]
