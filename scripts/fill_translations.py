"""Fill empty French (and Bambara) entries of the UI catalogues from JSON files.

Usage, after `make messages`:
    .venv/bin/python scripts/fill_translations.py strings.json [more.json ...]

Each JSON file maps an English msgid to its translations: {"Join a class": {"fr": "Rejoindre une
classe", "bm": "..."}}; a plural entry is keyed "singular||plural" with a list of forms. Entries
already translated are left alone. A Bambara entry without "bm" gets the French text, tagged
`bm-review` for a native speaker. Prints the msgids still missing.
"""

import json
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"
BM_TAG = "bm-review: French placeholder, needs a Bambara translation"


def _nplurals(po: polib.POFile) -> int:
    return int(po.metadata.get("Plural-Forms", "nplurals=2").split("nplurals=")[1].split(";")[0])


def _done(entry: polib.POEntry, nplurals: int) -> bool:
    if entry.msgid_plural:
        return all(entry.msgstr_plural.get(i) for i in range(nplurals))
    return bool(entry.msgstr)


def fill(language: str, strings: dict) -> list[str]:
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    nplurals = _nplurals(po)
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:  # a guess by msgmerge: translate it again
            entry.flags.remove("fuzzy")
            entry.msgstr, entry.msgstr_plural = "", {}
            entry.previous_msgid = entry.previous_msgid_plural = None
        if _done(entry, nplurals):
            continue
        key = f"{entry.msgid}||{entry.msgid_plural}" if entry.msgid_plural else entry.msgid
        given = strings.get(key)
        if given is None:
            missing.append(key)
            continue
        value = given.get(language) or given.get("fr")
        if language == "bm" and not given.get("bm"):
            entry.comment = BM_TAG
        if entry.msgid_plural:
            forms = list(value) if isinstance(value, list) else [value] * nplurals
            forms += [forms[-1]] * (nplurals - len(forms))
            entry.msgstr_plural = {i: forms[i] for i in range(nplurals)}
        else:
            entry.msgstr = value[0] if isinstance(value, list) else value
    po.save()
    return missing


def main(paths: list[str]) -> int:
    strings: dict = {}
    for path in paths:
        strings.update(json.loads(Path(path).read_text(encoding="utf-8")))
    for language in ("fr", "bm"):
        for key in fill(language, strings):
            print(f"missing {language}: {key!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
