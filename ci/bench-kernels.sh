#!/usr/bin/env bash
# Runs the JMH benchmarks of modules/bench and prints the GFLOP/s table of docs/PERFORMANCE.md
# ("JMH kernels"). Usage: ci/bench-kernels.sh [JMH_REGEX [JMH_OPTIONS...]]
#   default regex: every benchmark; e.g. ci/bench-kernels.sh 'GemmBenchmark|PeakFlops'
# Writes bench-results/jmh-<date>.json (JMH's JSON) and bench-results/jmh-<date>.md (the table).
# Run it on a quiet machine: JMH measures wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. ci/jdk.sh
aebench_pick_jdk
regex="${1:-.}"
[ $# -gt 0 ] && shift
offline=-o
[ -d "$HOME/.m2/repository/org/openjdk/jmh/jmh-core" ] || offline=
mvn -q $offline -pl modules/bench -am package -DskipTests
mkdir -p bench-results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json="bench-results/jmh-$stamp.json"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar modules/bench/target/benchmarks.jar "$regex" \
  -rf json -rff "$json" "$@" 2>&1 | grep -v '^WARNING: Using incubator modules'
{
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p') x$(nproc); JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1);"
  echo "date: $(date -u +%Y-%m-%d); commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo -dirty);"
  echo "command: ci/bench-kernels.sh ${regex} $*"
  echo
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp modules/bench/target/benchmarks.jar dev.aebench.bench.GemmReport "$json" \
    2> >(grep -v '^WARNING: Using incubator modules' >&2)
} | tee "bench-results/jmh-$stamp.md"
