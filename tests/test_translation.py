"""Spanish names and noun phrases are written in English where every word of them is known."""

from __future__ import annotations

import pytest

from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.knowledge.translation import english_name, english_phrase

CUES = load_cues()
GAZ = load_gazetteer()


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("Ministerio de Defensa", "Defence Ministry"),
        ("Ministerio de Asuntos Exteriores de Noruega", "Norwegian Foreign Affairs Ministry"),
        ("Fiscalía Federal de Alemania", "German Federal Prosecutor's Office"),
        ("Aduana de Finlandia", "Finnish Customs"),
        ("Consejo de Seguridad", "Security Council"),
        ("Comité del Consejo de Seguridad de la ONU", "UN Security Council Committee"),  # the gazetteer's name inside
        ("Instituto de Investigación de Industria Espacial Fjord", "Fjord Space Industry Research Institute"),  # a proper name closes a part
        ("Agencia Estatal de Noticias KCNA", "KCNA"),  # a body then called by an acronym the gazetteer knows
        ("Departamento del Tesoro", "US Department of the Treasury"),  # a name the gazetteer knows
        ("Portavoz del Ministerio de Defensa of Norway", "Norwegian Defence Ministry Spokesman"),  # half put in English by the model
        ("Portavoz de la Cancillería chilena", "Chilean Foreign Ministry Spokesman"),
        # what a body does goes between its adjectives and its noun; a place or a region no list knows goes first
        ("Agencia Federal de Transporte Aéreo", "Federal Air Transport Agency"),
        ("Administración Militar Regional de Tacna", "Tacna Regional Military Administration"),
        ("Flota del Mar Negro", "Black Sea Fleet"),
        ("Estado Mayor General", "General Staff"),  # a head of two or three words is one
        ("Guardia Costera de Perú", "Peruvian Coast Guard"),
        ("Comando de Inteligencia de Defensa (CID)", "Defence Intelligence Command"),  # an acronym in brackets only glosses it
        # coordinated portfolios keep English's "of", the country's adjective before the body
        ("Ministerio de Industria y Comercio de Noruega", "Norwegian Ministry of Industry and Trade"),
        ("Departamento de Relaciones Internacionales y Cooperación", "Department of International Relations and Cooperation"),
        ("Ministerio de Inversión, Comercio e Industria", "Ministry of Investment, Trade and Industry"),
    ],
)
def test_an_institutions_spanish_name_is_written_in_english(spanish: str, english: str) -> None:
    assert english_name(spanish, CUES, GAZ) == english


@pytest.mark.parametrize(
    "name",
    [
        "Lars Berg",  # a person's name
        "Oficina de Pesca del Ministerio de Defensa",  # a word neither list knows: not half translated
        "fuentes del Gobierno de Chile",  # a description, written in English elsewhere (speaker_names)
        "Estados miembros de la UE",
        "Kremlin spokesman",
        "Secretary of State",  # English already: its words are no Spanish ones
        "Director of National Intelligence",
        "General Court of the European Union",  # English already: translating would only reorder it
    ],
)
def test_a_name_with_a_word_no_list_knows_stays_as_written(name: str) -> None:
    assert english_name(name, CUES, GAZ) == name


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("empresas de adquisiciones", "procurement companies"),
        ("obuses autopropulsados", "self-propelled howitzers"),  # an adjective goes before its noun
        ("soldados norcoreanos", "North Korean soldiers"),  # a country's adjective too
        ("soldados noruegos", "Norwegian soldiers"),  # any country's
        ("dolares", "dollars"),  # a currency, as a model writes it back unaccented
        ("ingenieros de combate", "combat engineers"),
        ("fuentes del Gobierno de Chile", "Chilean Government sources"),
        ("artillery shells", "artillery shells"),  # English already
        ("cajas de fusiles", "cajas de fusiles"),  # a word no list knows: as written
    ],
)
def test_what_a_figure_counts_is_written_in_english(spanish: str, english: str) -> None:
    assert english_phrase(spanish, CUES, GAZ) == english
