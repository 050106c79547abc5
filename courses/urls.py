from django.urls import path

from . import views

urlpatterns = [
    path("lessons/<int:page_id>/complete/", views.lesson_complete_view, name="lesson_complete"),
    path("search/", views.search, name="search"),
]
