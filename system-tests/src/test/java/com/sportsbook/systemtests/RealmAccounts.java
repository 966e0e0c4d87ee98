package com.sportsbook.systemtests;

import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestTotp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real accounts in a tenant's realm and real sign-ins: players with a password, staff with a password and a TOTP
 * code computed from an OTP credential set up for them (as the staff member's authenticator app would).
 */
final class RealmAccounts implements AutoCloseable {

    static final String PASSWORD = "Correct-Horse-42";

    private final TestKeycloak.Server server;
    private final Keycloak admin;
    private final HttpClient http = HttpClient.newHttpClient();

    RealmAccounts(TestKeycloak.Server server) {
        this.server = server;
        this.admin = KeycloakBuilder.builder().serverUrl(server.url()).realm("master").grantType(OAuth2Constants.PASSWORD)
                .clientId("admin-cli").username(server.adminUsername()).password(server.adminPassword()).build();
    }

    String playerToken(String tenant) {
        String username = create(tenant, "player", null);
        return token(tenant, "skin", username, null);
    }

    String staffToken(String tenant, String role) {
        String otpSecret = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String username = create(tenant, role, otpSecret);
        return token(tenant, "backoffice", username, TestTotp.code(otpSecret, Instant.now()));
    }

    private String create(String tenant, String role, String otpSecret) {
        RealmResource realm = admin.realm("tenant-" + tenant);
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@" + tenant + ".test");
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
    List<String> rolesOf(String tenant, String username) {
        RealmResource realm = admin.realm("tenant-" + tenant);
        String id = realm.users().searchByUsername(username, true).getFirst().getId();
        return realm.users().get(id).roles().realmLevel().listAll().stream()
                .map(org.keycloak.representations.idm.RoleRepresentation::getName).toList();
    }

    /** Signs a registered player in on the skin with their password. */
    String signIn(String tenant, String username, String password) {
        return token(tenant, "skin", username, password, null);
    }

    int signInStatus(String tenant, String username, String password) {
        try {
            return http.send(tokenRequest(tenant, "skin", username, password, null), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String tenant, String client, String username, String totp) {
        return token(tenant, client, username, PASSWORD, totp);
    }

    private HttpRequest tokenRequest(String tenant, String client, String username, String password, String totp) {
        String form = "grant_type=password&scope=openid&client_id=" + client + "&username=" + enc(username)
                + "&password=" + enc(password) + (totp == null ? "" : "&totp=" + totp);
        return HttpRequest.newBuilder(URI.create(server.url() + "/realms/tenant-" + tenant
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private String token(String tenant, String client, String username, String password, String totp) {
        HttpRequest request = tokenRequest(tenant, client, username, password, totp);
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
