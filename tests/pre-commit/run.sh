#!/usr/bin/env bash
# The pre-commit hook, run by the real pre-commit against a temporary git
# repository of reports: it fails on an error, passes on clean reports and
# on a suppressed finding, and leaves files that are not reports alone.
#
# Usage: tests/pre-commit/run.sh [path/to/statlint]  (needs pre-commit and git)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/target/debug/statlint}"
command -v pre-commit >/dev/null || { echo "pre-commit not installed: skipped"; exit 0; }
[ -x "$bin" ] || { echo "no statlint binary at $bin" >&2; exit 1; }

# The hooks of this checkout, as a repository pre-commit can clone.
hooks="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$hooks" "$work"' EXIT
cp "$here/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q
git -C "$hooks" -c user.name=t -c user.email=t@example.com add .
git -C "$hooks" -c user.name=t -c user.email=t@example.com commit -qm hooks
rev="$(git -C "$hooks" rev-parse HEAD)"

mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/statlint"
export PATH="$work/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache"
repo="$work/reports"
mkdir -p "$repo"
cd "$repo"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: statlint-system
YAML
good='全县目标任务数 52380人，累计接种 48211剂次，完成率92.04%。'
bad='全县目标任务数 52380人，累计接种 48211剂次，完成率93.04%。'
commit() { git -c user.name=t -c user.email=t@example.com add -A && git -c user.name=t -c user.email=t@example.com commit -qm "$1" --no-verify; }

expect() {  # expect <0|1> <what>
  set +e
  out="$(pre-commit run --all-files 2>&1)"
  code=$?
  set -e
  if { [ "$1" = 0 ] && [ $code -ne 0 ]; } || { [ "$1" = 1 ] && [ $code -eq 0 ]; }; then
    echo "FAIL: $2 (exit $code)"; echo "$out"; exit 1
  fi
  echo "ok: $2"
}

echo "$good" > clean.txt
printf '# 报告\n\n%s\n' "$good" > clean.md
# A YAML value and a Python comment with the wrong rate: not reports.
printf 'note: "%s"\n' "$bad" > data.yaml
printf '# %s\n' "$bad" > script.py
commit clean
expect 0 "clean reports pass; YAML and Python files are not linted"

echo "$bad" > wrong.txt
commit wrong
expect 1 "a report with an error fails"
out="$(pre-commit run --all-files 2>&1 || true)"
grep -q "wrong.txt:1:" <<<"$out" || { echo "FAIL: the finding names wrong.txt"; echo "$out"; exit 1; }
echo "ok: the finding names the file and line"

printf 'statlint: disable-next-line zh.ratio\n%s\n' "$bad" > wrong.txt
commit suppressed
expect 0 "a suppressed finding passes"

echo "$bad" > wrong.txt
printf 'ignore = ["zh.ratio"]\n' > statlint.toml
commit settings
expect 0 "the repository's statlint.toml is respected"

# What the settings include is linted; what they exclude is not.
rm wrong.txt
echo "$bad" > notes.rst
printf 'include = ["**/*.rst"]\n' > statlint.toml
commit include
expect 1 "a file the settings include is linted"
out="$(pre-commit run --all-files 2>&1 || true)"
grep -q "notes.rst:1:" <<<"$out" || { echo "FAIL: the finding names notes.rst"; echo "$out"; exit 1; }
mkdir -p drafts
mv notes.rst drafts/notes.rst
echo "$bad" > drafts/wrong.md
printf 'include = ["**/*.rst"]\nexclude = ["drafts/**"]\n' > statlint.toml
commit exclude
expect 0 "files the settings exclude are not linted"
