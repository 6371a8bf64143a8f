#!/usr/bin/env bash
# Throughput benchmark: times `statlint check --format json` on a synthetic
# corpus (BENCH_MB MiB of ~1 MiB reports, half Chinese, half English), then
# on single one-paragraph files of 1, 10 and 100 MiB to show how the time
# grows with the length of one paragraph.
#
#   bash bench/run.sh
#   BENCH_MB=16 BENCH_TIMEOUT=120 bash bench/run.sh
#
# Inputs are generated once under target/ and reused while the parameters
# and bench/gen_corpus.py are unchanged. A run longer than BENCH_TIMEOUT
# seconds (default 600) is stopped and reported as timed out.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${BENCH_MB:-64}
SEED=${BENCH_SEED:-1}
LIMIT=${BENCH_TIMEOUT:-600}
LONG_SIZES=${BENCH_LONG_SIZES:-"1 10 100"}
CORPUS=target/bench-corpus
LONG_DIR=target/bench-long
BIN=target/release/statlint
GEN=bench/gen_corpus.py

echo "==> cargo build --release"
cargo build --release --quiet

gen_hash=$(sha256sum "$GEN" | cut -c1-16)
params="mb=$MB seed=$SEED gen=$gen_hash"
if [ "$(cat "$CORPUS/.params" 2>/dev/null || true)" != "$params" ]; then
  echo "==> generating $MB MiB corpus in $CORPUS"
  rm -rf "$CORPUS"
  python3 "$GEN" "$CORPUS" --mb "$MB" --seed "$SEED"
  echo "$params" >"$CORPUS/.params"
fi
mkdir -p "$LONG_DIR"
for size in $LONG_SIZES; do
  file="$LONG_DIR/long-${size}mb.txt"
  stamp="$file.params"
  if [ ! -f "$file" ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "seed=$SEED gen=$gen_hash" ]; then
    echo "==> generating $file"
    python3 "$GEN" --long-paragraph "$size" "$file" --seed "$SEED"
    echo "seed=$SEED gen=$gen_hash" >"$stamp"
  fi
done

TIME=
if [ -x /usr/bin/time ]; then TIME=/usr/bin/time; fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# timed BYTES PATH: runs statlint on PATH and prints one line of figures.
# Exit 0 or 1 (clean or findings) is a valid run; anything else is not.
timed() {
  local bytes=$1 path=$2 rc=0 start end secs rss=""
  start=$(date +%s.%N)
  if [ -n "$TIME" ]; then
    "$TIME" -f '%M' -o "$scratch/rss" timeout "$LIMIT" "$BIN" check --format json "$path" \
      >/dev/null 2>"$scratch/err" || rc=$?
    rss=$(tail -n1 "$scratch/rss")
  else
    timeout "$LIMIT" "$BIN" check --format json "$path" >/dev/null 2>"$scratch/err" || rc=$?
  fi
  end=$(date +%s.%N)
  secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  if [ "$rc" -eq 124 ]; then
    printf '%8s MB  timed out after %s s\n' "$(mib "$bytes")" "$LIMIT"
  elif [ "$rc" -gt 1 ]; then
    printf '%8s MB  statlint failed (exit %s) after %s s:\n' "$(mib "$bytes")" "$rc" "$secs"
    head -n5 "$scratch/err"
  else
    printf '%8s MB  %8s s  %7s MB/s  exit %s%s\n' "$(mib "$bytes")" "$secs" \
      "$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.2f", (s > 0 ? b / 1048576 / s : 0) }')" \
      "$rc" "${rss:+  peak RSS $((rss / 1024)) MB}"
  fi
}

corpus_bytes=$(find "$CORPUS" -name '*.txt' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
corpus_files=$(find "$CORPUS" -name '*.txt' -type f | wc -l)

echo
echo "statlint $("$BIN" --version | awk '{ print $2 }'), $(nproc) CPUs, timeout ${LIMIT} s"
echo "corpus: $CORPUS, $corpus_files files, $(mib "$corpus_bytes") MB"
timed "$corpus_bytes" "$CORPUS"
echo
echo "one long paragraph (no sentence punctuation):"
for size in $LONG_SIZES; do
  file="$LONG_DIR/long-${size}mb.txt"
  timed "$(stat -c %s "$file")" "$file"
done
