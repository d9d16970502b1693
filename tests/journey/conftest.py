import pytest
from django.core.management import call_command

from guide.models import Stage
from journal.models import Journey, Role


@pytest.fixture
def guide(db):
    """The shipped guide: the article and the three stages with practices and prompts."""
    call_command("load_guide", verbosity=0)
    return {stage.slug: stage for stage in Stage.objects.all()}


@pytest.fixture
def chaser_journey(owner, guide):
    """The owner, onboarded as a chaser in separation."""
    return Journey.start(owner, Role.CHASER, guide["separation"])
