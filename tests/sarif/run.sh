#!/usr/bin/env bash
# statlint's SARIF, validated against the official SARIF 2.1.0 JSON schema
# (OASIS, as shipped in the serde-sarif package on crates.io, checked by
# its SHA-256) and Microsoft's 2.1.0-rtm.5 schema (in @microsoft/jest-sarif
# on npm, when npm is there), with Python's jsonschema.
#
# Usage: tests/sarif/run.sh [path/to/statlint]
# Needs python3 (venv), curl; downloads into target/ci-sarif.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/target/debug/statlint}"
[ -x "$bin" ] || { echo "no statlint binary at $bin" >&2; exit 1; }
cache="$here/target/ci-sarif"
mkdir -p "$cache"

official="$cache/sarif-schema-2.1.0.json"
official_sha=af47e7b67f24efe74076621fd3a5fbe7398add9e84fe820c971219a385895cea
if [ ! -f "$official" ]; then
  curl -fsSL -o "$cache/serde-sarif.crate" \
    https://static.crates.io/crates/serde-sarif/serde-sarif-0.8.0.crate
  tar -xzf "$cache/serde-sarif.crate" -C "$cache" serde-sarif-0.8.0/src/schema.json
  mv "$cache/serde-sarif-0.8.0/src/schema.json" "$official"
fi
echo "$official_sha  $official" | sha256sum -c --quiet -

schemas=("$official")
rtm5="$cache/sarif-2.1.0-rtm.5.json"
if [ ! -f "$rtm5" ] && command -v npm >/dev/null; then
  (cd "$cache" && npm pack -q @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 \
    && tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json \
    && mv package/lib/schemas/sarif-2.1.0-rtm.5.json "$rtm5") \
    || echo "npm pack failed: validating against the OASIS schema only"
fi
[ -f "$rtm5" ] && schemas+=("$rtm5")

venv="$here/target/ci-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import jsonschema, rfc3987' 2>/dev/null \
  || "$venv/bin/pip" install -q jsonschema rfc3987

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
cd "$here"
# Findings in every format (related locations, fixes, a decoded file and
# a Word document), an unused suppression, and a clean run.
if "$bin" check --format sarif fixtures/formats/ >"$logs/formats.sarif" 2>/dev/null; then
  echo "fixtures/formats/ linted clean: its errors were missed" >&2
  exit 1
fi
printf '<!-- statlint-disable-next-line zh.growth -->\n全年完成率100%%。\n' \
  | "$bin" check --format sarif --report-unused-suppressions --stdin-filename 'notes/报告 1.md' - \
  >"$logs/unused.sarif" || true
printf 'Nothing to check here.\n' | "$bin" check --format sarif - >"$logs/clean.sarif"
"$venv/bin/python" "$here/tests/sarif/validate.py" "${schemas[@]}" -- "$logs"/*.sarif
