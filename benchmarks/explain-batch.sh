#!/usr/bin/env bash
# Benchmark for 'maildiag explain --batch' (issue 13): explains 10,000 texts (the project's corpus, cycled, each
# made distinct by a suffix) in one process and reports the median wall time and the median CPU time (user + system,
# which a loaded machine distorts less) of $RUNS runs (default 5), JVM start included. Give several jars (each with
# its lib/ beside it) to compare builds side by side; runs alternate so that load distorts them alike.
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
declare -A wall cpu
for _ in $(seq "$RUNS"); do
  for jar in "${JARS[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$DIR/time.txt" java -jar "$jar" explain --batch "$TEXTS" > "$DIR/batch.out" || true
    read -r e u s < "$DIR/time.txt"
    wall[$jar]="${wall[$jar]:-} $e"
    cpu[$jar]="${cpu[$jar]:-} $(echo "$u + $s" | bc -l)"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for jar in "${JARS[@]}"; do
  printf '%-50s wall median %6.2f s (%s)  cpu median %6.2f s (%s)\n' "$jar" \
    "$(echo "${wall[$jar]}" | median)" "$(echo "${wall[$jar]}" | xargs printf '%.1f ')" \
    "$(echo "${cpu[$jar]}" | median)" "$(echo "${cpu[$jar]}" | xargs printf '%.1f ')"
done
