from django import forms

from .models import Profile, timezone_names


class SignupExtraForm(forms.Form):
    """Extra sign-up field for allauth: the browser's zone, filled in by timezone.js."""

    timezone = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_timezone(self):
        name = self.cleaned_data.get("timezone") or ""
        return name if name in timezone_names() else "UTC"

    def signup(self, request, user):
        Profile.objects.update_or_create(
            owner=user, defaults={"timezone": self.cleaned_data["timezone"]}
        )


class ProfileForm(forms.ModelForm):
    timezone = forms.TypedChoiceField(
        choices=(),
        label="Your time zone",
        help_text="“Today”, streaks and one check-in per day follow this zone.",
    )

    class Meta:
        model = Profile
        fields = ["timezone", "discreet"]
        widgets = {"discreet": forms.CheckboxInput(attrs={"aria-describedby": "discreet-help"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = [(name, name) for name in sorted(timezone_names())]


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="Type DELETE to confirm",
        help_text="Capital letters, as shown. This cannot be undone.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip() != "DELETE":
            raise forms.ValidationError("Type the word DELETE to confirm; nothing was deleted.")
        return "DELETE"
