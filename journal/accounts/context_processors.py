def discreet(request):
    """`discreet` in every template: the signed-in person asked the site to name itself
    "Notes" (see PersonalSettingsMiddleware); visitors always see the site as it is."""
    return {"discreet": getattr(request, "discreet", False)}
