#!/usr/bin/env bash
# Fuzzes statlint with cargo-fuzz (nightly): the lexer, the rule loader and
# the whole pipeline (text → findings → every output format).
#
#   bash fuzz/run.sh                 # each target for FUZZ_SECONDS (60)
#   FUZZ_SECONDS=600 bash fuzz/run.sh pipeline
#
# The corpora start from the project's own fixtures, examples and rule
# files (under fuzz/corpus/, not committed). A crash leaves its input in
# fuzz/artifacts/<target>/; turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")"

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped, no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  if ! cargo install cargo-fuzz --locked; then
    echo "fuzz: skipped, cargo-fuzz could not be installed"
    exit 0
  fi
fi

seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(lexer rules pipeline formats)

seed() {
  local dir=corpus/$1
  shift
  mkdir -p "$dir"
  find "$@" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.yaml' \) -print0 |
    while IFS= read -r -d '' f; do
      cp "$f" "$dir/seed-$(sha256sum "$f" | cut -c1-16)"
    done
}

for t in "${targets[@]}"; do
  case $t in
    rules) seed "$t" ../rules ../fixtures ;;
    *) seed "$t" ../fixtures ../examples ;;
  esac
  echo "==> fuzz $t for ${seconds}s"
  cargo +nightly fuzz run --sanitizer none -O "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|Done|ERROR|panicked|SUMMARY' || true
  if [ -n "$(find "artifacts/$t" -type f 2>/dev/null | head -n1)" ]; then
    echo "fuzz: $t found a failing input in fuzz/artifacts/$t" >&2
    exit 1
  fi
done
