from django.urls import path

from . import views

# Public: under /verify/ (elearn/urls.py).
verify_urlpatterns = [
    path("", views.verify, name="certificate_verify"),
    path("<str:code>/", views.verify_code, name="certificate_verify_code"),
]

# The learner's own: under /learn/.
urlpatterns = [
    path("certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/pdf/", views.certificate_download, name="certificate_download"),
]
