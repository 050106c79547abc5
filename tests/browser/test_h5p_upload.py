"""An editor brings an H5P package in; an administrator approves its libraries; it goes live."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from h5p.models import STATUS_READY, STATUS_WAITING, H5PActivity, H5PLibrary
from h5p.views import UPLOADERS_GROUP
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.courses import catalogue_build, course_build, lesson_build

pytestmark = [pytest.mark.browser]
PACKAGE = Path(__file__).resolve().parents[2].parent / "shared" / "h5p" / "H5P.QuestionSet.h5p"


def _admin_login(page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_uploaded_questionset_is_approved_then_ready_and_embedded(browser_page, settings, tmp_path):
    if not PACKAGE.exists():
        pytest.skip("../shared/h5p/ is missing: the real H5P packages live there")
    settings.H5P_PRIVATE_ROOT = tmp_path / "private"
    settings.H5P_CONTENT_ROOT = tmp_path / "content"
    settings.H5P_LIBRARY_ROOT = tmp_path / "libraries"
    uploader = UserFactory(username="h5p-editor")
    uploader.groups.add(Group.objects.get(name=UPLOADERS_GROUP), Group.objects.get(name="Editors"))
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})

    _admin_login(page, "h5p-editor")
    page.goto("/admin/h5p/upload/")
    page.locator("input[type=file]").set_input_files(str(PACKAGE))
    with page.expect_navigation():
        page.locator("main form button[type=submit], main form input[type=submit]").last.click()
    activity = H5PActivity.objects.get()
    assert activity.status == STATUS_WAITING
    assert H5PLibrary.objects.filter(approved=False).count() == 32

    _admin_login(page, "boss")
    page.goto("/admin/h5p/libraries/")
    for _ in range(40):
        buttons = page.locator("form[action*='/approve/'] button[type=submit]")
        if buttons.count() == 0:
            break
        with page.expect_navigation():
            buttons.first.click()
    assert not H5PLibrary.objects.filter(approved=False).exists()
    activity = H5PActivity.objects.get(pk=activity.pk)
    assert activity.status == STATUS_READY

    course = course_build(index=catalogue_build())
    lesson = lesson_build(
        course=course,
        title="Exercice interactif",
        slug="exercice",
        body=[{"type": "h5p_activity", "value": {"activity": activity.pk, "intro": "<p>À toi de jouer.</p>"}}],
    )
    page.context.clear_cookies()
    page.goto(lesson.url)
    main = page.locator("main").inner_text()
    assert activity.title in main and "À toi de jouer." in main
