import factory

from guide.models import Article, Point, Practice, Prompt, Section, Stage, Status


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "A short summary."
    intro = "An *introduction*."
    status = Status.PUBLISHED


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    article = factory.SubFactory(ArticleFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    body = "Some words about this."
    status = Status.PUBLISHED


class PointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Point

    section = factory.SubFactory(SectionFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Point {n}")
    body = "A point, explained."


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    order = factory.Sequence(lambda n: n)
    slug = factory.Sequence(lambda n: f"stage-{n}")
    name = factory.Sequence(lambda n: f"Stage {n}")
    summary = "A stage."
    description = "What this stage is."
    feelings = "What people feel."
    status = Status.PUBLISHED


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    stage = factory.SubFactory(StageFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Practice {n}")
    description = "Do this gently."


class PromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prompt

    stage = factory.SubFactory(StageFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"What did you notice today ({n})?")
