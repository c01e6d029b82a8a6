"""Other formats by content: plain text, DOCX, e-mail with attachments, ZIP archives (with limits)."""
from __future__ import annotations

import io
import zipfile

import pytest

from pipeline import extract_zip
from pipeline.extract import ExtractError, extract, nlp_text, sniff
from tests.conftest import FIXTURES
from tests.fixtures.extract import make

PDF = (FIXTURES / "pdfs/cuya_community_college_agenda.pdf").read_bytes()


# ---- plain text
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "utf-8-sig"])
def test_plain_text_in_any_common_encoding(encoding):
    text = "Minutes of the meeting held March 3, 2018.\nThe board’s vote on the café contract was 5–0.\n" * 5
    ex = extract(text.encode(encoding))
    assert ex.format == "text" and ex.pages[0].method == "plain"
    assert ex.pages[0].text.startswith("Minutes of the meeting held March 3, 2018.\nThe board’s vote on the café")


def test_form_feeds_are_pages_and_repeated_heads_are_skipped():
    topics = ["the budget", "caseloads", "the state review"]
    pages = [f"HARLAN COUNTY DSS MINUTES\n\nThe board discussed {t}.\n\nPage {k}" for k, t in enumerate(topics, 1)]
    ex = extract("\f".join(pages).encode())
    assert [p.page for p in ex.pages] == [1, 2, 3]
    assert [[p.text[a:b] for a, b in p.skip] for p in ex.pages] == [
        ["Page 1"], ["HARLAN COUNTY DSS MINUTES", "Page 2"], ["HARLAN COUNTY DSS MINUTES", "Page 3"]]


# ---- DOCX
@pytest.fixture(scope="module")
def memo():
    return extract(make.docx_bytes())


def test_docx_is_sniffed_from_its_parts_not_its_name(memo):
    raw = make.docx_bytes()
    assert sniff(raw) == "docx" and sniff(make.zip_bytes({"a.txt": b"x"})) == "zip"
    assert memo.format == "docx" and memo.title == "Memo on caseload standards"
    assert memo.meta["author"] == "Daniel Reyes"


def test_docx_paragraphs_tables_and_page_breaks(memo):
    first, second = memo.pages
    assert "Caseload standards\n\nOn April 2, 2018, Interim Director Daniel Reyes asked" in first.text
    assert "Unit | Workers | Cases\nIntake | 6 | 148\nInvestigations | 9 | 279" in first.text
    assert second.text.startswith("Second page: the board will vote on the cap on April 10, 2018.")


def test_docx_header_and_footer_are_display_only(memo):
    first, second = memo.pages
    assert first.text.startswith("Harlan County DSS — Internal Memo\n")
    assert second.text.endswith("\nConfidential draft")
    assert "Internal Memo" not in nlp_text(first) and "Confidential" not in nlp_text(second)


def test_docx_tracked_changes_read_as_accepted():
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc.element.body.insert(0, parse_xml(
        f'<w:p {ns}><w:r><w:t xml:space="preserve">The board </w:t></w:r>'
        f'<w:del w:id="1" w:author="x"><w:r><w:delText>rejected</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="x"><w:r><w:t>approved</w:t></w:r></w:ins>'
        f'<w:r><w:t xml:space="preserve"> the contract.</w:t></w:r></w:p>'))
    out = io.BytesIO()
    doc.save(out)
    assert extract(out.getvalue()).pages[0].text == "The board approved the contract."


# ---- e-mail
def test_email_headers_body_and_attachments():
    ex = extract(make.eml_bytes(PDF))
    assert ex.format == "email" and ex.title == "Criminal investigation concerning DSS"
    assert ex.meta["date"] == "2018-05-15T10:32:00-04:00"
    assert ex.meta["from_addresses"] == ["cjimenez@da.example.gov"]
    text = ex.pages[0].text
    assert text.startswith("From: Carla Jimenez <cjimenez@da.example.gov>\nTo: Thomas Brennan")
    assert "Subject: Criminal investigation concerning DSS" in text
    assert "This office opened a criminal investigation on May 14, 2018." in text
    assert "<p>" not in text   # text/plain preferred over the HTML alternative
    pdf, forwarded = ex.children
    assert (pdf.filename, pdf.content_type, pdf.raw) == ("letter.pdf", "application/pdf", PDF)
    assert forwarded.content_type == "message/rfc822" and b"The agenda is attached." in forwarded.raw
    assert extract(forwarded.raw).meta["subject"] == "Fwd: agenda"   # a child is a document itself


def test_html_only_email_body_is_read_as_text():
    text = extract(make.eml_bytes(PDF, html_only=True)).pages[0].text
    assert "This office opened a criminal investigation on May 14, 2018." in text and "<p>" not in text


# ---- ZIP
def test_zip_members_become_child_documents():
    inner = make.zip_bytes({"exhibits/b.txt": b"Exhibit B"})
    ex = extract(make.zip_bytes({"agenda.pdf": PDF, "notes.txt": b"Board notes", "__MACOSX/._x": b"junk",
                                 "more.zip": inner}))
    assert [(c.filename, c.content_type) for c in ex.children] == [
        ("agenda.pdf", "application/pdf"), ("notes.txt", "text/plain"), ("more.zip/exhibits/b.txt", "text/plain")]
    assert ex.children[0].raw == PDF
    listing = ex.pages[0]
    assert listing.method == "listing" and "agenda.pdf (44.7 KB)" in listing.text
    assert nlp_text(listing).strip() == ""   # the listing is shown, the members are analysed


def test_zip_nesting_is_limited():
    raw = b"Deep file"
    for depth in range(5):
        raw = make.zip_bytes({f"level{depth}.zip" if depth else "deep.txt": raw})
    ex = extract(raw)
    assert ex.children == []
    assert ex.problems == ["level4.zip/level3.zip/level2.zip: archive nested deeper than 3 levels, skipped"]


def test_zip_bomb_is_refused_before_inflating():
    with pytest.raises(ExtractError, match=r"ZIP bomb: zeros.txt expands [\d,]+x \(limit 200x\)"):
        extract(make.zip_bomb())


def test_zip_limits_on_count_and_total_size(monkeypatch):
    many = make.zip_bytes({f"f{k}.txt": b"x" for k in range(extract_zip.MAX_MEMBERS + 1)})
    with pytest.raises(ExtractError, match="has 1,001 members"):
        extract(many)
    monkeypatch.setattr(extract_zip, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(ExtractError, match="would expand to"):
        extract(make.zip_bytes({"a.txt": b"a" * 600, "b.txt": b"b" * 600}))


def test_zip_member_lying_about_its_size_is_not_inflated_past_it():
    data = bytearray(make.zip_bytes({"a.txt": b"The board met. " * 1000, "b.txt": b"Honest member"}))
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0].file_size == 15000
    # shrink a.txt's declared size in the central directory: the reader must stop there
    cd = data.find(b"PK\x01\x02")
    data[cd + 24:cd + 28] = (100).to_bytes(4, "little")
    ex = extract(bytes(data))
    assert [c.filename for c in ex.children] == ["b.txt"]
    assert len(ex.problems) == 1 and ex.problems[0].startswith("a.txt: unreadable (Bad CRC-32")


@pytest.mark.parametrize("raw, reason", [
    (make.zip_bytes({"a.xlsx": b"x"})[:30], "broken ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy Office"),
], ids=["broken ZIP", "legacy Office"])
def test_unreadable_containers_have_reasons(raw, reason):
    with pytest.raises(ExtractError, match=reason):
        extract(raw)
