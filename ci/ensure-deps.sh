# Sourced by ./aebench and ci/test: on a fresh Debian machine, installs what aebench needs and
# does not ship (Maven, the dataset-fashion-mnist package) when running as root; otherwise says
# exactly what to install.
aebench_ensure_deps() {
  local need=""
  command -v mvn >/dev/null 2>&1 || need="$need maven"
  if [ -z "${AEBENCH_DATA:-}" ] && [ ! -d /usr/share/datasets/fashion-mnist ]; then
    need="$need dataset-fashion-mnist"
  fi
  [ -z "$need" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "aebench: installing$need (apt-get)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null || {
        echo "aebench: apt-get install$need failed" >&2; return 2; }
  else
    echo "aebench: missing$need: install with: sudo apt-get install$need" >&2
    return 2
  fi
}

# The report's browser test opens the rendered index.html in Debian's headless Chromium; ci/test
# installs it (as root) so that the test runs, and otherwise says how to get it.
aebench_ensure_browser() {
  command -v chromium >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "aebench: installing chromium (apt-get) for the report's browser test..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || {
        echo "aebench: apt-get install chromium failed" >&2; return 2; }
  else
    echo "aebench: missing chromium (the report's browser test): install with: sudo apt-get install chromium" >&2
    return 2
  fi
}
