"""A saved news page with a stray control byte (a real Gothamist article holds "\\x10") is read, not
failed: lxml refuses such characters in text, so casefile puts a space in their place."""
from __future__ import annotations

import pytest

from pipeline.extract_html import extract_html

_BODY = ("<p>The council voted 5-2 on Tuesday to close the shelter on Dean Street after a state review "
         "found that inspections had lapsed for three years.</p>"
         "<p>Director Mara Quist said the department would appeal the decision within thirty days.</p>")


@pytest.mark.parametrize("wrap", ["article", "div"])   # an article, and a page read whole (lxml's own text)
@pytest.mark.parametrize("byte", ["\x10", "\x00", "\x1b", "\x0b"])
def test_a_control_byte_in_a_page_is_read_as_a_space(byte: str, wrap: str) -> None:
    html = (f"<html><head><title>Shelter{byte} closed</title></head><body><{wrap}><h1>Shelter{byte} closed</h1>"
            f"{_BODY.replace('on Tuesday', 'on' + byte + ' Tuesday')}</{wrap}></body></html>")
    out = extract_html(html.encode("utf-8"))
    text = "\n".join(page.text for page in out.pages)
    assert "voted 5-2 on" in text and "Tuesday to close the shelter" in text
    assert byte not in text
