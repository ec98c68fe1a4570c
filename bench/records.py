"""What code decides about articles before any model call, one text file per article, so that two
commits can be compared record by record with `diff -r`.

    python bench/records.py OUT ARTICLE...      # e.g. seeds/*.txt bench/fresh/f*.txt

Each claim candidate is written with its sentence's offset, its reporting words, the stance code
gives it, the span of its speaker and its statement; then the article's actor candidates. A rule
that changes nothing here changes no request and no record, so the model's answers cached for
the articles score the same; the articles it does change are the ones to evaluate again
(docs/quality.md names them for each rule). Run it from two checkouts into two folders:

    python bench/records.py /tmp/before seeds/*.txt            # at the commit before
    python bench/records.py /tmp/after seeds/*.txt             # at the change
    diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import sys
from pathlib import Path

from armstrace.extraction.candidates import find_candidates
from armstrace.extraction.speakers import attach_speakers
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer


def records(text: str) -> list[str]:
    """One line per claim candidate, then one line listing the actor candidates."""
    cues, gazetteer = load_cues(), load_gazetteer()
    found = find_candidates(text, cues, gazetteer)
    lines = []
    for c in attach_speakers(found["claims"], found["actors"], text, cues):
        statement = text[c.statement.start : c.statement.end] if c.statement else ""
        speaker = c.speaker.text if c.speaker else "-"
        lines.append(f"@{c.sentence.start}\t{c.span.text!r}\t{c.cue}\tspeaker={speaker}\trelays={c.relays}\tstatement={statement!r}")
    lines.append("actors\t" + " | ".join(a.span.text for a in found["actors"]))
    return lines


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit("usage: python bench/records.py OUT ARTICLE...")
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name in argv[1:]:
        path = Path(name)
        (out / f"{path.stem}.txt").write_text("\n".join(records(path.read_text(encoding="utf-8"))) + "\n", encoding="utf-8")
    print(f"{len(argv) - 1} articles written to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
