"""Kalan's core models: the home page, the help page and the support organisations it lists."""

from .help import HelpPage
from .home import HomePage
from .support import SupportOrganisation, support_organisations_for_page

__all__ = ["HelpPage", "HomePage", "SupportOrganisation", "support_organisations_for_page"]
