#!/usr/bin/env bash
# The test suite on the machines people have (issue 13): `make test` on a fresh clone of HEAD, then the
# same suite, each time in another shuffled order, with CJK and fallback fonts, at 150 % and 200 % screen
# scale, with a Chinese locale and with every core busy. One line per setup; exit status 1 if any fails.
#
#   tests/run_matrix.sh            (or: make test-matrix)
#
# It tests what is committed (uncommitted changes are not in the clone). One venv, made by `make test`
# in the clone, serves every setup. As root it installs what a setup needs when missing (the fonts, the
# zh_CN.UTF-8 locale) and says so; otherwise it says what is missing. CI runs plain `make test`.
set -u

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel) || exit 2
rev=$(git -C "$repo" rev-parse --short HEAD)
work=$(mktemp -d "${TMPDIR:-/tmp}/nngui-matrix.XXXXXX")
busy=()
cleanup() {
    local p
    for p in "${busy[@]}"; do kill "$p" 2>/dev/null; done
    if [ -z "${KEEP_MATRIX:-}" ]; then rm -rf "$work"; else echo "logs kept in $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FONTS="fonts-noto-cjk fonts-droid-fallback fonts-noto-mono"
missing=""
for p in $FONTS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing fonts:$missing"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "warning: fonts missing:$missing (the fonts setup runs without them; install them with apt as root)"
    fi
fi
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    if [ "$(id -u)" = 0 ] && command -v localedef >/dev/null; then
        echo "generating the zh_CN.UTF-8 locale"
        localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 2>/dev/null || echo "warning: could not generate zh_CN.UTF-8"
    else
        echo "warning: no zh_CN.UTF-8 locale (Qt still reads LANG; the C library falls back to C)"
    fi
fi

[ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ] && echo "note: uncommitted changes are not tested"
git clone -q "$repo" "$work/nngui" || exit 2
cd "$work/nngui" || exit 2
echo "nngui $rev, fresh clone in $work/nngui; $(nproc) cores; fonts: $(fc-list | wc -l) faces"

status=0
summary() {  # name, log, seconds, exit code
    local line passed failed errors
    line=$(grep -E '^(=+ )?[0-9]+ (passed|failed)|(passed|failed|error).* in [0-9.]+s' "$2" | tail -1)
    passed=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)
    failed=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || true)
    errors=$(grep -oE '[0-9]+ errors?' <<<"$line" | grep -oE '[0-9]+' || true)
    failed=$(( ${failed:-0} + ${errors:-0} ))
    if [ "$4" = 0 ] && [ "$failed" = 0 ] && [ -n "$passed" ]; then result=ok; else result=FAILED; status=1; fi
    printf '%-44s %-6s %5s passed %3s failed %5ss\n' "$1" "$result" "${passed:-0}" "$failed" "$3"
    if [ "$result" = FAILED ]; then grep -E '^(FAILED|ERROR) ' "$2" | sed 's/^/    /' | head -20; fi
}

run() {  # name, then VAR=value assignments, then pytest options
    local name=$1 log start code vars=()
    shift
    while [ $# -gt 0 ] && [[ $1 == *=* && $1 != -* ]]; do vars+=("$1"); shift; done
    log="$work/$(tr -c 'A-Za-z0-9' _ <<<"$name").log"
    start=$(date +%s)
    env QT_QPA_PLATFORM=offscreen "${vars[@]}" .venv/bin/python -m pytest -q -p no:cacheprovider "$@" >"$log" 2>&1
    code=$?
    summary "$name" "$log" $(( $(date +%s) - start )) $code
}

# (a) The README's second command as a newcomer types it (it makes the venv; the order is the files').
start=$(date +%s)
make test >"$work/make_test.log" 2>&1
summary "make test (creates the venv)" "$work/make_test.log" $(( $(date +%s) - start )) $?
[ -x .venv/bin/python ] || exit 1

# (b)-(e): the same suite, each in its own shuffled order (pytest-randomly, fixed seeds).
run "(b) CJK + fallback fonts, seed 11" -p randomly --randomly-seed=11
run "(c) QT_SCALE_FACTOR=1.5, seed 12" QT_SCALE_FACTOR=1.5 -p randomly --randomly-seed=12
run "(c) QT_SCALE_FACTOR=2, seed 13" QT_SCALE_FACTOR=2 -p randomly --randomly-seed=13
run "(d) LANG=zh_CN.UTF-8, seed 14" LANG=zh_CN.UTF-8 LANGUAGE=zh_CN:zh LC_ALL=zh_CN.UTF-8 -p randomly --randomly-seed=14
for _ in $(seq "$(nproc)"); do python3 -c 'while True: pass' & busy+=($!); done
run "(e) $(nproc) cores busy, seed 15" -p randomly --randomly-seed=15
for p in "${busy[@]}"; do kill "$p" 2>/dev/null; done
busy=()

[ $status = 0 ] && echo "all setups passed" || echo "some setups failed (KEEP_MATRIX=1 keeps the logs)"
exit $status
