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

# create_staff REALM USERNAME ROLE
create_staff() {
  local realm="$1" username="$2" role="$3" token id role_json
  token=$(keycloak_admin_token)
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$KEYCLOAK_URL/admin/realms/$realm/users" -d "{\"username\":\"$username\",\"email\":\"$username@demo.test\",
      \"firstName\":\"Demo\",\"lastName\":\"$role\",\"enabled\":true,\"emailVerified\":true,
      \"requiredActions\":[\"CONFIGURE_TOTP\"],
      \"credentials\":[{\"type\":\"password\",\"value\":\"$DEMO_PASSWORD\",\"temporary\":false}]}" || return 1
  id=$(curl -fsS -H "Authorization: Bearer $token" "$KEYCLOAK_URL/admin/realms/$realm/users?username=$username&exact=true" |
    sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
  role_json=$(curl -fsS -H "Authorization: Bearer $token" "$KEYCLOAK_URL/admin/realms/$realm/roles/$role")
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$KEYCLOAK_URL/admin/realms/$realm/users/$id/role-mappings/realm" -d "[$role_json]"
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
