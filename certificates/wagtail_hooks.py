from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return [path("certificates/revoke/", admin_views.revoke, name="certificates_revoke")]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return AdministratorsMenuItem(_("Certificates"), reverse("certificates_revoke"), icon_name="doc-full", order=900)
