# Keycloak for scripts/run and scripts/test: the official distribution from Maven Central, in dev mode with an
# in-memory store (a fresh identity state each start, like the embedded PostgreSQL). Sourced, not executed.

keycloak_version() {
  sed -n 's:.*<keycloak-server.version>\(.*\)</keycloak-server.version>.*:\1:p' "$ROOT/pom.xml" | head -1
}

keycloak_home() {
  echo "$ROOT/.run/keycloak-dist/keycloak-$(keycloak_version)"
}

ensure_keycloak_dist() {
  local home
  home=$(keycloak_home)
  if [[ ! -x "$home/bin/kc.sh" ]]; then
    echo "Fetching Keycloak $(keycloak_version) from Maven Central..."
    # The same execution the integration-test modules bind: one marker, so the build never unpacks it again
    # over a Keycloak that is already running from it.
    (cd "$ROOT" && mvn -B -q -pl control-plane dependency:unpack@unpack-keycloak) >/dev/null
  fi
}

# start_keycloak PORT MANAGEMENT_PORT LOGFILE ADMIN_USER ADMIN_PASSWORD -> sets KEYCLOAK_PID
# (not a command substitution: Keycloak must stay a child of the calling script, so it can wait for it)
start_keycloak() {
  local port="$1" management="$2" log="$3" user="$4" password="$5"
  KC_BOOTSTRAP_ADMIN_USERNAME="$user" KC_BOOTSTRAP_ADMIN_PASSWORD="$password" JAVA_HOME="$JAVA_HOME" \
    "$(keycloak_home)/bin/kc.sh" start-dev --db=dev-mem --http-port="$port" --http-management-port="$management" \
    --health-enabled=true > "$log" 2>&1 &
  KEYCLOAK_PID=$!
}
