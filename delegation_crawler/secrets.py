"""Passwords never reach a log line: DSNs and Redis URLs are masked wherever they appear.

Scrapy logs the overridden settings at the start of every crawl, so ``-s
PG_DSN=postgresql://crawler:secret@db/warehouse`` would put the password in every log file.
``install_log_mask()`` (called by the ``crawl`` and ``crawlall`` commands) adds a filter to the
root handlers that rewrites ``scheme://user:password@`` and ``password=...`` before formatting.
"""

from __future__ import annotations

import logging
import re

_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/\s@'\"]*:)([^@\s'\"]+)(@)", re.IGNORECASE)
_KEY_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('[^']*'|\"[^\"]*\"|[^\s'\",}]+)", re.IGNORECASE)


def mask(text: str) -> str:
    return _KEY_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***\3", text))


class MaskSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted record is the logging module's to report
            return True
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def install_log_mask() -> None:
    for handler in logging.root.handlers:
        if not any(isinstance(f, MaskSecrets) for f in handler.filters):
            handler.addFilter(MaskSecrets())
