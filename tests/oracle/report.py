"""Counting and printing of oracle checks (one check = one case against one oracle)."""

import json
from collections import OrderedDict

SHOW_IN_FULL = 10


class Report:
    def __init__(self, side):
        self.side = side
        self.counts = OrderedDict()  # (algo, oracle) -> [passed, failed]
        self.mismatches = []

    def _count(self, case, oracle):
        return self.counts.setdefault((case["algo"], oracle), [0, 0])

    def ok(self, case, oracle):
        self._count(case, oracle)[0] += 1

    def fail(self, case, oracle, stage, got, expected):
        self._count(case, oracle)[1] += 1
        self.mismatches.append({"id": case["id"], "oracle": oracle, "stage": stage, "core": got,
                                "sdk": expected, "request": case["text"]})

    def finish(self, summary_path):
        print(f"{self.side}:")
        for (algo, oracle), (passed, failed) in self.counts.items():
            print(f"  {algo:<12} vs {oracle:<27} {passed:>6} passed {failed:>4} failed")
        for m in self.mismatches[:SHOW_IN_FULL]:
            print(f"MISMATCH {m['id']} vs {m['oracle']}, stage {m['stage']}:")
            print(f"  core: {json.dumps(m['core'], ensure_ascii=False)}")
            print(f"  sdk:  {json.dumps(m['sdk'], ensure_ascii=False)}")
            print(f"  request: {m['request']}")
        if len(self.mismatches) > SHOW_IN_FULL:
            print(f"... and {len(self.mismatches) - SHOW_IN_FULL} more mismatches")
        passed = sum(p for p, _ in self.counts.values())
        failed = sum(f for _, f in self.counts.values())
        with open(summary_path, "w") as f:
            json.dump({"side": self.side, "passed": passed, "failed": failed}, f)
