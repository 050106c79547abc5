"""The starter curriculum (`manage.py load_starter_content`), as the issue states it.

The content is loaded once for this file, inside a transaction rolled back at the end, with
uploads in a temporary MEDIA_ROOT; each test runs in its own savepoint on top of it.
"""

import gzip
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import override_settings
from django.utils.html import escape, strip_tags
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

import courses.starter
from courses.blocks import INTERACTIVE_BLOCK_TYPES
from courses.models import CourseIndexPage, CoursePage, LessonPage
from courses.starter import BM_REVIEW_NOTE, COLLECTION_NAME, STARTER_DIR, StarterContentError, starter_content_load
from quizzes.starter import starter_quizzes_load

pytestmark = pytest.mark.django_db

MODULES = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(STARTER_DIR.glob("*.json"))]
LESSONS = [(module, lesson) for module in MODULES for lesson in module["lessons"]]
MAX_GZIPPED_BYTES = 25 * 1024
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            report = starter_content_load()
            starter_quizzes_load()  # as `load_starter_content` does: its second run then creates nothing
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            media.disable()
            raise
    yield report
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    media.disable()


def _body_texts(data):
    """Every text of a body's raw stream data (ids, block types and choice values left out)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from _body_texts(item)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in {"type", "id", "kind", "answer"}:
                yield from _body_texts(value)


def _words(page: LessonPage) -> list[str]:
    return WORD.findall(" ".join(strip_tags(text) for text in _body_texts(list(page.body.raw_data))))


def _page(model, language: str, **filters):
    return model.objects.get(locale__language_code=language, **filters)


def _french_module(module: dict) -> CoursePage:
    return _page(CoursePage, "fr", slug=module["slug"])


def _french_lesson(module: dict, lesson: dict) -> LessonPage:
    return LessonPage.objects.child_of(_french_module(module)).get(slug=lesson["slug"])


def _translation(page, language: str):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def test_three_modules_in_french_and_english_under_the_catalogue(loaded):
    index = _page(CourseIndexPage, "fr")
    assert (index.title, index.slug, index.live) == ("Modules", "modules", True)
    assert index.get_parent().depth == 2
    for language in ("en", "bm"):
        translated = _translation(index, language)
        assert translated.live and translated.alias_of_id is None and translated.slug == "modules"
    slugs = [module["slug"] for module in MODULES]
    assert sorted(CoursePage.objects.child_of(index).live().values_list("slug", flat=True)) == sorted(slugs)
    english_index = _translation(index, "en")
    english_modules = CoursePage.objects.child_of(english_index).live()
    assert english_modules.count() == len(MODULES) == 3
    assert loaded.modules and len(loaded.lessons) == len(LESSONS)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_module_has_four_substantial_lessons_and_an_exercise(loaded, language):
    for module in MODULES:
        course = _translation(_french_module(module), language)
        lessons = list(LessonPage.objects.child_of(course).live())
        assert len(lessons) >= 4, module["slug"]
        block_types_in_module = set()
        for lesson in lessons:
            types = {block.block_type for block in lesson.body}
            block_types_in_module |= types
            assert len(_words(lesson)) >= 300, (language, lesson.slug, len(_words(lesson)))
            assert len(types) >= 3, (language, lesson.slug, types)
        assert block_types_in_module & INTERACTIVE_BLOCK_TYPES, (language, module["slug"])


def test_english_pages_are_real_translations_with_their_own_text(loaded):
    for module in MODULES:
        french_module = _french_module(module)
        english_module = _translation(french_module, "en")
        assert english_module.title == module["title"]["en"]
        assert english_module.alias_of_id is None and english_module.live
        assert english_module.objective_list == module["objectives"]["en"]
        for lesson in module["lessons"]:
            french = _french_lesson(module, lesson)
            english = LessonPage.objects.get(translation_key=french.translation_key, locale__language_code="en")
            assert english.alias_of_id is None and english.live
            assert english.get_parent().pk == english_module.pk
            assert (english.title, english.slug) == (lesson["title"]["en"], lesson["slug_en"])
            assert set(_words(english)) != set(_words(french))
            assert not english.has_unpublished_changes


def _svgs(blocks: list[dict]) -> list[str]:
    """The illustration files of a lesson's content blocks, in order."""
    names = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "image":
            names.append(value["svg"])
        elif block["type"] in ("real_or_fake", "step_guide"):
            names.extend(
                item["svg"]
                for item in value["items" if block["type"] == "real_or_fake" else "steps"]
                if item.get("svg")
            )
    return names


def _image_titles(page: LessonPage) -> list[str]:
    titles = []
    for block in page.body:
        if block.block_type == "image":
            titles.append(block.value["image"].title)
        elif block.block_type in ("real_or_fake", "step_guide"):
            items = block.value["items" if block.block_type == "real_or_fake" else "steps"]
            titles.extend(item["image"].title for item in items if item["image"])
    return titles


def _localize_translation(french_page):
    from wagtail_localize.models import Translation

    return Translation.objects.get(
        source__object_id=french_page.translation_key,
        source__locale__language_code="fr",
        target_locale__language_code="en",
    )


def test_english_pages_are_managed_by_wagtail_localize_and_fully_translated(loaded):
    from django.utils.translation import gettext
    from wagtail_localize.models import StringTranslation

    french_pages = [_page(CourseIndexPage, "fr")]
    for module in MODULES:
        french_pages.append(_french_module(module))
        french_pages.extend(_french_lesson(module, lesson) for lesson in module["lessons"])
    for french in french_pages:
        translation = _localize_translation(french)
        assert translation.enabled
        assert translation.source.get_source_instance().pk == french.pk
        english = translation.get_target_instance()
        assert english.translation_key == french.translation_key and english.locale.language_code == "en"
        total, translated = translation.get_progress()
        assert total == translated > 0, (french.slug, total, translated)
        assert translation.get_status_display() == gettext("Up to date")
        # Translators can export it: every string of the PO file has its English text.
        assert all(entry.msgstr for entry in translation.export_po())
    assert not StringTranslation.objects.filter(has_error=True).exists()


def test_english_lessons_show_their_english_illustrations(loaded):
    from wagtail_localize.models import SegmentOverride

    for module, lesson in LESSONS:
        french = _french_lesson(module, lesson)
        english = _translation(french, "en")
        assert _image_titles(french) == _svgs(lesson["blocks"]["fr"]), lesson["slug"]
        assert _image_titles(english) == _svgs(lesson["blocks"]["en"]), lesson["slug"]
    english = _translation(_page(LessonPage, "fr", slug="une-photo-suffit"), "en")
    assert any(title.endswith("-en.svg") for title in _image_titles(english))
    assert SegmentOverride.objects.filter(locale__language_code="en").exists()


def test_a_sync_through_wagtail_localize_rebuilds_the_same_english_lesson(loaded):
    """What a translator's "publish" in the translation editor would produce: the same page."""
    french = _page(LessonPage, "fr", slug="verifier-la-source")
    english = _translation(french, "en")
    translation = _localize_translation(french)
    translation.save_target(publish=False)
    rebuilt = english.get_latest_revision_as_object()
    assert (rebuilt.title, rebuilt.slug, rebuilt.summary) == (english.title, english.slug, english.summary)
    assert list(rebuilt.body.raw_data) == list(english.body.raw_data)


def test_an_english_text_whose_structure_differs_from_the_french_one_names_the_lesson(loaded, tmp_path, monkeypatch):
    module = _tiny_module("mismatch")
    blocks = module["lessons"][0]["blocks"]
    blocks["en"] = [{"type": "paragraph", "value": "<p>Text.</p><p>One more paragraph.</p>"}]
    (tmp_path / "mismatch.json").write_text(json.dumps(module), encoding="utf-8")
    monkeypatch.setattr(courses.starter, "STARTER_DIR", tmp_path)
    with pytest.raises(StarterContentError, match=r"lesson mismatch/seule \(en\).*differs from the French"):
        starter_content_load()
    assert not Page.objects.filter(slug="mismatch").exists()


def test_bambara_pages_exist_for_every_module_and_lesson_and_await_review(loaded):
    for module in MODULES:
        french_module = _french_module(module)
        bm_module = _translation(french_module, "bm")
        assert bm_module.title == module["title"]["bm"] and bm_module.live and bm_module.alias_of_id is None
        assert bm_module.search_description == BM_REVIEW_NOTE
        for lesson in module["lessons"]:
            french = _french_lesson(module, lesson)
            bm = _translation(french, "bm")
            assert bm.title == lesson["title"]["bm"] and bm.live and bm.alias_of_id is None
            assert bm.search_description == BM_REVIEW_NOTE
            blocks = list(bm.body)
            assert [block.block_type for block in blocks] == ["key_takeaways", "callout"]
            assert list(blocks[0].value["items"]) == lesson["key_takeaways_bm"]
            link = f'href="/modules/{module["slug"]}/{lesson["slug"]}/"'
            assert (
                link in blocks[1].value["text"].source and french.url == f"/modules/{module['slug']}/{lesson['slug']}/"
            )


def _counts() -> tuple[int, int, int]:
    return Page.objects.count(), get_image_model().objects.count(), Revision.objects.count()


def test_a_second_run_creates_nothing_and_reports_what_it_skipped(loaded):
    images = get_image_model().objects.filter(collection__name=COLLECTION_NAME)
    assert images.count() == len(loaded.images) > 0
    assert all(image.width and image.height and image.file.name.endswith(".svg") for image in images)
    before = _counts()
    out = StringIO()
    call_command("load_starter_content", stdout=out)
    assert _counts() == before
    output = out.getvalue()
    assert "created 0 modules, 0 lessons, 0 translations, 0 images" in output
    for module, lesson in LESSONS:
        assert f"lesson {module['slug']}/{lesson['slug']} (fr, en, bm)" in output
    assert "module deepfakes (fr, en, bm)" in output
    assert "Starter quizzes: created nothing." in output and "skipped deepfakes: quiz exists" in output


def test_an_editor_change_is_never_overwritten(loaded):
    lesson = _page(LessonPage, "fr", slug="une-photo-suffit")
    lesson.title = "Une photo suffit (revu)"
    lesson.body = [{"type": "paragraph", "value": "<p>Texte revu par l'équipe éditoriale.</p>"}]
    lesson.save_revision().publish()
    before = _counts()
    report = starter_content_load()
    assert _counts() == before
    lesson.refresh_from_db()
    assert lesson.title == "Une photo suffit (revu)"
    assert [block.block_type for block in lesson.body] == ["paragraph"]
    assert "skipped existing lesson deepfakes/une-photo-suffit" in [str(item) for item in report.skipped]
    assert "lesson deepfakes/une-photo-suffit (fr, en, bm)" in "\n".join(report.lines())


def _tiny_module(slug: str) -> dict:
    text = {"fr": "Texte.", "en": "Text.", "bm": "Sɛbɛn."}
    paragraph = {language: [{"type": "paragraph", "value": f"<p>{value}</p>"}] for language, value in text.items()}
    lesson = {"slug": "seule", "slug_en": "only", "title": text, "summary": text, "blocks": paragraph}
    return {
        "slug": slug,
        "title": text,
        "summary": text,
        "cover_svg": "deepfakes-cover.svg",
        "lessons": [{**lesson, "key_takeaways_bm": ["Kelen."]}],
    }


def test_bad_content_fails_loudly_and_leaves_no_half_created_module(loaded, tmp_path, monkeypatch):
    broken = json.loads((STARTER_DIR / "deepfakes.json").read_text(encoding="utf-8"))
    broken["slug"] = "broken-module"
    scenario = next(b for b in broken["lessons"][1]["blocks"]["fr"] if b["type"] == "scenario")
    for choice in scenario["value"]["choices"]:
        choice["recommended"] = False
    (tmp_path / "broken-module.json").write_text(json.dumps(broken), encoding="utf-8")
    (tmp_path / "tiny.json").write_text(json.dumps(_tiny_module("tiny")), encoding="utf-8")
    monkeypatch.setattr(courses.starter, "STARTER_DIR", tmp_path)
    pages, images, __ = _counts()
    with pytest.raises(StarterContentError, match=r"lesson broken-module/une-photo-suffit \(fr\).*scenario") as caught:
        starter_content_load()
    # Nothing of the broken module (its first lesson was valid); the valid module loaded anyway.
    assert not Page.objects.filter(slug="broken-module").exists()
    assert get_image_model().objects.count() == images
    tiny = _page(CoursePage, "fr", slug="tiny")
    assert {page.locale.language_code for page in tiny.get_translations(inclusive=True)} == {"fr", "en", "bm"}
    assert Page.objects.count() == pages + 6
    assert caught.value.report.modules == ["tiny"] and len(caught.value.report.failed) == 1


def test_the_command_fails_loudly_on_bad_content_after_loading_the_other_modules_quizzes(loaded, tmp_path, monkeypatch):
    module = _tiny_module("too-long")
    module["lessons"][0]["title"] = {**module["lessons"][0]["title"], "en": "x" * 256}
    (tmp_path / "too-long.json").write_text(json.dumps(module), encoding="utf-8")
    monkeypatch.setattr(courses.starter, "STARTER_DIR", tmp_path)
    out = StringIO()
    with pytest.raises(CommandError, match="1 starter module"):
        call_command("load_starter_content", stdout=out)
    assert "too-long/seule (en)" in out.getvalue()
    assert "Starter quizzes: created nothing." in out.getvalue()  # the quiz step still ran


def test_a_page_that_does_not_validate_names_the_lesson(loaded, tmp_path, monkeypatch):
    module = _tiny_module("too-long")
    module["lessons"][0]["title"] = {**module["lessons"][0]["title"], "en": "x" * 256}
    (tmp_path / "too-long.json").write_text(json.dumps(module), encoding="utf-8")
    monkeypatch.setattr(courses.starter, "STARTER_DIR", tmp_path)
    with pytest.raises(StarterContentError, match=r"lesson too-long/seule \(en\).*title"):
        starter_content_load()
    assert not Page.objects.filter(slug="too-long").exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_lesson_answers_logged_out_and_stays_light(loaded, client, language):
    sizes = {}
    for module, lesson in LESSONS:
        page = _translation(_french_lesson(module, lesson), language)
        url = page.url
        assert url.startswith("/modules/" if language == "fr" else "/en/modules/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert escape(page.title) in html
        sizes[url] = len(gzip.compress(response.content))
    heaviest = max(sizes, key=sizes.get)
    print(f"heaviest {language} lesson: {heaviest} {sizes[heaviest]} bytes gzipped")
    assert sizes[heaviest] < MAX_GZIPPED_BYTES, (heaviest, sizes[heaviest])


def test_content_sources_cite_the_seed_article_for_every_module():
    path = Path(settings.BASE_DIR) / "docs" / "content-sources.md"
    text = path.read_text(encoding="utf-8")
    assert "WanaData" in text and "article" in text
    sections = text.split("\n## ")
    for module in MODULES:
        section = next(
            (s for s in sections if module["title"]["fr"] in s.splitlines()[0] or module["slug"] in s.splitlines()[0]),
            None,
        )
        assert section is not None, module["slug"]
        assert "Seed" in section, module["slug"]


@pytest.mark.parametrize(("language", "start"), [("fr", "/"), ("en", "/en/")])
def test_a_newcomer_browsing_from_the_home_page_reaches_every_lesson(loaded, client, language, start):
    """Follow links only, as an anonymous visitor would, and never meet an error."""
    import re
    from collections import deque

    expected = {_translation(_french_lesson(module, lesson), language).url for module, lesson in LESSONS}
    prefix = "/en/" if language == "en" else "/"
    seen, queue, reached = {start}, deque([start]), set()
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        if url.split("?")[0] in expected:
            reached.add(url.split("?")[0])
        for link in re.findall(r'href="(/[^"#]*)"', response.content.decode()):
            path = link.split("?")[0]
            wanted = path.startswith(prefix + "modules/") or path == prefix + "modules/"
            if language == "fr" and path.startswith(("/en/", "/bm/")):
                wanted = False
            if wanted and path not in seen:
                seen.add(path)
                queue.append(path)
    assert reached == expected
