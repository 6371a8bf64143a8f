#!/usr/bin/env bash
# `statlint server` under a real editor: headless Neovim opens a Chinese
# Markdown report, receives the diagnostic at the right line and column,
# shows the hover and applies the quick fix (tests/editor/nvim.lua).
#
# Usage: tests/editor/run.sh [path/to/statlint]   (needs nvim >= 0.7)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/target/debug/statlint}"
[ -x "$bin" ] || { echo "no statlint binary at $bin" >&2; exit 1; }
command -v nvim >/dev/null || { echo "nvim is not installed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/接种报告.md" <<'MD'
# 疫苗接种情况

截至本月底，各乡镇接种工作有序推进。

全县目标任务数 52380人，累计接种 48211剂次，完成率93.04%。
MD
status=0
STATLINT="$bin" STATLINT_REPORT="$work/接种报告.md" STATLINT_LOG="$work/nvim.log" \
  XDG_CACHE_HOME="$work/cache" \
  timeout 120 nvim --headless --clean -u NONE -c "luafile $here/tests/editor/nvim.lua" \
  >/dev/null 2>&1 || status=$?
cat "$work/nvim.log" 2>/dev/null || echo "(no log)"
[ "$status" -eq 0 ] && grep -q '^PASS$' "$work/nvim.log"
