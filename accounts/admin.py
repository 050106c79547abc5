from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ConsentRecord, ErasureLog, User


@admin.register(User)
class KalanUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Kalan", {"fields": ("display_name", "certificate_name", "preferred_language")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "date_joined")


@admin.register(ErasureLog)
class ErasureLogAdmin(admin.ModelAdmin):
    """The erasure audit, read-only: when and by whom, never whose account."""

    list_display = ("erased_at", "actor_role", "actor")
    list_filter = ("actor_role",)
    date_hierarchy = "erased_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    """Who accepted which version of the privacy notice, read-only."""

    list_display = ("user", "notice_version", "notice_language", "given_at", "given_by")
    list_filter = ("notice_version", "notice_language")
    search_fields = ("user__username",)
    list_select_related = ("user", "given_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
