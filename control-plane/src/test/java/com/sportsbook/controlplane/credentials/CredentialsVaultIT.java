package com.sportsbook.controlplane.credentials;

import com.sportsbook.controlplane.ControlPlaneTestSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.kms.KmsClient;
import tools.jackson.databind.JsonNode;

/**
 * The credentials vault on real HTTP against real PostgreSQL, with KMS as the current master key (a {@link
 * LocalKmsPeer} speaking KMS's protocol) and two local keys that sealed secrets before it: what a control plane
 * moved from the embedded local key to AWS KMS looks like. Platform tokens come from {@link LocalPlatformRealm}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CredentialsVaultIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final LocalPlatformRealm PLATFORM = new LocalPlatformRealm();
    private static final LocalKmsPeer KMS = new LocalKmsPeer();
    private static final String KMS_KEY = KMS.createKey();
    private static final String TOKEN = ControlPlaneTestSettings.INTERNAL_TOKEN;
    private static final String LOCAL_OLD = key("it-local-0-master-key-32-bytes!!");
    private static final String LOCAL_CURRENT = key("it-local-1-master-key-32-bytes!!");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        ControlPlaneTestSettings.noRuntime(registry);
        registry.add("control-plane.identity.keycloak-url", PLATFORM::url);
        registry.add("control-plane.signup.mail-embedded", () -> "false");
        registry.add("control-plane.credentials.local-key-id", () -> "it-local-1");
        registry.add("control-plane.credentials.local-master-key", () -> LOCAL_CURRENT);
        registry.add("control-plane.credentials.retired-local-keys", () -> "it-local-0:" + LOCAL_OLD);
        registry.add("control-plane.credentials.kms.key-id", () -> KMS_KEY);
        registry.add("control-plane.credentials.kms.region", () -> LocalKmsPeer.REGION);
        registry.add("control-plane.credentials.kms.endpoint", () -> KMS.endpoint().toString());
        registry.add("control-plane.credentials.kms.access-key", () -> "local-access-key");
        registry.add("control-plane.credentials.kms.secret-key", () -> "local-secret-key");
    }

    @AfterAll
    static void stopPeers() {
        KMS.close();
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    private TestHttp admin;
    private TestHttp anonymous;

    @BeforeEach
    void connect() {
        anonymous = new TestHttp("http://localhost:" + port);
        admin = anonymous.withDefaultHeader("Authorization", () -> PLATFORM.bearer("admin-1", "ada.admin", PlatformRealm.ADMIN));
    }

    @Test
    void noEndpointButTheInternalOneShowsMoreThanTheLastFourCharacters() {
        tenant(admin, "shown");
        String secretKey = "sk_live_51ShownSecretKey0000aaaaWXYZ";
        String webhookSecret = "whsec_ShownWebhookSecret1111bbbbQRST";

        TestHttp.Response stored = admin.put("/api/v1/tenants/shown/credentials/psp.stripe",
                "{\"secretKey\": \"" + secretKey + "\", \"webhookSecret\": \"" + webhookSecret + "\"}").send();
        TestHttp.Response masked = admin.get("/api/v1/tenants/shown/credentials/psp.stripe").send();

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.header("Cache-Control")).contains("no-store");
        assertThat(masked.json().at("/fields/secretKey/lastFour").asString()).isEqualTo("WXYZ");
        assertThat(masked.json().at("/fields/webhookSecret/lastFour").asString()).isEqualTo("QRST");
        assertThat(masked.json().at("/fields/secretKey/updatedBy").asString()).isEqualTo("admin-1");
        // every GET the control plane publishes, with the platform token, the service token and the tenant named
        List<String> swept = new ArrayList<>();
        JsonNode paths = admin.get("/v3/api-docs").send().json().get("paths");
        for (String path : paths.propertyNames()) {
            if (!paths.get(path).has("get") || path.equals("/internal/tenants/{slug}/credentials/{purpose}")) {
                continue;
            }
            String concrete = path.replaceAll("\\{(slug|tenant|tenantSlug)}", "shown").replace("{purpose}", "psp.stripe")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            TestHttp.Response response = admin.get(concrete).header("X-Internal-Token", TOKEN)
                    .header("X-Internal-Tenant", "shown").send();
            swept.add(concrete + " " + response.status());
            assertThat(response.body()).as(concrete).doesNotContain(secretKey, webhookSecret,
                    secretKey.substring(0, secretKey.length() - 4), webhookSecret.substring(0, webhookSecret.length() - 4),
                    Base64.getEncoder().encodeToString(secretKey.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(swept).as("the sweep reached the vault's own endpoints").anyMatch(call ->
                call.startsWith("/api/v1/tenants/shown/credentials/psp.stripe 200"))
                .anyMatch(call -> call.startsWith("/api/v1/audit 200"))
                .anyMatch(call -> call.startsWith("/api/v1/credentials/rotations 200"));
        for (TestHttp.Response response : List.of(stored, masked)) {
            assertThat(response.body()).doesNotContain(secretKey, webhookSecret);
        }
        TestHttp.Response internal = anonymous.get("/internal/tenants/shown/credentials/psp.stripe")
                .header("X-Internal-Token", TOKEN).header("X-Internal-Tenant", "shown").send();
        assertThat(internal.status()).isEqualTo(200);
        assertThat(internal.json().at("/fields/secretKey").asString()).isEqualTo(secretKey);
        assertThat(internal.json().at("/fields/webhookSecret").asString()).isEqualTo(webhookSecret);
        assertThat(internal.header("Cache-Control")).contains("no-store");
    }

    @Test
    void theInternalEndpointRefusesCallsWithoutTheServiceTokenOrForAnotherTenant() {
        tenant(admin, "guarded");
        tenant(admin, "intruder");
        store("guarded", "psp.stripe", Map.of("secretKey", "sk_live_51GuardedKey000000001234", "webhookSecret",
                "whsec_GuardedWebhook0000005678"));
        String path = "/internal/tenants/guarded/credentials/psp.stripe";

        TestHttp.Response noToken = anonymous.get(path).header("X-Internal-Tenant", "guarded").send();
        TestHttp.Response wrongToken = anonymous.get(path).header("X-Internal-Token", "not-the-token-not-the-token-xx")
                .header("X-Internal-Tenant", "guarded").send();
        TestHttp.Response platformTokenOnly = admin.get(path).header("X-Internal-Tenant", "guarded").send();
        TestHttp.Response noTenant = anonymous.get(path).header("X-Internal-Token", TOKEN).send();
        TestHttp.Response otherTenant = anonymous.get(path).header("X-Internal-Token", TOKEN)
                .header("X-Internal-Tenant", "intruder").send();
        TestHttp.Response encodedPath = anonymous.get("/%69nternal/tenants/guarded/credentials/psp.stripe")
                .header("X-Internal-Tenant", "guarded").send();

        for (TestHttp.Response refused : List.of(noToken, wrongToken, platformTokenOnly, encodedPath)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asString()).isEqualTo("internal_auth_required");
        }
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.json().get("code").asString()).isEqualTo("tenant_context_missing");
        assertThat(otherTenant.status()).isEqualTo(403);
        assertThat(otherTenant.json().get("code").asString()).isEqualTo("tenant_context_invalid");
        for (TestHttp.Response refused : List.of(noToken, wrongToken, platformTokenOnly, noTenant, otherTenant, encodedPath)) {
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("GuardedKey", "GuardedWebhook");
        }
    }

    @Test
    void anOperatorSeesOnlyItsOwnTenantsCredentialsAndSupportNone() {
        TestHttp alice = anonymous.withDefaultHeader("Authorization", () -> PLATFORM.bearer("op-alice", "alice", PlatformRealm.OPERATOR));
        TestHttp bob = anonymous.withDefaultHeader("Authorization", () -> PLATFORM.bearer("op-bob", "bob", PlatformRealm.OPERATOR));
        TestHttp support = anonymous.withDefaultHeader("Authorization", () -> PLATFORM.bearer("sup-1", "sam", PlatformRealm.SUPPORT));
        tenant(alice, "alices");
        String body = "{\"apiKey\": \"kyc_live_AlicesApiKey00000001\", \"webhookSecret\": \"kyc_whsec_Alices000000002\"}";

        TestHttp.Response own = alice.put("/api/v1/tenants/alices/credentials/kyc.provider", body).send();
        TestHttp.Response othersRead = bob.get("/api/v1/tenants/alices/credentials/kyc.provider").send();
        TestHttp.Response othersWrite = bob.put("/api/v1/tenants/alices/credentials/kyc.provider",
                body.replace("Alices", "Bobsss")).send();
        TestHttp.Response supportRead = support.get("/api/v1/tenants/alices/credentials/kyc.provider").send();
        TestHttp.Response anonymousRead = anonymous.get("/api/v1/tenants/alices/credentials/kyc.provider").send();
        TestHttp.Response operatorRotates = alice.post("/api/v1/credentials/rotations", "").send();

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(othersRead.status()).isEqualTo(404);
        assertThat(othersWrite.status()).isEqualTo(404);
        assertThat(supportRead.status()).isEqualTo(403);
        assertThat(anonymousRead.status()).isEqualTo(401);
        assertThat(operatorRotates.status()).isEqualTo(403);
        assertThat(reveal("alices", "kyc.provider").json().at("/fields/apiKey").asString())
                .isEqualTo("kyc_live_AlicesApiKey00000001");
    }

    @Test
    void badInputIsA4xxProblemDetailAndStoresNothing() {
        tenant(admin, "strict");
        store("strict", "psp.stripe", Map.of("secretKey", "sk_live_51StrictBefore00000001", "webhookSecret",
                "whsec_StrictBefore00000000002"));
        String tooLong = "sk_live_" + "x".repeat(CredentialPurpose.MAX_LENGTH);

        Map<String, TestHttp.Response> refused = new LinkedHashMap<>();
        refused.put("unknown purpose", admin.put("/api/v1/tenants/strict/credentials/bank.swift", "{\"iban\": \"x\"}").send());
        refused.put("unknown purpose read", admin.get("/api/v1/tenants/strict/credentials/bank.swift").send());
        refused.put("unknown tenant", admin.put("/api/v1/tenants/nobody/credentials/psp.stripe",
                "{\"secretKey\": \"sk_live_51Nobody000000000001\", \"webhookSecret\": \"whsec_Nobody00000000001\"}").send());
        refused.put("unknown tenant read", admin.get("/api/v1/tenants/nobody/credentials/psp.stripe").send());
        refused.put("empty secret", admin.put("/api/v1/tenants/strict/credentials/psp.stripe",
                "{\"secretKey\": \"\", \"webhookSecret\": \"whsec_StrictAfter000000000002\"}").send());
        refused.put("blank secret", admin.put("/api/v1/tenants/strict/credentials/psp.stripe",
                "{\"secretKey\": \"   \", \"webhookSecret\": \"whsec_StrictAfter000000000002\"}").send());
        refused.put("oversize secret", admin.put("/api/v1/tenants/strict/credentials/psp.stripe",
                "{\"secretKey\": \"" + tooLong + "\", \"webhookSecret\": \"whsec_StrictAfter000000000002\"}").send());
        refused.put("too short", admin.put("/api/v1/tenants/strict/credentials/psp.sandbox", "{\"webhookSecret\": \"short\"}").send());
        refused.put("control character", admin.put("/api/v1/tenants/strict/credentials/psp.stripe",
                "{\"secretKey\": \"sk_live_51Strict\\u0000After01\", \"webhookSecret\": \"whsec_StrictAfter000000000002\"}").send());
        refused.put("unknown field", admin.put("/api/v1/tenants/strict/credentials/psp.stripe",
                "{\"secretKey\": \"sk_live_51StrictAfter0000001\", \"webhookSecret\": \"whsec_StrictAfter000000000002\", \"pin\": \"1234\"}").send());
        refused.put("malformed JSON", admin.put("/api/v1/tenants/strict/credentials/psp.stripe", "{\"secretKey\": ").send());
        refused.put("not an object", admin.put("/api/v1/tenants/strict/credentials/psp.stripe", "[\"sk_live_51StrictAfter\"]").send());
        refused.put("no body", admin.put("/api/v1/tenants/strict/credentials/psp.stripe", "").send());

        Map<String, Integer> statuses = new LinkedHashMap<>();
        refused.forEach((name, response) -> statuses.put(name, response.status()));
        Map<String, Integer> expected = new LinkedHashMap<>();
        List.of("unknown purpose", "unknown purpose read", "unknown tenant", "unknown tenant read")
                .forEach(name -> expected.put(name, 404));
        List.of("empty secret", "blank secret", "oversize secret", "too short", "control character", "unknown field")
                .forEach(name -> expected.put(name, 422));
        List.of("malformed JSON", "not an object", "no body").forEach(name -> expected.put(name, 400));
        assertThat(statuses).containsExactlyEntriesOf(expected);
        refused.forEach((name, response) -> {
            assertThat(response.header("Content-Type")).as(name).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as(name).isEqualTo(switch (response.status()) {
                case 404 -> "not_found";
                case 422 -> "validation_failed";
                default -> "malformed_request";
            });
            assertThat(response.body()).as(name).doesNotContain("Exception", "at com.", "StrictAfter", "xxxxxxxxxx");
        });
        assertThat(refused.get("unknown purpose").json().get("detail").asString()).contains("psp.stripe", "kyc.provider");
        assertThat(refused.get("empty secret").json().get("errors").toString()).contains("secretKey", "is required");
        assertThat(refused.get("oversize secret").json().get("errors").toString()).contains("secretKey", "at most 500");
        assertThat(refused.get("too short").json().get("errors").toString()).contains("webhookSecret", "at least 16");
        assertThat(refused.get("unknown field").json().get("errors").toString()).contains("pin");
        assertThat(reveal("strict", "psp.stripe").json().at("/fields/secretKey").asString())
                .as("the stored credentials are untouched").isEqualTo("sk_live_51StrictBefore00000001");
    }

    @Test
    void aCiphertextMovedToAnotherTenantsRowFailsToDecryptWithAClearError() {
        tenant(admin, "victim");
        tenant(admin, "thief");
        store("victim", "psp.stripe", Map.of("secretKey", "sk_live_51VictimsOwnKey0000001", "webhookSecret",
                "whsec_VictimsOwnWebhook0000001"));
        store("thief", "psp.stripe", Map.of("secretKey", "sk_live_51ThiefsOwnKey00000001", "webhookSecret",
                "whsec_ThiefsOwnWebhook00000001"));
        // and a pair sealed under the old local key, as before the move to KMS
        legacyVault("it-local-1", LOCAL_CURRENT).store(tenantId("victim"), "victim", CredentialPurpose.KYC_PROVIDER,
                Map.of("apiKey", "kyc_live_VictimsLocalKey0001", "webhookSecret", "kyc_whsec_VictimsLocal0001"), "it");
        legacyVault("it-local-1", LOCAL_CURRENT).store(tenantId("thief"), "thief", CredentialPurpose.KYC_PROVIDER,
                Map.of("apiKey", "kyc_live_ThiefsLocalKey00001", "webhookSecret", "kyc_whsec_ThiefsLocal00001"), "it");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            for (String purpose : List.of("psp.stripe", "kyc.provider")) {
                jdbc.sql("""
                        UPDATE control_plane.tenant_credential t SET key_id = v.key_id, wrapped_key = v.wrapped_key,
                            ciphertext = v.ciphertext
                        FROM control_plane.tenant_credential v
                        WHERE v.tenant_id = ? AND t.tenant_id = ? AND v.purpose = ? AND t.purpose = v.purpose
                            AND t.field = v.field""").params(tenantId("victim"), tenantId("thief"), purpose).update();
            }
            long kmsRefusalsBefore = KMS.calls.stream().filter(call -> "InvalidCiphertextException".equals(call.error())).count();

            TestHttp.Response kmsWrapped = reveal("thief", "psp.stripe");
            TestHttp.Response locallyWrapped = reveal("thief", "kyc.provider");

            for (TestHttp.Response response : List.of(kmsWrapped, locallyWrapped)) {
                assertThat(response.status()).isEqualTo(500);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().get("code").asString()).isEqualTo("credentials_unreadable");
                assertThat(response.json().get("detail").asString()).contains("thief", "cannot be decrypted for this tenant");
                assertThat(response.body()).doesNotContain("Victims", "Thiefs");
            }
            assertThat(KMS.calls.stream().filter(call -> "InvalidCiphertextException".equals(call.error())).count())
                    .as("KMS itself refused the victim's data key under the thief's context").isGreaterThan(kmsRefusalsBefore);
            assertThat(reveal("victim", "psp.stripe").json().at("/fields/secretKey").asString())
                    .isEqualTo("sk_live_51VictimsOwnKey0000001");
            assertThat(reveal("victim", "kyc.provider").json().at("/fields/apiKey").asString())
                    .isEqualTo("kyc_live_VictimsLocalKey0001");
        } finally {
            // a later rotation would count these rows as failures
            jdbc.sql("DELETE FROM control_plane.tenant_credential WHERE tenant_id = ?").param(tenantId("thief")).update();
        }
    }

    @Test
    void aDumpOfTheDatabaseHoldsNoPlainTextSecret() throws Exception {
        tenant(admin, "dumped");
        Map<String, String> secrets = Map.of(
                "sk_live_51DumpedSecretKeyAAAA1111", "psp.stripe/secretKey",
                "whsec_DumpedWebhookSecretBBBB2222", "psp.stripe/webhookSecret",
                "kyc_live_DumpedApiKeyCCCC33333333", "kyc.provider/apiKey",
                "kyc_whsec_DumpedWebhookDDDD444444", "kyc.provider/webhookSecret",
                "sandbox_whsec_DumpedEEEE555555555", "psp.sandbox/webhookSecret");
        store("dumped", "psp.stripe", Map.of("secretKey", "sk_live_51DumpedSecretKeyAAAA1111",
                "webhookSecret", "whsec_DumpedWebhookSecretBBBB2222"));
        store("dumped", "kyc.provider", Map.of("apiKey", "kyc_live_DumpedApiKeyCCCC33333333",
                "webhookSecret", "kyc_whsec_DumpedWebhookDDDD444444"));
        store("dumped", "psp.sandbox", Map.of("webhookSecret", "sandbox_whsec_DumpedEEEE555555555"));
        legacyVault("it-local-0", LOCAL_OLD).store(tenantId("dumped"), "dumped", CredentialPurpose.PSP_SANDBOX,
                Map.of("webhookSecret", "sandbox_whsec_DumpedEEEE555555555"), "it");

        List<String> scanned = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
                Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("""
                        SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'
                          AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'xml')""")) {
            List<String[]> all = new ArrayList<>();
            while (columns.next()) {
                all.add(new String[] {columns.getString(1), columns.getString(2), columns.getString(3), columns.getString(4)});
            }
            for (String[] column : all) {
                String qualified = '"' + column[0] + "\".\"" + column[1] + '"';
                String value = '"' + column[2] + '"';
                for (String secret : secrets.keySet()) {
                    String bytes = "decode('" + HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)) + "', 'hex')";
                    String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
                    String condition = column[3].equals("bytea")
                            ? "position(" + bytes + " in " + value + ") > 0 OR position(convert_to('" + base64 + "', 'UTF8') in "
                                    + value + ") > 0"
                            : value + "::text LIKE '%" + secret.substring(0, secret.length() - 4) + "%' OR " + value
                                    + "::text LIKE '%" + base64.substring(0, 20) + "%'";
                    try (Statement probe = connection.createStatement();
                            ResultSet found = probe.executeQuery("SELECT count(*) FROM " + qualified + " WHERE " + condition)) {
                        found.next();
                        assertThat(found.getLong(1)).as(secrets.get(secret) + " in clear in " + qualified + "." + value).isZero();
                    }
                }
                scanned.add(column[1] + "." + column[2]);
            }
        }
        assertThat(scanned).contains("tenant_credential.ciphertext", "tenant_credential.wrapped_key",
                "tenant_credential.last_four", "credential_rotation.last_error", "platform_audit.detail");

        // the same with pg_dump, where one that can read this server is installed (the embedded server is newer
        // than Debian's pg_dump; the real server of scripts/test's second pass is not)
        String dump = pgDump();
        System.out.println(dump == null ? "no pg_dump for this server: the SQL scan above stands alone"
                : "pg_dump of the control plane's database: " + dump.length() + " characters, no secret in them");
        if (dump != null) {
            assertThat(dump).contains("tenant_credential");
            for (String secret : secrets.keySet()) {
                assertThat(dump).as(secrets.get(secret) + " in the dump").doesNotContain(secret.substring(0, secret.length() - 4));
            }
        }
    }

    @Test
    void aRotationReWrapsEverySecretOneByOneWhileReadsFromOtherThreadsNeverFail() throws Exception {
        Map<String, Map<String, String>> expected = seedUnderTheOldLocalKey(50);
        ConcurrentLinkedQueue<String> readFailures = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicBoolean rotating = new AtomicBoolean(false);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readsWhileRotating = new AtomicInteger();
        List<String> tenants = List.copyOf(expected.keySet());
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            running.add(readers.submit(() -> {
                while (reading.get()) {
                    String tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
                    boolean duringRotation = rotating.get();
                    TestHttp.Response response = reveal(tenant, "psp.stripe");
                    if (response.status() != 200 || !response.json().at("/fields/secretKey").asString()
                            .equals(expected.get(tenant).get("secretKey"))) {
                        readFailures.add(tenant + ": " + response.status() + " " + response.body());
                    }
                    reads.incrementAndGet();
                    if (duringRotation && rotating.get()) {
                        readsWhileRotating.incrementAndGet();
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > 20);

        KMS.hold("Encrypt");
        rotating.set(true);
        TestHttp.Response started = admin.post("/api/v1/credentials/rotations", "").send();
        KMS.awaitWaiting("Encrypt");
        TestHttp.Response second = admin.post("/api/v1/credentials/rotations", "").send();
        int readsBefore = reads.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > readsBefore + 20);
        KMS.release("Encrypt");
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !admin.get(location).send().json().get("status").asString().equals("running"));
        rotating.set(false);
        int readsAtEnd = reads.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > readsAtEnd + 20);
        reading.set(false);
        for (Future<?> reader : running) {
            reader.get(30, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("targetKeyId").asString()).isEqualTo("kms:" + KMS_KEY);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("rotation_running");
        JsonNode done = admin.get(location).send().json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("remaining").asLong()).isZero();
        assertThat(done.get("rewrapped").asInt()).isGreaterThanOrEqualTo(50 * 6);
        assertThat(readFailures).as("reads during the rotation").isEmpty();
        assertThat(readsWhileRotating.get()).as("reads happened while the rotation ran").isGreaterThan(20);
        JsonNode keys = admin.get("/api/v1/credentials/rotations").send().json().get("keys");
        assertThat(keys.get("currentKeyId").asString()).isEqualTo("kms:" + KMS_KEY);
        assertThat(keys.get("secretsByKey").propertyNames()).containsExactly("kms:" + KMS_KEY);
        for (String tenant : tenants) {
            JsonNode kyc = reveal(tenant, "kyc.provider").json();
            assertThat(kyc.at("/fields/apiKey").asString()).isEqualTo(expected.get(tenant).get("apiKey"));
        }
        JsonNode audit = admin.get("/api/v1/audit?action=credentials.*&limit=100").send().json();
        assertThat(audit.get("items").findValuesAsString("action"))
                .contains("credentials.rotation_started", "credentials.rotation_finished");
        assertThat(audit.toString()).contains("ada.admin", location.substring(location.lastIndexOf('/') + 1))
                .doesNotContain(expected.get(tenants.getFirst()).get("secretKey"));
    }

    @Test
    void storingNewValuesKeepsThePreviousOnesReadableUntilTheNewAreStoredAndEveryReadSeesOneWholeVersion()
            throws Exception {
        tenant(admin, "renewed");
        Map<String, String> first = Map.of("secretKey", "sk_live_51RenewedVersionOne000001", "webhookSecret",
                "whsec_RenewedVersionOne00000001");
        Map<String, String> second = Map.of("secretKey", "sk_live_51RenewedVersionTwo000002", "webhookSecret",
                "whsec_RenewedVersionTwo00000002");
        store("renewed", "psp.stripe", first);

        // the new values wait for KMS: until they are stored, the previous ones are what the runtime reads
        KMS.hold("GenerateDataKey");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<TestHttp.Response> renewal = writer.submit(() -> admin.put("/api/v1/tenants/renewed/credentials/psp.stripe",
                json(second)).send());
        KMS.awaitWaiting("GenerateDataKey");
        JsonNode duringRenewal = reveal("renewed", "psp.stripe").json().get("fields");
        KMS.release("GenerateDataKey");
        TestHttp.Response renewed = renewal.get(30, TimeUnit.SECONDS);
        JsonNode afterRenewal = reveal("renewed", "psp.stripe").json().get("fields");

        // KMS failing a renewal leaves the stored values as they were
        KMS.answerNextWith(400, "{\"__type\": \"KMSInvalidStateException\", \"message\": \"pending deletion\"}");
        TestHttp.Response failed = admin.put("/api/v1/tenants/renewed/credentials/psp.stripe", json(first)).send();
        JsonNode afterFailure = reveal("renewed", "psp.stripe").json().get("fields");

        // many renewals under concurrent reads: every read is one whole version, never a mix
        AtomicBoolean renewing = new AtomicBoolean(true);
        Future<?> renewals = writer.submit(() -> {
            for (int i = 0; i < 20; i++) {
                store("renewed", "psp.stripe", i % 2 == 0 ? first : second);
            }
            renewing.set(false);
        });
        List<String> mixed = new ArrayList<>();
        int reads = 0;
        while (renewing.get()) {
            JsonNode fields = reveal("renewed", "psp.stripe").json().get("fields");
            boolean isFirst = fields.get("secretKey").asString().equals(first.get("secretKey"))
                    && fields.get("webhookSecret").asString().equals(first.get("webhookSecret"));
            boolean isSecond = fields.get("secretKey").asString().equals(second.get("secretKey"))
                    && fields.get("webhookSecret").asString().equals(second.get("webhookSecret"));
            if (!isFirst && !isSecond) {
                mixed.add(fields.toString());
            }
            reads++;
        }
        renewals.get(60, TimeUnit.SECONDS);
        writer.shutdown();

        assertThat(duringRenewal.get("secretKey").asString()).isEqualTo(first.get("secretKey"));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(afterRenewal.get("secretKey").asString()).isEqualTo(second.get("secretKey"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("RenewedVersion");
        assertThat(afterFailure.get("secretKey").asString()).isEqualTo(second.get("secretKey"));
        assertThat(afterFailure.get("webhookSecret").asString()).isEqualTo(second.get("webhookSecret"));
        assertThat(mixed).as("reads that saw half of a renewal").isEmpty();
        assertThat(reads).isPositive();
    }

    @Test
    void aRotationInterruptedByARestartIsResumed() {
        Map<String, Map<String, String>> expected = seedUnderTheOldLocalKey(3);
        KmsClient kms = CredentialsConfiguration.kmsClient(kmsSettings());
        CredentialRotations rotations = new CredentialRotations(JdbcClient.create(dataSource),
                new SecretEnvelope(new MasterKeys(new KmsKeyWrapper(kms, KMS_KEY),
                        List.of(new LocalKeyWrapper("it-local-0", LOCAL_OLD), new LocalKeyWrapper("it-local-1", LOCAL_CURRENT)),
                        null)),
                new TransactionTemplate(transactionManager), events, Clock.systemUTC());
        UUID interrupted = UUID.randomUUID();
        JdbcClient.create(dataSource).sql("""
                INSERT INTO control_plane.credential_rotation (id, target_key_id, status, requested_by,
                    requested_by_subject, requested_at, total, rewrapped, skipped, failed)
                VALUES (?, ?, 'running', 'ada.admin', 'admin-1', ?, ?, 0, 0, 0)""")
                .params(interrupted, "kms:" + KMS_KEY, Timestamp.from(Instant.now()), expected.size() * 6).update();
        try {
            rotations.resumeInterrupted();

            await().atMost(Duration.ofSeconds(60)).until(() -> !rotations.find(interrupted).orElseThrow().status().equals("running"));
            CredentialRotations.Rotation finished = rotations.find(interrupted).orElseThrow();
            assertThat(finished.status()).isEqualTo("completed");
            assertThat(finished.remaining()).isZero();
            for (String tenant : expected.keySet()) {
                assertThat(reveal(tenant, "psp.sandbox").json().at("/fields/webhookSecret").asString())
                        .isEqualTo(expected.get(tenant).get("sandboxWebhookSecret"));
            }
        } finally {
            rotations.destroy();
            kms.close();
        }
    }

    // --- helpers

    private Map<String, Map<String, String>> seedUnderTheOldLocalKey(int count) {
        Credentials old = legacyVault("it-local-0", LOCAL_OLD);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID operator = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO control_plane.operator (id, name, contact_email, created_at) VALUES (?, ?, ?, ?)")
                .params(operator, "Seeded " + operator, "seeded@example.test", now).update();
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String slug = "seed" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            UUID tenantId = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO control_plane.tenant (id, slug, operator_id, status, schema_name, database_cell, created_at,
                        updated_at, version) VALUES (?, ?, ?, 'active', ?, 'cell-1', ?, ?, 0)""")
                    .params(tenantId, slug, operator, "tenant_" + slug, now, now).update();
            String n = String.format("%04d", i);
            Map<String, String> values = Map.of("secretKey", "sk_live_51Seeded" + slug + n, "webhookSecret",
                    "whsec_Seeded" + slug + n, "connectAccount", "acct_1Seeded" + slug, "apiKey", "kyc_live_Seeded" + slug + n,
                    "kycWebhookSecret", "kyc_whsec_Seeded" + slug + n, "sandboxWebhookSecret", "sandbox_whsec_Seeded" + slug + n);
            old.store(tenantId, slug, CredentialPurpose.PSP_STRIPE, Map.of("secretKey", values.get("secretKey"),
                    "webhookSecret", values.get("webhookSecret"), "connectAccount", values.get("connectAccount")), "seed");
            old.store(tenantId, slug, CredentialPurpose.KYC_PROVIDER, Map.of("apiKey", values.get("apiKey"),
                    "webhookSecret", values.get("kycWebhookSecret")), "seed");
            old.store(tenantId, slug, CredentialPurpose.PSP_SANDBOX, Map.of("webhookSecret", values.get("sandboxWebhookSecret")),
                    "seed");
            expected.put(slug, values);
        }
        return expected;
    }

    /** The vault as a control plane whose current key was this local key wrote it (before a key change). */
    private Credentials legacyVault(String keyId, String masterKey) {
        return new Credentials(JdbcClient.create(dataSource), new SecretEnvelope(new LocalKeyWrapper(keyId, masterKey)),
                new TransactionTemplate(transactionManager), Clock.systemUTC());
    }

    private static CredentialsSettings.Kms kmsSettings() {
        return new CredentialsSettings.Kms(KMS_KEY, LocalKmsPeer.REGION, KMS.endpoint(), "local-access-key", "local-secret-key");
    }

    private UUID tenantId(String slug) {
        return JdbcClient.create(dataSource).sql("SELECT id FROM control_plane.tenant WHERE slug = ?").param(slug)
                .query(UUID.class).single();
    }

    private void store(String tenant, String purpose, Map<String, String> fields) {
        TestHttp.Response response = admin.put("/api/v1/tenants/" + tenant + "/credentials/" + purpose, json(fields)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private TestHttp.Response reveal(String tenant, String purpose) {
        return anonymous.get("/internal/tenants/" + tenant + "/credentials/" + purpose)
                .header("X-Internal-Token", TOKEN).header("X-Internal-Tenant", tenant).send();
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((field, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(field)
                .append("\": \"").append(value).append('"'));
        return json.append('}').toString();
    }

    private static void tenant(TestHttp caller, String slug) {
        TestHttp.Response created = caller.post("/api/v1/tenants", """
                {"slug": "%s",
                 "operator": {"name": "%s Gaming Ltd", "contactEmail": "ops@%s.test"},
                 "brand": {"name": "%s Bet", "hosts": ["%s.example.com"], "defaultCurrency": "EUR",
                           "currencies": ["EUR"], "languages": ["en"], "jurisdictions": ["MT"]}}
                """.formatted(slug, slug, slug, slug, slug)).send();
        assertThat(created.status()).as(created.body()).isEqualTo(202);
    }

    /** pg_dump of the test database, or null when no pg_dump on this machine can read this server. */
    private String pgDump() throws Exception {
        int serverMajor;
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
                ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num")) {
            version.next();
            serverMajor = Integer.parseInt(version.getString(1)) / 10000;
        }
        for (String candidate : List.of(System.getenv().getOrDefault("PG_DUMP", ""), "/usr/lib/postgresql/" + serverMajor
                + "/bin/pg_dump", "pg_dump")) {
            if (candidate.isBlank()) {
                continue;
            }
            try {
                Process versionCheck = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                String version = new String(versionCheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                versionCheck.waitFor(10, TimeUnit.SECONDS);
                java.util.regex.Matcher major = java.util.regex.Pattern.compile("(\\d+)\\.").matcher(version);
                if (!major.find() || Integer.parseInt(major.group(1)) < serverMajor) {
                    continue;
                }
                URI url = URI.create(DATABASE.jdbcUrl().substring("jdbc:".length()));
                Path out = Files.createTempFile("control-plane-dump", ".sql");
                ProcessBuilder dump = new ProcessBuilder(candidate, "--no-owner", "-h", url.getHost(), "-p",
                        Integer.toString(url.getPort()), "-U", DATABASE.user(), "-f", out.toString(),
                        url.getPath().substring(1)).redirectErrorStream(true);
                dump.environment().put("PGPASSWORD", DATABASE.password() == null ? "" : DATABASE.password());
                Process process = dump.start();
                String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(log).isZero();
                try {
                    return Files.readString(out);
                } finally {
                    Files.deleteIfExists(out);
                }
            } catch (IOException notInstalled) {
                // try the next
            }
        }
        return null;
    }

    private static String key(String thirtyTwoCharacters) {
        return Base64.getEncoder().encodeToString(thirtyTwoCharacters.getBytes(StandardCharsets.UTF_8));
    }
}
