package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.ControlPlaneTestSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.commons.testing.TestUnleash;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The flags API on real HTTP against real PostgreSQL and a real Keycloak: platform admins define and roll out flags,
 * every change is in the history with who and what before and after, bad input is a problem detail with its code,
 * and (when the test run has one) the real Unleash follows each change within moments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeatureFlagsApiIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final TestKeycloak.Server KEYCLOAK = TestKeycloak.server();
    private static final RealmAccounts ACCOUNTS = new RealmAccounts(KEYCLOAK);
    private static final String TOKEN = ControlPlaneTestSettings.INTERNAL_TOKEN;
    private static final java.util.Optional<TestUnleash.Server> UNLEASH = TestUnleash.server();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        ControlPlaneTestSettings.noRuntime(registry);
        ControlPlaneTestSettings.keycloak(registry, KEYCLOAK);
        registry.add("control-plane.flags.unleash.url", () -> UNLEASH.map(TestUnleash.Server::url).orElse(""));
        registry.add("control-plane.flags.unleash.admin-token", () -> UNLEASH.map(TestUnleash.Server::adminToken).orElse(""));
        // the periodic repair would push this test's seeded flags over another platform's in the shared Unleash
        registry.add("control-plane.flags.unleash.reconcile-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    private TestHttp admin;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN) != null);
        admin = new TestHttp("http://localhost:" + port)
                .withDefaultHeader("Authorization", () -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN));
        for (String slug : new String[] {"flagalpha", "flagbeta"}) {
            if (admin.get("/api/v1/tenants/" + slug).send().status() == 404) {
                TestHttp.Response created = admin.post("/api/v1/tenants", """
                        {"slug": "%1$s", "operator": {"name": "%1$s Ltd", "contactEmail": "ops@%1$s.test"},
                         "brand": {"name": "%1$s Bet", "hosts": ["%1$s.example.com"], "defaultCurrency": "EUR",
                                   "currencies": ["EUR"], "languages": ["en"], "jurisdictions": ["MT", "GB"]}}"""
                        .formatted(slug)).send();
                assertThat(created.status()).as(created.body()).isEqualTo(202);
            }
        }
    }

    private static String key() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Test
    void theGatedFeaturesStartOnForEveryTenant() {
        JsonNode cashOut = admin.get("/api/v1/flags/cash-out").send().json();

        assertThat(cashOut.at("/flag/percentage").asInt()).isEqualTo(100);
        assertThat(cashOut.at("/flag/killed").asBoolean()).isFalse();
        assertThat(cashOut.get("evaluation").valueStream()).isNotEmpty().allSatisfy(e -> assertThat(e.get("enabled").asBoolean()).isTrue());
        assertThat(admin.get("/api/v1/flags").send().json().get("items").findValuesAsString("key")).contains("cash-out", "system-bets");
    }

    @Test
    void anAdminRollsAFlagOutToATenantAndEveryChangeIsInItsHistory() {
        String key = key();
        TestHttp.Response created = admin.post("/api/v1/flags", """
                {"key": "%s", "description": "Bet builder", "reason": "pilot"}""".formatted(key)).send();
        TestHttp.Response rolledOut = admin.put("/api/v1/flags/" + key, """
                {"tenants": ["flagalpha"], "percentage": 0, "jurisdictions": [], "reason": "alpha asked for it"}""").send();
        TestHttp.Response unchanged = admin.put("/api/v1/flags/" + key, """
                {"tenants": ["flagalpha"], "percentage": 0}""").send();
        JsonNode read = admin.get("/api/v1/flags/" + key).send().json();
        JsonNode history = admin.get("/api/v1/flags/" + key + "/history").send().json();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/flags/" + key);
        assertThat(created.json().get("percentage").asInt()).as("nobody until rolled out").isZero();
        assertThat(rolledOut.status()).as(rolledOut.body()).isEqualTo(200);
        assertThat(rolledOut.json().get("version").asLong()).isEqualTo(2);
        assertThat(unchanged.json().get("version").asLong()).as("the same rollout again changes nothing").isEqualTo(2);
        assertThat(read.get("evaluation").valueStream().filter(e -> e.get("enabled").asBoolean()).map(e -> e.get("tenant").asString()))
                .containsExactly("flagalpha");
        assertThat(history.get("items")).hasSize(2);
        JsonNode latest = history.at("/items/0");
        assertThat(latest.get("action").asString()).isEqualTo("rollout_changed");
        assertThat(latest.at("/actor/name").asString()).isNotBlank();
        assertThat(latest.at("/actor/id").asString()).isNotBlank();
        assertThat(latest.get("reason").asString()).isEqualTo("alpha asked for it");
        assertThat(latest.at("/before/tenants")).isEmpty();
        assertThat(latest.at("/after/tenants/0").asString()).isEqualTo("flagalpha");
        assertThat(latest.get("at").asString()).endsWith("Z");
        assertThat(history.at("/items/1/action").asString()).isEqualTo("created");
    }

    @Test
    void theKillSwitchTurnsAFlagOffForEveryTenantAndReleasingItRestoresTheRollout() {
        String key = key();
        admin.post("/api/v1/flags", """
                {"key": "%s", "description": "everyone", "percentage": 100}""".formatted(key)).send();

        TestHttp.Response killed = admin.post("/api/v1/flags/" + key + "/kill-switch", "{\"reason\": \"incident 42\"}").send();
        JsonNode whileKilled = admin.get("/api/v1/flags/" + key).send().json();
        TestHttp.Response released = admin.delete("/api/v1/flags/" + key + "/kill-switch").send();
        JsonNode history = admin.get("/api/v1/flags/" + key + "/history").send().json();

        assertThat(killed.status()).as(killed.body()).isEqualTo(200);
        assertThat(killed.json().get("killed").asBoolean()).isTrue();
        assertThat(whileKilled.get("evaluation").valueStream()).allSatisfy(e -> assertThat(e.get("enabled").asBoolean()).isFalse());
        assertThat(released.json().get("killed").asBoolean()).isFalse();
        assertThat(released.json().get("percentage").asInt()).isEqualTo(100);
        assertThat(history.get("items").findValuesAsString("action")).containsExactly("revived", "killed", "created");
        assertThat(history.at("/items/1/reason").asString()).isEqualTo("incident 42");
    }

    @Test
    void badInputIsAProblemDetailWithItsCode() {
        String key = key();
        admin.post("/api/v1/flags", "{\"key\": \"%s\", \"description\": \"x\"}".formatted(key)).send();

        assertProblem(admin.put("/api/v1/flags/" + key, "{\"tenants\": [\"flagalpha\", \"nobody-here\"]}").send(), 422,
                "unknown_tenant", "tenants[1]");
        assertProblem(admin.put("/api/v1/flags/" + key, "{\"percentage\": 101}").send(), 422, "validation_failed", "percentage");
        assertProblem(admin.put("/api/v1/flags/" + key, "{\"percentage\": -1}").send(), 422, "validation_failed", "percentage");
        assertProblem(admin.put("/api/v1/flags/" + key, "{\"percentage\": 12.5}").send(), 422, "validation_failed", "percentage");
        assertProblem(admin.put("/api/v1/flags/" + key, "{\"jurisdictions\": [\"MT\", \"XX\"]}").send(), 422,
                "unknown_jurisdiction", "jurisdictions[1]");
        assertProblem(admin.post("/api/v1/flags", "{\"key\": \"Cash_Out\", \"description\": \"x\"}").send(), 422,
                "validation_failed", "key");
        assertProblem(admin.post("/api/v1/flags", "{\"key\": \"ok-key\"}").send(), 422, "validation_failed", "description");
        assertProblem(admin.post("/api/v1/flags", "{\"key\": \"%s\", \"description\": \"again\"}".formatted(key)).send(), 409,
                "flag_exists", null);
        assertProblem(admin.put("/api/v1/flags/no-such-flag", "{\"percentage\": 5}").send(), 404, "flag_not_found", null);
        assertProblem(admin.post("/api/v1/flags/no-such-flag/kill-switch", "").send(), 404, "flag_not_found", null);
        assertProblem(admin.get("/api/v1/flags/no-such-flag/history").send(), 404, "flag_not_found", null);
        TestHttp.Response malformed = admin.put("/api/v1/flags/" + key, "{\"percentage\": ").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/flags/" + key + "/history").send().json().get("items")).as("nothing changed").hasSize(1);
    }

    @Test
    void onlyPlatformStaffReadFlagsAndOnlyAdminsChangeThem() {
        TestHttp support = new TestHttp("http://localhost:" + port)
                .withDefaultHeader("Authorization", () -> ACCOUNTS.platformBearer(PlatformRealm.SUPPORT));
        TestHttp operator = new TestHttp("http://localhost:" + port)
                .withDefaultHeader("Authorization", () -> ACCOUNTS.platformBearer(PlatformRealm.OPERATOR));

        assertThat(support.get("/api/v1/flags/cash-out").send().status()).isEqualTo(200);
        assertThat(support.get("/api/v1/flags/cash-out/history").send().status()).isEqualTo(200);
        assertThat(support.post("/api/v1/flags/cash-out/kill-switch", "").send().status()).isEqualTo(403);
        assertThat(support.put("/api/v1/flags/cash-out", "{\"percentage\": 0}").send().status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/flags").send().status()).isEqualTo(403);
        assertThat(new TestHttp("http://localhost:" + port).get("/api/v1/flags").send().status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/flags/cash-out").send().json().at("/flag/killed").asBoolean()).isFalse();
    }

    @Test
    void runtimesReadEveryFlagInUnleashsClientFormatWithTheInternalToken() {
        TestHttp internal = new TestHttp("http://localhost:" + port);

        TestHttp.Response withoutToken = internal.get("/internal/flags/snapshot").send();
        TestHttp.Response snapshot = internal.get("/internal/flags/snapshot").header(TrustedHeaders.INTERNAL_TOKEN, TOKEN).send();
        TestHttp.Response again = internal.get("/internal/flags/client/features").header(TrustedHeaders.INTERNAL_TOKEN, TOKEN)
                .header("If-None-Match", snapshot.header("ETag")).send();

        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.json().get("version").asInt()).isEqualTo(2);
        JsonNode cashOut = snapshot.json().get("features").valueStream().filter(f -> f.get("name").asString().equals("cash-out"))
                .findFirst().orElseThrow();
        assertThat(cashOut.get("enabled").asBoolean()).isTrue();
        assertThat(cashOut.at("/strategies/1/parameters/stickiness").asString()).isEqualTo("tenantId");
        assertThat(cashOut.at("/strategies/1/parameters/rollout").asString()).isEqualTo("100");
        assertThat(again.status()).as("unchanged since the ETag").isEqualTo(304);
    }

    @Test
    void withoutUnleashTheSdkReadsTheFlagsFromTheControlPlaneAndSeesAChangeAtItsNextPoll() throws Exception {
        String key = key();
        admin.post("/api/v1/flags", "{\"key\": \"%s\", \"description\": \"embedded\", \"tenants\": [\"flagalpha\"]}"
                .formatted(key)).send();
        java.nio.file.Path backup = java.nio.file.Files.createTempFile("unleash-it", ".json");
        java.nio.file.Files.delete(backup);
        // as the runtime configures it without UNLEASH_URL (FeaturesConfiguration): the control plane is the SDK's API
        io.getunleash.Unleash sdk = new io.getunleash.DefaultUnleash(io.getunleash.util.UnleashConfig.builder()
                .appName("embedded-runtime").unleashAPI("http://localhost:" + port + "/internal/flags/")
                .customHttpHeader(TrustedHeaders.INTERNAL_TOKEN, TOKEN).fetchTogglesInterval(1).disableMetrics()
                .synchronousFetchOnInitialisation(true).backupFile(backup.toString()).build());
        try {
            assertThat(sdk.isEnabled(key, tenant("flagalpha"), false)).isTrue();
            assertThat(sdk.isEnabled(key, tenant("flagbeta"), true)).isFalse();

            long started = System.nanoTime();
            admin.put("/api/v1/flags/" + key, "{\"tenants\": [\"flagbeta\"]}").send();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sdk.isEnabled(key, tenant("flagbeta"), false));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(sdk.isEnabled(key, tenant("flagalpha"), true)).isFalse();
            System.out.printf("control plane -> SDK without Unleash (1 s poll): %d ms%n", millis);
        } finally {
            sdk.shutdown();
            java.nio.file.Files.deleteIfExists(backup);
        }
    }

    private static io.getunleash.UnleashContext tenant(String slug) {
        return io.getunleash.UnleashContext.builder().addProperty("tenantId", slug).build();
    }

    @Test
    void theRealUnleashFollowsEveryChangeWithinMoments() {
        Assumptions.assumeTrue(UNLEASH.isPresent(), TestUnleash.WHY_MISSING);
        TestUnleash.Server unleash = UNLEASH.get();
        TestHttp unleashAdmin = new TestHttp(unleash.url()).withDefaultHeader("Authorization", unleash::adminToken);
        TestHttp unleashClient = new TestHttp(unleash.url()).withDefaultHeader("Authorization", unleash::clientToken);
        String key = key();
        String environment = "/api/admin/projects/default/features/" + key + "/environments/production";

        long started = System.nanoTime();
        admin.post("/api/v1/flags", """
                {"key": "%s", "description": "pilot", "tenants": ["flagalpha"], "percentage": 30, "jurisdictions": ["MT"]}"""
                .formatted(key)).send();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> unleashAdmin.get(environment).send().status() == 200
                        && unleashAdmin.get(environment).send().json().get("enabled").asBoolean());
        long createdMillis = (System.nanoTime() - started) / 1_000_000;
        JsonNode env = unleashAdmin.get(environment).send().json();
        assertThat(env.get("strategies").findValuesAsString("title")).containsExactlyInAnyOrder("tenants", "percentage");
        JsonNode tenants = env.get("strategies").valueStream().filter(s -> s.get("title").asString().equals("tenants")).findFirst().orElseThrow();
        assertThat(tenants.at("/constraints/0/values/0").asString()).isEqualTo("flagalpha");
        JsonNode percentage = env.get("strategies").valueStream().filter(s -> s.get("title").asString().equals("percentage")).findFirst().orElseThrow();
        assertThat(percentage.at("/parameters/rollout").asString()).isEqualTo("30");
        assertThat(percentage.at("/parameters/stickiness").asString()).isEqualTo("tenantId");
        assertThat(percentage.at("/constraints/0/values/0").asString()).isEqualTo("MT");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/flags/" + key).send().json().at("/flag/sync/state")
                .asString().equals("synced"));

        started = System.nanoTime();
        admin.post("/api/v1/flags/" + key + "/kill-switch", "").send();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> !unleashAdmin.get(environment).send().json().get("enabled").asBoolean());
        long killedMillis = (System.nanoTime() - started) / 1_000_000;
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> unleashClient.get("/api/client/features").send().json().get("features").valueStream()
                        .anyMatch(f -> f.get("name").asString().equals(key) && !f.get("enabled").asBoolean()));

        admin.put("/api/v1/flags/" + key, "{\"tenants\": [\"flagalpha\", \"flagbeta\"], \"percentage\": 0}").send();
        admin.delete("/api/v1/flags/" + key + "/kill-switch").send();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode now = unleashAdmin.get(environment).send().json();
            return now.get("enabled").asBoolean() && now.get("strategies").size() == 2 && now.get("strategies").valueStream()
                    .anyMatch(s -> s.at("/constraints/0/values").size() == 2);
        });
        System.out.printf("control plane -> Unleash: created in %d ms, kill switch in %d ms%n", createdMillis, killedMillis);
    }

    private static void assertProblem(TestHttp.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        }
    }

}
