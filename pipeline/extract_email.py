"""E-mail (.eml, RFC 5322): headers into meta and onto the first page, the body (text/plain
preferred, else HTML as text), attachments and forwarded messages as child documents.
"""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from pipeline.extract import Child, Extracted, ExtractError, Page, sniff
from pipeline.extract_lines import Line, compose, lines_from_text, paginate
from pipeline.extract_zip import content_type

_SHOWN = ("From", "To", "Cc", "Date", "Subject")


def extract_email(raw: bytes) -> Extracted:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:   # the parser is lenient; this is a truly unreadable file
        raise ExtractError(f"broken e-mail: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    assert isinstance(msg, EmailMessage)
    meta = _meta(msg)
    children, problems = _attachments(msg)
    head = [Line(f"{name}: {value}") for name, value in ((n, _header(msg, n)) for n in _SHOWN) if value]
    if children:
        head.append(Line("Attachments: " + ", ".join(c.filename for c in children)))
    body = lines_from_text(_body(msg))
    if body:
        body[0].para = True
    pages = []
    for number, lines in enumerate(paginate(head + body), start=1):
        text, _ = compose(lines)
        pages.append(Page(number, text, "email"))
    return Extracted(pages=pages, format="email", title=meta.get("subject"), meta=meta,
                     children=children, problems=problems)


def _header(msg: EmailMessage, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:   # a malformed header value: show it raw rather than lose the message
        value = msg.get_all(name, failobj=[""])[0] if hasattr(msg, "get_all") else ""
    return " ".join(str(value or "").split())


def _meta(msg: EmailMessage) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name in ("From", "To", "Cc", "Subject", "Message-ID"):
        value = _header(msg, name)
        if value:
            meta[name.lower().replace("-", "_")] = value
    for name in ("From", "To", "Cc"):
        value = _header(msg, name)
        if value:
            meta[f"{name.lower()}_addresses"] = [addr for _, addr in getaddresses([value]) if addr]
    date = _header(msg, "Date")
    if date:
        try:
            meta["date"] = parsedate_to_datetime(date).isoformat()
        except (TypeError, ValueError, IndexError):
            meta["date_header"] = date
    return meta


def _body(msg: EmailMessage) -> str:
    """The readable body: text/plain if the sender wrote one, else the HTML part as text."""
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:
        part = None
    if part is None:
        return ""
    try:
        content = part.get_content()
    except Exception:   # unknown charset or broken transfer encoding: decode what we can
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        from pipeline.extract_html import html_to_text

        return html_to_text(content)
    return content.replace("\r\n", "\n")


def _attachments(msg: EmailMessage) -> tuple[list[Child], list[str]]:
    children: list[Child] = []
    problems: list[str] = []
    for k, part in enumerate(msg.iter_attachments(), start=1):
        filename = part.get_filename() or f"attachment-{k}"
        try:
            if part.get_content_type() == "message/rfc822":   # a forwarded message: its own document
                inner = part.get_payload()
                data = inner[0].as_bytes() if isinstance(inner, list) and inner else bytes(part.get_content())
                if not part.get_filename():
                    filename = f"attachment-{k}.eml"
            else:
                data = part.get_payload(decode=True) or b""
        except Exception as exc:
            problems.append(f"{filename}: attachment unreadable ({type(exc).__name__})")
            continue
        if not data:
            problems.append(f"{filename}: empty attachment")
            continue
        children.append(Child(filename, data, content_type(sniff(data), filename)))
    return children, problems
