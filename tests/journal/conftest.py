import pytest
from django.utils import timezone

from guide.models import Article, Prompt, Section, Stage, Status


@pytest.fixture
def stage(db):
    return Stage.objects.create(
        order=1, slug="separation", name="Separation", summary="Apart.", status=Status.PUBLISHED
    )


@pytest.fixture
def prompt(stage):
    return Prompt.objects.create(stage=stage, text="What did you need today?")


@pytest.fixture
def article(db):
    return Article.objects.create(
        title="The runner and the chaser", slug="guide", summary="One.", status=Status.PUBLISHED
    )


@pytest.fixture
def section(article):
    return Section.objects.create(
        article=article, order=1, title="Why runners run", slug="why",
        body="Running is *fear*, not a verdict.", status=Status.PUBLISHED,
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _utc_between_tests():
    """The time-zone middleware activates a person's zone; no test inherits another's."""
    timezone.deactivate()
    yield
    timezone.deactivate()
