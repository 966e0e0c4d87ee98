# Shared by scripts/run and scripts/test. Sourced, not executed.

repo_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd
}

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'
}

# This machine's default java is 17; the platform needs 21 or newer. Use JAVA_HOME if it is new enough,
# otherwise the newest JDK under /usr/lib/jvm.
find_jdk() {
  local candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    major=$(java_major "$JAVA_HOME")
    if [[ "${major%%.*}" -ge 21 ]]; then
      best="$JAVA_HOME"; best_major="${major%%.*}"
    fi
  fi
  if [[ -z "$best" ]]; then
    for candidate in /usr/lib/jvm/*/; do
      candidate="${candidate%/}"
      [[ -x "$candidate/bin/javac" ]] || continue
      major=$(java_major "$candidate")
      major="${major%%.*}"
      if [[ "$major" =~ ^[0-9]+$ && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
        best="$candidate"; best_major="$major"
      fi
    done
  fi
  if [[ -z "$best" ]]; then
    echo "No JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm has: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' '))." >&2
    echo "Install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  if [[ "$best_major" -ge 24 ]]; then
    # Maven 3.8's bundled Guava uses sun.misc.Unsafe; keep the build log readable on new JDKs.
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

# Installs Debian packages (as root, where apt-get exists) when a command they provide is missing.
require_packages() { # "what they are for" "command..." package...
  local why="$1" commands="$2" command missing=""
  shift 2
  for command in $commands; do
    command -v "$command" >/dev/null 2>&1 || missing="$missing $command"
  done
  [[ -z "$missing" ]] && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Not found:$missing ($why): installing $* from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "$* needed ($why); install them first." >&2
    exit 1
  fi
}

require_maven() {
  require_packages "the build" mvn maven
}

# The player skin's browser tests drive the machine's Chromium through chromedriver (Debian packages).
require_chromium() {
  require_packages "the skin's browser tests" "chromium chromedriver" chromium chromium-driver
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_http_ok() { # url seconds name
  local url="$1" seconds="$2" name="$3" i
  for ((i = 0; i < seconds * 5; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "$name did not become ready within ${seconds}s ($url)" >&2
  return 1
}

# Sets PG_HOST and PG_PORT from DATABASE_URL (jdbc:postgresql://host[:port]/db), for psql and pgbench.
pg_host_port() {
  PG_HOST=$(sed -E 's#jdbc:postgresql://([^:/]+).*#\1#' <<<"$DATABASE_URL")
  PG_PORT=$(sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#' <<<"$DATABASE_URL"); PG_PORT=${PG_PORT:-5432}
}
