#!/usr/bin/env bash
# The guard's wall time against squawk's, on the same files: the three real-world histories of the conformance test,
# our own migrations/, and 100 files (the real-world histories plus our own, renamed V001..V100 so that one folder
# holds them). Each figure is the median (and minimum) wall time of several cold runs: a new JVM, or a new squawk
# process, every time, as a developer or a CI step would start it.
#
#   codegen/bench/guard-vs-squawk.sh [RUNS]      (default 7; the full check runs (RUNS+1)/2 times)
#
# Needs the modules built (./mvnw -q package -DskipTests) and the npm registry: squawk-cli is installed into a
# temporary folder that is removed afterwards, so it is never a build dependency.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-7}
squawk_version=2.66.0
work=$(mktemp -d "${TMPDIR:-/tmp}/inboop-guard-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "installing squawk-cli@$squawk_version into $work (removed at exit)" >&2
(cd "$work" && npm install --silent --no-fund --no-audit "squawk-cli@$squawk_version" >/dev/null)
squawk="$work/node_modules/.bin/squawk"

corpus="$root/codegen/src/test/resources/corpus/real-world"
hundred="$work/hundred"
mkdir -p "$hundred"
n=0
for file in "$corpus"/conductor/migrations/V*.sql "$corpus"/genie/migrations/V*.sql \
            "$corpus"/hangar/migrations/V*.sql "$root"/migrations/V*.sql; do
  n=$((n + 1))
  [ "$n" -le 100 ] || break
  cp "$file" "$hundred/$(printf 'V%03d__file_%03d.sql' "$n" "$n")"
done

# Median and minimum wall time in ms of running "$@" $2 times (output discarded; exit status 1 means findings).
measure() {
  local times=$1; shift
  local samples=()
  for _ in $(seq "$times"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  echo "$(echo "$sorted" | sed -n "$(( (times + 1) / 2 ))p") ms (min $(echo "$sorted" | head -1))"
}

printf '%-22s %6s  %-22s %-22s %-22s\n' "folder" "files" "squawk" "guard --static-only" "guard, both layers"
for target in conductor genie hangar own hundred; do
  case $target in
    own) dir="$root/migrations"; naming=house ;;
    hundred) dir="$hundred"; naming=flyway ;;
    *) dir="$corpus/$target/migrations"; naming=flyway ;;
  esac
  files=$(find "$dir" -maxdepth 1 -name '*.sql' ! -name 'before*' ! -name 'after*' | wc -l)
  # shellcheck disable=SC2046
  squawk_time=$(measure "$runs" "$squawk" $(find "$dir" -maxdepth 1 -name '*.sql' ! -name 'before*' | sort))
  static_time=$(measure "$runs" "$root/inboop-db" check "$dir" --static-only --naming "$naming")
  if [ "$target" = hundred ]; then
    full_time="(not applied: a mix)"
  else
    full_time=$(measure $(( (runs + 1) / 2 )) "$root/inboop-db" check "$dir" --naming "$naming")
  fi
  printf '%-22s %6s  %-22s %-22s %-22s\n' "$target" "$files" "$squawk_time" "$static_time" "$full_time"
done
echo
echo "where a full check's time goes (own migrations/):"
"$root/inboop-db" check "$root/migrations" 2>/dev/null | grep -E '^note: time:|^migration guard:' || true
