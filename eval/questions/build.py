#!/usr/bin/env python3
"""Builds questions.jsonl from the hand-written question sources in source/.

Source format (one block per question, blocks separated by blank lines, '#' lines are comments):
    T <type>            fact | concept | paraphrase | english | multi | unanswerable
    R <report id>       optional; defaults to the file's "# report: <id>" header; "null" for none
    S <split>           optional; dev | test, defaults to the file's "# split: <split>" header; pins the split
    Q <question>
    E <evidence>        zero or more; an exact substring of the report, compared with whitespace removed

The script checks every evidence string against the corpus (fails if it is missing from the named report,
shorter than 8 or longer than 60 characters without whitespace, or found in more than 2 places in the
corpus), stores it as the source text with line-wrap newlines removed, numbers the questions in source
order and assigns the dev/test split at random with a fixed seed, stratified by type and report. Questions with
a pinned split (S tag or split header) keep it and take no part in the random assignment, so pinning new questions
leaves the split of every other question unchanged.

Usage: python3 eval/questions/build.py   (from the checkout root, or anywhere: paths are relative to this file)
"""
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
SOURCES = HERE / "source"
OUT = HERE / "questions.jsonl"

TYPES = ["fact", "concept", "paraphrase", "english", "multi", "unanswerable"]
SPLITS = ["dev", "test"]
SEED = 20240603
DEV_SHARE = 0.4
SOURCE_ORDER = ["super-ecosystems", "ceo-genai-guide", "enterprise-genai-market",
                "ai-infrastructure", "genai-compute-economics", "unanswerable", "fresh-dev"]


def squash(text):
    return re.sub(r"\s+", "", text)


def load_corpus():
    reports = {}
    for meta_path in sorted(CORPUS.glob("*.meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text = meta_path.with_name(meta_path.name.replace(".meta.json", ".txt")).read_text(encoding="utf-8")
        reports[meta["id"]] = text
    return reports


def squashed_index(text):
    """The text without whitespace, and for each of its characters the offset in the original text."""
    chars, offsets = [], []
    for offset, ch in enumerate(text):
        if not ch.isspace():
            chars.append(ch)
            offsets.append(offset)
    return "".join(chars), offsets


def is_wide(ch):
    return ord(ch) > 0x2E7F  # CJK, full-width punctuation and the like


def display_form(original):
    """Source text with line-wrap breaks removed: a whitespace run holding a newline disappears between
    two wide (CJK) characters and becomes one space otherwise; other whitespace is kept as is."""
    def fix(match):
        before = original[match.start() - 1] if match.start() > 0 else ""
        after = original[match.end()] if match.end() < len(original) else ""
        if not before or not after or (is_wide(before) and is_wide(after)):
            return ""
        return " "
    return re.sub(r"[ \t\u3000]*\n\s*", fix, original).strip()


def parse_sources():
    questions = []
    for name in SOURCE_ORDER:
        path = SOURCES / f"{name}.txt"
        default_report = None
        default_split = None
        block = {}

        def flush():
            if block:
                questions.append(dict(block, source=path.name))
                block.clear()

        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            header = re.match(r"#\s*report:\s*(\S+)", line)
            if header:
                default_report = header.group(1)
                continue
            split_header = re.match(r"#\s*split:\s*(\S+)", line)
            if split_header:
                default_split = split_header.group(1)
                continue
            if not line.strip():
                flush()
                continue
            if line.startswith("#"):
                continue
            tag, _, value = line.partition(" ")
            value = value.strip()
            if tag == "T":
                block["type"] = value
                block.setdefault("report", default_report)
                block.setdefault("split", default_split)
                block["line"] = line_no
                block["evidence"] = []
            elif tag == "R":
                block["report"] = None if value == "null" else value
            elif tag == "S":
                block["split"] = value
            elif tag == "Q":
                block["question"] = value
            elif tag == "E":
                block["evidence"].append(value)
            else:
                sys.exit(f"{path.name}:{line_no}: unknown tag {tag!r}")
        flush()
    return questions


def check_and_render(questions, reports):
    squashed = {rid: squashed_index(text) for rid, text in reports.items()}
    errors = []
    for q in questions:
        where = f"{q['source']}:{q['line']}"
        if q["type"] not in TYPES:
            errors.append(f"{where}: bad type {q['type']}")
        if q["split"] is not None and q["split"] not in SPLITS:
            errors.append(f"{where}: bad split {q['split']}")
        if q["report"] is not None and q["report"] not in reports:
            errors.append(f"{where}: unknown report {q['report']}")
        if (q["type"] == "unanswerable") != (not q["evidence"]):
            errors.append(f"{where}: unanswerable questions, and only they, have no evidence")
        rendered = []
        for evidence in q["evidence"]:
            needle = squash(evidence)
            if not 8 <= len(needle) <= 60:
                errors.append(f"{where}: evidence length {len(needle)} out of 8..60: {evidence}")
            places = sum(s.count(needle) for s, _ in squashed.values())
            if places > 2:
                errors.append(f"{where}: evidence occurs in {places} places: {evidence}")
            if q["report"] is None:
                errors.append(f"{where}: evidence needs a named report")
                continue
            flat, offsets = squashed[q["report"]]
            at = flat.find(needle)
            if at < 0:
                errors.append(f"{where}: evidence not in {q['report']}: {evidence}")
                continue
            start, end = offsets[at], offsets[at + len(needle) - 1] + 1
            shown = display_form(reports[q["report"]][start:end])
            assert squash(shown) == needle
            rendered.append(shown)
        q["evidence"] = rendered
    if errors:
        sys.exit("\n".join(errors))


def assign_splits(questions):
    """Per (type, report) group, shuffled with a fixed seed; dev counts follow the running total so each
    group and the whole set stay close to DEV_SHARE. Questions with a pinned split are left out entirely (not
    grouped, not counted), so the draws for the others do not depend on them."""
    rng = random.Random(SEED)
    groups = {}
    for q in questions:
        if q["split"] is None:
            groups.setdefault((q["type"], q["report"] or ""), []).append(q)
    seen = dev = 0
    for key in sorted(groups):
        members = groups[key][:]
        rng.shuffle(members)
        seen += len(members)
        dev_here = round(DEV_SHARE * seen) - dev
        for i, q in enumerate(members):
            q["split"] = "dev" if i < dev_here else "test"
        dev += dev_here


def main():
    reports = load_corpus()
    questions = parse_sources()
    check_and_render(questions, reports)
    for q in questions:
        q["pinned"] = q["split"] is not None
    assign_splits(questions)
    with OUT.open("w", encoding="utf-8") as out:
        for number, q in enumerate(questions, 1):
            record = {"id": f"q{number:03d}", "question": q["question"], "evidence": q["evidence"],
                      "type": q["type"], "report": q["report"], "split": q["split"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(questions)} questions -> {OUT.relative_to(ROOT)}")
    print("pinned split", dict(Counter(q["source"] for q in questions if q.get("pinned"))))
    for field in ("type", "report", "split"):
        print(field, dict(Counter(q[field] for q in questions)))
    print("type x split", dict(Counter((q["type"], q["split"]) for q in questions)))


if __name__ == "__main__":
    main()
