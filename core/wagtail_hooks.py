from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import SupportOrganisation


class SupportOrganisationViewSet(SnippetViewSet):
    """The organisations listed on the help page ("Besoin d'aide ?")."""

    model = SupportOrganisation
    icon = "help"
    menu_label = _("Support organisations")
    add_to_admin_menu = True
    list_display = ["name", "languages", "verified_on", LocaleColumn(), UpdatedAtColumn()]
    list_filter = ["locale"]


register_snippet(SupportOrganisationViewSet)
