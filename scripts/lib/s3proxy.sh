# s3proxy for scripts/run: the S3 API over a local filesystem store, where the runtime keeps KYC documents (their
# ciphertext only; the runtime seals them before upload). The jar is s3proxy's self-contained one, copied by the
# tenant-runtime build (its copy-s3proxy execution). It runs as a process of its own: its Jetty 11 does not belong on
# the runtime's classpath. Sourced, not executed.

s3proxy_jar() {
  echo "$ROOT/tenant-runtime/target/s3proxy/s3proxy.jar"
}

ensure_s3proxy_jar() {
  if [[ ! -f "$(s3proxy_jar)" ]]; then
    echo "Fetching s3proxy from Maven Central..."
    (cd "$ROOT" && mvn -B -q -pl tenant-runtime dependency:copy@copy-s3proxy) >/dev/null
  fi
}

# start_s3proxy PORT DATA_DIR LOGFILE IDENTITY CREDENTIAL -> sets S3PROXY_PID
# (not a command substitution: s3proxy must stay a child of the calling script, so it can wait for it)
start_s3proxy() {
  local port="$1" data="$2" log="$3" identity="$4" credential="$5"
  mkdir -p "$data"
  local conf
  conf="$(dirname "$data")/s3proxy.properties"
  cat > "$conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$identity
s3proxy.credential=$credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$data
jclouds.identity=$identity
jclouds.credential=$credential
EOF
  "$JAVA_HOME/bin/java" -jar "$(s3proxy_jar)" --properties "$conf" > "$log" 2>&1 &
  S3PROXY_PID=$!
}
