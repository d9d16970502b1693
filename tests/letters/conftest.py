import pytest
from django.core.management import call_command

from guide.models import Stage
from journal.models import Journey, Role


@pytest.fixture
def guide(db):
    call_command("load_guide", verbosity=0)
    return {stage.slug: stage for stage in Stage.objects.all()}


@pytest.fixture
def journey(owner, guide):
    return Journey.start(owner, Role.CHASER, guide["separation"])
