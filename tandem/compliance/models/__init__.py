"""The compliance records: documents and their versions, sign-offs, consultation, checks."""

from tandem.compliance.models.check import ReportCheck
from tandem.compliance.models.consultation import Consultation
from tandem.compliance.models.document import Document, DocumentVersion
from tandem.compliance.models.locking import Locked
from tandem.compliance.models.signoff import InvalidTransition, Signatory, SignOff

__all__ = [
    "Consultation",
    "Document",
    "InvalidTransition",
    "DocumentVersion",
    "Locked",
    "ReportCheck",
    "SignOff",
    "Signatory",
]
