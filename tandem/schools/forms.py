from django import forms

from tandem.schools.models import School, TeamMember


class TeamMemberForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = TeamMember
        fields = ["name", "role", "strengths", "support_areas", "notes"]
        widgets = {
            "strengths": forms.Textarea(attrs={"rows": 3}),
            "support_areas": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "role": "For example: teaching assistant, speech and language lead.",
            "notes": "What the team said in the reflective activity.",
        }


class SchoolSettingsForm(forms.ModelForm):
    class Meta:
        model = School
        fields = ["paper_colour", "suppression_threshold", "require_two_factor"]
        widgets = {"paper_colour": forms.TextInput(attrs={"type": "color"})}
