from django.urls import path

from .views import dashboard, exports, pupil_privacy, pupils, student, teaching

urlpatterns = [
    path("", student.classes_home, name="classrooms_home"),
    path("join/", student.join, name="classrooms_join"),
    path("join/<str:code>/", student.join_code, name="classrooms_join_code"),
    path("teach/", teaching.teacher_request, name="classrooms_teacher_request"),
    path("requests/<int:pk>/", teaching.teacher_request_answer, name="classrooms_teacher_request_answer"),
    path("new/", teaching.classroom_new, name="classrooms_new"),
    path("schools/<int:school_pk>/progress.csv", exports.school_csv, name="classrooms_school_csv"),
    path("<int:pk>/", dashboard.dashboard, name="classrooms_dashboard"),
    path("<int:pk>/code/", teaching.join_code_page, name="classrooms_code"),
    path("<int:pk>/code/change/", teaching.join_code_change, name="classrooms_code_change"),
    path("<int:pk>/coteachers/", teaching.coteacher_add, name="classrooms_coteacher_add"),
    path("<int:pk>/pupils/new/", pupils.pupils_new, name="classrooms_pupils_new"),
    path("<int:pk>/pupils/batches/<int:batch_pk>/", pupils.batch_status, name="classrooms_batch"),
    path("<int:pk>/pupils/batches/<int:batch_pk>/slips/", pupils.batch_slips, name="classrooms_slips"),
    path("<int:pk>/pupils/batches/<int:batch_pk>/slips.pdf", pupils.batch_slips_pdf, name="classrooms_slips_pdf"),
    path("<int:pk>/pupils/batches/<int:batch_pk>/clear/", pupils.batch_slips_clear, name="classrooms_slips_clear"),
    path("<int:pk>/pupils/<int:membership_pk>/", dashboard.pupil_page, name="classrooms_pupil"),
    path("<int:pk>/pupils/<int:membership_pk>/reset/", pupils.pupil_reset, name="classrooms_pupil_reset"),
    path("<int:pk>/pupils/<int:membership_pk>/remove/", pupils.pupil_remove, name="classrooms_pupil_remove"),
    path(
        "<int:pk>/pupils/<int:membership_pk>/data.json",
        pupil_privacy.pupil_data_export,
        name="classrooms_pupil_data_export",
    ),
    path("<int:pk>/pupils/<int:membership_pk>/erase/", pupil_privacy.pupil_erase, name="classrooms_pupil_erase"),
    path(
        "<int:pk>/pupils/<int:membership_pk>/certificates/<int:certificate_pk>/revoke/",
        pupils.certificate_revoke_view,
        name="classrooms_certificate_revoke",
    ),
    path("<int:pk>/assignments/new/", dashboard.assignment_new, name="classrooms_assignment_new"),
    path(
        "<int:pk>/assignments/<int:assignment_pk>/remove/",
        dashboard.assignment_remove,
        name="classrooms_assignment_remove",
    ),
    path("<int:pk>/quizzes/<uuid:quiz_key>/", dashboard.quiz_page, name="classrooms_quiz"),
    path("<int:pk>/progress.csv", exports.class_matrix_csv, name="classrooms_csv"),
    path("<int:pk>/quiz-results.csv", exports.quiz_results_csv, name="classrooms_quiz_csv"),
]
