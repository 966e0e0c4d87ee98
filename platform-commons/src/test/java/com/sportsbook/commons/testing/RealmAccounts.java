package com.sportsbook.commons.testing;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.identity.TenantRealm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real accounts in a tenant's realm or the platform realm, and real sign-ins: players and operators with a password,
 * staff with a password and a TOTP code computed from an OTP credential set up for them (as the staff member's
 * authenticator app would). The realms' clients must allow the password grant (test realms only).
 */
public final class RealmAccounts implements AutoCloseable {

    public static final String PASSWORD = "Correct-Horse-42";

    private final TestKeycloak.Server server;
    private final Keycloak admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, CachedToken> platformTokens = new ConcurrentHashMap<>();

    private record CachedToken(String token, Instant obtained) {
    }

    public RealmAccounts(TestKeycloak.Server server) {
        this.server = server;
        this.admin = KeycloakBuilder.builder().serverUrl(server.url()).realm("master").grantType(OAuth2Constants.PASSWORD)
                .clientId("admin-cli").username(server.adminUsername()).password(server.adminPassword()).build();
    }

    public String playerToken(String tenant) {
        String realm = TenantRealm.nameOf(tenant);
        String username = create(realm, TenantRealm.PLAYER, null);
        return token(realm, "skin", username, PASSWORD, null);
    }

    public String staffToken(String tenant, String role) {
        return staffToken(TenantRealm.nameOf(tenant), "backoffice", role);
    }

    /** A platform-realm token: operators sign in on the portal with a password, platform staff on the console with OTP. */
    public String platformToken(String role) {
        if (PlatformRealm.STAFF_ROLES.contains(role)) {
            return staffToken(PlatformRealm.NAME, "console", role);
        }
        return token(PlatformRealm.NAME, "portal", create(PlatformRealm.NAME, role, null), PASSWORD, null);
    }

    /**
     * {@link #platformToken} for one account per role, reused for two minutes: well inside the realm's five-minute
     * access tokens, and a staff account's OTP code is never needed twice in one period.
     */
    public String platformBearer(String role) {
        return "Bearer " + platformTokens.compute(role, (key, cached) ->
                cached != null && cached.obtained().plusSeconds(120).isAfter(Instant.now())
                        ? cached : new CachedToken(platformToken(key), Instant.now())).token();
    }

    /** Makes the tokens a client of a tenant's realm issues from now on expire after {@code seconds}. */
    public void shortenTokenLifespan(String tenant, String clientId, int seconds) {
        RealmResource realm = admin.realm(TenantRealm.nameOf(tenant));
        ClientRepresentation client = realm.clients().findByClientId(clientId).getFirst();
        Map<String, String> attributes = new HashMap<>(client.getAttributes());
        attributes.put("access.token.lifespan", Integer.toString(seconds));
        client.setAttributes(attributes);
        realm.clients().get(client.getId()).update(client);
    }

    private String staffToken(String realm, String client, String role) {
        StaffAccount staff = staffAccount(realm, role);
        return token(realm, client, staff.username(), PASSWORD, staff.otpCode());
    }

    /** A staff member who signs in as a person does, in a browser: the password, then the authenticator app's code. */
    public record StaffAccount(String username, String password, String otpSecret) {
        /** The code the staff member's authenticator app shows now. */
        public String otpCode() {
            return TestTotp.code(otpSecret, Instant.now());
        }
    }

    /** A new staff account with this role of a tenant's realm, its OTP already set up. */
    public StaffAccount staffAccountOf(String tenant, String role) {
        return staffAccount(TenantRealm.nameOf(tenant), role);
    }

    /** A new platform staff account ({@code platform-admin}, {@code platform-support}), its OTP already set up. */
    public StaffAccount platformStaffAccount(String role) {
        return staffAccount(PlatformRealm.NAME, role);
    }

    private StaffAccount staffAccount(String realm, String role) {
        String otpSecret = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return new StaffAccount(create(realm, role, otpSecret), PASSWORD, otpSecret);
    }

    private String create(String realmName, String role, String otpSecret) {
        RealmResource realm = admin.realm(realmName);
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@" + realmName + ".test");
        user.setFirstName("Test");
        user.setLastName(role);
        user.setEmailVerified(true);
        user.setEnabled(true);
        if (otpSecret != null) {
            CredentialRepresentation otp = new CredentialRepresentation();
            otp.setType("otp");
            otp.setUserLabel("authenticator app");
            String[] credential = TestTotp.keycloakCredential(otpSecret);
            otp.setSecretData(credential[0]);
            otp.setCredentialData(credential[1]);
            user.setCredentials(List.of(otp));
        }
        String id;
        try (var response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("could not create " + username + ": HTTP " + response.getStatus());
            }
            id = response.getLocation().getPath().replaceAll(".*/", "");
        }
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        realm.users().get(id).resetPassword(password);
        realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(role).toRepresentation()));
        return username;
    }

    /** The realm roles a user was given directly. */
    public List<String> rolesOf(String tenant, String username) {
        RealmResource realm = admin.realm(TenantRealm.nameOf(tenant));
        String id = realm.users().searchByUsername(username, true).getFirst().getId();
        return realm.users().get(id).roles().realmLevel().listAll().stream()
                .map(org.keycloak.representations.idm.RoleRepresentation::getName).toList();
    }

    /** Signs a registered player in on the skin with their password. */
    public String signIn(String tenant, String username, String password) {
        return token(TenantRealm.nameOf(tenant), "skin", username, password, null);
    }

    /** Signs an account of the platform realm in on the portal client with its password (direct grant, test realms). */
    public String platformSignIn(String username, String password) {
        return token(PlatformRealm.NAME, "portal", username, password, null);
    }

    public int platformSignInStatus(String username, String password) {
        return status(tokenRequest(PlatformRealm.NAME, "portal", username, password, null));
    }

    public int signInStatus(String tenant, String username, String password) {
        return status(tokenRequest(TenantRealm.nameOf(tenant), "skin", username, password, null));
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request,
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest tokenRequest(String realm, String client, String username, String password, String totp) {
        String form = "grant_type=password&scope=openid&client_id=" + client + "&username=" + enc(username)
                + "&password=" + enc(password) + (totp == null ? "" : "&totp=" + totp);
        return HttpRequest.newBuilder(URI.create(server.url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private String token(String realm, String client, String username, String password, String totp) {
        HttpRequest request = tokenRequest(realm, client, username, password, totp);
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + username + " refused: " + response.body());
            }
            return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        admin.close();
    }
}
