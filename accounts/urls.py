from django.urls import path

from . import views

# No URL here carries a user id: each acts on the signed-in person only.
urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("profile/my-data/", views.data_export, name="accounts_data_export"),
    path("profile/my-data.json", views.data_export_json, name="accounts_data_export_json"),
    path("profile/erase/", views.account_erase, name="accounts_erase"),
]
