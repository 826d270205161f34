#!/usr/bin/env bash
# Benchmark for 'maildiag explain --batch' (issue 13): explains 10,000 texts (the project's corpus, cycled, each
# made distinct by a suffix) in one process and reports the median wall time of $RUNS runs (default 5), JVM start
# included. Give several jars (each with its lib/ beside it) to compare builds side by side; runs alternate so that
# a loaded machine distorts them alike.
# Usage: benchmarks/explain-batch.sh [JAR ...]      (default: sdk-cli/target/maildiag.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DIR=${BENCH_DIR:-/tmp/maildiag-bench}
mkdir -p "$DIR"
TEXTS="$DIR/texts-10000.jsonl"
python3 - "$TEXTS" <<'PY'
import json, sys
corpus = json.load(open("sdk-cli/src/test/resources/corpus/dev.json"))
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        f.write(json.dumps({"id": i, "text": corpus[i % len(corpus)]["text"] + " #%d" % i}) + "\n")
PY
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=(sdk-cli/target/maildiag.jar)
declare -A times
for _ in $(seq "$RUNS"); do
  for jar in "${JARS[@]}"; do
    s=$(date +%s.%N); java -jar "$jar" explain --batch "$TEXTS" > "$DIR/batch.out" || true; e=$(date +%s.%N)
    times[$jar]="${times[$jar]:-} $(echo "$e - $s" | bc -l)"
  done
done
for jar in "${JARS[@]}"; do
  median=$(echo "${times[$jar]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-60s median %.2f s of %d runs (%s)\n' "$jar" "$median" "$RUNS" "$(echo "${times[$jar]}" | xargs printf '%.2f ')"
done
