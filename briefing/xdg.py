"""The user's base folders as the XDG Base Directory specification defines them, on every platform.

The specification: a variable such as XDG_CONFIG_HOME names the folder when it
is set to an absolute path; set to a relative path it is invalid and ignored
(here, that means no folder at all, rather than a guess); unset or empty, the
default under HOME applies (`~/.config`, `~/.cache`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: Each base folder's variable and its default under HOME.
CONFIG = ("XDG_CONFIG_HOME", ".config")
CACHE = ("XDG_CACHE_HOME", ".cache")


def base_dir(kind: tuple[str, str], environ: Mapping[str, str]) -> Path | None:
    """The base folder of `kind` (CONFIG or CACHE), or None when there is none to be had.

    None when the variable is set to a relative path, or, when it is unset or
    empty, when HOME is unset, empty, relative or not an existing folder.
    """
    variable, default = kind
    value = environ.get(variable, "")
    if value:
        return Path(value) if os.path.isabs(value) else None
    home = environ.get("HOME", "")
    if not os.path.isabs(home) or not os.path.isdir(home):
        return None
    return Path(home) / default
