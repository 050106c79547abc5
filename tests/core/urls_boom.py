from django.urls import path

from elearn.urls import handler500  # noqa: F401  (the project's handler renders the page)


def boom(request):
    raise RuntimeError("secret-detail")


urlpatterns = [path("boom/", boom)]
