import factory
from django.utils import timezone

from guide.models import Practice, Prompt, Stage, Status
from journal.models import CheckIn, Journey, PracticeTick, Role, Transition


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    order = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"stage-{n}")
    name = factory.Sequence(lambda n: f"Stage {n}")
    summary = "A stage of the journey."
    status = Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    stage = factory.SubFactory(StageFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Practice {n}")
    audience = ""


class PromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prompt

    stage = factory.SubFactory(StageFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Prompt {n}?")
    audience = ""


class JourneyFactory(factory.django.DjangoModelFactory):
    """A journey begun the proper way, with its first transition."""

    class Meta:
        model = Journey

    owner = None
    role = Role.CHASER
    stage = factory.SubFactory(StageFactory)

    @classmethod
    def _create(cls, model_class, owner, role, stage, **kwargs):
        return model_class.start(owner, role, stage, kwargs.get("intention", ""))


__all__ = [
    "CheckIn",
    "JourneyFactory",
    "PracticeFactory",
    "PracticeTick",
    "PromptFactory",
    "StageFactory",
    "Transition",
]
