"""The packaged gazetteer and cue lexicons, and how they are loaded, looked up and extended."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path
from textwrap import dedent

import pytest

from armstrace.text.fold import normalise
from armstrace.base.errors import ConfigError
from armstrace.knowledge.cues import CUES_PATH, STANCES, WEAPON_STATUSES, Cues, load_cues
from armstrace.knowledge.gazetteer import ACTOR_KINDS, GAZETTEER_PATH, WEAPON_CATEGORIES, Gazetteer, load_gazetteer

# ISO 3166-1 alpha-2, as in tzdata's iso3166.tab; pycountry is used instead when installed.
_ISO_ALPHA_2 = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
    GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
    KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
    MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
    TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
    ZW
    """.split()
)


def _iso_codes() -> frozenset[str]:
    try:
        import pycountry  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return _ISO_ALPHA_2
    return frozenset(country.alpha_2 for country in pycountry.countries)


def _raw(path: Path) -> dict[str, list[dict[str, object]]]:
    with path.open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def cues() -> Cues:
    return load_cues()


def _write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- packaged files


def test_packaged_gazetteer_loads_with_broad_coverage(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.actors) >= 120
    assert len(gazetteer.weapons) >= 25


def test_packaged_gazetteer_is_read_once(gazetteer: Gazetteer) -> None:
    assert load_gazetteer() is gazetteer


def test_packaged_cues_load_with_every_label(cues: Cues) -> None:
    assert set(cues.reporting) == set(STANCES)
    assert set(cues.weapons) == set(WEAPON_CATEGORIES)
    assert set(cues.status) == set(WEAPON_STATUSES)
    assert all(cues.reporting.values()) and all(cues.status.values())
    assert all(terms for category, terms in cues.weapons.items() if category != "other")
    assert cues.evidential and cues.transfer and cues.stopwords and cues.connectors
    assert load_cues() is cues


def test_every_kind_and_category_in_the_data_file_is_a_schema_label() -> None:
    raw = _raw(GAZETTEER_PATH)
    assert {entry["kind"] for entry in raw["actor"]} <= set(ACTOR_KINDS)
    assert {entry["category"] for entry in raw["weapon"]} <= set(WEAPON_CATEGORIES)


def test_no_alias_is_listed_under_two_entries() -> None:
    raw = _raw(GAZETTEER_PATH)
    owners: dict[str, set[str]] = defaultdict(set)
    for table in ("actor", "weapon"):
        for entry in raw[table]:
            name = str(entry["name"])
            for surface in (name, *entry.get("aliases", [])):  # type: ignore[misc]
                owners[normalise(str(surface))].add(f"{table}:{name}")
    shared = {surface: names for surface, names in owners.items() if len(names) > 1}
    assert not shared


def test_every_country_code_is_iso_3166_alpha_2(gazetteer: Gazetteer) -> None:
    codes = _iso_codes()
    bad = [a.name for a in gazetteer.actors if a.country and a.country not in codes]
    bad += [w.name for w in gazetteer.weapons if w.origin and w.origin not in codes]
    assert not bad


def test_every_actor_country_has_a_country_entry(gazetteer: Gazetteer) -> None:
    missing = {a.country for a in gazetteer.actors if a.country and not gazetteer.country_name(a.country)}
    assert not missing


def test_every_part_of_names_a_known_actor(gazetteer: Gazetteer) -> None:
    names = {a.name for a in gazetteer.actors}
    assert {a.part_of for a in gazetteer.actors if a.part_of} <= names


def test_cue_terms_are_lowercase_and_stopwords_capitalised(cues: Cues) -> None:
    lists = [*cues.reporting.values(), *cues.weapons.values(), *cues.status.values()]
    lists += [cues.evidential, cues.transfer, cues.connectors]
    assert all(term == term.lower() for terms in lists for term in terms)
    assert all(word[0].isupper() and " " not in word for word in cues.stopwords)


def test_no_weapon_term_is_under_two_categories(cues: Cues) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for category, terms in cues.weapons.items():
        for term in terms:
            owners[normalise(term)].add(category)
    assert not {term: c for term, c in owners.items() if len(c) > 1}


def test_months_and_sentence_openers_are_stopwords(cues: Cues) -> None:
    assert {"Según", "El", "The", "According", "Marzo", "March", "Lunes", "Monday"} <= cues.stopwords


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Moscú", "Russia"),
        ("Moscow", "Russia"),
        ("Rusia", "Russia"),
        ("Federación de Rusia", "Russia"),
        ("EE.UU.", "United States"),
        ("EEUU", "United States"),
        ("Estados Unidos", "United States"),
        ("Washington", "United States"),
        ("Vladímir Putin", "Vladimir Putin"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("PUTIN", "Vladimir Putin"),
        ("Pionyang", "North Korea"),
        ("RPDC", "North Korea"),
        ("DPRK", "North Korea"),
        ("Teherán", "Iran"),
        ("Tehran", "Iran"),
        ("Kiev", "Ukraine"),
        ("Kyiv", "Ukraine"),
        ("Londres", "United Kingdom"),
        ("Pekín", "China"),
        ("Seúl", "South Korea"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("Serguéi Lavrov", "Sergei Lavrov"),
        ("Zelenski", "Volodymyr Zelensky"),
        ("Jamenei", "Ali Khamenei"),
        ("Guardia Revolucionaria", "Islamic Revolutionary Guard Corps"),
        ("Pasdarán", "Islamic Revolutionary Guard Corps"),
        ("OTAN", "NATO"),
        ("Naciones Unidas", "United Nations"),
        ("Agencia Central de Noticias de Corea", "KCNA"),
        ("hutíes", "Houthis"),
    ],
)
def test_spanish_and_english_forms_resolve_to_the_same_actor(
    gazetteer: Gazetteer, surface: str, name: str
) -> None:
    actor = gazetteer.actor_for(surface)
    assert actor is not None and actor.name == name


def test_el_kremlin_is_the_kremlin_and_part_of_russia(gazetteer: Gazetteer) -> None:
    kremlin = gazetteer.actor_for("el Kremlin")
    assert kremlin is not None
    assert (kremlin.name, kremlin.kind, kremlin.part_of) == ("Kremlin", "government", "Russia")
    assert gazetteer.actor_for("Kremlin") is kremlin


def test_a_leading_article_or_possessive_is_tried_away(gazetteer: Gazetteer) -> None:
    white_house = gazetteer.actor_for("White House")
    assert white_house is not None
    assert gazetteer.actor_for("la Casa Blanca") is white_house
    assert gazetteer.actor_for("the White House's") is white_house
    assert gazetteer.actor_for("Iran's") is gazetteer.actor_for("Iran")


def test_a_name_with_its_acronym_after_it_is_the_name_else_the_acronym(gazetteer: Gazetteer) -> None:
    white_house = gazetteer.actor_for("White House")
    assert gazetteer.actor_for("la Casa Blanca (CB)") is white_house
    nis = gazetteer.actor_for("NIS")
    assert nis is not None and gazetteer.actor_for("Servicio de Inteligencia Nacional (NIS)") is nis


def test_acronyms_match_only_when_written_in_capitals(gazetteer: Gazetteer) -> None:
    assert gazetteer.actor_for("UN") is gazetteer.actor_for("United Nations")
    assert gazetteer.actor_for("USA") is gazetteer.actor_for("United States")
    assert gazetteer.actor_for("un") is None
    assert gazetteer.actor_for("Un") is None
    assert gazetteer.actor_for("usa") is None
    assert gazetteer.actor_for("Nato") is gazetteer.actor_for("NATO")


def test_unknown_surfaces_resolve_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.actor_for("Juan Pérez") is None
    assert gazetteer.actor_for("") is None
    assert gazetteer.weapon_for("Patriot PAC-3 MSE Block 9") is None


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Geran-2", "Shahed-136"),
        ("Geran 2", "Shahed-136"),
        ("geran–2", "Shahed-136"),
        ("Shahed 136", "Shahed-136"),
        ("Герань-2", "Shahed-136"),
        ("Geran-1", "Shahed-131"),
        ("Hwasong-11", "KN-23"),
        ("KN-23", "KN-23"),
        ("Hwasong-11B", "KN-24"),
        ("Iskander", "Iskander-M"),
        ("Koksan", "Koksan M1978"),
        ("proyectiles de 152 mm", "152 mm artillery shell"),
    ],
)
def test_weapon_aliases_resolve_to_the_system(gazetteer: Gazetteer, surface: str, name: str) -> None:
    weapon = gazetteer.weapon_for(surface)
    assert weapon is not None and weapon.name == name


def test_shahed_136_is_an_iranian_drone(gazetteer: Gazetteer) -> None:
    shahed = gazetteer.weapon_for("Shahed-136")
    assert shahed is not None and (shahed.category, shahed.origin) == ("drone", "IR")


def test_country_code_and_name_go_both_ways(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_code("Rusia") == "RU"
    assert gazetteer.country_code("Corea del Norte") == "KP"
    assert gazetteer.country_code("RU") == "RU"
    assert gazetteer.country_code("Kremlin") == ""
    assert gazetteer.country_code("") == ""
    assert gazetteer.country_name("KP") == "North Korea"
    assert gazetteer.country_name("ZZ") == ""


# --------------------------------------------------------------------------- user files


def test_a_user_file_extends_and_overrides_the_packaged_one(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = _write(
        tmp_path,
        """
        [[actor]]
        name = "Moscow City Government"
        kind = "government"
        country = "RU"
        part_of = "Russia"
        aliases = ["Moscú"]

        [[actor]]
        name = "Vladimir Putin"
        kind = "person"
        country = "RU"
        role = "Test role"
        aliases = ["VVP"]

        [[weapon]]
        name = "Shahed-107"
        category = "drone"
        origin = "IR"
        aliases = ["Shahed 107"]
        """,
    )
    merged = load_gazetteer(path)

    moscow = merged.actor_for("Moscú")
    assert moscow is not None and moscow.name == "Moscow City Government"
    russia = merged.actor_for("Moscow")
    assert russia is not None and russia.name == "Russia" and "Moscú" not in russia.aliases
    putin = merged.actor_for("VVP")
    assert putin is not None and putin.role == "Test role"
    assert merged.actor_for("Vladimir Vladimirovich Putin") is None  # replaced whole, aliases too
    assert sum(a.name == "Vladimir Putin" for a in merged.actors) == 1
    added = merged.weapon_for("Shahed 107")
    assert added is not None and added.name == "Shahed-107"
    assert merged.weapon_for("Geran-2") is not None
    assert len(merged.actors) == len(gazetteer.actors) + 1

    # The packaged gazetteer, shared by every caller, is left as it was.
    packaged_moscow = load_gazetteer().actor_for("Moscú")
    assert packaged_moscow is not None and packaged_moscow.name == "Russia"


def test_a_bad_kind_in_a_user_file_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
        [[actor]]
        name = "Someone"
        kind = "wizard"
        country = "RU"
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_gazetteer(path)
    assert str(path) in caught.value.message
    assert "wizard" in caught.value.message and "Someone" in caught.value.message
    assert "person" in caught.value.hint


def test_a_bad_category_in_a_user_file_is_a_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[weapon]]\nname = "Thing"\ncategory = "laser"\n')
    with pytest.raises(ConfigError, match="laser"):
        load_gazetteer(path)


def test_invalid_toml_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[[actor]\nname = \n")
    with pytest.raises(ConfigError) as caught:
        load_gazetteer(path)
    assert str(path) in caught.value.message and "TOML" in caught.value.message


def test_a_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_gazetteer(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[actor]]\nname = "A"\nkind = "person"\ncontry = "RU"\n', "unknown key"),
        ('[[actor]]\nname = "A"\nkind = "person"\ncountry = "Russia"\n', "ISO 3166-1"),
        ('[[actor]]\nname = "A"\nkind = "person"\npart_of = "Atlantis"\n', "part_of"),
        ('[[actor]]\nkind = "person"\n', "'name' is missing"),
        ('[[actors]]\nname = "A"\nkind = "person"\n', "unknown table"),
        (
            '[[actor]]\nname = "A"\nkind = "person"\naliases = ["Z"]\n'
            '[[actor]]\nname = "B"\nkind = "person"\naliases = ["z"]\n',
            "already listed under 'A'",
        ),
    ],
)
def test_user_file_mistakes_are_config_errors(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_gazetteer(path)
    assert str(path) in caught.value.message


def test_a_cues_file_with_an_unknown_stance_is_a_config_error(tmp_path: Path) -> None:
    text = CUES_PATH.read_text(encoding="utf-8").replace("\nwarned = [", "\nshouted = [")
    path = _write(tmp_path, text, "cues.toml")
    with pytest.raises(ConfigError, match="shouted") as caught:
        load_cues(path)
    assert str(path) in caught.value.message


def test_a_cues_file_with_capitalised_terms_is_a_config_error(tmp_path: Path) -> None:
    text = CUES_PATH.read_text(encoding="utf-8").replace('"dijo",', '"Dijo",')
    path = _write(tmp_path, text, "cues.toml")
    with pytest.raises(ConfigError, match="lowercase"):
        load_cues(path)


def test_names_starting_with_an_article_need_it_capitalised(gazetteer: Gazetteer) -> None:
    el_pais = gazetteer.actor_for("El País")
    assert el_pais is not None and el_pais.kind == "media"
    assert gazetteer.actor_for("el país") is None  # "the country"
    assert gazetteer.actor_for("el mundo") is None  # "the world"
    assert gazetteer.actor_for("the Guardian") is gazetteer.actor_for("The Guardian")
