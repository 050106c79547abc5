"""The UI catalogues: French (the default) and English are complete; Bambara compiles."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def _nplurals(po) -> int:
    return int(po.metadata.get("Plural-Forms", "nplurals=2").split("nplurals=")[1].split(";")[0])


@pytest.mark.parametrize("language", ["fr", "bm"])
def test_every_string_has_a_translation_in_every_plural_form(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert po.fuzzy_entries() == []
    missing = [entry.msgid for entry in po.untranslated_entries()]
    missing += [
        entry.msgid
        for entry in po
        if entry.msgid_plural and any(not entry.msgstr_plural.get(i) for i in range(_nplurals(po)))
    ]
    assert missing == []


def test_french_plurals_render_for_large_numbers():
    with translation.override("fr"):
        text = translation.ngettext("About %(minutes)s minute", "About %(minutes)s minutes", 51) % {"minutes": 51}
    assert text == "Environ 51 minutes"
