"""Load the starter curriculum from `courses/starter_content/` into the page tree.

The content is data (one JSON file per module, plus SVG illustrations). Loading it is
idempotent and never updates anything: a page that already exists is skipped, because an
editor may have changed it since. New pages are created and published:

- the French catalogue ("Modules") under the French home, with its English and Bambara
  translations;
- each module and its lessons in French, then their English translations and Bambara ones
  (title, summary and key takeaways, with a link to the full French lesson, marked for review
  by a native speaker);
- the English pages go through wagtail-localize: the French page is its translation source,
  every string of it gets its English translation (matched segment by segment with the
  English text of the content) and the English illustrations are segment overrides, so
  translators can open them in the translation editor, exchange PO files and sync them after
  a French change. The Bambara pages are plain Wagtail translations (copy_for_translation);
- the illustrations, as Wagtail images in their own collection, reused by title.

Each module loads in its own transaction, so bad content leaves no half-created module.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.html import escape
from wagtail.blocks import StreamValue
from wagtail.blocks.base import get_error_json_data
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage

STARTER_DIR = Path(__file__).resolve().parent / "starter_content"
ILLUSTRATIONS_DIR = STARTER_DIR / "illustrations"
# Catalogue order; any other JSON file in the folder loads after these, by name.
MODULE_ORDER = ("deepfakes", "sextorsion", "confidentialite")
COLLECTION_NAME = "Illustrations (starter content)"
CATALOGUE_SLUG = "modules"
# Bambara: the UI catalogue translates "Courses" as "Modules" too.
CATALOGUE_TITLES = {"fr": "Modules", "en": "Modules", "bm": "Modules"}
TRANSLATION_LANGUAGES = ("en", "bm")
BM_REVIEW_NOTE = "bm-review: à relire par un·e locuteur·rice natif·ve"
LOCALIZED_LANGUAGES = ("en",)  # translated through wagtail-localize
BLOCK_ID_NAMESPACE = uuid.UUID("5b0c2b5e-8d0e-4c55-9a57-6d1f0e2b7a41")  # stable block ids


class StarterContentError(Exception):
    """The starter content is missing or invalid; the message names the module or lesson."""

    def __init__(self, message: str, *, report: LoadReport | None = None) -> None:
        super().__init__(message)
        self.report = report  # what was loaded anyway (the other, valid modules)


@dataclass(frozen=True)
class SkippedItem:
    kind: str  # "catalogue", "module" or "lesson"
    name: str  # slug, "module/lesson" for lessons
    language: str

    def __str__(self) -> str:
        if self.language == settings.LANGUAGE_CODE:
            return f"skipped existing {self.kind} {self.name}"
        return f"skipped existing {self.language} translation of {self.kind} {self.name}"


@dataclass
class LoadReport:
    catalogue: str = ""  # slug of the French catalogue, when this run created it
    modules: list[str] = field(default_factory=list)  # French modules created (slugs)
    lessons: list[str] = field(default_factory=list)  # French lessons created ("module/lesson")
    translations: list[str] = field(default_factory=list)  # "en catalogue modules", "bm lesson a/b", ...
    images: list[str] = field(default_factory=list)  # illustration files imported
    reused_images: list[str] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "<file>: <error>": modules left out entirely

    def merge(self, other: LoadReport) -> None:
        for name in ("modules", "lessons", "translations", "images", "reused_images", "skipped", "failed"):
            getattr(self, name).extend(getattr(other, name))

    def lines(self) -> list[str]:
        counts = ", ".join(
            _count(len(items), noun)
            for items, noun in (
                (self.modules, "module"),
                (self.lessons, "lesson"),
                (self.translations, "translation"),
                (self.images, "image"),
            )
        )
        lines = [f"Starter content: created {counts} (reused {_count(len(self.reused_images), 'existing image')})."]
        if self.catalogue:
            lines.append(f"  new catalogue: {self.catalogue}")
        if self.modules:
            lines.append(f"  new modules: {', '.join(self.modules)}")
        if self.skipped:
            lines.append(
                f"Skipped {_count(len(self.skipped), 'existing page')} (never updated: editors may have changed them):"
            )
            grouped: dict[tuple[str, str], list[str]] = {}
            for item in self.skipped:
                grouped.setdefault((item.kind, item.name), []).append(item.language)
            lines.extend(f"  {kind} {name} ({', '.join(languages)})" for (kind, name), languages in grouped.items())
        else:
            lines.append("Skipped nothing.")
        lines.extend(f"FAILED, nothing of it saved: {failure}" for failure in self.failed)
        return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def starter_content_load(*, stdout: TextIO | None = None) -> LoadReport:
    """Create what is missing of the starter curriculum; return (and print) what was done.

    A module with invalid content is left out entirely (its transaction rolls back), the
    others load, then StarterContentError names every failure.
    """
    report = LoadReport()
    locales = _locales()
    home = HomePage.objects.filter(depth=2, locale=locales["fr"]).first()
    if home is None:
        raise StarterContentError("No French home page at depth 2: run the migrations first.")
    illustrations = _Illustrations(report=report)
    with transaction.atomic():
        index = _catalogue_ensure(home=home, locales=locales, report=report)
    for path in _module_files():
        part = illustrations.report = LoadReport()
        try:
            data = _read_module(path)
            with illustrations.files_removed_on_failure(), transaction.atomic():
                _module_load(data=data, index=index, locales=locales, illustrations=illustrations, report=part)
        except StarterContentError as error:
            report.failed.append(f"{path.name}: {error}")
        else:
            report.merge(part)
    if stdout is not None:
        for line in report.lines():
            stdout.write(line + "\n")
    if report.failed:
        raise StarterContentError("Invalid starter content:\n  " + "\n  ".join(report.failed), report=report)
    return report


@contextmanager
def _content_errors(where: str) -> Iterator[None]:
    """A page that does not validate (too long a summary, a slug taken...) names the page."""
    try:
        yield
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise StarterContentError(f"{where}: {detail}") from error


# --- Reading the content ----------------------------------------------------------------------


def _module_files() -> list[Path]:
    files = {path.stem: path for path in STARTER_DIR.glob("*.json")}
    ordered = [files.pop(stem) for stem in MODULE_ORDER if stem in files]
    return ordered + [files[stem] for stem in sorted(files)]


def _read_module(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StarterContentError(f"{path.name}: cannot read it: {error}") from error
    missing = [key for key in ("slug", "title", "summary", "lessons", "cover_svg") if key not in data]
    if missing:
        raise StarterContentError(f"{path.name}: missing {', '.join(missing)}")
    return data


def _locales() -> dict[str, Locale]:
    codes = (settings.LANGUAGE_CODE, *TRANSLATION_LANGUAGES)
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    missing = [code for code in codes if code not in locales]
    if missing:
        raise StarterContentError(f"Missing locales {', '.join(missing)}: run the migrations first.")
    return locales


# --- Illustrations ----------------------------------------------------------------------------


class _Illustrations:
    """SVG files imported as Wagtail images, once each, in their own collection."""

    def __init__(self, *, report: LoadReport) -> None:
        self.report = report
        self.image_model = get_image_model()
        self._collection: Collection | None = None
        self._ids: dict[str, int] = {}
        self._new_files: list[str] = []

    @property
    def collection(self) -> Collection:
        if self._collection is None:
            root = Collection.get_first_root_node()
            self._collection = root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
                name=COLLECTION_NAME
            )
        return self._collection

    def image_id(self, name: str, *, where: str) -> int | None:
        if not name:
            return None
        if name not in self._ids:
            existing = self.image_model.objects.filter(collection=self.collection, title=name).first()
            self._ids[name] = existing.pk if existing else self._import(name, where=where)
            if existing:
                self.report.reused_images.append(name)
        return self._ids[name]

    def _import(self, name: str, *, where: str) -> int:
        path = ILLUSTRATIONS_DIR / name
        if path.name != name or not path.is_file():
            raise StarterContentError(f"{where}: illustration {name!r} not found in {ILLUSTRATIONS_DIR}")
        with path.open("rb") as handle:
            image = self.image_model(title=name, collection=self.collection, file=File(handle, name=name))
            image._set_image_file_metadata()  # size and hash, as Wagtail's upload form does
            image.save()
        self._new_files.append(image.file.name)
        self.report.images.append(name)
        return image.pk

    @contextmanager
    def files_removed_on_failure(self) -> Iterator[None]:
        """The transaction drops the image rows of a failed module; this removes their files."""
        mark = len(self._new_files)
        try:
            yield
        except BaseException:
            storage = self.image_model._meta.get_field("file").storage
            for name in self._new_files[mark:]:
                storage.delete(name)
            del self._new_files[mark:]
            self._ids.clear()  # may point at rolled-back rows
            self._collection = None
            raise


# --- Pages ------------------------------------------------------------------------------------


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _translate(*, source: Page, locale: Locale, fields: dict[str, Any], where: str) -> Page:
    """A real translation (same translation_key, its own text), published."""
    with _content_errors(where):
        page = source.copy_for_translation(locale, copy_parents=True)
        for name, value in fields.items():
            setattr(page, name, value)
        _publish(page)  # save_revision() validates the page; publishing saves it (and its new url_path)
    return page


def _localize(*, source: Page, locale: Locale, fields: dict[str, Any], where: str) -> Page:
    """A translation managed by wagtail-localize, published, with `fields` as its text.

    The French page becomes the TranslationSource; an unsaved copy of it carrying `fields`
    gives the English segments, matched to the French ones by context path and order; the
    strings become StringTranslations, the other differences (illustrations, link targets)
    SegmentOverrides. Then wagtail-localize itself builds and saves the English page.
    """
    source = source.specific
    translated = type(source).objects.get(pk=source.pk)  # unsaved stand-in, never saved
    for name, value in fields.items():
        setattr(translated, name, value)
    with _content_errors(where):
        # Validated here: wagtail-localize's own error handling breaks on Page.save()'s errors.
        translated.clean_fields(exclude=[f.name for f in type(source)._meta.fields if f.name not in fields])
    translation_source, __ = TranslationSource.update_or_create_from_instance(source)
    _segments_translate(translation_source, translated=translated, locale=locale, where=where)
    translation, created = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    if not created and not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    total, done = translation.get_progress()
    if done != total:
        raise StarterContentError(f"{where}: {total - done} of {total} strings could not be translated")
    with _content_errors(where):
        # publish=False then an explicit publish: wagtail-localize publishes on commit, which
        # would leave the page a draft inside an enclosing transaction (tests, callers).
        translation.save_target(user=None, publish=False)
    page = translation.get_target_instance().specific
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


def _segments_translate(translation_source: TranslationSource, *, translated: Page, locale: Locale, where: str) -> None:
    """Store the text of `translated` as the translation of the source's segments."""
    strings: dict[str, list[str]] = {}
    templates: dict[str, str] = {}
    overrides: dict[str, Any] = {}
    for segment in extract_segments(translated):
        if isinstance(segment, StringSegmentValue):
            strings.setdefault(segment.path, []).append(segment.string.data)
        elif isinstance(segment, TemplateSegmentValue):
            templates[segment.path] = segment.template
        elif isinstance(segment, OverridableSegmentValue):
            overrides[segment.path] = segment.data
    source_strings: dict[str, list[Any]] = {}
    for segment in translation_source.stringsegment_set.select_related("string", "context").order_by("order"):
        source_strings.setdefault(segment.context.path, []).append(segment)
    source_templates = {
        segment.context.path: segment.template.template
        for segment in translation_source.templatesegment_set.select_related("template", "context")
    }
    source_overrides = {
        segment.context.path: segment for segment in translation_source.overridablesegment_set.select_related("context")
    }
    differences = [
        f"{path}: {len(source_strings.get(path, []))} French strings, {len(strings.get(path, []))} {locale.language_code}"
        for path in sorted(set(strings) | set(source_strings))
        if len(strings.get(path, [])) != len(source_strings.get(path, []))
    ]
    differences += [
        f"{path}: different HTML structure"
        for path in sorted(set(templates) | set(source_templates))
        if templates.get(path) != source_templates.get(path)
    ]
    differences += [f"{path}: only in one language" for path in sorted(set(overrides) ^ set(source_overrides))]
    if differences:
        raise StarterContentError(f"{where}: its structure differs from the French page: " + "; ".join(differences[:5]))
    for path, segments in source_strings.items():
        for segment, text in zip(segments, strings[path], strict=True):
            StringTranslation.objects.get_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
            )
    for path, segment in source_overrides.items():
        if overrides[path] != segment.data:
            SegmentOverride.objects.update_or_create(
                locale=locale, context=segment.context, defaults={"data_json": json.dumps(overrides[path])}
            )


def _translations_ensure(
    *,
    source: Page,
    kind: str,
    name: str,
    fields_for: Callable[[str], dict[str, Any]],
    locales: dict[str, Locale],
    report: LoadReport,
) -> None:
    """Create the missing translations; `fields_for(language)` is only called for those."""
    existing = set(
        Page.objects.filter(translation_key=source.translation_key, locale__language_code__in=TRANSLATION_LANGUAGES)
        .values_list("locale__language_code", flat=True)
        .distinct()
    )
    for language in TRANSLATION_LANGUAGES:
        if language in existing:
            report.skipped.append(SkippedItem(kind, name, language))
            continue
        translate = _localize if language in LOCALIZED_LANGUAGES else _translate
        translate(
            source=source, locale=locales[language], fields=fields_for(language), where=f"{kind} {name} ({language})"
        )
        report.translations.append(f"{language} {kind} {name}")


def _catalogue_ensure(*, home: HomePage, locales: dict[str, Locale], report: LoadReport) -> CourseIndexPage:
    fr = settings.LANGUAGE_CODE
    # One catalogue per home (max_count_per_parent): an existing one is used whatever its slug.
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title=CATALOGUE_TITLES[fr], slug=CATALOGUE_SLUG)
        home.add_child(instance=index)
        _publish(index)
        report.catalogue = index.slug
    else:
        report.skipped.append(SkippedItem("catalogue", index.slug, fr))
    _translations_ensure(
        source=index,
        kind="catalogue",
        name=index.slug,
        fields_for=lambda language: {"title": CATALOGUE_TITLES[language], "slug": CATALOGUE_SLUG},
        locales=locales,
        report=report,
    )
    return index


def _module_load(
    *,
    data: dict[str, Any],
    index: CourseIndexPage,
    locales: dict[str, Locale],
    illustrations: _Illustrations,
    report: LoadReport,
) -> None:
    slug = data["slug"]
    fr = settings.LANGUAGE_CODE
    module = CoursePage.objects.child_of(index).filter(slug=slug).first()
    if module is None:
        module = CoursePage(
            **_module_fields(data, "fr"),
            slug=slug,
            estimated_minutes=data.get("estimated_minutes", 30),
            cover_image_id=illustrations.image_id(data["cover_svg"], where=f"module {slug}"),
        )
        with _content_errors(f"module {slug} (fr)"):
            index.add_child(instance=module)
            _publish(module)
        report.modules.append(slug)
    else:
        report.skipped.append(SkippedItem("module", slug, fr))

    def fields_for(language: str) -> dict[str, Any]:
        if language == "bm":
            return {
                "title": _text(data, "title", "bm", where=f"module {slug}"),
                "summary": _text(data, "summary", "bm", where=f"module {slug}"),
                # No Bambara text for these: better empty than French text under lang="bm".
                "audience": "",
                "objectives": "",
                "search_description": BM_REVIEW_NOTE,
            }
        return {**_module_fields(data, language), "slug": data.get(f"slug_{language}") or slug}

    _translations_ensure(source=module, kind="module", name=slug, fields_for=fields_for, locales=locales, report=report)
    for lesson_data in data["lessons"]:
        _lesson_load(data=lesson_data, module=module, locales=locales, illustrations=illustrations, report=report)


def _module_fields(data: dict[str, Any], language: str) -> dict[str, Any]:
    where = f"module {data['slug']}"
    return {
        "title": _text(data, "title", language, where=where),
        "summary": _text(data, "summary", language, where=where),
        "audience": (data.get("audience") or {}).get(language, ""),
        "objectives": "\n".join((data.get("objectives") or {}).get(language, [])),
    }


def _lesson_load(
    *,
    data: dict[str, Any],
    module: CoursePage,
    locales: dict[str, Locale],
    illustrations: _Illustrations,
    report: LoadReport,
) -> None:
    slug = data.get("slug")
    if not slug:
        raise StarterContentError(f"module {module.slug}: a lesson has no slug")
    name = f"{module.slug}/{slug}"
    where = f"lesson {name}"
    fr = settings.LANGUAGE_CODE
    lesson = LessonPage.objects.child_of(module).filter(slug=slug).first()
    if lesson is None:
        lesson = LessonPage(
            title=_text(data, "title", "fr", where=where),
            slug=slug,
            summary=_text(data, "summary", "fr", where=where),
            estimated_minutes=data.get("estimated_minutes", 10),
            body=_body(_blocks(data, "fr", where=where), illustrations=illustrations, where=f"{where} (fr)", key=name),
        )
        with _content_errors(f"{where} (fr)"):
            module.add_child(instance=lesson)
            _publish(lesson)
        report.lessons.append(name)
    else:
        report.skipped.append(SkippedItem("lesson", name, fr))

    def fields_for(language: str) -> dict[str, Any]:
        # Called only for a missing translation, so a second run does no image or block work.
        where_language = f"{where} ({language})"
        if language == "bm":
            return {
                "title": _text(data, "title", "bm", where=where),
                "summary": _text(data, "summary", "bm", where=where),
                "body": _body(
                    _bm_blocks(data, french=lesson, where=where),
                    illustrations=illustrations,
                    where=where_language,
                    key=f"{name}/bm",
                ),
                "search_description": BM_REVIEW_NOTE,
            }
        return {
            "title": _text(data, "title", language, where=where),
            "slug": data.get(f"slug_{language}") or slug,
            "summary": _text(data, "summary", language, where=where),
            "body": _body(
                _blocks(data, language, where=where),
                illustrations=illustrations,
                where=where_language,
                key=f"{name}/{language}",
                ids_of=lesson.body,
            ),
        }

    _translations_ensure(source=lesson, kind="lesson", name=name, fields_for=fields_for, locales=locales, report=report)


def _text(data: dict[str, Any], key: str, language: str, *, where: str) -> str:
    value = (data.get(key) or {}).get(language)
    if not isinstance(value, str) or not value.strip():
        raise StarterContentError(f"{where}: no {language} {key}")
    return value


def _blocks(data: dict[str, Any], language: str, *, where: str) -> list[dict[str, Any]]:
    blocks = (data.get("blocks") or {}).get(language)
    if not blocks:
        raise StarterContentError(f"{where}: no {language} blocks")
    return blocks


def _bm_blocks(data: dict[str, Any], *, french: LessonPage, where: str) -> list[dict[str, Any]]:
    items = data.get("key_takeaways_bm")
    if not items:
        raise StarterContentError(f"{where}: no key_takeaways_bm")
    # The French URL has no language prefix; without a Site, derive it from the tree path.
    url = french.get_url() or "/" + french.url_path.strip("/").partition("/")[2] + "/"
    link = f'<a href="{escape(url)}">{escape(french.title)}</a>'
    return [
        {"type": "key_takeaways", "value": {"items": items}},
        {
            "type": "callout",
            "value": {
                "kind": "tip",
                "text": f'<p lang="fr">La leçon complète est disponible en français : {link}.</p>',
            },
        },
    ]


# --- Lesson bodies ----------------------------------------------------------------------------


def _body(
    blocks: list[dict[str, Any]],
    *,
    illustrations: _Illustrations,
    where: str,
    key: str,
    ids_of: StreamValue | None = None,
) -> StreamValue:
    """The blocks as a validated StreamValue; invalid content fails with the lesson's name.

    Blocks and list items get ids derived from `key` and their position, or, with `ids_of`,
    the ids of the same positions in that body (a translation shares its source's ids, which
    is how wagtail-localize matches their texts).
    """
    raw = [
        _raw_block(block, illustrations=illustrations, where=f"{where}, block {n}", block_id=_block_id(f"{key}/{n}"))
        for n, block in enumerate(blocks)
    ]
    stream_block = LessonPage._meta.get_field("body").stream_block
    if ids_of is not None:
        _ids_adopt(raw, stream_block.get_prep_value(ids_of), where=where)
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        raise StarterContentError(f"{where}: invalid body: {_describe(error, raw)}") from error


def _block_id(key: str) -> str:
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, key))


def _list_items(items: Any, *, block_id: str) -> Any:
    """A ListBlock value in Wagtail's block format, with stable item ids."""
    if not isinstance(items, list):
        return items
    return [{"type": "item", "value": item, "id": _block_id(f"{block_id}/{n}")} for n, item in enumerate(items)]


def _ids_adopt(raw: list[dict[str, Any]], model: list[dict[str, Any]], *, where: str) -> None:
    """Give `raw` the block and list item ids of `model`, which must have the same structure."""
    if [block["type"] for block in raw] != [block["type"] for block in model]:
        raise StarterContentError(
            f"{where}: its blocks differ from the French page: {[b['type'] for b in raw]} "
            f"instead of {[b['type'] for b in model]}"
        )
    for n, (block, like) in enumerate(zip(raw, model, strict=True)):
        block["id"] = like["id"]
        if not isinstance(block["value"], dict) or not isinstance(like["value"], dict):
            continue
        for name, items in block["value"].items():
            like_items = like["value"].get(name)
            if not (isinstance(items, list) and isinstance(like_items, list)):
                continue
            if len(items) != len(like_items):
                raise StarterContentError(
                    f"{where}, block {n} ({block['type']}): {len(items)} {name} instead of {len(like_items)} in French"
                )
            for item, like_item in zip(items, like_items, strict=True):
                if isinstance(item, dict) and isinstance(like_item, dict) and "id" in like_item:
                    item["id"] = like_item["id"]


def _raw_block(block: dict[str, Any], *, illustrations: _Illustrations, where: str, block_id: str) -> dict[str, Any]:
    kind, value = block.get("type"), block.get("value")
    where = f"{where} ({kind})"

    def image(item: dict[str, Any]) -> int | None:
        return illustrations.image_id(item.get("svg") or "", where=where)

    if kind in ("heading", "paragraph", "callout"):
        return {"type": kind, "value": value, "id": block_id}
    if kind in ("scenario", "key_takeaways") and isinstance(value, dict):
        name = "choices" if kind == "scenario" else "items"
        value = {**value, name: _list_items(value.get(name), block_id=block_id)}
        return {"type": kind, "value": value, "id": block_id}
    if not isinstance(value, dict):
        raise StarterContentError(f"{where}: unknown block type or no value")
    if kind == "image":
        value = {"image": image(value), "alt": value.get("alt", ""), "caption": value.get("caption", "")}
    elif kind == "real_or_fake":
        items = [
            {"image": image(item), "audio": None, "alt": item.get("alt", ""), "caption": item.get("caption", "")}
            for item in value.get("items", [])
        ]
        value = {**{k: v for k, v in value.items() if k != "options"}, "items": _list_items(items, block_id=block_id)}
    elif kind == "step_guide":
        steps = [
            {"text": step.get("text", ""), "image": image(step), "alt": step.get("alt", "")}
            for step in value.get("steps", [])
        ]
        value = {**value, "steps": _list_items(steps, block_id=block_id)}
    else:
        raise StarterContentError(f"{where}: unknown block type")
    return {"type": kind, "value": value, "id": block_id}


def _describe(error: ValidationError, raw: list[dict[str, Any]]) -> str:
    """One line per invalid field: "block 5 (real_or_fake) items.0.alt: <message>"."""
    data = get_error_json_data(error)
    lines: list[str] = []
    for index, block_data in _as_items((data or {}).get("blockErrors")):
        kind = raw[int(index)]["type"] if str(index).isdigit() and int(index) < len(raw) else "?"
        lines.extend(_flatten(block_data, f"block {index} ({kind})"))
    lines.extend(f"body: {message}" for message in (data or {}).get("messages", []))
    return "; ".join(lines) or json.dumps(data, ensure_ascii=False)


def _as_items(errors: Any) -> list[tuple[Any, Any]]:
    if isinstance(errors, dict):
        return sorted(errors.items(), key=lambda item: str(item[0]))
    if isinstance(errors, list):
        return [(index, value) for index, value in enumerate(errors) if value]
    return []


def _flatten(data: Any, path: str) -> list[str]:
    if not isinstance(data, dict):
        return [f"{path}: {data}"]
    lines = [f"{path}: {message}" for message in data.get("messages", [])]
    for key, value in _as_items(data.get("blockErrors")):
        lines.extend(_flatten(value, f"{path} {key}" if path.endswith(")") else f"{path}.{key}"))
    return lines
