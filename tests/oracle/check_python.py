"""Checks the native CLI (`rolehop sign --lines`) against the official Python SDKs.

Usage: python3 check_python.py WORK_DIR ROLEHOP_BINARY
Reads WORK_DIR/cases.jsonl, writes WORK_DIR/native.jsonl (the CLI's answers, for the Node side's
wasm == native check) and WORK_DIR/summary-python.json; prints counts and the first mismatches.
"""

import json
import os
import subprocess
import sys
from collections import defaultdict

import py_oracles
from report import Report


def run_cli(binary, cases):
    """One `rolehop sign --lines` process for every case; one answer line per request line."""
    stdin = "".join(case["text"] + "\n" for case in cases)
    proc = subprocess.run([binary, "sign", "--lines"], input=stdin.encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"{binary} sign --lines exited with {proc.returncode}: {proc.stderr.decode()}")
    # Split on \n only: answers may hold U+2028 and other characters str.splitlines() splits on.
    lines = proc.stdout.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(cases):
        sys.exit(f"expected {len(cases)} answer lines from the CLI, got {len(lines)}")
    return lines


def compare_stages(report, case, oracle, sdk, core):
    """One check per (case, oracle): every stage the SDK exposes must equal the core's."""
    if "error" in core:
        report.fail(case, oracle, "result", json.dumps(core["error"], ensure_ascii=False), "a signature")
        return
    for stage, expected in sdk.items():
        if stage == "url":
            got, expected = py_oracles.split_url(core["url"]), py_oracles.split_url(expected)
        else:
            got = core.get(stage)
        if expected is None:  # never let a missing SDK value compare equal to a missing core value
            report.fail(case, oracle, stage, got, "(the SDK gave no value)")
            return
        if got != expected:
            report.fail(case, oracle, stage, got, expected)
            return
    report.ok(case, oracle)


def check_error(report, case, core, oracle):
    expect = case["expect"]
    err = core.get("error") if isinstance(core, dict) and len(core) == 1 else None
    if not isinstance(err, dict):
        report.fail(case, oracle, "result", core, {"error": expect})
        return
    got = {"kind": err.get("kind"), "path": err.get("path")}
    want = {"kind": expect["kind"], "path": expect["path"]}
    if expect.get("position"):
        got["line:column"] = isinstance(err.get("line"), int) and isinstance(err.get("column"), int)
        want["line:column"] = True
    if got != want or not err.get("message"):
        report.fail(case, oracle, "error", got, want)
        return
    report.ok(case, oracle)


def main():
    work_dir, binary = sys.argv[1], sys.argv[2]
    with open(os.path.join(work_dir, "cases.jsonl"), encoding="utf-8") as f:
        cases = [json.loads(line) for line in f]
    answers = run_cli(binary, cases)
    with open(os.path.join(work_dir, "native.jsonl"), "w", encoding="utf-8") as f:
        f.write("".join(a + "\n" for a in answers))

    report = Report("python (native CLI)")
    skipped = defaultdict(int)
    for case, answer in zip(cases, answers):
        core = json.loads(answer)
        algo = case["algo"]
        if algo == "invalid":
            check_error(report, case, core, "contract errors")
            continue
        if case.get("only", "python") != "python":
            skipped[case["why"]] += 1
            continue
        if algo == "post-policy":
            continue  # no Python SDK signs PostObject policies; checked against ali-oss
        req = json.loads(case["text"])
        try:
            if algo == "rpc":
                results = py_oracles.rpc(req)
            elif algo == "oss":
                results = py_oracles.oss_header(req)
            else:
                results = py_oracles.oss_presign(req, case["now"])
        except Exception as e:  # an SDK refusing a valid request is a finding too
            report.fail(case, "SDK adapter", "exception", core, repr(e))
            continue
        for oracle, sdk in results.items():
            compare_stages(report, case, oracle, sdk, core)
    for why, n in skipped.items():
        print(f"  not checked against Python: {n} cases ({why})")
    report.finish(os.path.join(work_dir, "summary-python.json"))


if __name__ == "__main__":
    main()
