from django import forms

from .models import ReminderSettings


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["check_in", "reflect", "time_of_day", "reflect_weekday"]
        labels = {"time_of_day": "At what time", "reflect_weekday": "Which day for reflecting"}
        help_texts = {
            "check_in": "Not on a day you have already checked in.",
            "reflect": "A quiet nudge to write, on the day you choose below.",
            "time_of_day": "In your own time zone. Never more than one email a day.",
        }
        widgets = {"time_of_day": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
