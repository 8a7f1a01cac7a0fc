"""Importing SEN numbers from school management systems and DfE files.

Pure Python: no Django here, so the parser can be tested and benchmarked alone.
"""

from .errors import Problem, SenImportError
from .headings import ROLE_LABELS
from .parse import parse_sen_file
from .preview import HeadingPreview, preview_headings
from .result import ImportResult

__all__ = [
    "ROLE_LABELS",
    "HeadingPreview",
    "ImportResult",
    "Problem",
    "SenImportError",
    "parse_sen_file",
    "preview_headings",
]
