"""The Russian catalog is complete, clean, compiled and in step with the code."""

from briefing import catalogs
from briefing.i18n import UI_LOCALES


def translated_locales():
    return [loc for loc in UI_LOCALES if loc != "en"]


def test_every_entry_is_translated_and_not_fuzzy():
    for locale in translated_locales():
        catalog = catalogs.read(locale)
        assert not catalog.fuzzy, "the catalog header is marked fuzzy"
        problems = []
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(s.strip() for s in strings):
                problems.append(message.id)
            if isinstance(message.string, tuple):
                assert len(strings) == catalog.num_plurals, message.id
        assert problems == [], f"{locale}: untranslated or fuzzy: {problems}"


def test_catalog_check_finds_no_placeholder_errors():
    for locale in translated_locales():
        errors = [(message.id, [str(e) for e in errs]) for message, errs in catalogs.read(locale).check()]
        assert errors == []


def test_catalog_matches_a_fresh_extraction():
    fresh = {(m.id, m.context) for m in catalogs.extract() if m.id}
    for locale in translated_locales():
        stored = {(m.id, m.context) for m in catalogs.read(locale) if m.id}
        assert stored - fresh == set(), "entries the code no longer uses"
        assert fresh - stored == set(), "messages missing from the catalog: run python -m briefing.catalogs"


def test_committed_mo_is_compiled_from_the_po():
    for locale in translated_locales():
        mo = catalogs.po_path(locale).with_suffix(".mo").read_bytes()
        assert mo == catalogs.compiled(catalogs.read(locale)), "run python -m briefing.catalogs"
