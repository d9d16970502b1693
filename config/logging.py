"""JSON log lines that carry what an operator needs and no journal text.

Django attaches the request to its error records; only the method and the path
(never the query string, form data or body) are written out.
"""

import json
import logging
import traceback


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            line["method"] = request.method
            line["path"] = request.path
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
