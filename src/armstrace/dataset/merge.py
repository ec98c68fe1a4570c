"""Merge: every article's extraction in DIR/articles/ becomes one dataset.

`merge_dataset(DIR)` reads the extractions twice, one file at a time, and never holds them all:

1. the first reading records each article (its dateline, where its text came from), the
   signature that finds copies of one story, and every name the extractions use, so that
   names can be resolved (module `resolve`) knowing all of them;
2. the second builds each article's rows (module `rows`) and stores them in a staging SQLite
   database (module `staging`), which sorts and groups them on disk.

Then every table is written (module `write`), each file atomically:

- DIR/dataset.json: the whole dataset (the `Dataset` model of module `dataset.tables`);
- DIR/tables/<table>.jsonl, .csv and .parquet: one file per table;
- DIR/dataset.sqlite: the same tables, a `sources` table and views for common questions;
- DIR/transfers.csv: arms flows in the column layout of the SIPRI Arms Transfers Database
  (module `sipri`);
- DIR/datapackage.json: the data dictionary of every file (module `dictionary`).

Every row carries where it came from (article, file, span, quote, and the extraction's prompt,
schema hash and model). Ids are hashes of what identifies a row and every list is sorted, so
the same extractions give byte-identical files, however many times and in whatever order
they were added. docs/dataset.md explains the dataset; datapackage.json is its dictionary.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel

from ..base.errors import ArmstraceError, InputError
from ..base.outdir import ARTICLES, article_files, read_extraction
from ..base.schema import ActorKind, ArticleExtraction
from ..extraction.load import read_article
from ..extraction.meta import Sidecar, fill, read_sidecar
from ..knowledge.gazetteer import GAZETTEER_PATH, load_gazetteer, name_key
from ..text.language import is_english
from ..text.dates import dateline
from .dictionary import write_dictionary
from .duplicates import DuplicateFinder
from .facts import ReadArticle, TextFacts, local_names, mention_count
from .resolve import NameForm, Resolver
from .rows import RowBuilder
from .sipri import write_transfers_csv
from .staging import Staging, staging
from .tables import Skipped, TextFrom, TransferRow
from .write import read_rows, write_dataset

__all__ = ["MergeResult", "merge_dataset"]


class MergeResult(BaseModel):
    """What a merge wrote."""

    out: str
    written: list[str]
    counts: dict[str, int]
    duplicates: int
    disputed: int
    skipped: list[Skipped]


def merge_dataset(out: Path, gazetteer: Path | None = None, meta: Path | None = None, bom: bool = False) -> MergeResult:
    """Merge every extraction in out/articles/ into out/dataset.json, tables/, .sqlite, transfers.csv.

    `gazetteer` is a user alias file read over the packaged one (it can override any join);
    `meta` a CSV or JSONL file of article metadata (module `meta`), which wins over what the
    extractions recorded; `bom` starts the CSV files with a UTF-8 byte order mark (Excel).
    A file that is not a readable extraction is skipped and listed in the result; no
    extraction at all is an InputError.
    """
    sidecar = read_sidecar(meta) if meta is not None else Sidecar({})
    files, folder = article_files(out), out / ARTICLES
    if not files:
        raise InputError(f"{folder}: no article extractions to merge", f"run 'armstrace extract ... --out {out}' first")
    with staging(out) as stage:
        first = _first_reading(files, stage, sidecar)
        if len(first.skipped) == len(files):
            raise InputError(f"{folder}: none of the {len(files)} files is an article extraction", first.skipped[0].reason)
        resolver = Resolver(load_gazetteer(gazetteer))
        resolver.resolve_names(first.names.forms())
        resolver.set_spellings(first.spellings.first())
        builder = RowBuilder(resolver, first.copies.clusters(), stage, first.names.records())
        for article in _second_reading(stage):
            builder.add(article)
        builder.settle()
        sources = [GAZETTEER_PATH, *([gazetteer] if gazetteer else [])]
        header = {
            "gazetteer_sha256": [hashlib.sha256(p.read_bytes()).hexdigest() for p in sources],
            "skipped": [s.model_dump() for s in first.skipped],
        }
        counts = write_dataset(out, header, builder.tables(), bom)
    write_transfers_csv(out / "transfers.csv", read_rows(out / "tables" / "transfers.jsonl", TransferRow), bom)
    write_dictionary(out, bom)
    return MergeResult(
        out=str(out), written=["dataset.json", "tables/", "dataset.sqlite", "transfers.csv", "datapackage.json"], counts=counts,
        duplicates=len(builder.duplicates), disputed=len(builder.disputed), skipped=first.skipped,
    )  # fmt: skip


# --------------------------------------------------------------------------- reading


def _text(extraction: ArticleExtraction) -> tuple[str, TextFrom]:
    """The article's text if its file is still there unchanged, else its quotes in order."""
    try:
        text = read_article(Path(extraction.article.source)).text
    except (ArmstraceError, ValueError):
        text = ""
    if text and hashlib.sha256(text.encode("utf-8")).hexdigest() == extraction.article.sha256:
        return text, "file"
    spans = {
        (e.start, e.quote)
        for items in (extraction.actors, extraction.weapons, extraction.figures, extraction.claims)
        for e in (item.evidence for item in items)
    }
    return "\n".join(quote for _, quote in sorted(spans)), "quotes"


class _NameForms:
    """Everything the extractions say under each folded actor name, as counts."""

    def __init__(self) -> None:
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.kinds: dict[str, Counter[ActorKind]] = defaultdict(Counter)
        self.mentions: dict[str, set[str]] = defaultdict(set)
        self.codes: dict[str, Counter[str]] = defaultdict(Counter)
        self.roles: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, extraction: ArticleExtraction) -> None:
        for actor in extraction.actors:
            key = name_key(actor.name)
            self.names[key][actor.name.strip()] += 1
            self.kinds[key][actor.kind] += 1
            self.mentions[key].update(actor.mentions)
            self.codes[key].update([actor.country_code] if actor.country_code else [])
            self.roles[key].update([actor.role] if actor.role else [])

    def forms(self) -> dict[str, NameForm]:
        return {
            key: NameForm(
                name=sorted(counts, key=lambda n: (-counts[n], n))[0], kinds=tuple(sorted(self.kinds[key].elements())),
                mentions=tuple(sorted(self.mentions[key])), country_codes=tuple(sorted(self.codes[key].elements())),
                roles=tuple(sorted(self.roles[key].elements())),
            )  # fmt: skip
            for key, counts in self.names.items()
        }

    def records(self) -> dict[str, int]:
        """Actor records per folded name."""
        return {key: counts.total() for key, counts in self.names.items()}


class _Spellings:
    """The first spelling of each party (supplier, recipient, speaker, subject) in the dataset.

    "First" is the order rows are built in: articles by id, weapons before claims, items in
    order, so that `Resolver.party` sees the same spelling first whatever order it is asked in.
    Parties the article's own actor list names are left out: they resolve as that actor.
    """

    def __init__(self) -> None:
        self._first: dict[str, tuple[tuple[int, str, int, int], str]] = {}

    def add(self, extraction: ArticleExtraction) -> None:
        local = local_names(extraction)
        article = extraction.article.id
        parties = [(0, n, w.supplier, w.recipient) for n, w in enumerate(extraction.weapons)]
        parties += [(1, n, c.speaker, c.subject) for n, c in enumerate(extraction.claims)]
        for phase, n, *texts in parties:
            for field, text in enumerate(texts):
                folded = name_key(text)
                if not folded or folded in local:
                    continue
                rank = (phase, article, n, field)
                if folded not in self._first or rank < self._first[folded][0]:
                    self._first[folded] = (rank, text.strip())

    def first(self) -> dict[str, str]:
        return {folded: text for folded, (_, text) in self._first.items()}


class _FirstReading:
    def __init__(self) -> None:
        self.skipped: list[Skipped] = []
        self.copies = DuplicateFinder()
        self.names = _NameForms()
        self.spellings = _Spellings()


def _facts(extraction: ArticleExtraction, text: str, text_from: TextFrom, sidecar: Sidecar) -> TextFacts:
    """The article's metadata (the sidecar's over the extraction's), report date and mention counts."""
    meta = fill(extraction.article.meta, sidecar.get(extraction.article.id, extraction.article.source))
    line = dateline(text) if text_from == "file" and not meta.published else None
    return TextFacts(
        meta=meta, published=meta.published or line, published_from="metadata" if meta.published else "dateline" if line else "",
        text_from=text_from, language="en" if is_english(text) else "es",
        mentions=[mention_count(text, [a.name, *a.mentions]) for a in extraction.actors],
    )  # fmt: skip


def _first_reading(files: Sequence[Path], stage: Staging, sidecar: Sidecar) -> _FirstReading:
    """Record every article, its copy signature, names and party spellings; skip bad files."""
    first = _FirstReading()
    for path in files:
        try:
            extraction = read_extraction(path)
        except InputError as e:
            first.skipped.append(Skipped(file=str(path), reason=e.message))
            continue
        article_id = extraction.article.id
        text, text_from = _text(extraction)
        if not stage.add_extraction(article_id, path, _facts(extraction, text, text_from, sidecar).model_dump_json()):
            first.skipped.append(Skipped(file=str(path), reason=f"{path}: article id {article_id} is already in another file"))
            continue
        first.copies.add(article_id, text)
        first.names.add(extraction)
        first.spellings.add(extraction)
    return first


def _second_reading(stage: Staging) -> Iterator[ReadArticle]:
    """The articles again, by id, each with what the first reading learnt of its text."""
    for _, path, facts in stage.extractions():
        yield ReadArticle(read_extraction(path), TextFacts.model_validate_json(facts))
