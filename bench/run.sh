#!/usr/bin/env bash
# Benchmark: statlint against `rg -o` on the same text, then what a user
# feels (a 3-line file), then how the time grows with the input.
#
#   bash bench/run.sh [FOLDER]
#
# FOLDER holds real reports (.txt, .md); they are repeated into one file of
# at least BENCH_MB MiB (default 50). Without a folder, ../shared/corpus/wild
# is used when present, else the synthetic generator (bench/gen_corpus.py).
# It prints, for that one file: statlint's MB/s per core (input over CPU
# time), the ratio of its time to `rg -o` on the same file, its peak RSS
# and the speed-up from 1 to all cores; then the whole-process time of a
# 3-line file (median of 21 runs); then the time of 1, 10 and 100 MiB
# (BENCH_SCALE_SIZES; add 1000 for 1 GiB when the machine has the memory).
#
# Inputs are built under target/ and reused. A run longer than
# BENCH_TIMEOUT seconds (default 900) is stopped and reported.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${BENCH_MB:-50}
LIMIT=${BENCH_TIMEOUT:-900}
SCALE_SIZES=${BENCH_SCALE_SIZES:-"1 10 100"}
BIN=target/release/statlint
PATTERN='[0-9０-９][0-9０-９,.，]*[%％]?'
OUT=target/bench
mkdir -p "$OUT"

SOURCE=${1:-}
if [ -z "$SOURCE" ] && [ -d ../shared/corpus/wild ]; then
  SOURCE=../shared/corpus/wild
fi

echo "==> cargo build --release"
cargo build --release --quiet

if ! command -v rg >/dev/null 2>&1; then
  echo "==> installing ripgrep (for the comparison)"
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y ripgrep >/dev/null 2>&1 ||
      (apt-get update >/dev/null 2>&1 && apt-get install -y ripgrep >/dev/null 2>&1)) || true
  fi
  command -v rg >/dev/null 2>&1 || cargo install ripgrep --quiet || true
fi

# The one large file: real reports repeated, or synthetic ones.
big=$OUT/one-file.txt
if [ -n "$SOURCE" ]; then
  stamp="src=$SOURCE mb=$MB n=$(find "$SOURCE" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)"
else
  stamp="synthetic mb=$MB gen=$(sha256sum bench/gen_corpus.py | cut -c1-16)"
fi
if [ "$(cat "$big.params" 2>/dev/null || true)" != "$stamp" ]; then
  echo "==> building $big ($stamp)"
  if [ -n "$SOURCE" ]; then
    : >"$big"
    while [ "$(stat -c %s "$big")" -lt $((MB * 1048576)) ]; do
      find "$SOURCE" -type f \( -name '*.txt' -o -name '*.md' \) -print0 | sort -z |
        xargs -0 cat >>"$big"
    done
  else
    rm -rf "$OUT/synthetic"
    python3 bench/gen_corpus.py "$OUT/synthetic" --mb "$MB" --seed 1
    cat "$OUT"/synthetic/*.txt >"$big"
  fi
  echo "$stamp" >"$big.params"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# run CMD...: runs it under /usr/bin/time; sets WALL, CPU (user + sys)
# and RSS (MB). Exit 0 or 1 is a valid run for statlint and rg.
run() {
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$scratch/t" timeout "$LIMIT" "$@" >/dev/null 2>"$scratch/err" || rc=$?
  if [ "$rc" -eq 124 ]; then
    echo "timed out after $LIMIT s: $*" >&2
    return 1
  elif [ "$rc" -gt 1 ]; then
    echo "failed (exit $rc): $*" >&2
    head -n5 "$scratch/err" >&2
    return 1
  fi
  read -r WALL user sys rss <<<"$(tail -n1 "$scratch/t")"
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  RSS=$((rss / 1024))
}

bytes=$(stat -c %s "$big")
echo
echo "statlint $("$BIN" --version | awk '{ print $2 }'), $(nproc) CPUs"
echo "one file: $big, $(mib "$bytes") MB ($(head -n1 "$big.params"))"

run "$BIN" check --format json "$big"
st_wall=$WALL st_cpu=$CPU st_rss=$RSS
printf '  statlint check --format json  %7.2f s  %6.2f MB/s per core  peak RSS %s MB (%.1f x the file)\n' \
  "$st_wall" "$(awk -v b="$bytes" -v c="$st_cpu" 'BEGIN { print b / 1048576 / c }')" "$st_rss" \
  "$(awk -v r="$st_rss" -v b="$bytes" 'BEGIN { print r * 1048576 / b }')"
if command -v rg >/dev/null 2>&1; then
  run rg -o "$PATTERN" "$big"
  printf '  rg -o (figures only)          %7.2f s  %6.2f MB/s\n' "$WALL" \
    "$(awk -v b="$bytes" -v w="$WALL" 'BEGIN { print b / 1048576 / w }')"
  printf '  statlint / rg                 %7.1f x\n' "$(awk -v a="$st_wall" -v b="$WALL" 'BEGIN { print a / b }')"
else
  echo "  rg: not installed, no ratio"
fi
RAYON_NUM_THREADS=1 run "$BIN" check --format json "$big"
printf '  1 core %.2f s, %s cores %.2f s: speed-up %.2f x on one file\n' "$WALL" "$(nproc)" \
  "$st_wall" "$(awk -v a="$WALL" -v b="$st_wall" 'BEGIN { print a / b }')"

echo
small=$OUT/small.txt
printf '目标任务数 44354人，累计接种第 1剂 40479剂次，完成率91.26%%。\nThe survey reached 540 households; 135 (25.0%%) owned a car.\n全年粮食总产量52.3万吨。\n' >"$small"
# bash's own timer: no helper process (a `date` per run) in the measure.
TIMEFORMAT=%R
for _ in $(seq 21); do
  { time "$BIN" check "$small" >/dev/null 2>&1; } 2>&1 || true
done | sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "a 3-line file, whole process: median %.1f ms (min %.1f ms, 21 runs)\n", a[11], a[1] }'

echo
echo "time against size (the one file's text, cut or repeated):"
prev=""
for size in $SCALE_SIZES; do
  file=$OUT/scale-${size}mb.txt
  target=$((size * 1048576))
  if [ "$(cat "$file.params" 2>/dev/null || true)" != "$(cat "$big.params")" ]; then
    # Cut at a character boundary: a split character is not the point.
    python3 - "$big" "$file" "$target" <<'PY'
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
out = (data * (n // len(data) + 1))[:n]
open(dst, "wb").write(out.decode("utf-8", "ignore").encode("utf-8"))
PY
    cp "$big.params" "$file.params"
  fi
  if run "$BIN" check --format json "$file"; then
    per=$(awk -v w="$WALL" -v s="$size" 'BEGIN { printf "%.3f", w / s }')
    printf '  %6s MB  %8.2f s  %6.3f s per MB  peak RSS %s MB\n' "$size" "$WALL" "$per" "$RSS"
  fi
done
