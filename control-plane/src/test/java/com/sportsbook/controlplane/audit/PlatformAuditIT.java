package com.sportsbook.controlplane.audit;

import com.sportsbook.controlplane.ControlPlaneTestSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform audit on real HTTP against real PostgreSQL and Keycloak (tokens of real platform staff with OTP, a
 * real operator signup through the control plane's own SMTP server): every platform action lands in the trail with
 * who did it (subject, name, e-mail), the filters and paging work, and the table itself refuses to be changed. The
 * tenant runtime is a stub on a real port (see {@link StubRuntime}); the real one answers in system-tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformAuditIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final TestKeycloak.Server KEYCLOAK = TestKeycloak.server();
    private static final RealmAccounts ACCOUNTS = new RealmAccounts(KEYCLOAK);
    private static final StubRuntime RUNTIME = new StubRuntime();
    private static final String TOKEN = ControlPlaneTestSettings.INTERNAL_TOKEN;
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        registry.add("control-plane.provisioning.runtime-url", RUNTIME::url);
        registry.add("control-plane.provisioning.runtime-timeout", () -> "5s");
        ControlPlaneTestSettings.keycloak(registry, KEYCLOAK);
        registry.add("control-plane.signup.mail-embedded", () -> "true");
    }

    @AfterAll
    static void stopRuntime() {
        RUNTIME.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestHttp http;
    private TestHttp anonymous;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN) != null);
        anonymous = new TestHttp("http://localhost:" + port);
        http = new TestHttp("http://localhost:" + port)
                .withDefaultHeader("Authorization", () -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN));
    }

    /** The subject, username and e-mail of the platform admin whose token {@link #http} sends. */
    private record Who(String subject, String name, String email) {
    }

    private static Who admin() {
        String token = ACCOUNTS.platformBearer(PlatformRealm.ADMIN).substring("Bearer ".length());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return new Who(claims.get("sub").asString(), claims.get("preferred_username").asString(), claims.get("email").asString());
    }

    private static String tenant(String slug) {
        return """
                {"slug": "%s", "operator": {"name": "%s Ltd", "contactEmail": "ops@%s.test"},
                 "brand": {"name": "%s Bet", "hosts": ["%s.example.com"], "defaultCurrency": "EUR",
                           "currencies": ["EUR"], "languages": ["en"], "jurisdictions": ["MT"]}}
                """.formatted(slug, slug, slug, slug, slug);
    }

    private void provisioned(String slug) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                http.get("/api/v1/tenants/" + slug).send().json().get("status").asString(), "active"::equals);
    }

    private List<JsonNode> trail(String query) {
        TestHttp.Response page = http.get("/api/v1/audit?" + query).send();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode only(String tenant, String action) {
        List<JsonNode> found = trail("tenant=" + tenant + "&action=" + action);
        assertThat(found).as("one %s of %s", action, tenant).hasSize(1);
        return found.getFirst();
    }

    private static void recordedBy(JsonNode record, Who who) {
        assertThat(record.at("/actor/subject").asString()).isEqualTo(who.subject());
        assertThat(record.at("/actor/name").asString()).isEqualTo(who.name());
        assertThat(record.at("/actor/email").asString()).isEqualTo(who.email());
        assertThat(Instant.parse(record.get("at").asString())).isBetween(Instant.now().minusSeconds(300), Instant.now().plusSeconds(5));
    }

    @Test
    void everyLifecycleBrandAndCredentialsActionIsRecordedWithWhoDidIt() throws Exception {
        String slug = "audited-" + RUN;
        Who admin = admin();

        assertThat(http.post("/api/v1/tenants", tenant(slug)).send().status()).isEqualTo(202);
        provisioned(slug);
        assertThat(http.post("/api/v1/tenants/" + slug + "/suspension", "").send().status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/tenants/" + slug + "/suspension").send().status()).isEqualTo(200);
        assertThat(http.request("PATCH", "/api/v1/tenants/" + slug + "/brands/" + slug,
                "{\"name\": \"Audited Bet\", \"languages\": [\"en\", \"mt\"]}").send().status()).isEqualTo(200);
        assertThat(uploadLogo(slug).statusCode()).isEqualTo(200);
        TestHttp.Response stored = http.put("/api/v1/tenants/" + slug + "/credentials/psp.stripe",
                "{\"secretKey\": \"sk_test_AUDITSECRET_4242\", \"webhookSecret\": \"whsec_AUDITSECRET_9876\"}").send();
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(http.post("/api/v1/tenants/" + slug + "/offboarding", "").send().status()).isEqualTo(200);

        JsonNode created = only(slug, "tenant.created");
        recordedBy(created, admin);
        assertThat(created.at("/detail/hosts/0").asString()).isEqualTo(slug + ".example.com");
        assertThat(created.at("/detail/provisioning").asString()).isEqualTo("started");
        assertThat(only(slug, "tenant.activated").at("/actor/subject").asString()).as("provisioning activates by itself")
                .isEqualTo("platform");
        JsonNode suspended = only(slug, "tenant.suspended");
        recordedBy(suspended, admin);
        assertThat(suspended.at("/detail/from").asString()).isEqualTo("active");
        recordedBy(only(slug, "tenant.resumed"), admin);
        JsonNode edited = only(slug, "brand.edited");
        recordedBy(edited, admin);
        assertThat(edited.at("/detail/changed").toString()).isEqualTo("[\"name\",\"languages\"]");
        JsonNode logo = only(slug, "brand.logo_uploaded");
        recordedBy(logo, admin);
        assertThat(logo.at("/detail/contentType").asString()).isEqualTo("image/png");
        assertThat(logo.at("/detail/width").asInt()).isEqualTo(120);
        JsonNode credentials = only(slug, "credentials.stored");
        recordedBy(credentials, admin);
        assertThat(credentials.at("/detail/purpose").asString()).isEqualTo("psp.stripe");
        assertThat(credentials.at("/detail/lastFour/secretKey").asString()).isEqualTo("4242");
        assertThat(credentials.at("/detail/lastFour/webhookSecret").asString()).isEqualTo("9876");
        assertThat(jdbc.sql("SELECT count(*) FROM platform_audit WHERE detail::text LIKE '%AUDITSECRET%'").query(Long.class).single())
                .as("never a secret in the audit").isZero();
        recordedBy(only(slug, "tenant.offboarded"), admin);
        assertThat(trail("tenant=" + slug)).extracting(record -> record.get("action").asString()).as("newest first")
                .containsExactly("tenant.offboarded", "credentials.stored", "brand.logo_uploaded", "brand.edited",
                        "tenant.resumed", "tenant.suspended", "tenant.activated", "tenant.created");
    }

    @Test
    void aRetryAFlagChangeAnUpgradeAndAVerifiedSignupAreRecordedToo() {
        String slug = "flaky-" + RUN;
        Who admin = admin();
        RUNTIME.failSchemaOnce.add(slug);

        http.post("/api/v1/tenants", tenant(slug)).send();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                http.get("/api/v1/tenants/" + slug + "/provisioning").send().json().get("status").asString(), "failed"::equals);
        assertThat(http.post("/api/v1/tenants/" + slug + "/provisioning/retry", "").send().status()).isEqualTo(202);
        provisioned(slug);
        String flag = "audit-probe-" + RUN;
        assertThat(http.post("/api/v1/flags", """
                {"key": "%s", "description": "Probes the audit", "tenants": [], "percentage": 0, "jurisdictions": [],
                 "reason": "testing the audit"}""".formatted(flag)).send().status()).isEqualTo(201);
        assertThat(http.put("/api/v1/flags/" + flag, "{\"tenants\": [\"" + slug + "\"], \"percentage\": 10, \"jurisdictions\": [],"
                + " \"reason\": \"pilot\"}").send().status()).isEqualTo(200);
        assertThat(http.post("/api/v1/flags/" + flag + "/kill-switch", "{\"reason\": \"incident\"}").send().status()).isEqualTo(200);
        TestHttp.Response upgrade = http.post("/api/v1/platform/migrations", "").send();
        assertThat(upgrade.status()).as(upgrade.body()).isEqualTo(202);
        String email = "signup-" + RUN + "@operator.test";
        String signupSubject = signUpAndVerify(email);

        JsonNode failed = only(slug, "tenant.provisioning_failed");
        assertThat(failed.at("/actor/subject").asString()).isEqualTo("platform");
        JsonNode retried = only(slug, "tenant.provisioning_retried");
        recordedBy(retried, admin);
        assertThat(retried.at("/detail/failedStep").asString()).isEqualTo("schema_created");
        assertThat(retried.at("/detail/error").asString()).contains("the database is restarting");
        List<JsonNode> flagChanges = trail("action=flag.*").stream()
                .filter(record -> record.at("/detail/flag").asString().equals(flag)).toList();
        assertThat(flagChanges).extracting(record -> record.get("action").asString())
                .containsExactly("flag.killed", "flag.rollout_changed", "flag.created");
        assertThat(flagChanges).allSatisfy(record -> {
            assertThat(record.at("/actor/subject").asString()).isEqualTo(admin.subject());
            assertThat(record.at("/actor/name").asString()).isEqualTo(admin.name());
        });
        assertThat(flagChanges.get(1).at("/detail/after/percentage").asInt()).isEqualTo(10);
        assertThat(flagChanges.get(1).at("/detail/reason").asString()).isEqualTo("pilot");
        JsonNode upgradeRecord = trail("action=schemas.upgrade_started").getFirst();
        recordedBy(upgradeRecord, admin);
        JsonNode verified = trail("action=operator.signup_verified").stream()
                .filter(record -> record.at("/actor/email").asString().equals(email)).findFirst().orElseThrow();
        assertThat(verified.at("/actor/subject").asString()).isEqualTo(signupSubject);
        assertThat(verified.at("/detail/company").asString()).isEqualTo("Audit Gaming Ltd");
        assertThat(verified.get("tenant").isNull()).isTrue();
    }

    @Test
    void theTrailIsFilteredByTenantActionAndPeriodAndPagedNewestFirst() {
        String slug = "paged-" + RUN;
        http.post("/api/v1/tenants", tenant(slug)).send();
        provisioned(slug);
        for (int i = 0; i < 3; i++) {
            http.post("/api/v1/tenants/" + slug + "/suspension", "").send();
            http.delete("/api/v1/tenants/" + slug + "/suspension").send();
        }

        List<JsonNode> lifecycle = trail("tenant=" + slug + "&action=tenant.*");
        TestHttp.Response first = http.get("/api/v1/audit?tenant=" + slug + "&action=tenant.suspended&limit=2").send();
        String cursor = first.json().get("nextCursor").asString();
        TestHttp.Response second = http.get("/api/v1/audit?tenant=" + slug + "&action=tenant.suspended&limit=2&cursor=" + cursor).send();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        assertThat(lifecycle).extracting(record -> record.get("action").asString()).hasSize(8)
                .startsWith("tenant.resumed", "tenant.suspended").endsWith("tenant.activated", "tenant.created");
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(first.json().at("/items/1/id").asLong()).isGreaterThan(second.json().at("/items/0/id").asLong());
        assertThat(trail("tenant=" + slug + "&from=" + today + "&to=" + today)).hasSize(8);
        assertThat(trail("tenant=" + slug + "&from=" + tomorrow)).isEmpty();
        assertThat(trail("tenant=" + slug + "&to=2020-01-01T00:00:00Z")).isEmpty();
        TestHttp.Response bad = http.get("/api/v1/audit?action=DROP%20TABLE&from=yesterday&limit=5000").send();
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("action", "from", "limit");
    }

    @Test
    void platformStaffReadTheTrailAndNoOneElse() {
        assertThat(anonymous.get("/api/v1/audit").send().status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/audit").header("Authorization", ACCOUNTS.platformBearer(PlatformRealm.OPERATOR))
                .send().status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/audit").header("Authorization", ACCOUNTS.platformBearer(PlatformRealm.SUPPORT))
                .send().status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/platform/tenants").header("Authorization", ACCOUNTS.platformBearer(PlatformRealm.SUPPORT))
                .send().status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/platform/migrations", "").header("Authorization",
                ACCOUNTS.platformBearer(PlatformRealm.SUPPORT)).send().status()).as("only admins start an upgrade").isEqualTo(403);
    }

    @Test
    void theAuditTableRefusesUpdateDeleteAndTruncate() {
        jdbc.sql("""
                INSERT INTO platform_audit (at, actor_subject, actor_name, action, tenant_slug, detail)
                VALUES (now(), 'someone', 'someone', 'tenant.suspended', 'tamper', '{}')""").update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE platform_audit SET actor_name = 'nobody' WHERE tenant_slug = 'tamper'").update())
                .hasMessageContaining("platform_audit is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM platform_audit WHERE tenant_slug = 'tamper'").update())
                .hasMessageContaining("platform_audit is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE platform_audit").update())
                .hasMessageContaining("platform_audit is append-only: TRUNCATE refused");
        assertThat(jdbc.sql("SELECT actor_name FROM platform_audit WHERE tenant_slug = 'tamper'").query(String.class).single())
                .isEqualTo("someone");
    }

    @Test
    void theConsoleSeesEveryTenantWithItsProvisioningHealthAndSchemaVersion() {
        String slug = "healthy-" + RUN;
        http.post("/api/v1/tenants", tenant(slug)).send();
        provisioned(slug);

        JsonNode overview = http.get("/api/v1/platform/tenants").send().json();
        JsonNode row = overview.get("tenants").valueStream().filter(tenant -> tenant.get("slug").asString().equals(slug))
                .findFirst().orElseThrow();
        JsonNode progress = http.get("/api/v1/platform/migrations").send().json();

        assertThat(overview.at("/runtime/reachable").asBoolean()).isTrue();
        assertThat(overview.at("/runtime/changesetsExpected").asInt()).isEqualTo(StubRuntime.CHANGESETS);
        assertThat(row.get("status").asString()).isEqualTo("active");
        assertThat(row.at("/provisioning/status").asString()).isEqualTo("completed");
        assertThat(row.at("/health/state").asString()).isEqualTo("healthy");
        assertThat(row.at("/health/schemaVersion").asString()).isEqualTo("87/87");
        assertThat(row.at("/health/lastChangeset/id").asString()).isEqualTo("0005-regulator-reports");
        assertThat(row.at("/brands/0/hosts/0").asString()).isEqualTo(slug + ".example.com");
        assertThat(progress.get("runtimeReachable").asBoolean()).isTrue();
    }

    private String signUpAndVerify(String email) {
        TestHttp.Response signup = anonymous.post("/api/v1/signups", """
                {"email": "%s", "firstName": "Ada", "lastName": "Audit", "company": "Audit Gaming Ltd",
                 "password": "Signup-Pass-2026", "acceptedTermsVersion": "2026-11"}""".formatted(email)).send();
        assertThat(signup.status()).as(signup.body()).isEqualTo(202);
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode mail : anonymous.get("/dev/mailbox").send().json()) {
                if (mail.get("to").asString().contains(email)) {
                    link[0] = mail.get("links").get(0).asString();
                    return true;
                }
            }
            return false;
        });
        String token = link[0].substring(link[0].indexOf("token=") + "token=".length());
        assertThat(anonymous.post("/api/v1/signups/verification", "{\"token\": \"" + token + "\"}").send().status()).isEqualTo(200);
        String bearer = ACCOUNTS.platformSignIn(email, "Signup-Pass-2026");
        return JSON.readTree(Base64.getUrlDecoder().decode(bearer.split("\\.")[1])).get("sub").asString();
    }

    private HttpResponse<String> uploadLogo(String slug) throws IOException, InterruptedException {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/tenants/" + slug + "/brands/" + slug + "/logo"))
                        .header("Authorization", ACCOUNTS.platformBearer(PlatformRealm.ADMIN))
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

}
