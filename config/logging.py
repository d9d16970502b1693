"""Log lines that carry what an operator needs and nothing about a person.

Django attaches the request to its error records; only the method and the path
(never the query string, form data or body) are written out. Every line, in either
format, is passed through `redact`: entry ids, numbers in paths, query strings, email
addresses and IP addresses never reach a log. Rate limiting keeps the addresses it needs
in the cache, not here.
"""

import ipaddress
import json
import logging
import re
import traceback

UUID = re.compile(
    r"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b"
)
NUMBER_IN_PATH = re.compile(r"(?<=/)\d+(?=/|\s|\"|'|$)")
QUERY_STRING = re.compile(r"(?<=[\w/])\?[^\s\"']*")
EMAIL = re.compile(r"[^\s@\"'<>(),;:]+@[^\s@\"'<>(),;:]+\.[^\s@\"'<>(),;:]+")
# Candidates only: each is checked with `ipaddress`, so times like 10:00:00 are left alone.
IP_LIKE = re.compile(r"(?<![\w.:])[0-9a-fA-F.:]*[.:][0-9a-fA-F.:]*(?![\w.:])")


def _ip(match):
    try:
        ipaddress.ip_address(match.group(0))
    except ValueError:
        return match.group(0)
    return "[ip]"


def redact(text):
    """The text with ids, query strings, email and IP addresses taken out."""
    text = EMAIL.sub("[email]", text)
    text = UUID.sub("[id]", text)
    text = QUERY_STRING.sub("?[query]", text)
    text = NUMBER_IN_PATH.sub("[n]", text)
    return IP_LIKE.sub(_ip, text)


class RedactingFormatter(logging.Formatter):
    """Plain lines (development), redacted like the JSON ones."""

    def format(self, record):
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            line["method"] = request.method
            line["path"] = redact(request.path)
        if hasattr(record, "status_code"):
            line["status"] = record.status_code
        if record.exc_info:
            exc_type, exc, tb = record.exc_info
            line["exception"] = exc_type.__name__
            # Frames only: exception messages can quote the data being saved.
            line["stack"] = [
                f"{frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(tb)
            ]
        return json.dumps(line)
