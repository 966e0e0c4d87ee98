package com.sportsbook.controlplane.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Tenant realms against a real Keycloak 26: what provisioning creates, and that it holds at sign-in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantRealmIT {

    private final String tenant = "realm" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();
    private TestKeycloak.Server server;
    private TenantRealms realms;
    private Keycloak admin;
    private RealmResource realm;

    @BeforeAll
    void provisionRealm() {
        server = TestKeycloak.server();
        IdentitySettings settings = new IdentitySettings(URI.create(server.url()), "master", "admin-cli",
                server.adminUsername(), server.adminPassword(), true, List.of(8080), List.of("platform.localhost"));
        realms = new TenantRealms(new KeycloakRealms(settings), settings);
        realms.ensureTenantRealm(tenant, "Realm Bet", List.of(tenant + ".localhost", "www." + tenant + ".example.com"));
        admin = KeycloakBuilder.builder().serverUrl(server.url()).realm("master").grantType(OAuth2Constants.PASSWORD)
                .clientId("admin-cli").username(server.adminUsername()).password(server.adminPassword()).build();
        realm = admin.realm(TenantRealms.realmOf(tenant));
    }

    @AfterAll
    void close() {
        admin.close();
    }

    @Test
    void theRealmCarriesThePasswordBruteForceAndOtpPolicies() {
        RealmRepresentation representation = realm.toRepresentation();

        assertThat(representation.isEnabled()).isTrue();
        assertThat(representation.getDisplayName()).isEqualTo("Realm Bet");
        assertThat(representation.getPasswordPolicy()).contains("length(10)", "notUsername", "passwordHistory(3)");
        assertThat(representation.isBruteForceProtected()).isTrue();
        assertThat(representation.getFailureFactor()).isEqualTo(5);
        assertThat(representation.getOtpPolicyType()).isEqualTo("totp");
        assertThat(representation.getBrowserFlow()).isEqualTo(KeycloakRealms.BROWSER_FLOW);
        assertThat(representation.getDirectGrantFlow()).isEqualTo(KeycloakRealms.DIRECT_GRANT_FLOW);
        assertThat(representation.isRegistrationAllowed()).as("players register through the brand's API").isFalse();
    }

    @Test
    void theSkinClientUsesPkceWithRedirectsForEveryBrandHost() {
        ClientRepresentation skin = realm.clients().findByClientId("skin").getFirst();

        assertThat(skin.isPublicClient()).isTrue();
        assertThat(skin.isStandardFlowEnabled()).isTrue();
        assertThat(skin.isImplicitFlowEnabled()).isFalse();
        assertThat(skin.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(skin.getRedirectUris()).containsExactlyInAnyOrder(
                "https://" + tenant + ".localhost/*", "http://" + tenant + ".localhost:8080/*",
                "https://www." + tenant + ".example.com/*");
        assertThat(realm.clients().findByClientId("backoffice")).hasSize(1);
    }

    @Test
    void everyRoleExistsAndEveryStaffRoleCarriesTheOtpMarker() {
        assertThat(realm.roles().list()).extracting(RoleRepresentation::getName)
                .contains("player", "trader", "risk-manager", "compliance-officer", "support", "finance", "tenant-admin", "staff");
        for (String staffRole : RealmBlueprint.TENANT_STAFF_ROLES) {
            assertThat(realm.roles().get(staffRole).getRealmRoleComposites()).extracting(RoleRepresentation::getName)
                    .as(staffRole).contains("staff");
        }
        assertThat(realm.roles().get("player").getRealmRoleComposites()).isEmpty();
    }

    @Test
    void provisioningTheRealmAgainChangesNothingButFollowsTheHosts() {
        realms.ensureTenantRealm(tenant, "Realm Bet", List.of(tenant + ".localhost", "m." + tenant + ".example.com"));

        assertThat(realm.clients().findByClientId("skin")).hasSize(1);
        assertThat(realm.flows().getFlows().stream().filter(flow -> flow.getAlias().startsWith("sportsbook-"))).hasSize(2);
        assertThat(realm.clients().findByClientId("skin").getFirst().getRedirectUris())
                .contains("https://m." + tenant + ".example.com/*")
                .doesNotContain("https://www." + tenant + ".example.com/*");
        realms.ensureTenantRealm(tenant, "Realm Bet", List.of(tenant + ".localhost", "www." + tenant + ".example.com"));
    }

    @Test
    void theRuntimesServiceAccountManagesUsersOfItsOwnRealmAndNothingElse() {
        TenantRealms.ServiceCredentials credentials = realms.runtimeCredentials(tenant).orElseThrow();
        String other = "neighbour" + UUID.randomUUID().toString().substring(0, 6);
        realms.ensureTenantRealm(other, "Neighbour Bet", List.of(other + ".localhost"));
        ClientRepresentation client = realm.clients().findByClientId("tenant-runtime").getFirst();

        try (Keycloak runtime = KeycloakBuilder.builder().serverUrl(server.url()).realm(credentials.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(credentials.clientId())
                .clientSecret(credentials.clientSecret()).build()) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername("made-by-runtime-" + UUID.randomUUID().toString().substring(0, 6));
            user.setEnabled(true);
            try (var created = runtime.realm(credentials.realm()).users().create(user)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            assertThat(runtime.realm(credentials.realm()).roles().get("player").toRepresentation().getName()).isEqualTo("player");
            assertThatThrownBy(() -> runtime.realm(TenantRealms.realmOf(other)).users().count())
                    .as("another tenant's realm").isInstanceOf(jakarta.ws.rs.WebApplicationException.class);
            assertThatThrownBy(() -> runtime.realm("master").users().count())
                    .as("the master realm").isInstanceOf(jakarta.ws.rs.WebApplicationException.class);
            assertThatThrownBy(() -> runtime.realm(credentials.realm()).clients().findAll())
                    .as("clients and their secrets").isInstanceOf(jakarta.ws.rs.ForbiddenException.class);
        }
        assertThat(credentials.realm()).isEqualTo(TenantRealms.realmOf(tenant));
        assertThat(client.isPublicClient()).isFalse();
        assertThat(client.isServiceAccountsEnabled()).isTrue();
        assertThat(client.isStandardFlowEnabled()).isFalse();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
    }

    @Test
    void aRealmFromAnOlderBlueprintGainsTheRuntimeClientWhenReconciledAgain() {
        String older = "older" + UUID.randomUUID().toString().substring(0, 6);
        realms.ensureTenantRealm(older, "Older Bet", List.of(older + ".localhost"));
        RealmResource realm = admin.realm(TenantRealms.realmOf(older));
        realm.clients().get(realm.clients().findByClientId("tenant-runtime").getFirst().getId()).remove();
        boolean goneBefore = realms.runtimeCredentials(older).isEmpty();

        realms.ensureTenantRealm(older, "Older Bet", List.of(older + ".localhost"));

        assertThat(goneBefore).isTrue();
        assertThat(realms.runtimeCredentials(older)).isPresent();
        assertThat(realm.clients().findByClientId("tenant-runtime")).hasSize(1);
    }

    @Test
    void aPlayerSignsInWithAPassword() throws Exception {
        String player = createUser("punter", "player");

        HttpResponse<String> token = passwordGrant(player, "Correct-Horse-42");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
    }

    /**
     * Keycloak's OTP check in the password grant answers a staff account without OTP with a server error rather than
     * a 400; the grant is refused either way, and it exists only on test realms.
     */
    @Test
    void aStaffPasswordAloneNeverYieldsAToken() throws Exception {
        String invited = createUser("trader", "trader", List.of("CONFIGURE_TOTP"));
        String notInvited = createUser("compliance", "compliance-officer");

        for (String staff : List.of(invited, notInvited)) {
            HttpResponse<String> token = passwordGrant(staff, "Correct-Horse-42");
            assertThat(token.statusCode()).as(staff).isNotEqualTo(200);
            assertThat(token.body()).doesNotContain("access_token");
        }
    }

    @Test
    void aStaffMemberWithOtpSignsInWithPasswordAndCodeButNotWithAWrongCode() throws Exception {
        String secret = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String admin = createUser(realm, "admin", "tenant-admin", List.of(), secret);
        String code = TestTotp.code(secret, Instant.now());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        HttpResponse<String> withWrongCode = passwordGrant(tenant, admin, "Correct-Horse-42", wrong);
        HttpResponse<String> withCode = passwordGrant(tenant, admin, "Correct-Horse-42", code);

        assertThat(withWrongCode.statusCode()).isNotEqualTo(200);
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
        assertThat(withCode.body()).contains("access_token");
    }

    @Test
    void inTheBrowserAStaffPasswordLeadsToOtpSetupWhileAPlayerGetsACode() throws Exception {
        BrowserLogin player = BrowserLogin.start(server.url(), TenantRealms.realmOf(tenant), "http://" + tenant + ".localhost:8080/");
        BrowserLogin trader = BrowserLogin.start(server.url(), TenantRealms.realmOf(tenant), "http://" + tenant + ".localhost:8080/");

        HttpResponse<String> playerAnswer = player.submitPassword(createUser("browsing", "player"), "Correct-Horse-42");
        HttpResponse<String> traderAnswer = trader.submitPassword(createUser("desk", "trader"), "Correct-Horse-42");

        assertThat(playerAnswer.statusCode()).isEqualTo(302);
        assertThat(playerAnswer.headers().firstValue("Location").orElseThrow()).contains("code=");
        String traderNext = traderAnswer.headers().firstValue("Location").orElse("");
        assertThat(traderNext).as("the trader stays in Keycloak").contains("/realms/").doesNotContain("code=");
        HttpResponse<String> otpSetup = trader.follow(traderAnswer);
        assertThat(otpSetup.statusCode()).isEqualTo(200);
        assertThat(otpSetup.body()).containsIgnoringCase("totp");
    }

    @Test
    void aWeakPasswordIsRefusedByThePolicy() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("weak-" + UUID.randomUUID().toString().substring(0, 6));
        user.setEnabled(true);
        String id;
        try (var response = realm.users().create(user)) {
            id = response.getLocation().getPath().replaceAll(".*/", "");
        }
        CredentialRepresentation weak = new CredentialRepresentation();
        weak.setType(CredentialRepresentation.PASSWORD);
        weak.setValue("password");
        weak.setTemporary(false);

        assertThatThrownBy(() -> realm.users().get(id).resetPassword(weak))
                .isInstanceOf(jakarta.ws.rs.BadRequestException.class);
    }

    @Test
    void aDisabledRealmRefusesEverySignIn() throws Exception {
        String other = "offboard" + UUID.randomUUID().toString().substring(0, 6);
        realms.ensureTenantRealm(other, "Offboarded Bet", List.of(other + ".localhost"));
        RealmResource offboarded = admin.realm(TenantRealms.realmOf(other));
        String player = createUser(offboarded, "leaving", "player");

        assertThat(passwordGrant(other, player, "Correct-Horse-42").statusCode()).isEqualTo(200);
        realms.disableTenantRealm(other);

        assertThat(passwordGrant(other, player, "Correct-Horse-42").statusCode()).isNotEqualTo(200);
    }

    private String createUser(String prefix, String role) {
        return createUser(realm, prefix, role, List.of());
    }

    private String createUser(String prefix, String role, List<String> requiredActions) {
        return createUser(realm, prefix, role, requiredActions);
    }

    private static String createUser(RealmResource target, String prefix, String role) {
        return createUser(target, prefix, role, List.of());
    }

    private static String createUser(RealmResource target, String prefix, String role, List<String> requiredActions) {
        return createUser(target, prefix, role, requiredActions, null);
    }

    private static String createUser(RealmResource target, String prefix, String role, List<String> requiredActions,
            String otpSecret) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.com");
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setRequiredActions(requiredActions);
        if (otpSecret != null) {
            CredentialRepresentation otp = new CredentialRepresentation();
            otp.setType("otp");
            otp.setSecretData(TestTotp.keycloakCredential(otpSecret)[0]);
            otp.setCredentialData(TestTotp.keycloakCredential(otpSecret)[1]);
            user.setCredentials(List.of(otp));
        }
        String id;
        try (var response = target.users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
            id = response.getLocation().getPath().replaceAll(".*/", "");
        }
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Correct-Horse-42");
        password.setTemporary(false);
        target.users().get(id).resetPassword(password);
        target.users().get(id).roles().realmLevel().add(List.of(target.roles().get(role).toRepresentation()));
        return username;
    }

    private HttpResponse<String> passwordGrant(String username, String password) throws IOException, InterruptedException {
        return passwordGrant(tenant, username, password);
    }

    private HttpResponse<String> passwordGrant(String tenantSlug, String username, String password)
            throws IOException, InterruptedException {
        return passwordGrant(tenantSlug, username, password, null);
    }

    private HttpResponse<String> passwordGrant(String tenantSlug, String username, String password, String totp)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=skin&scope=openid&username=" + enc(username) + "&password=" + enc(password)
                + (totp == null ? "" : "&totp=" + totp);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/realms/" + TenantRealms.realmOf(tenantSlug)
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
