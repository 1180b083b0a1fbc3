"""Keep the translation catalogs in step with the code.

    python -m briefing.catalogs          extract, merge into every .po, compile .mo

Extraction and compilation use Babel's library API with the project's own
keywords (Localizer._, .n_, .p_ and the N_/Nn_ markers), so the catalog test
and this command always agree on what the messages are.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from briefing.i18n import DOMAIN, LOCALE_DIR, UI_LOCALES

PACKAGE_DIR = Path(__file__).parent
KEYWORDS = {**DEFAULT_KEYWORDS, "n_": (1, 2), "p_": ((1, "c"), 2), "Nn_": (1, 2)}
METHODS = [("**/locale/**", "ignore"), ("**.py", "python")]


def extract() -> Catalog:
    """A fresh template of every message in the package."""
    template = Catalog(project="briefing", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE_DIR), method_map=METHODS, keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        template.add(message, None, [(f"briefing/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(locale: str) -> Catalog:
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update() -> None:
    """Merge a fresh extraction into each .po (new entries come out untranslated) and compile."""
    template = extract()
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, no_location=True)
    for locale in UI_LOCALES:
        if locale == "en":
            continue
        path = po_path(locale)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read(locale) if path.exists() else Catalog(
            locale=locale, domain=DOMAIN, project="briefing", copyright_holder="the briefing developers",
            msgid_bugs_address="", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, no_location=True, ignore_obsolete=True)
        path.with_suffix(".mo").write_bytes(compiled(read(locale)))


if __name__ == "__main__":
    update()
