from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from classrooms.models import School


class SchoolViewSet(SnippetViewSet):
    """Administrators create schools and name their coordinators here."""

    model = School
    icon = "home"
    menu_label = _("Schools")
    add_to_admin_menu = True
    list_display = ["name", "town", "country"]
    search_fields = ["name", "town"]
    panels = [FieldPanel("name"), FieldPanel("town"), FieldPanel("country"), FieldPanel("coordinators")]


register_snippet(SchoolViewSet)
