"""Which addresses the dashboard may hand to a browser, copy, or draw as a link: web pages, nothing else.

A briefing file names each source's address; the model accepts only
http(s) addresses, but a cached briefing or a future field may hold
anything, and a browser handed `file:`, `javascript:` or an application's
own scheme would act on it.  So an address is opened only when it is a web
address: http or https, a host, and no space or invisible character.  It is
drawn as a terminal link (OSC 8) only when, besides, it is all visible
ASCII: nothing a terminal could read as the end of the link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
_VISIBLE_ASCII = re.compile("[!-~]+")


def web_address(address: str) -> str | None:
    """`address` when it is an http or https address with a host, all printable and without a space;
    else None."""
    if not address.isprintable() or any(char.isspace() for char in address):
        return None
    try:
        parts = urlsplit(address)
        host = parts.hostname
    except ValueError:  # a malformed host ("http://[::1")
        return None
    return address if parts.scheme.lower() in WEB_SCHEMES and host else None


def link_target(address: str) -> str | None:
    """`address` when it may be drawn as a terminal link: a web address of visible ASCII only; else None."""
    return address if _VISIBLE_ASCII.fullmatch(address) and web_address(address) else None
