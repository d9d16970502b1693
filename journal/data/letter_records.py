"""Letters and reminder settings in an export, checked as the site's own forms would
(limits from the models) before anything is written."""

import datetime
import hashlib

from django import forms

from journal.letters.models import Kind, Letter
from journal.reminders.models import ReminderSettings


class LetterRecord(forms.ModelForm):
    """One letter of the file; sealed letters come back sealed, with their own dates."""

    created_at = forms.DateTimeField()

    class Meta:
        model = Letter
        fields = ["kind", "title", "body", "seal", "open_on", "sealed_at", "read_at", "archived_at"]

    def __init__(self, record):
        self.is_record = isinstance(record, dict)
        super().__init__(record if self.is_record else {})
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.strip = False  # Kept exactly as exported, so it matches itself again.

    def clean(self):
        cleaned = super().clean()
        if not self.is_record:
            raise forms.ValidationError("This is not a letter.")
        if cleaned.get("body") is not None and not cleaned["body"].strip():
            self.add_error("body", "This letter has no text.")
        return cleaned

    @staticmethod
    def keys(letter):
        moment = letter.created_at.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
        return {(moment, letter.kind, hashlib.sha256(letter.body.encode()).hexdigest())}

    def build(self, user):
        letter = self.instance
        letter.owner, letter.created_at = user, self.cleaned_data["created_at"]
        if letter.kind == Kind.FUTURE and letter.sealed_at is None:
            letter.sealed_at = letter.created_at
        return letter


class ReminderSettingsRecord(forms.ModelForm):
    """The file's reminder settings, taken only by someone who has none here."""

    class Meta:
        model = ReminderSettings
        fields = ["check_in", "reflect", "time_of_day", "reflect_weekday"]

    def __init__(self, record):
        self.is_record = isinstance(record, dict)
        record = record if self.is_record else {}
        # JSON true/false arrive as booleans; a checkbox field reads them as they are.
        super().__init__(record)

    def clean(self):
        if not self.is_record:
            raise forms.ValidationError("These are not reminder settings.")
        return super().clean()


def first_problem(form):
    """The first error of a record, in words for the import's message."""
    for name, errors in form.errors.items():
        label = "" if name == "__all__" else f" ({form.fields[name].label.lower()})"
        return f"{errors[0].rstrip('.')}{label}"
    return ""
