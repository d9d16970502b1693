import factory
from django.utils import timezone

from journal.models import Entry, Tag


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    owner = factory.SubFactory("tests.factories.UserFactory")
    name = factory.Sequence(lambda n: f"tag {n}")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry
        skip_postgeneration_save = True

    owner = factory.SubFactory("tests.factories.UserFactory")
    title = factory.Sequence(lambda n: f"Entry {n}")
    body = "Today I noticed the pull to reach out, and I sat with it instead."
    entry_date = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(Tag.for_names(self.owner, extracted))
