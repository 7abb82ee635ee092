"""Check event-corpus files: ``python scripts/check_corpus.py corpora/events/batch-*.jsonl``.

Prints every invalid record (file:line: reasons) and a count per primary type.
Exit code 1 when something is invalid.
"""

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gaiko.learn.corpus import check_record  # noqa: E402


def main(paths: list[str]) -> int:
    bad = 0
    types: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for p in paths:
        for n, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{p}:{n}: invalid JSON ({exc.msg})")
                bad += 1
                continue
            errs = check_record(r)
            key = " ".join(str(r.get("text", "")).lower().split()) if isinstance(r, dict) else ""
            if key in texts:
                errs.append(f"duplicate text (also {texts[key]})")
            texts[key] = f"{p}:{n}"
            if errs:
                bad += 1
                print(f"{p}:{n}: {'; '.join(errs)}")
                continue
            types[r["events"][0]["type"] if r["events"] else "NONE"] += 1
    for t, c in sorted(types.items()):
        print(f"{t:10s} {c}")
    print(f"total valid {sum(types.values())}, invalid {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
