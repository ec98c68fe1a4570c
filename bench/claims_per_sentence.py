"""How many claims code finds in each sentence, against how many the gold has there, from the
records `bench/records.py` writes.

    python bench/claims_per_sentence.py RECORDS GOLD_DIR...            # one commit
    python bench/claims_per_sentence.py BEFORE AFTER GOLD_DIR...       # two commits

With one records folder: how many gold claims stand in sentences where code finds fewer claim
candidates than the gold has claims (a compound statement kept as one, say), and how many
candidates stand in sentences beyond the gold's count. With two (two folders named like the
records of two commits): the sentences whose count changed, each closer to the gold's or
further from it. A verb that only relays another's claim is not counted; an article counts
only where a gold file of the same name is in one of the GOLD_DIRs.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path


def counts(records: Path) -> dict[str, Counter[int]]:
    """Per article, the claim candidates code found per sentence start."""
    found: dict[str, Counter[int]] = {}
    for path in sorted(records.glob("*.txt")):
        per = Counter[int]()
        for line in path.read_text(encoding="utf-8").splitlines():
            if (m := re.match(r"@(\d+)\t", line)) is not None and "\trelays=False\t" in line:
                per[int(m.group(1))] += 1
        found[path.stem] = per
    return found


def gold_counts(article: str, gold_dirs: list[Path]) -> Counter[int] | None:
    """The gold's claims per sentence start, or None where no gold file is found."""
    for folder in gold_dirs:
        if (path := folder / f"{article}.json").exists():
            gold = json.loads(path.read_text(encoding="utf-8"))
            return Counter(c["evidence"]["start"] for c in gold["claims"])
    return None


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv]
    records = [f for f in folders[:2] if any(f.glob("*.txt"))]
    gold_dirs = folders[len(records) :]
    if not records or not gold_dirs:
        sys.exit("usage: python bench/claims_per_sentence.py RECORDS [RECORDS_AFTER] GOLD_DIR...")
    before = counts(records[0])
    if len(records) == 1:
        fewer = extra = 0
        for article, found in before.items():
            if (gold := gold_counts(article, gold_dirs)) is None:
                continue
            fewer += sum(n - found[s] for s, n in gold.items() if found[s] < n)
            extra += sum(n - gold[s] for s, n in found.items() if n > gold[s])
        print(f"gold claims beyond code's count in their sentence: {fewer}; candidates beyond the gold's: {extra}")
        return
    after = counts(records[1])
    closer = further = same = 0
    for article in sorted(set(before) & set(after)):
        if (gold := gold_counts(article, gold_dirs)) is None:
            continue
        for start in sorted(set(before[article]) | set(after[article])):
            old, new, want = before[article][start], after[article][start], gold[start]
            if old == new:
                continue
            change = abs(new - want) - abs(old - want)
            closer, further, same = closer + (change < 0), further + (change > 0), same + (change == 0)
            print(f"{'closer' if change < 0 else 'further' if change > 0 else 'as far'}\t{article}\t@{start}\t{old} -> {new} (gold {want})")
    print(f"sentences whose count changed: {closer} closer to the gold, {further} further, {same} as far")


if __name__ == "__main__":
    main(sys.argv[1:])
