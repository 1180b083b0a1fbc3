"""The layers hold: the core never imports Textual, and the faces never import each other.

The contracts are in pyproject.toml ([tool.importlinter]); import-linter
reads the whole package's imports, lazy ones inside functions included.
"""

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_import_linter_keeps_every_contract():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "2 kept, 0 broken" in result.stdout
