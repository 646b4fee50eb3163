"""Fuzz driver: many mutations of the real records, each checked like the property test does.

    python benchmarks/fuzz_mutations.py --seed 1 --count 5000 [--tei-all ../shared/tei/tei_all.rng]
                                        [--failures FILE.jsonl] [--start 0]

The property test (tests/test_properties.py, ``mutated``) draws a few dozen mutations
through hypothesis; this driver draws thousands, reproducibly: mutation ``i`` of seed
``s`` is made by ``random.Random(f"{s}-{i}")`` (the record, the number of steps and the
steps), so a failure is replayed from its two numbers alone (``--start i --count 1``).

For every mutation it counts:

- refused: the encoder refused the input with one line (empty, binary);
- invalid (raw): any error of the project's validator, the issue's original measure;
- invalid (encoding): the errors the property test counts, i.e. less those that report
  the source rather than the encoding (a footnote mark printed twice, a damaged call);
- lost words, and tei_all errors (with ``--tei-all``).

Each failing mutation is written as one JSON line (seed, index, record, the first
errors, the mutated text) to ``--failures``. A tool, not a test: it never fails.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from lxml import etree  # noqa: E402

from accounting import lost_words  # noqa: E402
from strategies import REAL_RECORDS, mutate, record_text  # noqa: E402
from tei_encoder.pipeline import encode_bytes  # noqa: E402
from tei_encoder.source import SourceError  # noqa: E402
from tei_encoder.validate import Severity, Validator  # noqa: E402
from test_properties import DAMAGED_CALL, SOURCE_DEFECTS  # noqa: E402


def mutation(seed: int, index: int, texts: dict[Path, str]) -> tuple[Path, str]:
    chooser = random.Random(f"{seed}-{index}")
    path = chooser.choice(REAL_RECORDS)
    return path, mutate(texts[path], chooser, chooser.randint(1, 12))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--tei-all", type=Path, help="also validate against this tei_all.rng")
    parser.add_argument("--failures", type=Path, help="append each failing mutation here as a JSON line")
    args = parser.parse_args(argv)
    texts = {path: record_text(path) for path in REAL_RECORDS}
    validator = Validator()
    tei_all = etree.RelaxNG(etree.parse(str(args.tei_all))) if args.tei_all else None
    counts: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    started = time.process_time()
    for index in range(args.start, args.start + args.count):
        if counts["mutations"] and counts["mutations"] % 500 == 0:  # a run stopped early still tells its counts
            print(json.dumps(dict(counts, seed=args.seed, next=index)), file=sys.stderr, flush=True)
        path, text = mutation(args.seed, index, texts)
        counts["mutations"] += 1
        data = text.encode()
        try:
            tei = encode_bytes(data)
        except SourceError:
            counts["refused"] += 1
            continue
        errors = [d for d in validator.validate_bytes(tei, "mutated.xml") if d.severity is Severity.ERROR]
        excused = SOURCE_DEFECTS | ({"TE-CHAR-001", "TE-CHAR-001-at"} if DAMAGED_CALL.search(text) else set())
        counted = [d for d in errors if d.rule not in excused]
        lost = lost_words(data, tei)
        schema_errors: list[str] = []
        if tei_all is not None and not tei_all.validate(etree.fromstring(tei)):
            schema_errors = [f"line {e.line}: {e.message}" for e in list(tei_all.error_log)[:3]]
        counts["invalid (raw)"] += bool(errors)
        counts["invalid (encoding)"] += bool(counted)
        counts["lost words"] += bool(lost)
        counts["tei_all errors"] += bool(schema_errors)
        if counted or lost or schema_errors:
            counts["failing"] += 1
            for d in counted:
                causes[d.rule] += 1
            causes.update("tei_all" for _ in schema_errors[:1])
            if args.failures:
                with args.failures.open("a", encoding="utf-8") as out:
                    out.write(json.dumps({"seed": args.seed, "index": index, "record": path.name,
                                          "errors": [d.one_line() for d in counted[:3]], "tei_all": schema_errors,
                                          "lost": sorted(lost)[:10] if lost else [], "text": text},
                                         ensure_ascii=False) + "\n")
    summary = dict(counts, seed=args.seed, start=args.start, cpu_seconds=round(time.process_time() - started, 1),
                   causes=dict(causes.most_common()))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
