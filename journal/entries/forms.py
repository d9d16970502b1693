from django import forms
from django.db import transaction
from django.utils import timezone

from guide.models import Stage
from journal.moods import Mood

from .models import BODY_MAX_CHARS, Entry, Tag

TAG_MAX_CHARS = Tag._meta.get_field("name").max_length
TAGS_PER_ENTRY = 20


def parse_tag_names(text):
    """Comma-separated names, trimmed, each once (first spelling wins), blanks dropped."""
    names, seen = [], set()
    for raw in (text or "").split(","):
        name = " ".join(raw.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


class EntryForm(forms.ModelForm):
    """An entry as written; errors never clear what was typed."""

    tags_text = forms.CharField(
        label="Tags",
        required=False,
        help_text="Separate tags with commas, for example: sleep, hope, work.",
    )

    class Meta:
        model = Entry
        fields = ["title", "body", "mood", "entry_date"]
        labels = {"body": "What is on your mind?", "entry_date": "Date", "mood": "Mood"}
        help_texts = {"body": "Markdown works here: *emphasis*, lists, links."}
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            # No maxlength attribute: a browser would silently cut a long paste,
            # while the server's error keeps every word in the form.
            "body": forms.Textarea(attrs={"rows": 12}),
            "entry_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["mood"].required = False
        self.fields["mood"].choices = [("", "Not saying"), *Mood.choices]
        self.fields["entry_date"].required = False
        if self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())
        else:
            self.fields["entry_date"].initial = timezone.localdate

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > BODY_MAX_CHARS:
            raise forms.ValidationError(
                f"This entry is {len(body):,} characters long; one entry can hold up to "
                f"{BODY_MAX_CHARS:,}. Your text is still here: please move part of it "
                "into a second entry.",
                code="too_long",
            )
        return body

    def clean_entry_date(self):
        day = self.cleaned_data.get("entry_date") or timezone.localdate()
        if day > timezone.localdate():
            raise forms.ValidationError("The date can be today or earlier, not in the future.")
        return day

    def clean_tags_text(self):
        names = parse_tag_names(self.cleaned_data["tags_text"])
        too_long = [name for name in names if len(name) > TAG_MAX_CHARS]
        if too_long:
            raise forms.ValidationError(
                f"Each tag can be up to {TAG_MAX_CHARS} characters; "
                f"“{too_long[0][:60]}…” is longer."
            )
        if len(names) > TAGS_PER_ENTRY:
            raise forms.ValidationError(f"An entry can have up to {TAGS_PER_ENTRY} tags.")
        return names

    @transaction.atomic
    def save_for(self, user):
        """Save the entry as the person's own, with their tags: both or neither."""
        adding = self.instance._state.adding
        entry = self.save(commit=False)
        entry.owner = user
        entry.save()
        names = self.cleaned_data["tags_text"]
        if names or not adding:  # A new entry without tags has none to set.
            entry.tags.set(Tag.for_names(user, names))
        return entry


class EntryFilterForm(forms.Form):
    """The list's search and filters, read from the URL; a bad value is ignored."""

    q = forms.CharField(label="Search your journal", required=False, max_length=200)
    tag = forms.CharField(required=False, max_length=TAG_MAX_CHARS)
    mood = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, choices=[("", "Any mood"), *Mood.choices]
    )
    stage = forms.ModelChoiceField(
        required=False, queryset=Stage.objects.none(), to_field_name="slug",
        empty_label="Any stage",
    )  # fmt: skip
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        # Its own ids: the list page also holds the quick entry form.
        kwargs.setdefault("auto_id", "filter_%s")
        super().__init__(*args, **kwargs)
        # Here, not on the class: published() reads the clock when it is called.
        self.fields["stage"].queryset = Stage.objects.published()

    def filters(self):
        """Only the values that are valid; an invalid one is shown as an error and skipped."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}
