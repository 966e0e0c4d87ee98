# Unleash for scripts/test (and anyone who wants the real thing): unleash-server from the npm registry, installed once
# into a cache directory outside the work tree, run by scripts/lib/unleash-server.mjs against a PostgreSQL database it
# creates. The platform's embedded default (scripts/run) needs none: runtimes then read the control plane's flags.
# Sourced, not executed.

UNLEASH_SERVER_VERSION=${UNLEASH_SERVER_VERSION:-7.5.1}

unleash_home() {
  echo "${UNLEASH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sportsbook}/unleash-server-$UNLEASH_SERVER_VERSION"
}

# ensure_unleash: installs unleash-server with npm unless it is there already; fails (1) without Node 20+ and npm
ensure_unleash() {
  local home major
  home=$(unleash_home)
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Unleash needs Node.js 20+ and npm; none found" >&2
    return 1
  fi
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [[ "$major" -lt 20 ]]; then
    echo "Unleash $UNLEASH_SERVER_VERSION needs Node.js 20+, found $(node --version)" >&2
    return 1
  fi
  if [[ -f "$home/node_modules/unleash-server/package.json" ]] \
      && [[ "$(node -p "require('$home/node_modules/unleash-server/package.json').version")" == "$UNLEASH_SERVER_VERSION" ]]; then
    return 0
  fi
  echo "Installing unleash-server $UNLEASH_SERVER_VERSION from the npm registry into $home..."
  mkdir -p "$home"
  [[ -f "$home/package.json" ]] || echo '{"name": "sportsbook-unleash", "private": true}' > "$home/package.json"
  (cd "$home" && npm install --no-audit --no-fund --omit=dev --loglevel=error "unleash-server@$UNLEASH_SERVER_VERSION") >&2
}

# start_unleash PORT DATABASE LOGFILE ADMIN_TOKEN CLIENT_TOKEN -> sets UNLEASH_PID
# The database (on UNLEASH_DATABASE_HOST:PORT, default 127.0.0.1:5432, user postgres) is dropped and created anew:
# a fresh Unleash per run, like the dev-mode Keycloak. Tokens: ADMIN_TOKEN like "*:*.secret", CLIENT_TOKEN like
# "default:production.secret" (the project and environment the control plane writes).
# (not a command substitution: Unleash must stay a child of the calling script, so it can wait for it)
start_unleash() {
  local port="$1" database="$2" log="$3" admin="$4" client="$5"
  UNLEASH_HOME="$(unleash_home)" UNLEASH_PORT="$port" UNLEASH_DATABASE_NAME="$database" UNLEASH_FRESH_DATABASE=true \
    INIT_ADMIN_API_TOKENS="$admin" INIT_CLIENT_API_TOKENS="$client" \
    node "$ROOT/scripts/lib/unleash-server.mjs" > "$log" 2>&1 &
  UNLEASH_PID=$!
}

unleash_version() {
  echo "$UNLEASH_SERVER_VERSION"
}
