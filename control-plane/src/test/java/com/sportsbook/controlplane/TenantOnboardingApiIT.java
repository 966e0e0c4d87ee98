package com.sportsbook.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The control plane's public API on real HTTP against real PostgreSQL. No tenant runtime runs here, so provisioning
 * meets a real failure (connection refused) at its first step; the happy path runs in system-tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantOnboardingApiIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final TestKeycloak.Server KEYCLOAK = TestKeycloak.server();
    private static final RealmAccounts ACCOUNTS = new RealmAccounts(KEYCLOAK);
    private static final String TOKEN = ControlPlaneTestSettings.INTERNAL_TOKEN;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        ControlPlaneTestSettings.noRuntime(registry);
        ControlPlaneTestSettings.keycloak(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    private TestHttp http;

    /** A platform admin may do everything here; who else may is the permission matrix's end-to-end test. */
    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN) != null);
        http = new TestHttp("http://localhost:" + port)
                .withDefaultHeader("Authorization", () -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN));
    }

    @Test
    void withoutAPlatformTokenTheApiAnswers401ProblemDetails() {
        TestHttp anonymous = new TestHttp("http://localhost:" + port);

        TestHttp.Response list = anonymous.get("/api/v1/tenants").send();
        TestHttp.Response forged = anonymous.post("/api/v1/tenants", tenant("forged", "forged.example.com"))
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").send();

        assertThat(list.status()).isEqualTo(401);
        assertThat(list.header("Content-Type")).startsWith("application/problem+json");
        assertThat(list.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(http.get("/api/v1/tenants/forged").send().status()).as("nothing was created").isEqualTo(404);
    }

    static String tenant(String slug, String... hosts) {
        List<String> quoted = new ArrayList<>();
        for (String host : hosts) {
            quoted.add('"' + host + '"');
        }
        return """
                {"slug": "%s",
                 "operator": {"name": "%s Gaming Ltd", "contactEmail": "ops@%s.test"},
                 "brand": {"name": "%s Bet", "hosts": [%s], "defaultCurrency": "EUR",
                           "currencies": ["EUR", "GBP"], "languages": ["en"], "jurisdictions": ["MT", "GB"]}}
                """.formatted(slug, slug, slug, slug, String.join(",", quoted));
    }

    @Test
    void creatingATenantAnswers202WithTheProvisioningResourceToPoll() {
        TestHttp.Response response = http.post("/api/v1/tenants", tenant("acme", "acme.example.com")).send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/v1/tenants/acme/provisioning");
        JsonNode run = response.json();
        assertThat(run.get("tenant").asString()).isEqualTo("acme");
        assertThat(run.get("stepsTotal").asInt()).isEqualTo(6);
        assertThat(run.get("steps").findValuesAsString("name"))
                .containsExactly("schema_created", "migrations_applied", "identity_realm", "seed_data", "hosts_routed", "active");
        JsonNode tenant = http.get("/api/v1/tenants/acme").send().json();
        assertThat(tenant.get("schema").asString()).isEqualTo("tenant_acme");
        assertThat(tenant.at("/brands/0/hosts/0").asString()).isEqualTo("acme.example.com");
    }

    @Test
    void aFailingStepLeavesTheTenantProvisioningFailedWithTheStepAndTheError() {
        http.post("/api/v1/tenants", tenant("fails", "fails.example.com")).send();

        JsonNode run = awaitRunStatus("fails", "failed");

        assertThat(run.get("failedStep").asString()).isEqualTo("schema_created");
        assertThat(run.get("error").asString()).contains("could not be reached to create the schema");
        assertThat(run.at("/steps/0/status").asString()).isEqualTo("failed");
        assertThat(run.at("/steps/0/startedAt").isNull()).isFalse();
        assertThat(run.at("/steps/0/finishedAt").isNull()).isFalse();
        assertThat(run.at("/steps/1/status").asString()).isEqualTo("pending");
        assertThat(http.get("/api/v1/tenants/fails").send().json().get("status").asString()).isEqualTo("provisioning_failed");
    }

    @Test
    void aFailedRunCanBeRetriedAndEachAttemptIsCounted() {
        http.post("/api/v1/tenants", tenant("again", "again.example.com")).send();
        awaitRunStatus("again", "failed");

        TestHttp.Response retry = http.post("/api/v1/tenants/again/provisioning/retry", "").send();

        assertThat(retry.status()).isEqualTo(202);
        JsonNode run = awaitRunStatus("again", "failed");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(run.at("/steps/0/attempts").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAFailedRunCanBeRetried() {
        assertThat(http.post("/api/v1/tenants/nobody/provisioning/retry", "").send().status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsA400ProblemDetail() {
        TestHttp.Response response = http.post("/api/v1/tenants", "{\"slug\": \"acme\", ").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("malformed_request");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void missingFieldsAreA422ListingEachField() {
        TestHttp.Response response = http.post("/api/v1/tenants", "{\"slug\": \"incomplete\"}").send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("operator", "brand");
    }

    @Test
    void invalidHostsCurrenciesAndJurisdictionsAreA422NamingTheFields() {
        String body = """
                {"slug": "badinput", "operator": {"name": "Bad", "contactEmail": "ops@bad.test"},
                 "brand": {"name": "Bad Bet", "hosts": ["http://bad.example.com", "bad host"], "defaultCurrency": "EUR",
                           "currencies": ["EUR", "XYZ"], "languages": ["en"], "jurisdictions": ["ZZ"]}}
                """;

        TestHttp.Response response = http.post("/api/v1/tenants", body).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "brand.hosts[0]", "brand.hosts[1]", "brand.currencies[1]", "brand.jurisdictions[0]");
        assertThat(http.get("/api/v1/tenants/badinput").send().status()).isEqualTo(404);
    }

    @Test
    void aSlugOrHostAlreadyTakenIsA409() {
        http.post("/api/v1/tenants", tenant("taken", "taken.example.com")).send();

        TestHttp.Response sameSlug = http.post("/api/v1/tenants", tenant("taken", "other.example.com")).send();
        TestHttp.Response sameHost = http.post("/api/v1/tenants", tenant("thief", "www.thief.example.com", "taken.example.com")).send();

        assertThat(sameSlug.status()).isEqualTo(409);
        assertThat(sameSlug.json().get("code").asString()).isEqualTo("tenant_slug_taken");
        assertThat(sameHost.status()).isEqualTo(409);
        assertThat(sameHost.json().get("code").asString()).isEqualTo("brand_host_taken");
        assertThat(sameHost.json().get("hosts").findValuesAsString("hosts")).isEmpty();
        assertThat(sameHost.json().get("hosts").get(0).asString()).isEqualTo("taken.example.com");
        assertThat(http.get("/api/v1/tenants/thief").send().status()).isEqualTo(404);
    }

    @Test
    void aTenantThatIsNotLiveCannotBeSuspended() {
        http.post("/api/v1/tenants", tenant("early", "early.example.com")).send();

        TestHttp.Response response = http.post("/api/v1/tenants/early/suspension", "").send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("tenant_state_conflict");
        assertThat(http.post("/api/v1/tenants/ghost/suspension", "").send().status()).isEqualTo(404);
    }

    @Test
    void credentialsAreStoredEncryptedShownMaskedAndRevealedOnlyOnTheInternalApi() throws Exception {
        http.post("/api/v1/tenants", tenant("vaulted", "vaulted.example.com")).send();
        String secret = "sk_test_51Vaulted0123456789abcd";

        TestHttp.Response stored = http.put("/api/v1/tenants/vaulted/credentials/psp.stripe",
                "{\"secretKey\": \"" + secret + "\", \"webhookSecret\": \"whsec_vault_9876\", \"connectAccount\": \"acct_1Vault\"}")
                .send();
        TestHttp.Response masked = http.get("/api/v1/tenants/vaulted/credentials/psp.stripe").send();
        TestHttp.Response internal = http.get("/internal/tenants/vaulted/credentials/psp.stripe").header("X-Internal-Token", TOKEN)
                .header("X-Internal-Tenant", "vaulted").send();
        TestHttp.Response internalWithoutToken = new TestHttp("http://localhost:" + port)
                .get("/internal/tenants/vaulted/credentials/psp.stripe").send();
        TestHttp.Response missingField = http.put("/api/v1/tenants/vaulted/credentials/psp.stripe",
                "{\"secretKey\": \"sk_x\", \"pin\": \"1234\"}").send();
        TestHttp.Response unknownPurpose = http.put("/api/v1/tenants/vaulted/credentials/bank.swift", "{}").send();

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).doesNotContain(secret).doesNotContain("whsec_vault_9876");
        assertThat(masked.json().at("/fields/secretKey/lastFour").asString()).isEqualTo("abcd");
        assertThat(masked.json().at("/fields/webhookSecret/lastFour").asString()).isEqualTo("9876");
        assertThat(masked.body()).doesNotContain(secret);
        assertThat(internal.json().at("/fields/secretKey").asString()).isEqualTo(secret);
        assertThat(internal.header("Cache-Control")).contains("no-store");
        assertThat(internalWithoutToken.status()).isEqualTo(401);
        assertThat(missingField.status()).isEqualTo(422);
        assertThat(missingField.json().get("errors").findValuesAsString("field")).containsExactly("pin", "webhookSecret");
        assertThat(unknownPurpose.status()).isEqualTo(404);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(),
                DATABASE.password());
                java.sql.ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT ciphertext, wrapped_key FROM control_plane.tenant_credential")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertThat(new String(rows.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sk_test", "whsec");
            }
            assertThat(count).isEqualTo(3);
        }
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblemDetailsToo() {
        TestHttp.Response wrongMethod = http.delete("/api/v1/tenants").send();
        TestHttp.Response wrongType = http.post("/api/v1/tenants", "slug=acme").header("Content-Type", "text/plain").send();

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asString()).isEqualTo("method_not_allowed");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("code").asString()).isEqualTo("unsupported_media_type");
    }

    @Test
    void theRoutingDirectoryNeedsTheServiceTokenAndAnswers304WhileNothingChanged() {
        assertThat(http.get("/internal/v1/routing").send().status()).isEqualTo(401);
        assertThat(http.get("/internal/v1/routing").header("X-Internal-Token", "wrong").send().status()).isEqualTo(401);
        assertThat(http.get("/%69nternal/v1/routing").send().status())
                .as("an encoded spelling of /internal is guarded too").isEqualTo(401);

        TestHttp.Response first = http.get("/internal/v1/routing").header("X-Internal-Token", TOKEN).send();
        String etag = first.header("ETag");
        TestHttp.Response unchanged = http.get("/internal/v1/routing").header("X-Internal-Token", TOKEN)
                .header("If-None-Match", etag).send();
        http.post("/api/v1/tenants", tenant("newcomer", "newcomer.example.com")).send();
        TestHttp.Response changed = http.get("/internal/v1/routing").header("X-Internal-Token", TOKEN)
                .header("If-None-Match", etag).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("tenants").findValuesAsString("slug")).contains("newcomer");
        assertThat(changed.json().get("version").asLong()).isGreaterThan(first.json().get("version").asLong());
        assertThat(changed.json().get("brands").findValues("hosts").toString())
                .as("hosts are published only once provisioning has routed them")
                .doesNotContain("newcomer.example.com");
    }

    private JsonNode awaitRunStatus(String tenant, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/tenants/" + tenant + "/provisioning").send().json(),
                        run -> status.equals(run.get("status").asString()));
    }

}
