"""Importing SEN numbers from school management systems and DfE files.

Pure Python: no Django here, so the parser can be tested and benchmarked alone.
"""

from .errors import Problem, SenImportError
from .parse import parse_sen_file
from .result import ImportResult

__all__ = ["ImportResult", "Problem", "SenImportError", "parse_sen_file"]
