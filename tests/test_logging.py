"""Error logs are structured and never carry what a person wrote."""

import json
import logging
import sys

from django.test import RequestFactory

from config.logging import JsonFormatter

SECRET = "I still love them and I am scared"


def error_record():
    request = RequestFactory().post(f"/journal/new/?q={SECRET}", {"body": SECRET})
    try:
        raise ValueError(f"could not save {SECRET}")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        (request.path,),
        exc_info,
    )
    record.request = request
    record.status_code = 500
    return record


def test_error_log_line_is_json_with_path_status_and_exception_type():
    line = json.loads(JsonFormatter().format(error_record()))
    assert line["level"] == "ERROR"
    assert line["path"] == "/journal/new/"
    assert line["method"] == "POST"
    assert line["status"] == 500
    assert line["exception"] == "ValueError"
    assert any("test_logging.py" in frame for frame in line["stack"])


def test_error_log_line_carries_no_journal_text():
    assert SECRET not in JsonFormatter().format(error_record())
