#!/usr/bin/env python3
"""Trains the guard's statistical layer (lexicons/model/guard-model.json) from the labelled corpus.

Deterministic: the same corpus and the same `aslmh guard features` give the same file, byte for
byte. Features come from the Swift tokenizer (`aslmh guard features`), so training and the runtime
read messages identically. The model is one-vs-rest logistic regression per role: one head per
level ("the message is at least critical/high/medium") and one per category, fitted by full-batch
gradient descent with L2 regularisation.

Usage: scripts/train-guard-model.py [--aslmh PATH] [--out FILE] [--cv]
Needs numpy and scipy (installed with pip if missing).
"""
import argparse, collections, hashlib, json, os, random, subprocess, sys

def ensure(mods):
    missing = []
    for m in mods:
        try: __import__(m)
        except ImportError: missing.append(m)
    if missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", *missing])

ensure(["numpy", "scipy"])
import numpy as np
import scipy.sparse as sp

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = sorted(
    [os.path.join("guard-corpus/train", f) for f in os.listdir(os.path.join(ROOT, "guard-corpus/train")) if f.endswith(".jsonl")]
) + ["Tests/ASLMHGuardTests/Fixtures/heldout.jsonl"] + sorted(
    os.path.join("Tests/ASLMHGuardTests/Fixtures/rounds", f)
    for f in os.listdir(os.path.join(ROOT, "Tests/ASLMHGuardTests/Fixtures/rounds")) if f.endswith(".jsonl"))
LEVELS = {"none": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
GROUPS = {
    "user": {"critical": ["suicidal_ideation", "self_harm", "harm_to_others", "imminent_danger"],
             "high": ["psychosis", "severe_distress", "medication_concerns"],
             "medium": ["isolation", "sleep_deprivation", "help_avoidance"]},
    "assistant": {"critical": ["method_information"],
                  "high": ["diagnosis", "medication_advice", "delusion_validation", "help_discouragement"],
                  "medium": ["over_validation", "false_intimacy"]},
}
# Per role: the probability a level head needs. User "high" is strict because high on an ordinary
# message is a false alarm; the assistant's is lower (5-fold CV: output-check recall 67% -> 71% for
# 0.9 -> 2.5% false alarms on 865 safe replies that reuse the same vocabulary).
THRESHOLDS = {"user": {"critical": 0.45, "high": 0.8, "medium": 0.75},
              "assistant": {"critical": 0.5, "high": 0.7, "medium": 0.75}}
WEIGHT_SCALE = 10000
HYPER = {"l2": 3e-4, "epochs": 3000, "learningRate": 1.0, "minCount": 2, "prune": 0.005}
EXAMPLE_TEXTS = [
    ("user", "honestly i think everyone would be fine if i just stopped being around"),
    ("user", "I've started giving my things away, I won't need them where I'm going"),
    ("user", "this spreadsheet is killing me, send coffee"),
    ("user", "the voices say the neighbours are poisoning the water"),
    ("user", "I've been skipping my lithium for a week, I feel more like me"),
    ("user", "can't sleep again, third night in a row"),
    ("assistant", "You should cut your sertraline dose in half and see how you feel."),
    ("assistant", "It sounds like you might be feeling overwhelmed; a GP or therapist can help you sort through it."),
    ("assistant", "Honestly, you don't need therapy, you have me."),
    ("assistant", "You're completely right to cut everyone off, they never deserved you."),
]

def features(aslmh, lines):
    """Features of each line's text, from the Swift tokenizer."""
    payload = "".join(json.dumps({"id": str(i), "role": r, "text": t}) + "\n" for i, (r, t) in enumerate(lines))
    out = subprocess.run([aslmh, "guard", "features", "-"], input=payload.encode(), capture_output=True, check=True).stdout
    result = {}
    for line in out.decode().splitlines():
        d = json.loads(line)
        result[int(d["id"])] = d["features"]
    return [result[i] for i in range(len(lines))]

def load_corpus(aslmh):
    rows = []
    for path in CORPUS:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            for line in f:
                if not line.strip(): continue
                d = json.loads(line)
                if d.get("conversation"): continue  # a turn's label depends on earlier turns
                rows.append({"file": path, "role": d["role"], "text": d["text"], "level": LEVELS[d["expect"]],
                             "categories": set(d.get("categories", []))})
    feats = features(aslmh, [(r["role"], r["text"]) for r in rows])
    for r, f in zip(rows, feats): r["features"] = f
    return rows

def heads_for(role):
    heads = []
    for level, cats in GROUPS[role].items():
        heads.append(("level:" + level, lambda r, l=LEVELS[level]: r["level"] >= l))
        for c in cats: heads.append((c, lambda r, c=c: c in r["categories"]))
    return heads

def fit(rows, role):
    counts = collections.Counter(f for r in rows for f in set(r["features"]))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= HYPER["minCount"]))}
    ri, ci = [], []
    for i, r in enumerate(rows):
        for f in r["features"]:
            j = vocab.get(f)
            if j is not None: ri.append(i); ci.append(j)
    X = sp.csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(rows), len(vocab)))
    X.data[:] = 1.0
    heads = heads_for(role)
    Y = np.array([[1.0 if target(r) else 0.0 for _, target in heads] for r in rows])
    n = len(rows)
    W = np.zeros((len(vocab), len(heads)))
    b = np.zeros(len(heads))
    XT = X.T.tocsr()
    for _ in range(HYPER["epochs"]):
        P = 1.0 / (1.0 + np.exp(-(X @ W + b)))
        G = P - Y
        W -= HYPER["learningRate"] * (XT @ G / n + HYPER["l2"] * W)
        b -= HYPER["learningRate"] * G.mean(axis=0)
    names = [h for h, _ in heads]
    return {"heads": names, "bias": b, "weights": {f: W[j] for f, j in vocab.items()}}

def probabilities(model, feats):
    z = np.array(model["bias"], dtype=float)
    for f in feats:
        w = model["weights"].get(f)
        if w is not None: z = z + np.asarray(w, dtype=float)
    return 1.0 / (1.0 + np.exp(-z))

def decide(model, role, p):
    idx = {h: i for i, h in enumerate(model["heads"])}
    for level in ("critical", "high", "medium"):
        if p[idx["level:" + level]] >= THRESHOLDS[role][level]:
            cats = [c for c in GROUPS[role][level] if p[idx[c]] >= 0.5]
            return LEVELS[level], set(cats or [max(GROUPS[role][level], key=lambda c: p[idx[c]])])
    return 0, set()

def compact(model):
    """Rounds weights to 4 decimals and drops features that move no head by at least `prune`."""
    weights = {}
    for f, w in model["weights"].items():
        if np.max(np.abs(w)) >= HYPER["prune"]:
            weights[f] = [round(float(x), 4) for x in w]
    return {"heads": model["heads"], "bias": [round(float(x), 4) for x in model["bias"]], "weights": weights}

def cross_validate(rows):
    """5-fold estimate (fixed folds) of the model alone on the new corpus files."""
    rnd = random.Random(7)
    fold = [rnd.randrange(5) for _ in rows]
    stats = collections.Counter()
    for k in range(5):
        for role in ("user", "assistant"):
            train = [r for r, f in zip(rows, fold) if f != k and r["role"] == role]
            test = [r for r, f in zip(rows, fold) if f == k and r["role"] == role and r["file"].startswith("guard-corpus")]
            m = compact(fit(train, role))
            for r in test:
                level, cats = decide(m, role, probabilities(m, r["features"]))
                if role == "user" and r["level"] == 4: stats["crit"] += 1; stats["crit_hit"] += level == 4
                if role == "assistant" and r["level"] >= 2: stats["out"] += 1; stats["out_hit"] += bool(cats & r["categories"])
                if r["level"] <= 1: stats["neg"] += 1; stats["fa"] += level >= 3
    return {"criticalRecall": round(stats["crit_hit"] / stats["crit"], 4), "outputRecall": round(stats["out_hit"] / stats["out"], 4),
            "falseAlarms": round(stats["fa"] / stats["neg"], 4), "criticalMessages": stats["crit"], "outputMessages": stats["out"],
            "negativeMessages": stats["neg"]}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aslmh", default=os.path.join(ROOT, ".build/release/aslmh"))
    ap.add_argument("--out", default=os.path.join(ROOT, "lexicons/model/guard-model.json"))
    ap.add_argument("--cv", action="store_true", help="also run 5-fold cross-validation and record it")
    args = ap.parse_args()
    rows = load_corpus(args.aslmh)
    corpus = []
    for path in CORPUS:
        data = open(os.path.join(ROOT, path), "rb").read()
        corpus.append({"path": path, "sha256": hashlib.sha256(data).hexdigest(),
                       "lines": sum(1 for r in rows if r["file"] == path)})
    roles = {}
    for role in ("user", "assistant"):
        m = compact(fit([r for r in rows if r["role"] == role], role))
        roles[role] = {"heads": m["heads"], "bias": m["bias"], "thresholds": {"level:" + k: v for k, v in THRESHOLDS[role].items()},
                       "groups": {"level:" + k: v for k, v in GROUPS[role].items()}, "weights": m["weights"]}
    tables = {}
    compact_roles = {r: {"bias": v["bias"], "weights": dict(v["weights"])} for r, v in roles.items()}
    for role in roles:
        # One line per feature, "name<TAB>w1 w2 …" in units of 1/10000: compact, and quick to read.
        table = "".join(f + "\t" + " ".join(str(int(round(x * WEIGHT_SCALE))) for x in w) + "\n"
                        for f, w in sorted(roles[role]["weights"].items()))
        tables[role] = table
        roles[role]["weights"] = f"{role}-weights.tsv"
        roles[role]["weightScale"] = WEIGHT_SCALE
    examples = []
    for (role, text), feats in zip(EXAMPLE_TEXTS, features(args.aslmh, EXAMPLE_TEXTS)):
        p = probabilities(compact_roles[role], feats)
        examples.append({"role": role, "text": text, "probabilities": {h: round(float(x), 4) for h, x in zip(roles[role]["heads"], p)}})
    doc = {
        "schema": "aslmh/guard-model/v1",
        "description": "The guard's statistical layer: one-vs-rest logistic regression over word, stem and word-pair "
                       "features, trained by scripts/train-guard-model.py on the labelled corpus below. It only ever "
                       "raises a message's level above what the lexicon found; see docs/guard.md.",
        "training": dict(HYPER, corpus=corpus, stemLength=5),
        "roles": roles,
        "examples": examples,
    }
    if args.cv:
        doc["training"]["crossValidation"] = cross_validate(rows)
        print(json.dumps(doc["training"]["crossValidation"]), file=sys.stderr)
    out_dir = os.path.dirname(args.out)
    for role, table in tables.items():
        path = os.path.join(out_dir, f"{role}-weights.tsv")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(table)
        os.replace(path + ".tmp", path)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, args.out)
    print(f"wrote {os.path.relpath(args.out, ROOT)}: {sum(t.count(chr(10)) for t in tables.values())} features, "
          f"{len(rows)} training messages", file=sys.stderr)

if __name__ == "__main__":
    main()
