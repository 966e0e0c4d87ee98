package com.sportsbook.runtime.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.GatewayCalls;
import com.sportsbook.runtime.GatewayCalls.Response;
import com.sportsbook.runtime.LocalControlPlane;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.identity.InMemoryPlayerIdentities;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PEP screening over HTTP, as the skin, a compliance officer and the platform call it, on PostgreSQL against the
 * bundled sanctions lists and the fictional sample PEP list: a PEP registers active with a PEP hit, deposits above the
 * tenant's review amount wait for the enhanced due diligence (403 {@code enhanced_due_diligence_required}), an
 * approval with the source of funds lets them through and a rejection blocks the account, both in the audit log; a PEP
 * list loaded (as a file, or from the configured source) re-screens the players and blocks no one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InMemoryPlayerIdentities.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PepScreeningIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final LocalControlPlane PLATFORM = LocalControlPlane.get();
    private static final String SECRET = "pep-screening-test-gateway-secret-of-32-bytes";
    /** The runtime's development default: the local control plane's calls carry it too. */
    private static final String INTERNAL_TOKEN = "dev-only-internal-token-not-for-production";
    private static final String TENANT = "pep1";
    private static final String BRAND = "pep1-main";
    private static final String HITS = "/api/v1/backoffice/compliance/screening/hits";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 8);
        registry.add("runtime.tenancy.gateway-signing-secret", () -> SECRET);
        registry.add("runtime.identity.keycloak-url", PLATFORM::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TenantDirectory directory;

    @Autowired
    DataSource dataSource;

    private GatewayCalls gateway;

    @BeforeAll
    void aLiveTenant() {
        gateway = new GatewayCalls(port, TENANT, SECRET);
        TestTenants.provision(new BoundTenant(new TenantSlug(TENANT), BRAND), migrator, seeders, transactions);
        PLATFORM.activate(TENANT);
        assertThat(directory.refresh()).isTrue();
    }

    @Test
    @Order(1)
    void aPepRegistersActiveWithAPepHitWaitingForDueDiligence() {
        Response registered = register("Ottokar", "Brannigastor", LocalDate.of(1961, 4, 12));

        assertThat(registered.status()).as("%s", registered.json()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).as("PEPs may play").isEqualTo("active");
        JsonNode hit = hitOf(registered.json().get("id").asString(), "pep");
        assertThat(hit.get("kind").asString()).isEqualTo("pep");
        assertThat(hit.get("status").asString()).isEqualTo("open");
        assertThat(hit.get("listSource").asString()).isEqualTo("pep");
        assertThat(hit.get("listVersion").asString()).isEqualTo("sample-fictional-peps.csv");
        assertThat(hit.get("entryRef").asString()).isEqualTo("FICT-PEP-0001");
        assertThat(hit.get("entryPrograms").asString()).startsWith("PEP: Minister of the Interior of Ruritania (XR)");
        assertThat(hit.get("dobMatch").asString()).isEqualTo("same_date");
        assertThat(call("GET", HITS + "?kind=sanctions", officer(), null).json().findValuesAsString("playerId"))
                .doesNotContain(registered.json().get("id").asString());
        assertThat(call("GET", HITS + "?kind=politician", officer(), null).status()).isEqualTo(422);
    }

    @Test
    @Order(2)
    void depositsAboveTheReviewAmountWaitUntilAnOfficerApprovesTheDueDiligenceWithTheSourceOfFunds() {
        JsonNode settings = call("GET", "/api/v1/backoffice/compliance/aml/settings", officer(), null).json();
        assertThat(settings.get("pepDepositReviewAmount").asLong()).as("the default").isEqualTo(100_000);
        Map<String, Object> lowered = JSON.convertValue(settings, Map.class);
        lowered.put("pepDepositReviewAmount", 5_000);
        assertThat(call("PUT", "/api/v1/backoffice/compliance/aml/settings", officer(), JSON.writeValueAsString(lowered))
                .json().get("pepDepositReviewAmount").asLong()).isEqualTo(5_000);
        Account pep = account("Ottokar", "Brannigastor");
        String token = signIn(pep);

        Response first = deposit(pep, token, 3_000);
        Response over = deposit(pep, token, 2_500);
        Response upTo = deposit(pep, token, 2_000);

        assertThat(first.status()).isEqualTo(202);
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.code()).as("3,000 started and 2,500 more pass 5,000").isEqualTo("enhanced_due_diligence_required");
        assertThat(upTo.status()).as("5,000 in all is the review amount itself").isEqualTo(202);
        assertThat(deposit(pep, token, 1_000).code()).isEqualTo("enhanced_due_diligence_required");

        String hit = hitOf(pep.id().toString(), "pep").get("id").asString();
        Response confirmed = call("POST", HITS + "/" + hit + "/confirmation", officer(), "{\"reason\": \"it is him\"}");
        Response noSource = call("POST", HITS + "/" + hit + "/due-diligence", officer(), "{\"decision\": \"approve\"}");
        Response noDecision = call("POST", HITS + "/" + hit + "/due-diligence", officer(), "{\"sourceOfFunds\": \"salary\"}");
        Response approved = call("POST", HITS + "/" + hit + "/due-diligence", officer(), """
                {"decision": "approve", "sourceOfFunds": "Ministerial salary and a family estate, statements 2023-2025 seen",
                 "reason": "Former minister, out of office since 2019"}""");
        Response again = call("POST", HITS + "/" + hit + "/due-diligence", officer(), "{\"decision\": \"reject\", \"reason\": \"no\"}");

        assertThat(confirmed.status()).isEqualTo(409);
        assertThat(confirmed.code()).isEqualTo("pep_hit_needs_due_diligence");
        assertThat(noSource.status()).isEqualTo(422);
        assertThat(noDecision.status()).isEqualTo(422);
        assertThat(approved.status()).as("%s", approved.json()).isEqualTo(200);
        assertThat(approved.json().at("/hit/status").asString()).isEqualTo("approved");
        assertThat(approved.json().at("/hit/sourceOfFunds").asString()).startsWith("Ministerial salary");
        assertThat(approved.json().at("/hit/decidedBy").asString()).isEqualTo("officer.olga");
        assertThat(approved.json().get("accountBlocked").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("hit_decided");
        assertThat(deposit(pep, token, 2_500).status()).as("due diligence done").isEqualTo(202);
        assertThat(audit(hit)).containsExactly("screening.due_diligence_approved");
        assertThat(playerStatus(pep)).isEqualTo("active");
    }

    @Test
    @Order(3)
    void aRejectedDueDiligenceBlocksTheAccountForGood() {
        Response registered = register("Elodie", "Vauqueline-Strass", LocalDate.of(1972, 9, 3));
        Account pep = account("Elodie", "Vauqueline-Strass");
        String token = signIn(pep);
        assertThat(registered.json().get("status").asString()).isEqualTo("active");
        String hit = hitOf(pep.id().toString(), "pep").get("id").asString();

        Response noReason = call("POST", HITS + "/" + hit + "/due-diligence", officer(), "{\"decision\": \"reject\"}");
        Response rejected = call("POST", HITS + "/" + hit + "/due-diligence", officer(),
                "{\"decision\": \"reject\", \"reason\": \"The source of funds could not be established.\"}");

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(rejected.status()).as("%s", rejected.json()).isEqualTo(200);
        assertThat(rejected.json().at("/hit/status").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("accountBlocked").asBoolean()).isTrue();
        assertThat(playerStatus(pep)).isEqualTo("blocked");
        assertThat(deposit(pep, token, 1_000).code()).isEqualTo("account_blocked");
        assertThat(audit(hit)).containsExactly("screening.due_diligence_rejected");

        Response sanctioned = register("Ayman", "al-Zawahiri", LocalDate.of(1951, 6, 19));
        assertThat(sanctioned.json().get("status").asString()).as("a sanctions hit still blocks").isEqualTo("blocked");
        String sanctionsHit = hitOf(sanctioned.json().get("id").asString(), "sanctions").get("id").asString();
        Response diligence = call("POST", HITS + "/" + sanctionsHit + "/due-diligence", officer(),
                "{\"decision\": \"approve\", \"sourceOfFunds\": \"salary\"}");
        assertThat(diligence.status()).isEqualTo(409);
        assertThat(diligence.code()).isEqualTo("not_a_pep_hit");
    }

    @Test
    @Order(4)
    void aPepListLoadedAsAFileOrFromTheConfiguredSourceReScreensThePlayersAndBlocksNoOne() {
        Response registered = register("Pieter", "Quarnevelt", LocalDate.of(1970, 1, 1));
        assertThat(registered.status()).isEqualTo(201);
        Account player = account("Pieter", "Quarnevelt");
        assertThat(hitsOf(player.id().toString())).isEmpty();
        String newer = sample() + "FICT-PEP-0099;Pieter Jan Quarnevelt;;1970-01-01;XF;Senator of Freedonia;2024-01;\n";

        Response loaded = internal("POST", "/internal/v1/screening/lists/pep?name=pep-2026-12-01.csv", newer);
        Response garbage = internal("POST", "/internal/v1/screening/lists/pep?name=pep-bad.csv", "name,dob\nAda,1970\n");
        Response truncated = internal("POST", "/internal/v1/screening/lists/pep?name=pep-cut.csv",
                newer.substring(0, newer.indexOf("FICT-PEP-0003")));

        assertThat(loaded.status()).as("%s", loaded.json()).isEqualTo(201);
        assertThat(loaded.json().at("/version/source").asString()).isEqualTo("pep");
        assertThat(loaded.json().at("/version/individuals").asInt()).isEqualTo(13);
        JsonNode run = runOf(loaded.json());
        assertThat(run.get("newCases").asInt()).isEqualTo(1);
        assertThat(run.get("playersBlocked").asInt()).isZero();
        JsonNode hit = hitOf(player.id().toString(), "pep");
        assertThat(hit.get("trigger").asString()).isEqualTo("list_reload");
        assertThat(hit.get("listVersion").asString()).isEqualTo("pep-2026-12-01.csv");
        assertThat(playerStatus(player)).as("a PEP is not blocked").isEqualTo("active");
        assertThat(garbage.code()).isEqualTo("list_unreadable");
        assertThat(truncated.code()).isEqualTo("list_shrunk");

        Response reloaded = internal("POST", "/internal/v1/screening/lists/pep", null);
        assertThat(reloaded.status()).as("%s", reloaded.json()).isEqualTo(201);
        assertThat(reloaded.json().at("/version/name").asString()).isEqualTo("sample-fictional-peps.csv");
        assertThat(reloaded.json().at("/version/origin").asString()).isEqualTo("loaded");
        assertThat(runOf(reloaded.json()).get("newCases").asInt()).as("every hit already has its case").isZero();
        JsonNode versions = internal("GET", "/internal/v1/screening/lists", null).json();
        assertThat(versions.findValuesAsString("source")).containsExactly("ofac", "pep", "un");
        assertThat(internal("POST", "/internal/v1/screening/lists/pep", null, null).status())
                .as("the service token is needed").isEqualTo(401);
    }

    // ---------------------------------------------------------------- helpers

    private record Account(UUID id, String subject, String email) {
    }

    private static String sample() {
        try (InputStream in = PepScreeningIT.class.getClassLoader().getResourceAsStream("pep/sample-fictional-peps.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response register(String firstName, String lastName, LocalDate born) {
        String email = (firstName + "." + lastName + "@example.com").toLowerCase();
        return call("POST", "/api/v1/players", null, JSON.writeValueAsString(Map.of("email", email,
                "password", "Correct-Horse-42", "firstName", firstName, "lastName", lastName, "dateOfBirth", born.toString(),
                "country", "MT", "currency", "EUR")));
    }

    private Account account(String firstName, String lastName) {
        String email = (firstName + "." + lastName + "@example.com").toLowerCase();
        Map<String, Object> row = in(() -> sql().sql("SELECT id, identity_user_id FROM player WHERE email = ?")
                .param(email).query().singleRow());
        return new Account((UUID) row.get("id"), (String) row.get("identity_user_id"), email);
    }

    private String signIn(Account account) {
        return PLATFORM.token(TENANT, account.subject(), account.email(), UUID.randomUUID().toString(), "player");
    }

    private static String officer() {
        return PLATFORM.token(TENANT, "officer-subject", "officer.olga", UUID.randomUUID().toString(), "compliance-officer",
                "staff");
    }

    private List<JsonNode> hitsOf(String playerId) {
        List<JsonNode> found = new ArrayList<>();
        for (String status : List.of("open", "cleared", "confirmed", "approved", "rejected")) {
            for (JsonNode hit : call("GET", HITS + "?status=" + status, officer(), null).json()) {
                if (hit.get("playerId").asString().equals(playerId)) {
                    found.add(hit);
                }
            }
        }
        return found;
    }

    private JsonNode hitOf(String playerId, String kind) {
        List<JsonNode> hits = hitsOf(playerId).stream().filter(hit -> hit.get("kind").asString().equals(kind)).toList();
        assertThat(hits).as("the %s hits of %s", kind, playerId).isNotEmpty();
        return hits.getFirst();
    }

    private JsonNode runOf(JsonNode loaded) {
        for (JsonNode run : loaded.at("/rescreening/runs")) {
            if (run.get("tenant").asString().equals(TENANT)) {
                return run;
            }
        }
        throw new AssertionError("no re-screening run of " + TENANT + " in " + loaded);
    }

    private Response deposit(Account account, String token, long amount) {
        return call("POST", "/api/v1/wallet/deposits", token, "{\"amount\": " + amount + ", \"currency\": \"EUR\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private String playerStatus(Account account) {
        return in(() -> sql().sql("SELECT status FROM player WHERE id = ?").param(account.id()).query(String.class).single());
    }

    private List<String> audit(String subject) {
        return in(() -> sql().sql("SELECT kind FROM audit_record WHERE subject_id = ? ORDER BY id").param(subject)
                .query(String.class).list());
    }

    private Response call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of());
    }

    private Response call(String method, String path, String token, String body, Map<String, String> headers) {
        return gateway.call(BRAND, method, path, token, body, headers);
    }

    private Response internal(String method, String path, String body) {
        return internal(method, path, body, INTERNAL_TOKEN);
    }

    private Response internal(String method, String path, String body, String token) {
        HttpRequest.Builder request = gateway.request(method, path, body).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv");
        if (token != null) {
            request.header(TrustedHeaders.INTERNAL_TOKEN, token);
        }
        return gateway.send(request);
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(BoundTenant.of(TENANT), transactions, work);
    }
}
