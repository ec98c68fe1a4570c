"""eval.md: an evaluation report a person reads to see what a prompt change broke or fixed."""

from __future__ import annotations

from ..base.schema import FIELDS
from .matching import MATCHES
from .results import EvalReport, PromptResult


def _f(value: float | int) -> str:
    return f"{float(value):.3f}"


def _scores_table(report: EvalReport) -> list[str]:
    base = report.baseline
    head = "| field | precision | recall | F1 |" + (" baseline F1 | Δ F1 |" if base else "")
    rule = "| --- | --- | --- | --- |" + (" --- | --- |" if base else "")
    rows = [head, rule]
    for f in FIELDS:
        m = report.current.micro[f]
        row = f"| {f} | {_f(m['precision'])} | {_f(m['recall'])} | {_f(m['f1'])} |"
        if base:
            row += f" {_f(base.micro[f]['f1'])} | {report.deltas[f]:+.3f} |"
        rows.append(row)
    return rows


def _both_rules(result: PromptResult) -> list[str]:
    rows = ["| field | " + " | ".join(f"{m} P | {m} R | {m} F1" for m in MATCHES) + " |",
            "| --- |" + " --- | --- | --- |" * len(MATCHES)]  # fmt: skip
    for f in FIELDS:
        cells = [_f(result.by_match[m][f][k]) for m in MATCHES for k in ("precision", "recall", "f1")]
        rows.append(f"| {f} | " + " | ".join(cells) + " |")
    return rows


def _attributes(result: PromptResult) -> list[str]:
    rows = ["| field | attribute | " + " | ".join(f"right on {m} pairs" for m in MATCHES) + " |",
            "| --- | --- |" + " --- |" * len(MATCHES)]  # fmt: skip
    for f in FIELDS:
        names = list(dict.fromkeys(n for m in MATCHES for n in result.attributes.get(m, {}).get(f, {})))
        for name in names:
            cells = []
            for m in MATCHES:
                t = result.attributes.get(m, {}).get(f, {}).get(name)
                accuracy = t["accuracy"] if t else None
                cells.append(f"{t['right']}/{t['total']} ({_f(accuracy)})" if t and accuracy is not None else "—")
            rows.append(f"| {f} | {name} | " + " | ".join(cells) + " |")
    return rows


def _per_article(result: PromptResult) -> list[str]:
    rows = ["| article | " + " | ".join(f"{f} F1" for f in FIELDS) + " |", "| --- |" + " --- |" * len(FIELDS)]
    for article, fields in result.articles.items():
        rows.append(f"| {article} | " + " | ".join(_f(fields[f]["f1"]) for f in FIELDS) + " |")
    return rows


def _stances(result: PromptResult) -> list[str]:
    predicted = sorted({p for row in result.stances.values() for p in row})
    if not predicted:
        return ["No claim was matched."]
    rows = ["| gold \\ predicted | " + " | ".join(predicted) + " |", "| --- |" + " --- |" * len(predicted)]
    for gold, row in result.stances.items():
        rows.append(f"| {gold} | " + " | ".join(str(row.get(p, 0)) for p in predicted) + " |")
    return rows


def _misses(result: PromptResult) -> list[str]:
    lines = []
    for article, misses in result.misses.items():
        lines.append(f"\n### {article}\n")
        for m in sorted(misses, key=lambda m: (m.field, m.kind, m.start)):
            why = f" — {m.reason}" if m.reason else ""
            lines.append(f"- {m.kind} {m.field}: {m.label}{why} — “{m.quote[:120]}” (@{m.start})")
    return lines or ["None."]


def render_markdown(report: EvalReport) -> str:
    """The whole report as Markdown."""
    current = report.current
    lines = [
        "# armstrace eval",
        "",
        f"Gold: `{report.gold}`; model: `{report.model}`; prompt: `{current.prompt}` (`{current.prompt_file}`)"
        + (f"; baseline: `{report.baseline.prompt}` (`{report.baseline.prompt_file}`)" if report.baseline else "")
        + ".",
        "",
        f"## Micro scores over all articles ({report.match} matching)",
        "",
        *_scores_table(report),
        "",
        f"Grounded items: {current.grounded_share:.1%}. Strategy: {current.strategy or 'not recorded'}. "
        f"Extraction time: {current.seconds:.1f} s, {current.seconds_per_article:.1f} s per article, "
        f"{current.calls} model calls (0 s and 0 calls when every answer came from the cache).",
    ]
    if current.party_kinds:
        kinds = ", ".join(f"{kind} {n}" for kind, n in current.party_kinds.items())
        lines += ["", f"Transfer parties by actor kind: {kinds}."]
    if events := current.weapon_events:
        lines += ["", f"Transfers as events (the gold's sentences folded by the extraction's rule, strict): "
                      f"{events['tp']} matched, {events['fp']} spurious, {events['fn']} missed; F1 {float(events['f1']):.3f}."]  # fmt: skip
    english, claims = current.english_claims
    if claims:
        lines += ["", f"Claims with English content: {english} of {claims}."]
    if current.failed:
        lines += ["", f"Articles with no extraction (counted as all missed): {', '.join(current.failed)}."]
    if report.min_f1 is not None:
        verdict = "below" if report.below_min else "at or above"
        lines += ["", f"Minimum F1 {report.min_f1}: {verdict}" + (f" ({', '.join(report.below_min)})." if report.below_min else ".")]
    lines += [
        "", "## Strict and loose matching", "",
        "Strict: speaker, stance and both parties are part of the match; loose: the span rules "
        "(docs/evaluation.md).", "", *_both_rules(current),
        "", "## Attribute accuracy on matched pairs", "", *_attributes(current),
        "", f"## Per article (F1, {report.match})", "", *_per_article(current),
        "", "## Claim stances on loosely matched claims", "", *_stances(current),
    ]  # fmt: skip
    if report.baseline is not None:
        lines += ["", "## Changes against the baseline", ""]
        lines += [
            f"- {c.article} {c.field}: {c.change}{f' ({c.detail})' if c.detail else ''}: {c.label} — “{c.quote[:120]}”"
            for c in report.changes
        ] or ["No gold item changed fate."]
    lines += ["", f"## Missed and spurious items ({report.match} matching)", *_misses(current), ""]
    return "\n".join(lines)
