from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class KalanUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Kalan", {"fields": ("display_name", "certificate_name", "preferred_language")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "date_joined")
