"""What Kalan holds about a person, and how each part is exported and erased.

Every app declares its own part in `<app>/privacy.py`, found at start-up (AccountsConfig.ready):

    from accounts.privacy_registry import Erase, register

    register(LessonProgress, label=_("Lesson progress"),
             export=("lesson_key", "status", "completed_at"), erase=Erase.DELETE)

One declaration covers one relation to the user (a foreign key, one-to-one or many-to-many
field, named by `field`; `field=None` is the user row itself). For each:

- `export`: a tuple of field names (serialised as they are), a function `(user) -> list[dict]`,
  or None with a `reason` saying why nothing is exported (an editor's page ownership is not
  data about them as a learner; a secret token must never leave the server).
- `erase`: `Erase.DELETE` (the rows go), `Erase.SET_NULL` (the rows stay, anonymous: a page
  an editor wrote survives them), or a function `(user, options) -> None` for anything finer
  (certificates kept as anonymous valid records when `options.keep_certificates`).

`exclude(model, field=..., reason=...)` says a relation needs neither: the database's own
on-delete rule is right and the rows say nothing worth exporting (an editing-session lock).

tests/accounts/test_privacy_coverage.py finds every relation to the user across the installed
apps and fails naming any that no declaration covers, so a new model cannot be forgotten.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.functional import Promise


class Erase(StrEnum):
    DELETE = "delete"
    SET_NULL = "set_null"


@dataclass(frozen=True)
class ErasureOptions:
    """Choices the person makes when erasing their account, passed to every erase function."""

    # Certificates stay as anonymous "valid" records an employer can still verify (the
    # certificates app honours it); otherwise they are deleted with everything else.
    keep_certificates: bool = False


Exporter = tuple[str, ...] | Callable[[models.Model], list[dict]] | None
Eraser = Erase | Callable[[models.Model, ErasureOptions], None]


@dataclass(frozen=True)
class Declaration:
    model: type[models.Model]
    field: str | None  # None: the user model itself
    label: Promise | str
    export: Exporter
    erase: Eraser | None  # None: excluded, the database's on-delete rule applies
    reason: str
    order: int
    columns: dict | None = None  # column name -> label, for exports that are functions

    @property
    def key(self) -> str:
        suffix = f".{self.field}" if self.field else ""
        return f"{self.model._meta.label_lower}{suffix}"

    @property
    def exported(self) -> bool:
        return self.export is not None


class RegistryError(ValueError):
    pass


_declarations: dict[tuple[str, str | None], Declaration] = {}


def register(
    model: type[models.Model],
    *,
    field: str | None = "user",
    label: Promise | str = "",
    export: Exporter = None,
    erase: Eraser = Erase.DELETE,
    reason: str = "",
    order: int = 100,
    columns: dict | None = None,
) -> Declaration:
    """Declare how one relation to the user is exported and erased. Lower `order` erases first
    (a function that must see rows before a cascade removes them)."""
    if export is None and not reason:
        raise RegistryError(f"{model._meta.label}.{field}: say why nothing is exported (reason=...)")
    if export is not None and not label:
        raise RegistryError(f"{model._meta.label}.{field}: an exported part needs a label")
    if field is not None:
        _relation_field(model, field)
    declaration = Declaration(model, field, label, export, erase, reason, order, columns)
    _declarations[(model._meta.label_lower, field)] = declaration
    return declaration


def exclude(model: type[models.Model], *, field: str, reason: str) -> Declaration:
    """Neither exported nor erased by us: the database's on-delete rule (CASCADE or SET_NULL)
    is enough. The coverage test refuses an exclusion whose rule would keep the user's id."""
    if not reason:
        raise RegistryError(f"{model._meta.label}.{field}: an exclusion needs a reason")
    _relation_field(model, field)
    declaration = Declaration(model, field, "", None, None, reason, 1000)
    _declarations[(model._meta.label_lower, field)] = declaration
    return declaration


def declarations() -> list[Declaration]:
    return sorted(_declarations.values(), key=lambda d: (d.order, d.key))


def exported_declarations() -> list[Declaration]:
    """In the export, the account itself comes first; it is erased last."""
    return sorted((d for d in declarations() if d.exported), key=lambda d: (d.field is not None, d.order, d.key))


def erasing_declarations() -> list[Declaration]:
    return [d for d in declarations() if d.erase is not None]


def _relation_field(model: type[models.Model], name: str) -> models.Field:
    field = model._meta.get_field(name)
    if not (field.is_relation and field.related_model is _user_model()):
        raise RegistryError(f"{model._meta.label}.{name} is not a relation to the user")
    return field


def _user_model() -> type[models.Model]:
    return apps.get_model(settings.AUTH_USER_MODEL)


# --- Coverage --------------------------------------------------------------------------------


def user_relations(model_list: Iterable[type[models.Model]] | None = None) -> list[tuple[type[models.Model], str]]:
    """Every field, on every concrete model, that points at the user (FK, one-to-one,
    many-to-many). Inherited fields count once, on the model that declares them; the tables
    Django makes for many-to-many fields are covered by the field itself."""
    user_model = _user_model()
    found = []
    for model in model_list if model_list is not None else apps.get_models():
        meta = model._meta
        if meta.auto_created or meta.proxy or meta.abstract:
            continue
        for field in [*meta.local_fields, *meta.local_many_to_many]:
            if field.is_relation and field.related_model is user_model:
                found.append((model, field.name))
    return found


def uncovered_user_relations(model_list: Iterable[type[models.Model]] | None = None) -> list[str]:
    """The relations to the user that no declaration covers, and exclusions that would leave
    the user's id behind, as readable lines; empty when everything is covered."""
    problems = []
    if (_user_model()._meta.label_lower, None) not in _declarations:
        problems.append(f"{_user_model()._meta.label}: the user row itself is not declared")
    for model, name in user_relations(model_list):
        declaration = _declarations.get((model._meta.label_lower, name))
        label = f"{model._meta.label}.{name}"
        if declaration is None:
            problems.append(
                f"{label}: neither exported, erased nor excluded: declare it in its app's privacy.py "
                "(third-party apps: core/privacy.py)"
            )
            continue
        field = model._meta.get_field(name)
        if declaration.erase is None and not field.many_to_many:
            on_delete = field.remote_field.on_delete
            if on_delete not in (models.CASCADE, models.SET_NULL):
                problems.append(f"{label}: excluded, but its on_delete ({on_delete.__name__}) keeps the user's id")
    return problems


def page_titles(model: type[models.Model], keys, language: str, *, field: str = "title") -> dict:
    """Titles (or another `field`) of translatable objects by translation key, in `language` or
    else in French: an export names lessons and quizzes, not only their keys. One query."""
    fallback = settings.LANGUAGE_CODE
    titles: dict = {}
    rows = model.objects.filter(translation_key__in=set(keys), locale__language_code__in={language, fallback})
    for key, title, code in rows.values_list("translation_key", field, "locale__language_code"):
        if code == language or key not in titles:
            titles[key] = title
    return titles


def autodiscover() -> None:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("privacy")
