#!/usr/bin/env bash
# Renders the example portfolio's reviewer report (HTML) to PNG with headless Chromium, to check
# that the self-contained report renders in a real browser. Not part of .ci/run.
#
#   scripts/render-report.sh [OUT_DIR]      (default: .build-report)
#
# Installs Debian's chromium with apt-get when it is missing (needs root). Exits non-zero when
# the build, the report, Chromium or the PNG fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-report}"
mkdir -p "$out"
as_of="${AS_OF:-2026-11-25}"

if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium not found; installing Debian's chromium" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

swift build --scratch-path "${SCRATCH:-.build-report-build}" --product aslmh >&2
bin="$(swift build --scratch-path "${SCRATCH:-.build-report-build}" --show-bin-path)/aslmh"

# The report exits 0 whatever the gate decision; 2 only on an input error.
"$bin" report profiles --approvals governance/approvals.yaml --waivers governance/waivers.yaml \
    --as-of "$as_of" --format html -o "$out/report.html"

html="$(cd "$out" && pwd)/report.html"
png="$(cd "$out" && pwd)/report.png"
rm -f "$png"
# --virtual-time-budget lets layout settle; the report has no scripts and fetches nothing.
log="$out/chromium.log"
if ! chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-background-networking --virtual-time-budget=2000 \
        --window-size=1280,"${HEIGHT:-4200}" --screenshot="$png" "file://$html" >"$log" 2>&1; then
    cat "$log" >&2
    echo "render-report: chromium failed" >&2
    exit 1
fi
if [ ! -s "$png" ]; then
    cat "$log" >&2
    echo "render-report: no PNG was written" >&2
    exit 1
fi
# A real PNG starts with the 8-byte signature 89 50 4E 47 0D 0A 1A 0A.
if [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "render-report: $png is not a PNG" >&2
    exit 1
fi
echo "rendered $html -> $png ($(wc -c <"$png") bytes)"
