#!/usr/bin/env bash
# Benchmark of `aslmh check` over N generated profiles (default 10,000): wall time, profiles/s and
# peak resident memory for each output format, with a release build.
#   scripts/bench-check.sh [N] [FORMATS...]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shift || true
formats=${*:-text json sarif github}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 scripts/gen-profiles.py "$n" "$dir/profiles"
swift build -c release --product aslmh >/dev/null
bin=.build/release/aslmh
"$bin" check "$dir/profiles" --format json -o "$dir/warmup.json" >/dev/null 2>&1 || true
printf '%-8s %10s %12s %12s\n' format seconds profiles/s peak-MB
for f in $formats; do
  /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" check "$dir/profiles" --as-of 2026-11-25 --format "$f" -o "$dir/out.$f" >/dev/null 2>&1 || true
  read -r secs kb < <(tail -n 1 "$dir/time")
  python3 -c "import sys; s=float('$secs'); print('%-8s %10.2f %12.0f %12.1f' % ('$f', s, $n/s if s else 0, $kb/1024))"
done
# Determinism: two runs, byte-identical JSON.
"$bin" check "$dir/profiles" --as-of 2026-11-25 --format json -o "$dir/a.json" >/dev/null 2>&1 || true
"$bin" check "$dir/profiles" --as-of 2026-11-25 --format json -o "$dir/b.json" >/dev/null 2>&1 || true
cmp -s "$dir/a.json" "$dir/b.json" && echo "deterministic: identical JSON across runs" || { echo "NOT deterministic"; exit 1; }
