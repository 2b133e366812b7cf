#!/usr/bin/env bash
# A Spark standalone cluster on this machine, as a user would run one: a master and one worker
# started from the Spark jars of Maven Central (org.apache.spark.deploy.master.Master and
# deploy.worker.Worker, bound to 127.0.0.1), then experiments/quick.yaml submitted with
# SparkSubmit as the shaded application jar, with the data folder shipped with the job. Checks
# that every planned trial is recorded exactly once, ok, with the Spark executor in its
# provenance, and stops the master and the worker however it ends.
#   ci/spark-standalone.sh [EXPERIMENT]     (default experiments/quick.yaml; the build: -Pspark)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. ci/jdk.sh
aebench_pick_jdk
experiment="${1:-experiments/quick.yaml}"
target=modules/spark/target
app="$target/aebench-spark-0.1.0-SNAPSHOT-app.jar"
if [ ! -f "$app" ]; then
  echo "spark-standalone: building the application jar (mvn -Pspark -pl modules/spark -am package)"
  mvn -B -q -ntp -Pspark -pl modules/spark -am -DskipTests package
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/aebench-spark.XXXXXX")"
pids=()
stop_cluster() {
  local p
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  for p in ${pids[@]+"${pids[@]}"}; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

# A Spark "installation" for the worker, which starts executors with SPARK_HOME/jars on their
# class path: links to spark-core and its dependencies from Maven Central, resolved on their own
# (the version the build uses), so that nothing of aebench's reaches the cluster but the app jar.
spark_version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' modules/spark/pom.xml)
mkdir -p "$work/spark-home/jars" "$work/worker" "$work/dist"
cat > "$work/dist/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-dist</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId><version>$spark_version</version></dependency></dependencies>
</project>
POM
mvn -B -q -ntp -f "$work/dist/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
  -Dmdep.outputFile="$work/dist/classpath.txt" > "$work/dist/mvn.log" 2>&1 || { cat "$work/dist/mvn.log" >&2; exit 1; }
tr ':' '\n' < "$work/dist/classpath.txt" | while read -r j || [ -n "$j" ]; do ln -sf "$j" "$work/spark-home/jars/"; done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
read -r -a opens < "$target/classes/dev/aebench/spark/jvm-options.txt"
# JDK 23+ warns when Spark's Platform class uses sun.misc.Unsafe memory access (as the launcher does)
unsafe=()
[ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")" -ge 23 ] && unsafe=(--sun-misc-unsafe-memory-access=allow)
spark_java() { "$JAVA_HOME/bin/java" "${opens[@]}" ${unsafe[@]+"${unsafe[@]}"} -cp "$SPARK_HOME/jars/*" "$@"; }
# for the daemons, started with &: exec makes $! the JVM itself, so stop_cluster kills the JVM, not a subshell
spark_daemon() { exec "$JAVA_HOME/bin/java" "${opens[@]}" ${unsafe[@]+"${unsafe[@]}"} -cp "$SPARK_HOME/jars/*" "$@"; }

wait_for() { # FILE PATTERN SECONDS: waits until FILE has a line matching PATTERN
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "spark-standalone: no '$2' in $1 within $3 s:" >&2
  tail -20 "$1" >&2
  return 1
}

spark_daemon -Xmx512m org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  > "$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" "Starting Spark master at spark://" 60
master=$(grep -o 'spark://127\.0\.0\.1:[0-9]*' "$work/master.log" | head -1)
cores=$(nproc)
spark_daemon -Xmx512m org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" --memory 6g \
  --work-dir "$work/worker" "$master" > "$work/worker.log" 2>&1 &
pids+=($!)
wait_for "$work/worker.log" "Successfully registered with master" 60
echo "spark-standalone: master $master, one worker ($cores cores, 6 GB)"

out="$work/out"
start=$(date +%s%N)
set +e
# the driver logs warnings only, as under the launcher; master and worker log at Spark's default level
spark_java -Dlog4j2.configurationFile="$root/modules/spark/src/main/resources/log4j2.properties" \
  --add-modules jdk.incubator.vector -Xmx2g -Daebench.commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  org.apache.spark.deploy.SparkSubmit --master "$master" --class dev.aebench.runner.cli.Main \
  --conf spark.executor.memory=4g "$app" \
  run "$experiment" --executor spark --ship-data --out "$out" --no-report > "$work/submit.log" 2>&1
code=$?
set -e
wall_ms=$((($(date +%s%N) - start) / 1000000))
if [ "$code" != 0 ]; then
  echo "spark-standalone: the submitted sweep exited with $code:" >&2
  tail -40 "$work/submit.log" >&2
  exit 1
fi

# every planned trial exactly once, ok, run by the Spark executor
planned=$(grep -o '"id" *: *"[0-9a-f]*"' "$out/plan.json" | grep -o '[0-9a-f]\{16\}' | sort)
recorded=$(grep -o '"trial_id":"[0-9a-f]*"' "$out/trials.jsonl" | grep -o '[0-9a-f]\{16\}' | sort)
n=$(echo "$planned" | grep -c .)
if [ "$n" = 0 ] || [ "$planned" != "$recorded" ]; then
  echo "spark-standalone: planned trials ($n) and records differ:" >&2
  diff <(echo "$planned") <(echo "$recorded") >&2 || true
  exit 1
fi
ok=$(grep -c '"status":"ok"' "$out/trials.jsonl")
spark=$(grep -c "\"executor\":\"spark\",\"spark_master\":\"$master\"" "$out/trials.jsonl")
if [ "$ok" != "$n" ] || [ "$spark" != "$n" ]; then
  echo "spark-standalone: of $n trials, $ok ok and $spark with the Spark executor in their provenance" >&2
  exit 1
fi
printf 'spark-standalone: %s: %d trials, each recorded once, ok, on %s; %d.%01d s from submit to finish\n' \
  "$experiment" "$n" "$master" $((wall_ms / 1000)) $((wall_ms % 1000 / 100))
