"""Where the bundled briefings and styles are, installed or in a checkout.

A wheel carries `data/` and `styles/` inside the package (see pyproject.toml);
a source checkout or editable install has them at the repository root.
"""

from pathlib import Path

_PACKAGE = Path(__file__).parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def briefings_dir() -> Path:
    return _bundled("data") / "briefings"


def styles_dir() -> Path:
    return _bundled("styles")
