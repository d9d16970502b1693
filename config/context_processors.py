"""Template context every page needs for the site's chrome."""

# Where each part of the site lives, by the module of the view that answered: the
# account's own pages include the journal's settings and data pages and all of allauth.
SECTIONS = (
    ("journal.accounts.", "account"),
    ("journal.data.", "account"),
    ("allauth.", "account"),
    ("journal.reminders.", "account"),
    ("journal.entries.", "journal"),
    ("journal.letters.", "journal"),
    ("journal.journey.", "journey"),
    ("guide.", "guide"),
)


def nav_section(request):
    """{"nav_section": "home" | "help" | "guide" | "journey" | "journal" | "account" | "",
    "nav_page": the URL name}.

    The header marks the section with aria-current; the home page (welcome or
    dashboard) is marked on the site's name, the help pages on "Get help".
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        return {"nav_section": "", "nav_page": ""}
    page = match.url_name or ""
    if page in ("home", "support", "right_now"):
        return {"nav_section": "home" if page == "home" else "help", "nav_page": page}
    module = getattr(match.func, "__module__", "") + "."
    section = next((name for prefix, name in SECTIONS if module.startswith(prefix)), "")
    return {"nav_section": section, "nav_page": page}
