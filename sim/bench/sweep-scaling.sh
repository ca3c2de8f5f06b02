#!/usr/bin/env bash
# The executors of `cratesim sweep` on one machine: the same sweep (sim/bench/sweep-scaling.toml,
# a 300-unit graph, 10 core counts x REPS replications) on the local executor (1 and 2 threads),
# on Spark local[1] and local[2] (runs per Spark task: the default, and 1), and as 2 shards run
# in parallel then merged. Each figure is the median (min-max) of REPEATS runs of a fresh JVM, so
# Spark's start-up is included: wall time, and CPU time (user + sys of every process: on a shared
# machine less disturbed by other load than the wall time). Every run's results.csv is checked
# byte-identical to the first.
# A benchmark, not a test: the figures depend on the machine and on what else runs on it.
#
#   mvn -B -DskipTests package            # sim/target/cratesim.jar, and Spark in ~/.m2
#   bash sim/bench/sweep-scaling.sh [REPEATS=3] [REPS=40]
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS=${1:-3}
REPS=${2:-40}
JAR=sim/target/cratesim.jar
SWEEP=sim/bench/sweep-scaling.toml
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
# Spark's jars (the provided-scope dependencies) and the JVM flags Spark needs on Java 17
CP_FILE=$(mktemp)
(cd sim && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$CP_FILE" >/dev/null)
SPARK_CP=$(cat "$CP_FILE")
OPENS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$CP_FILE"' EXIT
RUNS=$((10 * REPS))
local_run() { java -jar "$JAR" sweep "$SWEEP" --replications "$REPS" "$@" >/dev/null; }
spark_run() {
  # shellcheck disable=SC2086
  java $OPENS_LINE -cp "$SPARK_CP:$JAR" org.cratesim.cli.Main sweep "$SWEEP" \
    --replications "$REPS" --executor spark "$@" >/dev/null
}
shards_run() { # -o OUT
  local out=$2
  local_run --threads 1 --shard 1/2 -o "$out.s1" &
  local_run --threads 1 --shard 2/2 -o "$out.s2" &
  wait
  java -jar "$JAR" sweep merge "$out.s1" "$out.s2" -o "$out" >/dev/null
}
export JAR SWEEP REPS SPARK_CP
export -f local_run spark_run shards_run
export OPENS_LINE="${OPENS[*]}"
declare -A WALL CPU
NAMES=()
MED='{a[NR]=$1} END {printf "%.2f %.2f %.2f", a[int((NR+1)/2)], a[1], a[NR]}'
measure() { # NAME COMMAND...: times REPEATS runs, each into a fresh folder
  local name=$1
  shift
  NAMES+=("$name")
  local ts=() cs=()
  for i in $(seq "$REPEATS"); do
    local out="$WORK/$name.$i"
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" bash -c '"$@"' _ "$@" -o "$out"
    read -r e u s <"$WORK/time"
    ts+=("$e")
    cs+=("$(echo "$u + $s" | bc -l)")
    if [ -f "$WORK/first.csv" ]; then
      cmp -s "$WORK/first.csv" "$out/results.csv" || { echo "$name: results.csv differs" >&2; exit 1; }
    else
      cp "$out/results.csv" "$WORK/first.csv"
    fi
  done
  WALL[$name]=$(printf '%s\n' "${ts[@]}" | sort -g | awk "$MED")
  CPU[$name]=$(printf '%s\n' "${cs[@]}" | sort -g | awk "$MED")
}
measure "local, 1 thread" local_run --threads 1
measure "local, 2 threads" local_run --threads 2
measure "Spark local[1]" spark_run --master 'local[1]'
measure "Spark local[2]" spark_run --master 'local[2]'
measure "Spark local[2], 1 run per task" spark_run --master 'local[2]' --task-size 1
measure "2 shards in parallel + merge" shards_run
echo "$RUNS simulated builds (sweep-scaling.toml, $REPS replications), medians of $REPEATS on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| executor | wall time (s) | builds/s | CPU time (s) |"
echo "|---|---:|---:|---:|"
for n in "${NAMES[@]}"; do
  read -r med lo hi <<<"${WALL[$n]}"
  read -r cmed clo chi <<<"${CPU[$n]}"
  printf '| %s | %s (%s-%s) | %.0f | %s (%s-%s) |\n' "$n" "$med" "$lo" "$hi" \
    "$(echo "$RUNS / $med" | bc -l)" "$cmed" "$clo" "$chi"
done
TASKS16=$(((RUNS + 15) / 16))
echo
for kind in WALL CPU; do
  declare -n T=$kind
  read -r s16 _ _ <<<"${T[Spark local[2]]}"
  read -r s1 _ _ <<<"${T[Spark local[2], 1 run per task]}"
  read -r l2 _ _ <<<"${T[local, 2 threads]}"
  printf '%s: Spark overhead per task %.1f ms ((%s s - %s s) / (%d - %d tasks)); ' "$kind" \
    "$(echo "($s1 - $s16) * 1000 / ($RUNS - $TASKS16)" | bc -l)" "$s1" "$s16" "$RUNS" "$TASKS16"
  printf 'fixed cost (Spark local[2] minus 2 local threads) %.1f s\n' "$(echo "$s16 - $l2" | bc -l)"
done
