#!/usr/bin/env bash
# Runs Byline's libFuzzer targets (the package in Fuzz/; a developer tool, not part of CI).
#
#   Scripts/fuzz.sh TARGET SECONDS     build TARGET, then fuzz it for SECONDS
#   Scripts/fuzz.sh all SECONDS        every target in turn, SECONDS each
#   Scripts/fuzz.sh build [TARGET]     build only
#   Scripts/fuzz.sh corpus             write the seed corpus only
#
# Targets: ingest analysis time wrap keys (Fuzz/Sources/fuzz-*/ say what each reads).
# One process at a time (-workers=1, no -jobs): the machine's cores are shared.
#
# The build goes to .build-fuzz/; what the runs write, to .build-fuzz-runs/ (both git-ignored):
#   seed/TARGET/       the seed corpus, made afresh from the tests' fixtures and texts and
#                      seeds/ by Fuzz/corpus.py (never from ../shared)
#   corpus/TARGET/     what libFuzzer adds as it finds new coverage (kept between runs)
#   artifacts/TARGET/  crash-*, timeout-*, oom-* inputs
#   logs/TARGET.log    libFuzzer's whole output
# A finding is reproduced with: .build-fuzz/release/fuzz-TARGET ARTIFACT (fuzz.sh build first)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-fuzz"
runs="$root/.build-fuzz-runs"
targets=(ingest analysis time wrap keys)

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

build() {
    # -sanitize=fuzzer,address on every module: coverage for libFuzzer and ASan's checks in
    # Byline's code as in the harness. lld, because gold stops with an internal error on the
    # instrumented objects. (ld prints a warning per ASan symbol: filtered out.)
    local t status
    for t in "$@"; do
        set +o pipefail
        (cd "$root/Fuzz" && swift build -c release --scratch-path "$scratch" \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product "fuzz-$t" 2>&1) \
            | grep -v "Cannot export local symbol"
        status=${PIPESTATUS[0]}
        set -o pipefail
        [[ $status -eq 0 ]] || { echo "fuzz.sh: building fuzz-$t failed" >&2; exit 1; }
    done
}

corpus() {
    rm -rf "$runs/seed"
    python3 "$root/Fuzz/corpus.py" "$root" "$runs/seed"
}

dictionary() {
    case $1 in
        ingest) echo "$root/Fuzz/Dictionaries/markup.dict" ;;
        analysis | time | wrap) echo "$root/Fuzz/Dictionaries/prose.dict" ;;
        *) echo "" ;;
    esac
}

max_len() {
    case $1 in
        ingest) echo 20000 ;;
        analysis) echo 8192 ;;
        keys) echo 300 ;;
        *) echo 4096 ;;
    esac
}

# The key target runs a few dozen inputs a second (it draws a frame after every key), too
# few for libFuzzer to lengthen its inputs step by step: it gets the whole length at once.
extra_options() {
    case $1 in
        keys) echo "-len_control=0" ;;
        *) echo "" ;;
    esac
}

fuzz() {
    local target=$1 seconds=$2
    local binary="$scratch/release/fuzz-$target"
    local grown="$runs/corpus/$target" artifacts="$runs/artifacts/$target" log="$runs/logs/$target.log"
    mkdir -p "$grown" "$artifacts" "$runs/logs"
    local dict options=()
    dict=$(dictionary "$target")
    [[ -n $dict ]] && options+=("-dict=$dict")
    local extra
    extra=$(extra_options "$target")
    [[ -n $extra ]] && options+=("$extra")
    echo "== fuzz-$target for $seconds s (log: $log)"
    local start=$SECONDS status=0
    touch "$runs/logs/$target.started"
    # The grown corpus comes first: libFuzzer writes what it finds into the first folder.
    # Swift's own crash backtracer is off: it reads memory ASan poisons, and libFuzzer
    # prints the stack itself.
    SWIFT_BACKTRACE=enable=no "$binary" "${options[@]}" -max_total_time="$seconds" -workers=1 -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$target")" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$grown" "$runs/seed/$target" > "$log" 2>&1 || status=$?
    # The last progress line (executions, cov: edges, ft: features, corp: corpus size) and the totals.
    grep -E '^#[0-9]+' "$log" | tail -1 || true
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
    echo "seconds: $((SECONDS - start)), exit status: $status, corpus: $(ls "$grown" | wc -l) grown + $(ls "$runs/seed/$target" | wc -l) seeds"
    local found
    # This run's findings only (the folder keeps those of earlier runs).
    found=$(find "$artifacts" -maxdepth 1 -type f -newer "$runs/logs/$target.started" \
        \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' -o -name 'slow-unit-*' \) \
        -printf '%f\n' || true)
    if [[ -n $found ]]; then
        echo "findings in $artifacts:"
        echo "$found" | sed 's/^/  /'
        grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error)' "$log" | head -5 | sed 's/^/  /' || true
    else
        echo "findings: none"
    fi
    return 0
}

[[ $# -ge 1 ]] || usage
case $1 in
    corpus) corpus ;;
    build)
        if [[ $# -ge 2 ]]; then build "$2"; else build "${targets[@]}"; fi ;;
    all)
        [[ $# -eq 2 && $2 =~ ^[0-9]+$ ]] || usage
        build "${targets[@]}"
        corpus
        for t in "${targets[@]}"; do fuzz "$t" "$2"; done ;;
    *)
        [[ $# -eq 2 && $2 =~ ^[0-9]+$ ]] || usage
        [[ " ${targets[*]} " == *" $1 "* ]] || { echo "fuzz.sh: no target '$1' (${targets[*]})" >&2; exit 2; }
        build "$1"
        corpus
        fuzz "$1" "$2" ;;
esac
