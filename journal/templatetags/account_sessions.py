from django import template

from journal.accounts.devices import describe_user_agent

register = template.Library()


@register.filter
def device(user_agent):
    """{{ session.user_agent|device }} → "Firefox on Android"."""
    return describe_user_agent(user_agent)
