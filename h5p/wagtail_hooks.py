from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import views
from .models import H5PActivity


class ActivityIndexView(IndexView):
    def get_add_url(self):
        # Activities are created by uploading a package, never from an empty form.
        return reverse("h5p_upload") if views.can_upload(self.request.user) else None


class UploadRedirectView(RedirectView):
    pattern_name = "h5p_upload"


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "media"
    menu_label = _("H5P activities")
    menu_name = "h5p-activities"
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = ActivityIndexView
    add_view_class = UploadRedirectView
    list_display = [
        "title",
        "main_library",
        Column("status", label=_("Status"), accessor="get_status_display"),
        "uploaded_at",
    ]
    search_fields = ["title", "main_library"]
    panels = [FieldPanel("title")]
    inspect_view_enabled = True
    copy_view_enabled = False


register_snippet(H5PActivityViewSet)


@hooks.register("register_admin_urls")
def register_h5p_admin_urls():
    return [
        path("h5p/upload/", views.UploadView.as_view(), name="h5p_upload"),
        path("h5p/libraries/", views.LibraryListView.as_view(), name="h5p_libraries"),
        path("h5p/libraries/<int:pk>/approve/", views.LibraryApproveView.as_view(), name="h5p_library_approve"),
    ]


class _RoleMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_menu_item")
def register_h5p_upload_menu_item():
    return _RoleMenuItem(
        _("Upload H5P"),
        reverse("h5p_upload"),
        name="h5p-upload",
        icon_name="upload",
        order=251,
        allowed=views.can_upload,
    )


@hooks.register("register_admin_menu_item")
def register_h5p_libraries_menu_item():
    return _RoleMenuItem(
        _("H5P libraries"),
        reverse("h5p_libraries"),
        name="h5p-libraries",
        icon_name="code",
        order=252,
        allowed=views.can_approve,
    )
