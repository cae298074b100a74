#!/usr/bin/env python3
"""Retrains the guard's statistical layer from the committed corpus into a temporary folder and
checks that the result is the committed model: the same metadata, features and examples, and every
weight within one unit of 1/10,000 (the last digit may differ where floating-point rounding on a
different CPU lands on the other side of a half).

Usage: scripts/check-guard-model.py [--aslmh PATH]   (exit 1 on a mismatch)
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "lexicons/model")

def tables(folder, model):
    out = {}
    for role, r in model["roles"].items():
        rows = {}
        with open(os.path.join(folder, r["weights"]), encoding="utf-8") as f:
            for line in f:
                name, _, values = line.rstrip("\n").partition("\t")
                rows[name] = [int(v) for v in values.split(" ")]
        out[role] = rows
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aslmh", default=os.path.join(ROOT, ".build/debug/aslmh"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "guard-model.json")
        subprocess.check_call([sys.executable, os.path.join(ROOT, "scripts/train-guard-model.py"), "--aslmh", args.aslmh, "--out", out])
        committed = json.load(open(os.path.join(MODEL, "guard-model.json"), encoding="utf-8"))
        fresh = json.load(open(out, encoding="utf-8"))
        problems = []
        if committed.get("schema") != fresh.get("schema"):
            problems.append("'schema' differs")
        # The cross-validation record is optional (--cv) and not recomputed here.
        strip = lambda t: {k: v for k, v in (t or {}).items() if k != "crossValidation"}
        if strip(committed.get("training")) != strip(fresh.get("training")):
            problems.append("'training' differs (corpus or settings changed without retraining?)")
        for role in committed["roles"]:
            a, b = committed["roles"][role], fresh["roles"][role]
            for key in ("heads", "thresholds", "groups", "weightScale"):
                if a.get(key) != b.get(key): problems.append(f"roles.{role}.{key} differs")
            if any(abs(x - y) > 1e-4 for x, y in zip(a["bias"], b["bias"])): problems.append(f"roles.{role}.bias differs")
        ca, fa = tables(MODEL, committed), tables(tmp, fresh)
        for role in ca:
            if set(ca[role]) != set(fa[role]):
                problems.append(f"{role}: features differ ({len(set(ca[role]) ^ set(fa[role]))} not in both)")
                continue
            off = sum(1 for f in ca[role] if any(abs(x - y) > 1 for x, y in zip(ca[role][f], fa[role][f])))
            if off: problems.append(f"{role}: {off} features with weights off by more than one unit")
        for e1, e2 in zip(committed.get("examples", []), fresh.get("examples", [])):
            if e1["text"] != e2["text"] or any(abs(e1["probabilities"][h] - e2["probabilities"][h]) > 2e-3 for h in e1["probabilities"]):
                problems.append(f"example differs: {e1['text']!r}")
        if problems:
            print("the committed guard model is not what the committed corpus trains:", *problems, sep="\n  ")
            sys.exit(1)
        print(f"guard model reproduced from the corpus: {sum(len(t) for t in fa.values())} features match")

if __name__ == "__main__":
    main()
