"""PDF layout: reading order of two columns, running headers, hyphenation, tables, form fields."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest
from reportlab.pdfgen import canvas

from pipeline.docdate import document_date
from pipeline.extract import extract, nlp_text
from pipeline.extract_pdf import extract_pdf
from pipeline.extract_lines import Line, compose, running_lines
from tests.conftest import FIXTURES
from tests.fixtures.extract import make


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def report():
    return extract(make.two_column_pdf())


def test_two_columns_read_left_column_then_right(report):
    text = report.pages[0].text
    order = [text.index(s) for s in (
        make.REPORT_TITLE,
        "The review team examined 212 case records selected at random.",
        "suspended in March 2017 for lack of funds.",
        "The board did not receive caseload data",
        "on paid administrative leave in February.")]
    assert order == sorted(order)
    # a sentence that wraps inside a column reads on, not interleaved with the other column
    assert "Chair Thomas Brennan said\nthe department never asked" in text
    page2 = report.pages[1].text
    assert page2.index("Finding 2.8:") < page2.index("Recommendation 2.1:")


def test_columns_with_unaligned_lines_read_in_order():
    text = extract(make.two_column_pdf(pages=1, right_leading=11.3)).pages[0].text
    assert text.index("suspended in March 2017 for lack of funds.") < text.index("The board did not receive")
    assert "Chair Thomas Brennan said\nthe department never asked" in text


@pytest.mark.parametrize("fast", [True, False])
def test_three_columns_read_one_after_another(fast):
    # a side of the widest gutter holds two columns of its own: each is read down, in turn
    text = extract_pdf(make.three_column_pdf(), fast=fast).pages[0].text
    lines = [ln for ln in text.splitlines() if "column" in ln]
    assert lines == [f"column {c} line {k:02d} of the notice reads on and on" for c in (1, 2, 3) for k in range(1, 41)]


@pytest.mark.parametrize("fast", [True, False])
def test_an_undecodable_note_loses_nothing(fast, recwarn):
    line = "On March 4, 2019, the board suspended Director Alma Quistgaard."
    result = extract_pdf(make.bad_annotation_pdf(line), fast=fast)
    assert [p.method for p in result.pages] == ["text"] and line in result.pages[0].text
    assert not result.problems and not [w for w in recwarn if "decode" in str(w.message)]


def test_single_column_lists_are_not_split_into_columns():
    # key/value rows ("Date: ... value") have a clean gap too, but short left cells are not a column
    rows = [[f"Item {k}", f"Approved on March {k}, 2018 by a vote of 5-0"] for k in range(1, 13)]
    raw = make.text_pdf([[f"{a}{' ' * 40}{b}" for a, b in rows]], font="Courier")
    text = extract(raw).pages[0].text
    assert "Item 1 Approved on March 1, 2018 by a vote of 5-0\nItem 2 Approved" in text


def test_running_header_and_page_numbers_become_skip_spans(report):
    header = "Harlan County DSS Review — Draft for Board Discussion"
    for page in report.pages:
        skipped = [page.text[a:b] for a, b in page.skip]
        assert page.text.startswith(header) and f"Page {page.page} of 3" in page.text   # kept for display
        assert f"Page {page.page} of 3" in skipped
        assert (header in skipped) == (page.page > 1)   # first occurrence analysed, repeats skipped
        assert header not in nlp_text(page) or page.page == 1


def test_line_end_hyphenation(report):
    text = report.pages[0].text
    assert "case records" in text and "re-cords" not in text.replace("\n", "")
    assert "caseworkers reached 41 percent" in text      # "case-/workers": a typesetter's break
    assert "well-known problem" in text                  # a listed compound prefix keeps its hyphen
    assert "Ann Smith-Jones told" in text                # uppercase continuation: a real hyphen
    assert "follow-up review, and that the follow-up" in text   # hyphenated form seen elsewhere


@pytest.mark.parametrize("lines, expected", [
    (["the case-", "worker left"], "the caseworker left"),
    (["a pro-", "posal to"], "a proposal to"),
    (["a well-", "known fact"], "a well-known fact"),
    (["Director Smith-", "Jones said"], "Director Smith-Jones said"),
    (["COVID-", "19 cases"], "COVID-19 cases"),
    (["the long-", "term plan; a long-term view"], "the long-term plan; a long-term view"),
    (["items -", "budget"], "items -\nbudget"),         # a dash after a space is not a broken word
    (["2017 –", "2018"], "2017 –\n2018"),
    (["soft\u00ad", "ware"], "software"),
])
def test_hyphenation_rule(lines, expected):
    text, _ = compose([Line(t) for t in lines])
    assert text == expected


def test_whitespace_and_paragraphs_are_normalised():
    lines = [Line("  Board \t met\u00a0 at  6 p.m. "), Line("", para=True), Line(""), Line("Next\u200b item", para=True)]
    assert compose(lines)[0] == "Board met at 6 p.m.\n\nNext item"


def test_repeated_body_lines_at_other_heights_are_not_headers():
    bodies = ["The board met.", "Nobody objected.", "The vote was close."]
    pages = [[Line("Motion carried.", rel=0.1 + 0.3 * k), Line(bodies[k], rel=0.5)] for k in range(3)]
    assert running_lines(pages) == [set(), set(), set()]
    pages = [[Line("Harlan Herald", rel=0.03), Line(bodies[k], rel=0.5)] for k in range(3)]
    assert running_lines(pages) == [set(), {0}, {0}]


def test_a_page_made_only_of_repeats_is_not_blanked():
    pages = [[Line(f"Exhibit {k}: file {k} reviewed", rel=0.1), Line(f"Page {k}", rel=0.95)] for k in range(1, 5)]
    assert running_lines(pages) == [{1}, {1}, {1}, {1}]


def test_roll_call_rows_and_columns_survive_and_add_up():
    """New Mexico House roll call: counting X per column of the stored text gives the printed totals."""
    text = extract(_read("pdfs/2017_vote_house.pdf")).pages[0].text
    printed = re.search(r"YEAS: (\d+) NAYS: (\d+) EXCUSED: (\d+) ABSENT: (\d+)", text)
    assert printed and printed.groups() == ("37", "32", "1", "0")
    header = "REPRESENTATIVE | YEA | NAY | EXCUSED | ABSENT | REPRESENTATIVE | YEA | NAY | EXCUSED | ABSENT"
    lines = text.split("\n")
    rows = [[c.strip() for c in ln.split("|")] for ln in lines[lines.index(header) + 1:] if " | " in ln]
    assert len(rows) == 35 and all(len(r) == 10 for r in rows)
    members = {r[k] for r in rows for k in (0, 5)}
    assert len(members) == 70 and "Larrañaga" in members and "Salazar, Nick" in members
    counts = [sum(r[k + c] == "X" for r in rows for k in (0, 5)) for c in (1, 2, 3, 4)]
    assert counts == [int(g) for g in printed.groups()]
    assert all(sum(r[k + c] == "X" for c in (1, 2, 3, 4)) == 1 for r in rows for k in (0, 5))
    assert "Salazar, Nick | | | X |" in text   # the one excused member


def test_form_field_values_are_page_text():
    """The Chicago notice holds its meeting date and place only in AcroForm fields."""
    ex = extract(_read("pdfs/Notice-and-Agenda-001-2023-06-06.pdf"))
    text = ex.pages[0].text
    assert "Date/Time:\nLocation/Address:" in text          # the printed template, blank
    assert "Date/Time: June 6, 530pm" in text
    assert "Location/Address: Maggie Daley Fieldhouse, 337 E Randolph St" in text   # field + typed note
    assert "Notice is hereby given that District Council: 001" in text
    assert "Regular: Yes" in text and "Special:" not in text   # checked box in, unchecked out
    assert "Discussions: Introductions\nDistrict Council Overview\nVacancy Search Update" in text
    assert text.index("Date/Time: June 6") > text.index("INSTRUCTIONS FOR PUBLIC COMMENT")   # appended
    assert document_date(known=None, known_source=None, title=ex.title, first_page=text,
                         meta_date=None, kind="agenda", meta=ex.meta) == (date(2023, 6, 6), "first_page")


def test_pages_are_physical_and_printed_labels_are_kept():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.addPageLabel(0, style="ROMAN_LOWER")
    c.addPageLabel(2, style="ARABIC", start=1)
    for k in range(4):
        c.drawString(72, 700, f"Content of sheet {k + 1} of the report.")
        c.showPage()
    c.save()
    pages = extract(buf.getvalue()).pages
    assert [(p.page, p.label) for p in pages] == [(1, "i"), (2, "ii"), (3, "1"), (4, "2")]
    assert all(p.label is None for p in extract(make.two_column_pdf()).pages)


def test_form_fields_of_a_generated_form():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.drawString(72, 700, "Hearing notice")
    c.drawString(72, 660, "Hearing date:")
    c.acroForm.textfield(name="hearing_date", tooltip="Hearing date", value="April 10, 2018", x=160, y=655,
                         width=200, height=18)
    c.acroForm.checkbox(name="closed", tooltip="Closed session", checked=True, x=72, y=620, size=12)
    c.acroForm.checkbox(name="open", tooltip="Open session", checked=False, x=160, y=620, size=12)
    c.acroForm.choice(name="room", tooltip="Room", value="Board Room", options=["Board Room", "Annex"],
                      x=72, y=580, width=150, height=18)
    c.showPage()
    c.save()
    text = extract(buf.getvalue()).pages[0].text
    assert text == "Hearing notice\nHearing date:\n\nHearing date: April 10, 2018\nClosed session: Yes\nRoom: Board Room"


def test_columns_and_sideways_margin_words(tmp_path):
    """A sentence that runs from the foot of one column to the head of the next is not broken by a
    paragraph break, and words set sideways down the margin are not read into the columns."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    from pipeline import extract

    path = tmp_path / "columns.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica", 10)
    left = ["The board of social services met in a special", "session on Monday and heard the county's",
            "auditor present her review of the department's", "spending over the last two fiscal years.",
            "The review found that overtime had doubled.", "On March 3, 2019, the board of social services"]
    right = ["voted four to one to suspend Director Alma", "Quistgaard without pay while the district",
             "attorney looks into the department's records.", "Member Ruth Ames cast the only vote against",
             "the suspension and asked for a public hearing.", "The meeting ended at noon without comment."]
    for n, (a, b) in enumerate(zip(left, right)):
        c.drawString(60, 700 - 14 * n, a)
        c.drawString(320, 700 - 14 * n, b)
    c.saveState()
    c.translate(300, 400)
    c.rotate(90)
    c.drawString(0, 0, "VerDate Sep 2014 16:21 Aug 05 2020 Jkt 250001")
    c.restoreState()
    c.save()
    text = extract.extract(path.read_bytes()).pages[0].text
    assert "VerDate" not in text
    assert "On March 3, 2019, the board of social services\nvoted four to one" in text, text
    assert "spending over the last two fiscal years." in text and "Quistgaard without pay while" in text
