"""The editorial workflow as editors live it: in the Wagtail admin, in a real browser."""

import polib
import pytest
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from accounts.roles import Role
from accounts.services import user_role_grant
from courses.models import LessonPage
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.courses import catalogue_build, course_build

pytestmark = [pytest.mark.browser]


def _admin_login(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_editor_drafts_and_submits_a_lesson_and_a_reviewer_publishes_it(browser_page, settings):
    # Wagtail's autosave posts the half-typed (invalid) draft and logs its 400 in the console;
    # this test is about the workflow, so autosave is off here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    course = course_build(index=catalogue_build())
    user_role_grant(user=UserFactory(username="redac"), role=Role.EDITOR)
    user_role_grant(user=UserFactory(username="relecture"), role=Role.REVIEWER)
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})

    _admin_login(page, "redac")
    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").fill("Reconnaître un faux compte")
    page.locator("#id_summary").fill("Les signes d'un faux compte.")
    page.get_by_role("button", name="Insérer un bloc").first.click()
    page.get_by_role("option", name="Texte").first.click()
    editor_box = page.locator(".public-DraftEditor-content").first
    editor_box.wait_for()
    editor_box.click()
    page.keyboard.type("Un faux compte a peu d'historique et beaucoup de demandes d'amis.")
    page.wait_for_timeout(300)
    footer = page.locator("footer")
    assert footer.locator("button[name=action-publish]").count() == 0  # editors cannot publish
    footer.locator("[data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        footer.locator("button[name=action-submit]").click()
    page.wait_for_load_state("networkidle")

    lesson = LessonPage.objects.get(title="Reconnaître un faux compte")
    assert not lesson.live
    assert WorkflowState.objects.get(object_id=str(lesson.pk)).status == WorkflowState.STATUS_IN_PROGRESS

    page.context.clear_cookies()
    _admin_login(page, "relecture")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        footer.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    page.wait_for_load_state("networkidle")
    lesson.refresh_from_db()
    assert lesson.live

    page.context.clear_cookies()
    page.goto(lesson.url)
    assert "beaucoup de demandes d" in page.locator("main").inner_text()

    # A translator (an editor) asks wagtail-localize for the English version, translates the
    # PO file offline and uploads it, with their browser session.
    user_role_grant(user=UserFactory(username="traduction"), role=Role.EDITOR)
    _admin_login(page, "traduction")
    page.goto(f"/admin/localize/submit/page/{lesson.pk}/")
    page.get_by_label("English").check()
    with page.expect_navigation():
        page.locator("main input[type=submit]").click()
    translation = Translation.objects.get(source__object_id=lesson.translation_key, target_locale__language_code="en")
    po = polib.pofile(page.request.get(f"/admin/localize/translate/{translation.pk}/pofile/download/").text())
    english = {
        "Reconnaître un faux compte": "Spotting a fake account",
        "Les signes d'un faux compte.": "The signs of a fake account.",
        "Un faux compte a peu d'historique et beaucoup de demandes d'amis.": "A fake account has little history and many friend requests.",
    }
    for entry in po:
        entry.msgstr = english.get(entry.msgid, entry.msgid)
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    page.request.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        multipart={"file": {"name": "lesson.po", "mimeType": "text/plain", "buffer": str(po).encode()}},
        headers={"X-CSRFToken": csrf, "Referer": page.url},
    )
    translation.refresh_from_db()
    translation.save_target(user=None, publish=False)
    english_lesson = LessonPage.objects.get(translation_key=lesson.translation_key, locale__language_code="en")
    assert english_lesson.alias_of_id is None  # a real translation, not an alias
    draft = english_lesson.get_latest_revision_as_object()
    assert draft.title == "Spotting a fake account"
    assert "A fake account has little history" in str(draft.body)
