# Demo accounts for scripts/run. Sourced, not executed. The player registers through the brand's public API like
# any player; staff and the platform admin are created in their realms with the roles they need and must set up
# OTP at their first sign-in (staff roles require it).

DEMO_PLAYER_EMAIL=player@demo.test
DEMO_PASSWORD=Demo-Bet-2026

keycloak_admin_token() {
  curl -fsS -d grant_type=password -d client_id=admin-cli -d "username=$KEYCLOAK_ADMIN_USERNAME" \
    -d "password=$KEYCLOAK_ADMIN_PASSWORD" "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

DEMO_OPERATOR_EMAIL=operator@demo.test

# create_staff REALM USERNAME ROLE: staff set up OTP at their first sign-in
create_staff() {
  create_account "$1" "$2" "$3" '"CONFIGURE_TOTP"' "$2@demo.test"
}

# create_account REALM USERNAME ROLE REQUIRED_ACTIONS EMAIL (an account that exists already is left as it is)
create_account() {
  local realm="$1" username="$2" role="$3" actions="$4" email="$5" token id role_json status
  token=$(keycloak_admin_token)
  status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$KEYCLOAK_URL/admin/realms/$realm/users" -d "{\"username\":\"$username\",\"email\":\"$email\",
      \"firstName\":\"Demo\",\"lastName\":\"$role\",\"enabled\":true,\"emailVerified\":true,
      \"requiredActions\":[$actions],
      \"credentials\":[{\"type\":\"password\",\"value\":\"$DEMO_PASSWORD\",\"temporary\":false}]}")
  [[ "$status" == 201 || "$status" == 409 ]] || return 1
  id=$(curl -fsS -H "Authorization: Bearer $token" "$KEYCLOAK_URL/admin/realms/$realm/users?username=${username//@/%40}&exact=true" |
    sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
  role_json=$(curl -fsS -H "Authorization: Bearer $token" "$KEYCLOAK_URL/admin/realms/$realm/roles/$role")
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$KEYCLOAK_URL/admin/realms/$realm/users/$id/role-mappings/realm" -d "[$role_json]"
}

# The demo operator's account in the platform realm: operators sign in without OTP (they are not platform staff).
create_demo_operator() {
  create_account platform "$DEMO_OPERATOR_EMAIL" operator "" "$DEMO_OPERATOR_EMAIL"
}

# pkce_token REALM CLIENT REDIRECT_URI USERNAME PASSWORD: signs in the way a browser does, with the authorization
# code flow and PKCE (the realms allow no password grant outside tests), and prints the access token.
pkce_token() {
  local realm="$1" client="$2" redirect="$3" username="$4" password="$5" jar verifier challenge auth_url page action location code
  jar=$(mktemp)
  verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
  auth_url="$KEYCLOAK_URL/realms/$realm/protocol/openid-connect/auth?client_id=$client&response_type=code&scope=openid"
  auth_url+="&redirect_uri=$(printf '%s' "$redirect" | sed 's/:/%3A/g; s#/#%2F#g')&code_challenge=$challenge&code_challenge_method=S256"
  page=$(curl -fsS -c "$jar" -b "$jar" "$auth_url") || { rm -f "$jar"; return 1; }
  action=$(printf '%s' "$page" | sed -n 's/.*id="kc-form-login"[^>]*action="\([^"]*\)".*/\1/p; s/.*action="\([^"]*\)"[^>]*id="kc-form-login".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
  [[ -n "$action" ]] || { rm -f "$jar"; return 1; }
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$action" \
    --data-urlencode "username=$username" --data-urlencode "password=$password")
  rm -f "$jar"
  code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  [[ -n "$code" ]] || return 1
  curl -fsS -d grant_type=authorization_code -d "client_id=$client" -d "code=$code" -d "redirect_uri=$redirect" \
    -d "code_verifier=$verifier" "$KEYCLOAK_URL/realms/$realm/protocol/openid-connect/token" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# operator_token GATEWAY_PORT: the demo operator on the portal client of the platform realm
operator_token() {
  pkce_token platform portal "http://platform.localhost:$1/" "$DEMO_OPERATOR_EMAIL" "$DEMO_PASSWORD"
}

# player_token GATEWAY_PORT: the demo player on the demo brand's skin client
player_token() {
  pkce_token tenant-demo skin "http://demo.localhost:$1/" "$DEMO_PLAYER_EMAIL" "$DEMO_PASSWORD"
}

seed_demo_accounts() {
  local gateway="$1"
  curl -fsS -o /dev/null -H 'Host: demo.localhost' -H 'Content-Type: application/json' -X POST "$gateway/api/v1/players" \
    -d "{\"email\":\"$DEMO_PLAYER_EMAIL\",\"password\":\"$DEMO_PASSWORD\",\"firstName\":\"Demo\",\"lastName\":\"Player\",
         \"dateOfBirth\":\"1990-01-01\",\"country\":\"MT\",\"currency\":\"EUR\"}" || return 1
  create_staff tenant-demo trader trader &&
    create_staff tenant-demo compliance compliance-officer &&
    create_staff tenant-demo admin tenant-admin &&
    create_staff platform platform-admin platform-admin
}
