from django import forms
from django.utils import timezone

from journal.entries.models import BODY_MAX_CHARS
from journal.journey.models import Journey

from .models import Kind, Letter, Seal

BODY_HELP = "Markdown works here. Only you can ever read it."


class LetterForm(forms.ModelForm):
    """An unsent letter, written and rewritten like an entry."""

    class Meta:
        model = Letter
        fields = ["title", "body"]
        labels = {"title": "Title (optional)", "body": "Your letter"}
        help_texts = {"body": BODY_HELP}
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            # No maxlength: a browser would cut a long paste silently; the error keeps it.
            "body": forms.Textarea(attrs={"rows": 14}),
        }

    kind = Kind.UNSENT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["body"].error_messages["required"] = "Write a few words first."

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write a few words first.")
        if len(body) > BODY_MAX_CHARS:
            raise forms.ValidationError(
                f"A letter can hold up to {BODY_MAX_CHARS:,} characters;"
                f" this one has {len(body):,}."
            )
        return body

    def save_for(self, user):
        self.instance.owner, self.instance.kind = user, self.kind
        return self.save()


class FutureLetterForm(LetterForm):
    """A letter to the future self: sealed until a date, or until the next stage move."""

    kind = Kind.FUTURE

    class Meta(LetterForm.Meta):
        fields = ["title", "body", "seal", "open_on"]
        labels = LetterForm.Meta.labels | {"seal": "Keep it sealed", "open_on": "Opens on"}
        help_texts = LetterForm.Meta.help_texts | {
            "open_on": "Only for “Until a date”. The letter stays closed until this day begins"
            " where you are.",
            "seal": "Once sealed, the letter cannot be read or changed until it opens.",
        }
        widgets = LetterForm.Meta.widgets | {
            "seal": forms.RadioSelect,
            "open_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["seal"].choices = Seal.choices
        self.fields["seal"].required = True
        self.fields["seal"].initial = Seal.DATE

    def clean(self):
        cleaned = super().clean()
        seal, open_on = cleaned.get("seal"), cleaned.get("open_on")
        if seal == Seal.DATE:
            if open_on is None and "open_on" not in self.errors:
                self.add_error("open_on", "Choose the day the letter opens.")
            elif open_on is not None and open_on <= timezone.localdate():
                self.add_error("open_on", "Choose a day after today.")
        elif seal == Seal.NEXT_STAGE:
            cleaned["open_on"] = None
            if not Journey.objects.for_owner(self.user).exists():
                self.add_error(
                    "seal",
                    "Choose your stage on the Journey page first, so there is a move to wait"
                    " for; or choose a date.",
                )
        return cleaned


class LetGoForm(forms.Form):
    """The quiet ritual at the end of an unsent letter."""

    how = forms.ChoiceField(
        label="How would you like to let it go?",
        choices=[
            ("delete", "Delete it for good: the words are gone, even from your downloads"),
            ("archive", "Put it away out of sight: kept, but no longer listed"),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        if letter.is_future:
            self.fields["how"].choices = self.fields["how"].choices[:1]
            self.fields["how"].label = "Delete this letter?"
            self.fields["how"].initial = "delete"
