from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.routing import KnownAncestorsMixin


class HomePage(KnownAncestorsMixin, Page):
    """The site root: a short welcome and the way in to the modules."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import home_catalogue

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"], context["courses"] = home_catalogue(home=self)
        return context

    def route(self, request, path_components):
        """Find the page for a URL in two queries, whatever its depth.

        Wagtail's default walks the tree one level (two queries) at a time. Here every page
        along the path is fetched at once by `url_path`, each is told its parent (so
        `get_parent()` costs nothing later), and only the target is made specific.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
        }
        parent = self
        for prefix in prefixes:
            page = found.get(prefix)
            if page is None:
                raise Http404
            page._cached_parent_obj = parent
            parent = page
        target = parent.specific
        target._cached_parent_obj = parent._cached_parent_obj
        return target.route(request, [])
