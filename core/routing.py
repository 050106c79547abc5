"""Cheaper page serving for deep pages (see HomePage.route, which caches each page's parent)."""

from wagtail.models import PageViewRestriction

from core.content_cache import content_memo


class KnownAncestorsMixin:
    """View-restriction lookup in one query when the page's ancestors are already known.

    Wagtail's own lookup first loads every ancestor (one query) and then their restrictions
    (another). After HomePage.route the ancestors are in memory; restrictions on them (and on
    the tree root above the home page) are fetched by path in a single query.
    """

    # Set on the page objects core.views.page_serve remembers between requests: serving them
    # may also remember their restrictions (as a list, which is all serving needs).
    served_from_memo = False

    def get_view_restrictions(self):
        if self.served_from_memo:
            return content_memo(("view-restrictions", self.pk), lambda: list(self._view_restrictions()))
        return self._view_restrictions()

    def _view_restrictions(self):
        page = self
        while page is not None and getattr(page, "depth", 0) > 2:
            if getattr(page, "alias_of_id", None):
                return super().get_view_restrictions()
            page = getattr(page, "_cached_parent_obj", None)
        if page is None or getattr(page, "alias_of_id", None):
            return super().get_view_restrictions()
        ancestor_paths = [self.path[: self.steplen * depth] for depth in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(page__path__in=ancestor_paths)
