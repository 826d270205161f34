#!/usr/bin/env bash
# Benchmarks for 'maildiag explain' (issue 6):
#  1. --log on a generated 1 GiB Jira-like log vs 'grep -c -i -E' with the same phrases (the log scanner's
#     prefilter literals, printed by 'maildiag explain --phrases'). Target: at least half of grep's speed.
#  2. --har on a generated 500 MiB HAR with -Xmx256m vs a bare Jackson token scan of the same file.
# Generated files go to $BENCH_DIR (default /tmp/maildiag-bench) and are reused; nothing is committed.
# Each measurement is the best of $RUNS runs (default 3), page cache warm, so a loaded machine distorts less.
# Usage: benchmarks/explain.sh [--results FILE] [LOG_MIB] [HAR_MIB]     (defaults 1024 and 500)
#   --results FILE appends the figures as a Markdown section to FILE (for benchmarks/run's RESULTS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=""
if [ "${1:-}" = "--results" ]; then
  RESULTS=$(realpath "$2")
  shift 2
  exec > >(tee "$RESULTS.explain.tmp")
fi
LOG_MIB=${1:-1024}
HAR_MIB=${2:-500}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-/tmp/maildiag-bench}
mkdir -p "$DIR"
JAR=sdk-cli/target/maildiag.jar
if [ ! -f "$JAR" ]; then
  mvn -B -q -o package -DskipTests -pl sdk-cli -am
fi
LOG="$DIR/jira-$LOG_MIB.log"
HAR="$DIR/flow-$HAR_MIB.har"
[ -f "$LOG" ] || java benchmarks/explain/GenerateLog.java "$LOG" "$LOG_MIB"
[ -f "$HAR" ] || java benchmarks/explain/GenerateHar.java "$HAR" "$HAR_MIB"

best() { # best wall time in seconds of "$@" over $RUNS runs; output goes to a file, since GNU grep
         # stops at the first match when it sees its output is /dev/null
  local best=""
  for _ in $(seq "$RUNS"); do
    local s e t
    s=$(date +%s.%N); "$@" > "$DIR/out.tmp"; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}
set +e # grep and explain exit 1 when nothing matches; timing is what counts here

java -jar "$JAR" explain --phrases > "$DIR/phrases.txt"
sed 's/[][\.*^$+?(){}|/\\]/\\&/g' "$DIR/phrases.txt" > "$DIR/phrases.ere"
cat "$LOG" > /dev/null # warm the page cache for both
grep_s=$(best grep -c -i -E -f "$DIR/phrases.ere" "$LOG")
grep_cs_s=$(best grep -c -E -f "$DIR/phrases.ere" "$LOG")
scan_s=$(best java -jar "$JAR" explain --log "$LOG" --format json)
ratio=$(echo "$grep_s / $scan_s" | bc -l)
size=$(stat -c %s "$LOG")
echo "log scan: $(wc -l < "$DIR/phrases.txt") phrases, $((size / 1048576)) MiB"
printf '  grep -c -i -E -f phrases   %8ss\n' "$grep_s"
printf '  grep -c -E -f phrases      %8ss  (case-sensitive, for reference)\n' "$grep_cs_s"
printf '  maildiag explain --log     %8ss  (JVM start included)\n' "$scan_s"
if [ "$LOG_MIB" -ge 1024 ]; then
  printf '  speed vs grep -i: %.2fx  (target >= 0.50x)  %s\n' "$ratio" "$( [ "$(echo "$ratio >= 0.5" | bc -l)" = 1 ] && echo PASS || echo FAIL)"
else
  printf '  speed vs grep -i: %.2fx  (the 0.50x target is for 1 GiB; JVM start-up dominates a small log)\n' "$ratio"
fi

LIB="$JAR" # the command line's one jar, which holds Jackson
cat "$HAR" > /dev/null
javac -cp "$LIB" -d "$DIR/classes" benchmarks/explain/BareJacksonScan.java
bare_s=$(best java -Xmx256m -cp "$LIB:$DIR/classes" BareJacksonScan "$HAR")
har_s=$(best java -Xmx256m -jar "$JAR" explain --har "$HAR" --format json)
java -Xmx256m -jar "$JAR" explain --har "$HAR" | head -4
echo "har: $(( $(stat -c %s "$HAR") / 1048576 )) MiB with -Xmx256m"
printf '  bare Jackson token scan    %8ss\n' "$bare_s"
printf '  maildiag explain --har     %8ss\n' "$har_s"
if [ -n "$RESULTS" ]; then
  exec >&- # close the tee'd stdout, then let tee finish
  sleep 1
  { echo; echo "## 5. Log scan vs grep, HAR vs bare Jackson (benchmarks/explain.sh)"; echo; echo '```'
    cat "$RESULTS.explain.tmp"; echo '```'; } >> "$RESULTS"
  rm -f "$RESULTS.explain.tmp"
fi
