#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer (a developer tool, not part of CI).
#
#   Scripts/sanitize.sh address [swift test options…]   ASan + LeakSanitizer, in .build-asan
#   Scripts/sanitize.sh thread  [swift test options…]   TSan, in .build-tsan
#
# Under ASan, leaks that are not Byline's are suppressed by Scripts/asan-suppressions.txt
# (each with its reason); LSAN_OPTIONS reaches the `byline` processes that the command-line
# and end-to-end tests start, as they inherit the test process's environment.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[[ $# -ge 1 ]] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
kind=$1
shift
cd "$root"
case $kind in
    address)
        export LSAN_OPTIONS="suppressions=$root/Scripts/asan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
        exec swift test --sanitize=address --scratch-path .build-asan "$@" ;;
    thread)
        exec swift test --sanitize=thread --scratch-path .build-tsan "$@" ;;
    *)
        echo "sanitize.sh: address or thread, not '$kind'" >&2
        exit 2 ;;
esac
