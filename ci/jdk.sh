# Sourced by ./aebench and ci/test: exports JAVA_HOME as the newest JDK >= 21 found in
# $AEBENCH_JAVA_HOME, $JAVA_HOME or /usr/lib/jvm.
aebench_pick_jdk() {
  local best="" best_v=0 home v
  for home in ${AEBENCH_JAVA_HOME:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ] && { best="$home"; best_v="$v"; }
  done
  if [ -z "$best" ]; then
    echo "aebench: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm); install one (e.g. Temurin 25)" >&2
    return 2
  fi
  export JAVA_HOME="$best"
}
