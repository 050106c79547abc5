"""Everything Kalan holds about a person, as one dictionary: the JSON download of "My account",
the readable summary next to it, and (later) a teacher's export of a pupil account they manage.

Each part comes from the privacy registry (accounts/privacy_registry.py), so a part declared by
any app appears here without changing this file.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from .privacy_registry import Declaration, exported_declarations

EXPORT_FORMAT = "kalan-personal-data/1"


def user_data_export(*, user, language: str | None = None) -> dict:
    """Every exported part of the registry for `user`, labelled in `language` (default: the
    person's preferred language). Values are JSON-ready after DjangoJSONEncoder."""
    language = language or user.preferred_language
    with translation.override(language):
        sections = [_section(declaration, user, language) for declaration in exported_declarations()]
    return {
        "format": EXPORT_FORMAT,
        "generated_at": timezone.now(),
        "language": language,
        "username": user.username,
        "sections": sections,
    }


def user_data_export_json(*, user, language: str | None = None) -> str:
    return json.dumps(
        user_data_export(user=user, language=language), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )


def _section(declaration: Declaration, user, language: str) -> dict:
    model = declaration.model
    if callable(declaration.export):
        rows = declaration.export(user)
    else:
        if declaration.field is None:  # the user row itself: already loaded
            rows = [{name: getattr(user, name) for name in declaration.export}]
        else:
            queryset = model._base_manager.filter(**{declaration.field: user}).order_by("pk")
            rows = list(queryset.values(*declaration.export))
    columns = {}
    for name in _column_names(declaration, rows):
        columns[name] = str(_column_label(declaration, name))
    return {"key": declaration.key, "label": str(declaration.label), "columns": columns, "rows": rows}


def _column_names(declaration: Declaration, rows: list[dict]) -> list[str]:
    if not callable(declaration.export):
        return list(declaration.export)
    if declaration.columns:
        return [name for name in declaration.columns if "." not in name]
    return list(rows[0]) if rows else []


def export_for_display(data: dict) -> list[dict]:
    """The export as the readable summary shows it: labelled cells, dates in local time,
    yes/no for booleans, nested rows (a quiz's answers) as lists of labelled values."""
    columns_by_key = {declaration.key: declaration.columns or {} for declaration in exported_declarations()}
    sections = []
    for section in data["sections"]:
        extra = columns_by_key.get(section["key"], {})
        rows = []
        for row in section["rows"]:
            cells = []
            for name, label in section["columns"].items():
                value = row.get(name)
                if isinstance(value, list) and all(isinstance(item, dict) for item in value):
                    nested = [
                        [
                            (str(extra.get(f"{name}.{key}", key.replace("_", " "))), _display(item))
                            for key, item in entry.items()
                        ]
                        for entry in value
                    ]
                    cells.append({"label": label, "nested": nested})
                else:
                    cells.append({"label": label, "value": _display(value)})
            rows.append(cells)
        sections.append({"label": section["label"], "columns": list(section["columns"].values()), "rows": rows})
    return sections


def _display(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(gettext("yes") if value else gettext("no"))
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, (list, dict)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def _column_label(declaration: Declaration, name: str):
    if declaration.columns and name in declaration.columns:
        return declaration.columns[name]
    try:
        return declaration.model._meta.get_field(name).verbose_name
    except Exception:  # noqa: BLE001 - a computed column: its name is the best label left
        return name.replace("_", " ")
