from django import forms

from guide.models import Stage
from journal.moods import Mood

from .models import CheckIn, Role


class StageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class JourneyForm(forms.Form):
    """Onboarding, and later the place to change role, stage or intention."""

    role = forms.ChoiceField(
        choices=Role.choices,
        widget=forms.RadioSelect,
        label="Which side of the distance are you on?",
        help_text="Only you see this. It changes which practices and prompts come first.",
    )
    stage = StageChoiceField(
        queryset=Stage.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Where are you right now?",
        help_text="Choose the one that feels closest. You can move at any time.",
    )
    intention = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Your intention (optional)",
        help_text="In your own words, what you would like for yourself, e.g. "
        "“to sleep through the night again”.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # published() reads the clock, so it is asked on each request, not at import.
        self.fields["stage"].queryset = Stage.objects.published()

    @classmethod
    def for_journey(cls, journey, data=None):
        initial = {}
        if journey:
            initial = {"role": journey.role, "stage": journey.stage, "intention": journey.intention}
        return cls(data, initial=initial)


class MoveForm(forms.Form):
    """A move to one of the stages next to the person's own: the page offers each as
    its own button, so choosing between two ways on is always the person's choice."""

    stage = StageChoiceField(
        queryset=Stage.objects.none(),
        error_messages={
            "required": "Choose the stage you want to move to.",
            "invalid_choice": "That stage is not one step from yours. Choose one of those offered.",
        },
    )
    note = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="A note for your timeline (optional)",
        help_text="What changed, or why now. Only you see it.",
    )

    def __init__(self, *args, journey, way=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.way = way or journey.way()
        self.fields["stage"].queryset = Stage.objects.filter(
            pk__in=[stage.pk for stage in self.way.choices]
        )


class PracticeTickForm(forms.Form):
    done = forms.TypedChoiceField(choices=[("1", "Done"), ("0", "Not done")], coerce=int)


class CheckInForm(forms.ModelForm):
    mood = forms.TypedChoiceField(
        choices=Mood.choices,
        coerce=int,
        label="How are you today?",
        error_messages={"required": "Choose how you are today; your words are kept."},
    )

    class Meta:
        model = CheckIn
        fields = ["mood", "note"]
        labels = {"note": "A few words (optional)"}
