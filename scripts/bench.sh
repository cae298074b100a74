#!/usr/bin/env bash
# Benchmarks every hot path the issues name, with release builds:
#   1. Benchmarks/ (its own SwiftPM package, not part of the main build or CI): the aslmh-benchmarks
#      executable — swift-benchmark timings, then a "figures" block (Guard.check p50/p90/p99/max,
#      GuardScanner messages/s, 1 MB and pathological inputs, profile load+check and
#      ProfileRunner.stream profiles/s, peak memory), each with its target and PASS/FAIL;
#   2. `aslmh guard scan` itself over the same 100,000 generated JSONL lines, pinned to one core:
#      wall time, messages/s and peak resident memory;
#   3. scripts/bench-check.sh 10000 (end-to-end `aslmh check`).
#   scripts/bench.sh [swift-benchmark options, e.g. --filter guard --min-time 0.5]
# Sizes: ASLMH_BENCH_MESSAGES, ASLMH_BENCH_LINES, ASLMH_BENCH_PROFILES (see Benchmarks/Sources).
# Exit code 1 if any target was missed. Figures depend on machine load: check `uptime` first.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
echo "load: $(uptime)"
swift build -c release --package-path Benchmarks || exit 2
bench=Benchmarks/.build/release/aslmh-benchmarks

echo "== in-process benchmarks (Benchmarks/, aslmh-benchmarks)"
"$bench" "$@" || status=1

echo
echo "== aslmh guard scan, end to end (one core)"
swift build -c release --product aslmh >/dev/null || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ASLMH_BENCH_JSONL_OUT="$dir/messages.jsonl" "$bench"
lines=$(wc -l <"$dir/messages.jsonl")
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
"${pin[@]}" .build/release/aslmh guard scan "$dir/messages.jsonl" >/dev/null 2>&1 || true   # warm-up
/usr/bin/time -f "%e %M" -o "$dir/time" "${pin[@]}" .build/release/aslmh guard scan "$dir/messages.jsonl" >"$dir/out.jsonl" 2>/dev/null || true
read -r secs kb < <(tail -n 1 "$dir/time")
python3 - "$lines" "$secs" "$kb" <<'PY' || status=1
import sys
n, s, kb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
rate, mb = n / s if s else 0, kb / 1024
ok1, ok2 = rate >= 20000, mb <= 50
print(f"guard scan: {n} lines in {s:.2f} s = {rate:,.0f} messages/s  target >= 20,000/s  {'PASS' if ok1 else 'FAIL'}")
print(f"guard scan: peak RSS {mb:.1f} MB  target <= 50 MB  {'PASS' if ok2 else 'FAIL'}")
sys.exit(0 if ok1 and ok2 else 1)
PY
out_lines=$(wc -l <"$dir/out.jsonl")
[ "$out_lines" -eq "$lines" ] || { echo "guard scan wrote $out_lines lines for $lines"; status=1; }

echo
echo "== aslmh guard scan, one huge line each, fresh process (bounded time, peak RSS <= 50 MB)"
python3 - "$dir" <<'PY'
import json, os, sys
d = sys.argv[1]
sentences = ["I walked to the shop and bought bread.", "The meeting ran late again today.",
             "Sometimes I feel like there is no way out of this.", "My sister is visiting next week."]
big, i = [], 0
while sum(map(len, big)) < 1_000_000:
    big.append(sentences[i % len(sentences)]); i += 1
cases = {"1mb-message": " ".join(big), "kill-x200k": "kill " * 200_000,
         "k-i-l-l-x100k": "k i l l " * 100_000, "never-x150k": "never " * 150_000 + "want to die",
         "a-x1m": "a" * 1_000_000, "accents-x200k": "e" + "\u0301" * 200_000}
for name, text in cases.items():
    with open(os.path.join(d, name + ".jsonl"), "w") as f:
        f.write(json.dumps({"id": 1, "role": "user", "text": text}) + "\n")
PY
for name in 1mb-message kill-x200k k-i-l-l-x100k never-x150k a-x1m accents-x200k; do
  /usr/bin/time -f "%e %M" -o "$dir/time" .build/release/aslmh guard scan "$dir/$name.jsonl" >/dev/null 2>&1 || true
  read -r secs kb < <(tail -n 1 "$dir/time")
  python3 - "$name" "$secs" "$kb" <<'PY' || status=1
import sys
name, s, kb = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
ok = s <= 5 and kb / 1024 <= 50
print(f"{name:<15} {s:6.2f} s  peak {kb/1024:5.1f} MB  targets <= 5 s, <= 50 MB  {'PASS' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
PY
done

echo
echo "== aslmh check, end to end (scripts/bench-check.sh 10000)"
scripts/bench-check.sh 10000 || status=1
echo "load: $(uptime)"
exit $status
