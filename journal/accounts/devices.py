"""Names a person recognises for their signed-in devices ("Firefox on Android")."""

from ua_parser import parse

# ua-parser's family names, shortened to what people call them.
BROWSER_NAMES = {"Mobile Safari": "Safari", "Chrome Mobile": "Chrome", "Firefox Mobile": "Firefox",
                 "Chrome Mobile iOS": "Chrome", "Firefox iOS": "Firefox", "Edge Mobile": "Edge",
                 "Samsung Internet": "Samsung Internet"}  # fmt: skip
SYSTEM_NAMES = {"Mac OS X": "macOS", "Other": ""}


def describe_user_agent(user_agent):
    """ "Firefox on Android", "Chrome on Windows", "Safari", or "An unknown browser"."""
    result = parse(user_agent or "")
    browser = result.user_agent.family if result.user_agent else ""
    system = result.os.family if result.os else ""
    browser = BROWSER_NAMES.get(browser, "" if browser == "Other" else browser)
    system = SYSTEM_NAMES.get(system, system)
    if browser and system:
        return f"{browser} on {system}"
    return browser or (f"A browser on {system}" if system else "An unknown browser")
