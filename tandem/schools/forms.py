from django import forms

from tandem.schools.models import TeamMember


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
