"""The README shows every screenshot the browser tests take, and only files that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_shows_each_screenshot_in_docs_and_no_missing_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\(docs/screenshots/([\w-]+\.png)\)", readme))
    on_disk = {path.name for path in (ROOT / "docs" / "screenshots").glob("*.png")}

    assert shown == on_disk
