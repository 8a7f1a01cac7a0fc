"""Forms for the document register, versions, sign-off, consultation and verification."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model

from tandem.compliance.models import Consultation, Document, DocumentVersion, Signatory
from tandem.lib.forms import DateInput
from tandem.lib.uploads import DOCUMENT_KINDS, UploadRejected, sniff_upload
from tandem.schools.models import Membership, School


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:  # noqa: ANN001
        return obj.get_full_name() or obj.get_username()


class DocumentForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    owner = MemberChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Nobody yet",
        help_text="Who keeps this document up to date.",
    )

    class Meta:
        model = Document
        fields = ["kind", "title", "owner", "last_reviewed_on", "next_review_on"]
        widgets = {"last_reviewed_on": DateInput(), "next_review_on": DateInput()}
        help_texts = {
            "title": "For example: SEN Information Report 2025/26.",
            "next_review_on": "Leave blank to set it a year after the last review "
            "(three years for an accessibility plan).",
        }

    def __init__(self, *args, school: School, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(memberships__school=school)
        self.fields["owner"].queryset = members.order_by("last_name", "first_name")

    def clean(self) -> dict:
        data = super().clean()
        last, upcoming = data.get("last_reviewed_on"), data.get("next_review_on")
        if last and upcoming and upcoming <= last:
            self.add_error(
                "next_review_on", "The next review must be after the last review."
            )
        return data


class UploadField(forms.FileField):
    """A file sniffed by content; the error names the file and says what to do."""

    def __init__(self, *, kinds: frozenset = DOCUMENT_KINDS, **kwargs) -> None:  # noqa: ANN003
        self.kinds = kinds
        # sniff_upload refuses an empty file in a message that names it; Django's
        # own "The submitted file is empty." does not.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):  # noqa: ANN001, ANN201
        upload = super().clean(data, initial)
        if upload is None:
            return upload
        content = upload.read()
        try:
            sniff_upload(
                content,
                upload.name,
                allowed=self.kinds,
                max_bytes=settings.TANDEM_MAX_UPLOAD_BYTES,
            )
        except UploadRejected as error:
            raise forms.ValidationError(str(error)) from error
        upload.content = content
        return upload


class VersionUploadForm(forms.Form):
    file = UploadField(
        label="File",
        help_text="A PDF, Word (.docx) or web page (HTML) file.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.html,.htm"}),
    )
    note = forms.CharField(
        label="What changed",
        max_length=300,
        required=False,
        help_text="For example: new SENCO contact details; local offer link updated.",
    )


class VersionTextForm(forms.Form):
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 18}))
    note = forms.CharField(label="What changed", max_length=300, required=False)


class SignatoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        name = obj.user.get_full_name() or obj.user.get_username()
        return f"{name} ({obj.get_role_display()})"


class SignOffRequestForm(forms.Form):
    statement = forms.CharField(
        label="Compliance statement",
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="The words each governor confirms. Edit them if your governing body "
        "uses its own.",
    )
    signatories = SignatoryChoiceField(
        label="Governors who will sign",
        queryset=Membership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Only governors (and a headteacher who is a governor) can sign.",
    )

    def __init__(self, *args, eligible: list[Membership], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        pks = [member.pk for member in eligible]
        self.fields["signatories"].queryset = (
            Membership.objects.filter(pk__in=pks)
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )


class ConfirmSignOffForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have read this version and I confirm the statement above.",
        error_messages={"required": "Tick the box to confirm the statement."},
    )


class RecordSignatureForm(forms.Form):
    signatory = forms.ModelChoiceField(
        label="Governor",
        queryset=Signatory.objects.none(),
        empty_label=None,
    )
    signed_on = forms.DateField(
        label="Date they signed",
        widget=DateInput(),
        help_text="As written on the paper copy.",
    )

    def __init__(self, *args, outstanding: list[Signatory], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["signatory"].queryset = Signatory.objects.filter(
            pk__in=[s.pk for s in outstanding]
        )
        self.fields["signatory"].label_from_instance = lambda s: f"{s.name} ({s.role})"


class ConsultationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Consultation
        fields = [
            "perspective",
            "who",
            "method",
            "planned_on",
            "held_on",
            "feedback",
            "changes",
            "document_version",
        ]
        widgets = {
            "planned_on": DateInput(),
            "held_on": DateInput(),
            "feedback": forms.Textarea(attrs={"rows": 4}),
            "changes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "feedback": "A summary of views. Do not name pupils.",
            "held_on": "Leave blank while it is only planned.",
        }

    def __init__(self, *args, document: Document, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        field = self.fields["document_version"]
        field.queryset = DocumentVersion.objects.filter(document=document)
        field.label_from_instance = lambda v: f"Version {v.number}"
        field.empty_label = "Not recorded"

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("planned_on") and not data.get("held_on"):
            self.add_error("planned_on", "Give the date it is planned for, or held on.")
        return data


class VerifyForm(forms.Form):
    file = forms.FileField(
        label="File to check",
        help_text="The file you want to check, for example the copy on the school "
        "website. Tandem compares its fingerprint and does not keep it.",
        allow_empty_file=True,  # refused below, in a message naming the file
    )

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        upload.content = upload.read()
        if not upload.content:
            raise forms.ValidationError(f"{upload.name}: the file is empty.")
        return upload
