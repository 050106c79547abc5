from django.urls import path

from . import views

urlpatterns = [
    path("quizzes/<int:page_id>/start/", views.quiz_start, name="quiz_start"),
    path("attempts/<int:attempt_id>/", views.quiz_attempt, name="quiz_attempt"),
    path("attempts/<int:attempt_id>/result/", views.quiz_result, name="quiz_result"),
]
