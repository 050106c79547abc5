"""Wagtail admin views: upload an .h5p package, and approve the libraries packages bring.

The URLs are registered by wagtail_hooks (register_admin_urls), so Wagtail already sends
anonymous and non-staff users to its login; these views then check the role.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import H5PUploadForm
from .models import H5PActivityLibrary, H5PLibrary
from .services import activity_create_from_upload, library_approve
from .validation import H5PValidationError

UPLOADERS_GROUP = "H5P uploaders"


def can_upload(user) -> bool:
    user = user or AnonymousUser()
    return user.is_active and (user.is_superuser or user.groups.filter(name=UPLOADERS_GROUP).exists())


def can_approve(user) -> bool:
    """Approving library code is an administrator's decision."""
    return bool(user and user.is_active and user.is_superuser)


def activities_index_url() -> str:
    return reverse("wagtailsnippets_h5p_h5pactivity:list")


class UploadView(WagtailAdminTemplateMixin, FormView):
    form_class = H5PUploadForm
    template_name = "h5p/admin/upload.html"
    page_title = gettext_lazy("Upload an H5P package")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_upload(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": activities_index_url(), "label": _("H5P activities")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("h5p_upload")
        context["submit_button_label"] = _("Upload")
        context["submit_button_active_label"] = _("Uploading…")
        return context

    def form_valid(self, form):
        try:
            activity = activity_create_from_upload(
                uploaded_file=form.cleaned_data["file"], title=form.cleaned_data["title"], user=self.request.user
            )
        except H5PValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.form_invalid(form)
        if activity.is_ready:
            messages.success(self.request, _("H5P activity '%(title)s' is ready.") % {"title": activity.title})
        else:
            messages.warning(
                self.request,
                _("H5P activity '%(title)s' was uploaded; it waits for an administrator to approve its libraries.")
                % {"title": activity.title},
            )
        return redirect(activities_index_url())

    def form_invalid(self, form):
        messages.error(self.request, _("The package could not be uploaded. Please correct the errors below."))
        return super().form_invalid(form)


class LibraryListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "h5p/admin/libraries.html"
    page_title = gettext_lazy("H5P libraries")
    header_icon = "code"

    def dispatch(self, request, *args, **kwargs):
        if not can_approve(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        links = Prefetch("activity_links", queryset=H5PActivityLibrary.objects.select_related("activity"))
        libraries = H5PLibrary.objects.prefetch_related(links).order_by("machine_name", "major", "minor")
        context["awaiting"] = libraries.filter(Q(approved=False) | Q(pending_patch__isnull=False))
        context["approved"] = libraries.filter(approved=True, pending_patch__isnull=True)
        return context


class LibraryApproveView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        if not can_approve(request.user):
            raise PermissionDenied
        library = get_object_or_404(H5PLibrary, pk=pk)
        library = library_approve(library, request.user)
        messages.success(
            request, _("Library %(library)s is approved.") % {"library": f"{library.machine_name} {library.version}"}
        )
        return redirect("h5p_libraries")
