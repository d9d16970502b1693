from django import template
from django.utils import timezone

from journal.letters.models import Letter

register = template.Library()


@register.inclusion_tag("letters/includes/dashboard_notice.html", takes_context=True)
def letters_notice(context):
    """On the dashboard: a letter to the future self that has opened, or when the next opens.

    A template tag, so the dashboard (journey) never imports letters.
    """
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {}
    today = timezone.localdate()
    letters = Letter.objects.for_owner(request.user)
    ready = list(letters.ready_to_read(today)[:2])
    next_date = None
    if not ready:
        sealed = letters.future().filter(open_on__gt=today).order_by("open_on")
        next_date = sealed.values_list("open_on", flat=True).first()
    return {"ready": ready, "next_date": next_date, "today": today}
