package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The platform end to end over real HTTP through the gateway: three JVMs, one PostgreSQL, tenants provisioned
 * through the public API. The runtime's connection pool holds one connection, shared by every tenant's requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final String PLATFORM = RunningPlatform.PLATFORM_HOST;
    private static final String AUTH = "Authorization";

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;
    private String alphaAdmin;
    private String betaAdmin;

    @BeforeAll
    void startPlatformWithTwoTenants() {
        platform = new RunningPlatform();
        platform.start();
        edge = platform.edge();
        accounts = platform.accounts();
        awaitPlatformRealm();
        provision("alpha", "alpha.localhost");
        provision("beta", "beta.localhost");
        alphaAdmin = "Bearer " + accounts.staffToken("alpha", "tenant-admin");
        betaAdmin = "Bearer " + accounts.staffToken("beta", "tenant-admin");
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** The control plane sets up the platform realm in the background once it is up. */
    private void awaitPlatformRealm() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> accounts.platformBearer(PlatformRealm.OPERATOR) != null);
    }

    /** The operator account that owns the tenants these tests provision. */
    private String operator() {
        return accounts.platformBearer(PlatformRealm.OPERATOR);
    }

    private String platformAdmin() {
        return accounts.platformBearer(PlatformRealm.ADMIN);
    }

    static String tenantRequest(String slug, String host) {
        return """
                {"slug": "%s",
                 "operator": {"name": "%s Gaming Ltd", "contactEmail": "ops@%s.test"},
                 "brand": {"name": "%s Bet", "hosts": ["%s"], "defaultCurrency": "EUR",
                           "currencies": ["EUR"], "languages": ["en"], "jurisdictions": ["MT"]}}
                """.formatted(slug, capitalised(slug), slug, capitalised(slug), host);
    }

    private JsonNode provision(String slug, String host) {
        TestHttp.Response created = edge.post("/api/v1/tenants", tenantRequest(slug, host)).host(PLATFORM).header(AUTH, operator()).send();
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return awaitRun(slug, "completed");
    }

    private JsonNode awaitRun(String slug, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> edge.get("/api/v1/tenants/" + slug + "/provisioning").host(PLATFORM).header(AUTH, operator()).send().json(),
                        run -> status.equals(run.get("status").asString()) || "completed".equals(run.get("status").asString()));
    }

    @Test
    @Order(1)
    void aTenantProvisionedThroughTheApiIsReachableOnItsHostWithoutARestart() {
        assertThat(edge.get("/api/v1/brand").host("gamma.localhost").send().status()).isEqualTo(404);

        long started = System.nanoTime();
        JsonNode run = provision("gamma", "gamma.localhost");
        TestHttp.Response brand = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get("/api/v1/brand").host("gamma.localhost").send(), response -> response.status() == 200);
        long toLiveMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.get("stepsDone").asInt()).isEqualTo(6);
        assertThat(brand.json().get("name").asString()).isEqualTo("Gamma Bet");
        assertThat(brand.json().at("/theme/colors/primary").asString()).startsWith("#");
        assertThat(edge.get("/api/v1/sports").host("gamma.localhost").send().json().findValuesAsString("key"))
                .containsExactly("football", "tennis", "basketball");
        platform.record("provisioning one tenant through the gateway: saga %d ms, request to first 200 on its host %d ms"
                .formatted(run.get("durationMillis").asLong(), toLiveMillis));
    }

    @Test
    @Order(2)
    void rowsWrittenThroughOneTenantsHostAreInvisibleThroughAnothers() {
        TestHttp.Response written = edge.post("/api/v1/backoffice/notices", "{\"title\":\"Alpha only\",\"body\":\"For alpha players\"}")
                .host("alpha.localhost").header("Authorization", alphaAdmin).send();
        String id = written.json().get("id").asString();

        JsonNode seenByBeta = edge.get("/api/v1/notices").host("beta.localhost").send().json();
        JsonNode seenByAlpha = edge.get("/api/v1/notices").host("alpha.localhost").send().json();

        assertThat(written.status()).isEqualTo(201);
        assertThat(seenByBeta.findValuesAsString("title")).doesNotContain("Alpha only");
        assertThat(seenByAlpha.findValuesAsString("title")).contains("Alpha only");
        assertThat(edge.get("/api/v1/notices/" + id).host("beta.localhost").send().status()).isEqualTo(404);
        assertThat(edge.get("/api/v1/notices/" + id).host("alpha.localhost").send().status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aClientSentTenantHeaderNamingAnotherTenantHasNoEffect() {
        long now = Instant.now().getEpochSecond();
        TestHttp.Response written = edge.post("/api/v1/backoffice/notices", "{\"title\":\"Smuggled\",\"body\":\"Should land in beta\"}")
                .host("beta.localhost")
                .header("Authorization", betaAdmin)
                .header("X-Tenant-Id", "alpha")
                .header("X-Brand-Id", "alpha")
                .header("X-Tenant-Context-Issued-At", Long.toString(now))
                .header("X-Tenant-Context-Signature", "forged")
                .send();

        assertThat(written.status()).isEqualTo(201);
        assertThat(written.json().get("brand").asString()).isEqualTo("beta");
        assertThat(edge.get("/api/v1/notices").host("alpha.localhost").header("X-Tenant-Id", "beta").send().json()
                .findValuesAsString("title")).doesNotContain("Smuggled");
        assertThat(edge.get("/api/v1/notices").host("beta.localhost").send().json().findValuesAsString("title"))
                .contains("Smuggled");
    }

    @Test
    @Order(4)
    void aTokenCountsOnlyOnItsOwnTenantsHostsAndOnlyForItsRoles() {
        String notice = "{\"title\":\"Rules\",\"body\":\"Updated\"}";
        String alphaPlayer = "Bearer " + accounts.playerToken("alpha");

        TestHttp.Response alphaTokenOnBeta = edge.post("/api/v1/backoffice/notices", notice).host("beta.localhost")
                .header("Authorization", alphaAdmin).send();
        TestHttp.Response playerOnStaffEndpoint = edge.post("/api/v1/backoffice/notices", notice).host("alpha.localhost")
                .header("Authorization", alphaPlayer).send();
        TestHttp.Response noToken = edge.post("/api/v1/backoffice/notices", notice).host("alpha.localhost").send();
        TestHttp.Response garbage = edge.post("/api/v1/backoffice/notices", notice).host("alpha.localhost")
                .header("Authorization", "Bearer not.a.token").send();
        TestHttp.Response notBearer = edge.get("/api/v1/brand").host("alpha.localhost")
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").send();
        TestHttp.Response publicReadWithAnotherTenantsToken = edge.get("/api/v1/brand").host("beta.localhost")
                .header("Authorization", alphaAdmin).send();
        String[] parts = alphaAdmin.substring("Bearer ".length()).split("\\.");
        TestHttp.Response unsigned = edge.post("/api/v1/backoffice/notices", notice).host("alpha.localhost")
                .header("Authorization", "Bearer " + parts[0] + "." + parts[1] + ".").send();
        TestHttp.Response adminOnOwnHost = edge.post("/api/v1/backoffice/notices", notice).host("alpha.localhost")
                .header("Authorization", alphaAdmin).send();

        assertThat(alphaTokenOnBeta.status()).isEqualTo(401);
        assertThat(alphaTokenOnBeta.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(alphaTokenOnBeta.json().get("detail").asString())
                .as("refused at the edge, before the runtime").contains("this brand's operator");
        assertThat(alphaTokenOnBeta.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(playerOnStaffEndpoint.status()).isEqualTo(403);
        assertThat(playerOnStaffEndpoint.json().get("code").asString()).isEqualTo("forbidden");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(notBearer.status()).isEqualTo(401);
        assertThat(publicReadWithAnotherTenantsToken.status())
                .as("a foreign token is refused even where no token is needed").isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(adminOnOwnHost.status()).isEqualTo(201);
        assertThat(edge.get("/api/v1/notices").host("beta.localhost").send().json().findValuesAsString("title"))
                .doesNotContain("Rules");
    }

    /** One request that exercises a matrix row; {@code body} is deliberately invalid, so nothing changes when allowed. */
    private record Probe(String method, String path, String body) {
        TestHttp.Response send(TestHttp edge, String host, String bearer) {
            TestHttp.Request request = switch (method) {
                case "GET" -> edge.get(path);
                case "POST" -> edge.post(path, body);
                case "DELETE" -> edge.delete(path);
                case "PUT" -> edge.put(path, body);
                default -> edge.request(method, path, body);
            };
            request = request.host(host);
            return bearer == null ? request.send() : request.header(AUTH, bearer).send();
        }
    }

    private static final Map<String, List<Probe>> RUNTIME_PROBES = Map.ofEntries(
            Map.entry("read the brand (name, theme)", List.of(new Probe("GET", "/api/v1/brand", null),
                    new Probe("GET", "/api/v1/brand/logo", null))),
            Map.entry("read the sports tree", List.of(new Probe("GET", "/api/v1/sports", null))),
            Map.entry("read events and event pages, follow live prices", List.of(new Probe("GET", "/api/v1/events", null),
                    new Probe("GET", "/api/v1/events/live", null), new Probe("GET", "/api/v1/events/" + UUID.randomUUID(), null),
                    new Probe("GET", "/api/v1/live?events=not-an-id", null))),
            Map.entry("the player skin's pages", List.of(new Probe("GET", "/", null), new Probe("GET", "/skin/app.js", null))),
            Map.entry("which gated features the brand offers now (feature flags: `cash-out`, `system-bets`; off answers 403 `feature_disabled` where used)",
                    List.of(new Probe("GET", "/api/v1/features", null))),
            Map.entry("the staff consoles' pages (static; their data comes from the back-office API)", List.of(
                    new Probe("GET", "/backoffice/compliance/", null), new Probe("GET", "/backoffice/compliance/console.js", null))),
            Map.entry("quote and place bets, own bet history, cash-out", List.of(new Probe("POST", "/api/v1/bets/quote", "{}"),
                    new Probe("POST", "/api/v1/bets", "{}"), new Probe("GET", "/api/v1/bets", null),
                    new Probe("GET", "/api/v1/bets/" + UUID.randomUUID(), null),
                    new Probe("GET", "/api/v1/bets/" + UUID.randomUUID() + "/cash-out", null),
                    new Probe("POST", "/api/v1/bets/" + UUID.randomUUID() + "/cash-out", "{}"),
                    new Probe("PUT", "/api/v1/bets/" + UUID.randomUUID() + "/auto-cash-out", "{}"),
                    new Probe("DELETE", "/api/v1/bets/" + UUID.randomUUID() + "/auto-cash-out", null))),
            Map.entry("read the receipt of an own accepted bet, signed by the platform (ADR 0016)", List.of(
                    new Probe("GET", "/api/v1/bets/" + UUID.randomUUID() + "/receipt", null))),
            Map.entry("read the public key bet receipts are signed with", List.of(
                    new Probe("GET", "/api/v1/receipts/public-key", null))),
            Map.entry("audit log: page through it (kind, subject, from/to), verify the hash chain (names the first bad record), read recent verifications", List.of(
                    new Probe("GET", "/api/v1/backoffice/audit/records", null),
                    new Probe("POST", "/api/v1/backoffice/audit/verifications", ""),
                    new Probe("GET", "/api/v1/backoffice/audit/verifications", null))),
            Map.entry("regulator exports per licence (ADR 0021): the licences and reports, one report (wagers, voids, liability, self-exclusions, RG events, AML alerts) for a licence and period as JSON or CSV, each export audited", List.of(
                    new Probe("GET", "/api/v1/backoffice/compliance/reports", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/reports/wagers", null))),
            Map.entry("own odds format", List.of(new Probe("GET", "/api/v1/players/me/odds-format", null),
                    new Probe("PUT", "/api/v1/players/me/odds-format", "{}"))),
            Map.entry("suspend and resume betting (trading holds, audited), read liability, set betting limits, bet delays and stake factors", List.of(
                    new Probe("GET", "/api/v1/backoffice/risk/settings", null),
                    new Probe("PUT", "/api/v1/backoffice/risk/limits", "{}"),
                    new Probe("PUT", "/api/v1/backoffice/risk/delays/football", "{}"),
                    new Probe("PUT", "/api/v1/backoffice/risk/players/" + UUID.randomUUID() + "/stake-factor", "{}"),
                    new Probe("GET", "/api/v1/backoffice/trading/holds", null),
                    new Probe("POST", "/api/v1/backoffice/trading/holds", "{}"),
                    new Probe("DELETE", "/api/v1/backoffice/trading/holds/" + UUID.randomUUID(), null),
                    new Probe("GET", "/api/v1/backoffice/risk/events/" + UUID.randomUUID(), null))),
            Map.entry("enter, approve, reject and correct results (events and markets), void bets and decide voids, run an event's settlement, read its results and runs, set settlement thresholds and cut-offs", List.of(
                    new Probe("POST", "/api/v1/backoffice/settlement/events/" + UUID.randomUUID() + "/results", "{}"),
                    new Probe("GET", "/api/v1/backoffice/settlement/events/" + UUID.randomUUID(), null),
                    new Probe("POST", "/api/v1/backoffice/settlement/events/" + UUID.randomUUID() + "/runs", ""),
                    new Probe("POST", "/api/v1/backoffice/settlement/results/" + UUID.randomUUID() + "/approve", ""),
                    new Probe("POST", "/api/v1/backoffice/settlement/results/" + UUID.randomUUID() + "/reject", "{}"),
                    new Probe("POST", "/api/v1/backoffice/settlement/markets/" + UUID.randomUUID() + "/results", "{}"),
                    new Probe("POST", "/api/v1/backoffice/settlement/market-results/" + UUID.randomUUID() + "/approve", ""),
                    new Probe("POST", "/api/v1/backoffice/settlement/bets/" + UUID.randomUUID() + "/void", "{}"),
                    new Probe("GET", "/api/v1/backoffice/settlement/voids/pending", null),
                    new Probe("POST", "/api/v1/backoffice/settlement/voids/" + UUID.randomUUID() + "/approve", ""),
                    new Probe("POST", "/api/v1/backoffice/settlement/voids/" + UUID.randomUUID() + "/reject", "{}"),
                    new Probe("GET", "/api/v1/backoffice/settlement/settings", null),
                    new Probe("PUT", "/api/v1/backoffice/settlement/settings", "{}"),
                    new Probe("PUT", "/api/v1/backoffice/settlement/cut-offs/football", "{}"))),
            Map.entry("read the void report (past-post and other voids by rule, manual voids with actor and approver), JSON or CSV",
                    List.of(new Probe("GET", "/api/v1/backoffice/settlement/reports/voids", null))),
            Map.entry("read and set margins per sport and market type", List.of(new Probe("GET", "/api/v1/backoffice/margins", null),
                    new Probe("PUT", "/api/v1/backoffice/margins/football/1x2", "{}"))),
            Map.entry("AML: the case queue, a case file, assign an owner, decide with a reason, the suspicious-activity report (JSON or CSV), the monitoring thresholds", List.of(
                    new Probe("GET", "/api/v1/backoffice/compliance/aml/cases", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/aml/cases/" + UUID.randomUUID(), null),
                    new Probe("PUT", "/api/v1/backoffice/compliance/aml/cases/" + UUID.randomUUID() + "/owner", "{}"),
                    new Probe("POST", "/api/v1/backoffice/compliance/aml/cases/" + UUID.randomUUID() + "/decision", "{}"),
                    new Probe("GET", "/api/v1/backoffice/compliance/aml/cases/" + UUID.randomUUID() + "/report", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/aml/settings", null),
                    new Probe("PUT", "/api/v1/backoffice/compliance/aml/settings", "{}"))),
            Map.entry("sanctions screening: the hits (open, cleared or confirmed), one hit with what matched, clear a hit with a reason (the account is unblocked once no other hit holds it) or confirm it (it stays blocked), the list versions screened against and this tenant's re-screening runs", List.of(
                    new Probe("GET", "/api/v1/backoffice/compliance/screening/hits", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/screening/hits/" + UUID.randomUUID(), null),
                    new Probe("POST", "/api/v1/backoffice/compliance/screening/hits/" + UUID.randomUUID() + "/clearance", "{}"),
                    new Probe("POST", "/api/v1/backoffice/compliance/screening/hits/" + UUID.randomUUID() + "/confirmation", "{}"),
                    new Probe("GET", "/api/v1/backoffice/compliance/screening/lists", null))),
            Map.entry("PEP screening: record the enhanced due diligence of a PEP hit (approve with the source of funds: deposits above the review amount are no longer refused; or reject with a reason: the account is blocked) (ADR 0024)", List.of(
                    new Probe("POST", "/api/v1/backoffice/compliance/screening/hits/" + UUID.randomUUID() + "/due-diligence", "{}"))),
            Map.entry("KYC: the case queue (by state, in review first), a case with its documents and history, read a document decrypted (recorded in the case's history), approve or reject with a reason, ask for more documents, set when a verification expires", List.of(
                    new Probe("GET", "/api/v1/backoffice/compliance/kyc/cases", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/kyc/cases/" + UUID.randomUUID(), null),
                    new Probe("GET", "/api/v1/backoffice/compliance/kyc/cases/" + UUID.randomUUID() + "/documents/" + UUID.randomUUID(), null),
                    new Probe("POST", "/api/v1/backoffice/compliance/kyc/cases/" + UUID.randomUUID() + "/decision", "{}"),
                    new Probe("POST", "/api/v1/backoffice/compliance/kyc/cases/" + UUID.randomUUID() + "/document-requests", "{}"),
                    new Probe("PUT", "/api/v1/backoffice/compliance/kyc/cases/" + UUID.randomUUID() + "/expiry", "{}"))),
            Map.entry("jurisdiction rules: the effective rules per jurisdiction (pack value, source, the tenant's override) and this brand's, the rule change requests, the rules' audit trail", List.of(
                    new Probe("GET", "/api/v1/backoffice/compliance/rules", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/rules/changes", null),
                    new Probe("GET", "/api/v1/backoffice/compliance/rules/audit", null))),
            Map.entry("request a stricter jurisdiction rule, approve or reject another officer's request (four eyes, ADR 0017)", List.of(
                    new Probe("POST", "/api/v1/backoffice/compliance/rules/changes", "{}"),
                    new Probe("POST", "/api/v1/backoffice/compliance/rules/changes/" + UUID.randomUUID() + "/approve", ""),
                    new Probe("POST", "/api/v1/backoffice/compliance/rules/changes/" + UUID.randomUUID() + "/reject", "{}"))),
            Map.entry("read notices", List.of(new Probe("GET", "/api/v1/notices", null),
                    new Probe("GET", "/api/v1/notices/" + UUID.randomUUID(), null))),
            Map.entry("register as a player", List.of(new Probe("POST", "/api/v1/players", "{}"))),
            Map.entry("own profile, current and previous session", List.of(new Probe("GET", "/api/v1/players/me", null))),
            Map.entry("publish a notice", List.of(new Probe("POST", "/api/v1/backoffice/notices", "{}"))),
            Map.entry("suspend or reinstate a player", List.of(
                    new Probe("POST", "/api/v1/backoffice/players/" + UUID.randomUUID() + "/suspension", ""),
                    new Probe("DELETE", "/api/v1/backoffice/players/" + UUID.randomUUID() + "/suspension", null))),
            Map.entry("invite staff with roles", List.of(new Probe("POST", "/api/v1/backoffice/staff", "{}"))),
            Map.entry("own wallet: balances, history, net deposits, deposits, withdrawals", List.of(
                    new Probe("POST", "/api/v1/wallet/withdrawals", "{}"),
                    new Probe("DELETE", "/api/v1/wallet/withdrawals/" + UUID.randomUUID(), null),
                    new Probe("GET", "/api/v1/wallet/balances", null), new Probe("GET", "/api/v1/wallet/transactions", null),
                    new Probe("GET", "/api/v1/wallet/summary", null), new Probe("GET", "/api/v1/wallet/deposits", null),
                    new Probe("POST", "/api/v1/wallet/deposits", "{}"))),
            Map.entry("deliver a payment provider's webhook (authenticated by its signature, 400 when forged)", List.of(
                    new Probe("POST", "/api/v1/payments/webhooks/sandbox", "{}"))),
            Map.entry("own identity verification (KYC): its state, what is required and why, upload documents (multipart or base64 JSON), submit them", List.of(
                    new Probe("GET", "/api/v1/kyc", null), new Probe("POST", "/api/v1/kyc/documents", "{}"),
                    new Probe("POST", "/api/v1/kyc/submission", ""))),
            Map.entry("own responsible gambling: limits with what is used and pending, the jurisdiction's bounds, the exclusion in force; set a deposit, loss, wager or session-time limit (a raise waits for the cooling-off); take a time-out or self-exclude (signed out at once, every brand of the operator, cannot be lifted early); the reality check and its interval", List.of(
                    new Probe("GET", "/api/v1/responsible-gambling", null),
                    new Probe("PUT", "/api/v1/responsible-gambling/limits/deposit/day", "{}"),
                    new Probe("POST", "/api/v1/responsible-gambling/time-out", "{}"),
                    new Probe("POST", "/api/v1/responsible-gambling/self-exclusion", "{}"),
                    new Probe("GET", "/api/v1/responsible-gambling/reality-check", null),
                    new Probe("PUT", "/api/v1/responsible-gambling/reality-check", "{}"))),
            Map.entry("deliver a KYC provider's webhook (authenticated by its signature, 400 when forged)", List.of(
                    new Probe("POST", "/api/v1/kyc/webhooks/sandbox", "{}"))),
            Map.entry("adjust a player's wallet, run and read ledger checks, decide withdrawals", List.of(
                    new Probe("GET", "/api/v1/backoffice/payments/withdrawals", null),
                    new Probe("POST", "/api/v1/backoffice/payments/withdrawals/" + UUID.randomUUID() + "/decisions", "{}"),
                    new Probe("POST", "/api/v1/backoffice/wallet/adjustments", "{}"),
                    new Probe("GET", "/api/v1/backoffice/wallet/checks", null))),
            Map.entry("any other back-office action", List.of(new Probe("GET", "/api/v1/backoffice/permission-probe", null))),
            Map.entry("anything else under `/api`", List.of(new Probe("GET", "/api/v1/permission-probe", null))),
            Map.entry("sign out of this session (its tokens are refused afterwards)", List.of(
                    new Probe("POST", "/api/v1/players/me/logout", ""))));

    private static final Map<String, List<Probe>> PLATFORM_PROBES = Map.ofEntries(
            Map.entry("create a tenant with its first brand", List.of(new Probe("POST", "/api/v1/tenants", "{}"))),
            Map.entry("list tenants (an operator: its own)", List.of(new Probe("GET", "/api/v1/tenants", null))),
            Map.entry("read a tenant", List.of(new Probe("GET", "/api/v1/tenants/alpha", null))),
            Map.entry("follow provisioning", List.of(new Probe("GET", "/api/v1/tenants/alpha/provisioning", null))),
            Map.entry("retry a failed provisioning", List.of(new Probe("POST", "/api/v1/tenants/alpha/provisioning/retry", ""))),
            Map.entry("store or read a tenant's credentials (read back masked)", List.of(
                    new Probe("GET", "/api/v1/tenants/alpha/credentials/psp.stripe", null),
                    new Probe("PUT", "/api/v1/tenants/alpha/credentials/psp.stripe", "{}"))),
            Map.entry("suspend or resume a tenant", List.of(new Probe("POST", "/api/v1/tenants/nobody/suspension", ""),
                    new Probe("DELETE", "/api/v1/tenants/nobody/suspension", null))),
            Map.entry("offboard a tenant", List.of(new Probe("POST", "/api/v1/tenants/nobody/offboarding", ""))),
            Map.entry("the portal's and the console's pages, the embedded mode's mailbox", List.of(
                    new Probe("GET", "/portal/", null), new Probe("GET", "/portal/portal.js", null),
                    new Probe("GET", "/console/", null), new Probe("GET", "/console/console.js", null),
                    new Probe("GET", "/shared/dom.js", null), new Probe("GET", "/dev/mailbox", null))),
            Map.entry("sign up as an operator: the terms, the portal's settings, the signup, following the e-mailed link", List.of(
                    new Probe("GET", "/api/v1/signups/terms", null), new Probe("GET", "/api/v1/signups/portal", null),
                    new Probe("POST", "/api/v1/signups", "{}"), new Probe("POST", "/api/v1/signups/verification", "{}"))),
            Map.entry("the operator's own signup (company, terms accepted)", List.of(new Probe("GET", "/api/v1/signups/me", null))),
            Map.entry("the brand wizard's choices (jurisdictions, themes, fonts, currencies)", List.of(
                    new Probe("GET", "/api/v1/templates", null))),
            Map.entry("edit a brand (name, colours, fonts, logo text, currencies, languages), upload or read its logo", List.of(
                    new Probe("PATCH", "/api/v1/tenants/alpha/brands/nobody", "{}"),
                    new Probe("PUT", "/api/v1/tenants/alpha/brands/nobody/logo", "{}"),
                    new Probe("GET", "/api/v1/tenants/alpha/brands/nobody/logo", null))),
            Map.entry("read feature flags: every flag with its rollout and Unleash sync state, one flag with its evaluation per tenant and brand, its history (who, when, before and after)",
                    List.of(new Probe("GET", "/api/v1/flags", null), new Probe("GET", "/api/v1/flags/cash-out", null),
                            new Probe("GET", "/api/v1/flags/cash-out/history", null))),
            // on a flag that does not exist: the probes must not turn a real feature off for the other tests
            Map.entry("define a feature flag, roll it out (tenants, percentage of tenants, jurisdictions), pull or release its kill switch",
                    List.of(new Probe("POST", "/api/v1/flags", "{}"), new Probe("PUT", "/api/v1/flags/permission-probe", "{}"),
                            new Probe("POST", "/api/v1/flags/permission-probe/kill-switch", ""),
                            new Probe("DELETE", "/api/v1/flags/permission-probe/kill-switch", null))),
            Map.entry("the platform console's data: every tenant with its status, provisioning state and, from the runtime, its schema's health and version; the progress of the upgrade across all tenant schemas (total, done, failed, migrating now)",
                    List.of(new Probe("GET", "/api/v1/platform/tenants", null), new Probe("GET", "/api/v1/platform/migrations", null))),
            // starts a real upgrade of every tenant schema: idempotent, and a second one while it runs answers 409
            Map.entry("upgrade every tenant schema now (in the background; 409 while one runs)",
                    List.of(new Probe("POST", "/api/v1/platform/migrations", ""))),
            Map.entry("read the platform audit trail (who, when, what, on which tenant; by tenant, action or family `tenant.*`, period; cursor-paged)",
                    List.of(new Probe("GET", "/api/v1/audit?tenant=alpha&action=tenant.*", null))),
            Map.entry("anything else under `/api`", List.of(new Probe("GET", "/api/v1/permission-probe", null))));

    @TestFactory
    @Order(5)
    Stream<DynamicTest> everyCellOfThePermissionMatrixIsEnforced() {
        PermissionMatrix matrix = PermissionMatrix.read(RunningPlatform.repositoryRoot().resolve("docs/permissions.md"));
        PermissionMatrix.Table runtime = matrix.table("Tenant runtime");
        PermissionMatrix.Table control = matrix.table("Control plane");
        assertThat(runtime.rows()).extracting(PermissionMatrix.Row::action)
                .as("every runtime row has a probe").containsExactlyInAnyOrderElementsOf(RUNTIME_PROBES.keySet());
        assertThat(control.rows()).extracting(PermissionMatrix.Row::action)
                .as("every control-plane row has a probe").containsExactlyInAnyOrderElementsOf(PLATFORM_PROBES.keySet());

        Map<String, String> tenantTokens = new HashMap<>();
        for (String role : runtime.roles()) {
            tenantTokens.put(role, switch (role) {
                case "anonymous" -> null;
                case "player" -> "Bearer " + accounts.playerToken("alpha");
                default -> "Bearer " + accounts.staffToken("alpha", role);
            });
        }
        String foreign = "Bearer " + accounts.staffToken("beta", "tenant-admin");
        Map<String, String> platformTokens = new HashMap<>();
        for (String role : control.roles()) {
            platformTokens.put(role, switch (role) {
                case "anonymous" -> null;
                case "tenant token" -> tenantTokens.get("tenant-admin");
                default -> accounts.platformBearer(role);
            });
        }
        Stream<DynamicTest> runtimeRows = runtime.rows().stream().map(row -> DynamicTest.dynamicTest(
                "runtime: " + row.action(), () -> checkRow(row, RUNTIME_PROBES.get(row.action()), "alpha.localhost",
                        tenantTokens, foreign)));
        Stream<DynamicTest> platformRows = control.rows().stream().map(row -> DynamicTest.dynamicTest(
                "control plane: " + row.action(), () -> checkRow(row, PLATFORM_PROBES.get(row.action()), PLATFORM,
                        platformTokens, null)));
        return Stream.concat(runtimeRows, platformRows);
    }

    private void checkRow(PermissionMatrix.Row row, List<Probe> probes, String host, Map<String, String> tokens,
            String foreignToken) {
        SoftAssertions cells = new SoftAssertions();
        for (Probe probe : probes) {
            row.byRole().forEach((role, expected) -> {
                TestHttp.Response response = probe.send(edge, host, tokens.get(role));
                String cell = role + " on " + probe.method() + " " + probe.path() + " -> " + response.status() + " " + response.body();
                switch (expected) {
                    case ALLOWED -> cells.assertThat(response.status()).as(cell).isNotIn(401, 403).isLessThan(500);
                    case FORBIDDEN -> {
                        cells.assertThat(response.status()).as(cell).isEqualTo(403);
                        cells.assertThat(response.body()).as(cell).contains("\"code\":\"forbidden\"");
                    }
                    case UNAUTHENTICATED -> {
                        cells.assertThat(response.status()).as(cell).isEqualTo(401);
                        cells.assertThat(response.body()).as(cell).contains("\"code\":\"unauthenticated\"");
                    }
                }
            });
            if (foreignToken != null) {
                cells.assertThat(probe.send(edge, host, foreignToken).status())
                        .as("another tenant's token on " + probe.method() + " " + probe.path()).isEqualTo(401);
            }
        }
        cells.assertAll();
    }

    @Test
    @Order(6)
    void aPlayerWhoSignsOutCannotUseThatSessionsTokensAgain() {
        String email = "leaving." + System.nanoTime() + "@example.com";
        edge.post("/api/v1/players", registration(email, "Correct-Horse-42", "1991-02-02")).host("alpha.localhost").send();
        String token = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");

        int before = edge.get("/api/v1/players/me").host("alpha.localhost").header(AUTH, token).send().status();
        TestHttp.Response logout = edge.post("/api/v1/players/me/logout", "").host("alpha.localhost").header(AUTH, token).send();
        TestHttp.Response after = edge.get("/api/v1/players/me").host("alpha.localhost").header(AUTH, token).send();
        TestHttp.Response wallet = edge.get("/api/v1/wallet/balances").host("alpha.localhost").header(AUTH, token).send();
        String again = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");
        JsonNode newSession = edge.get("/api/v1/players/me").host("alpha.localhost").header(AUTH, again).send().json();

        assertThat(before).isEqualTo(200);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("code").asString()).isEqualTo("session_ended");
        assertThat(wallet.status()).isEqualTo(401);
        assertThat(newSession.has("previousSession")).isTrue();
        assertThat(newSession.get("previousSession").isNull()).as("the signed-out session is the previous one").isFalse();
    }

    @Test
    @Order(6)
    void anOperatorSeesOnlyItsOwnTenantsAndOnlyPlatformTokensCount() {
        String otherOperator = "Bearer " + accounts.platformToken(PlatformRealm.OPERATOR);
        String support = accounts.platformBearer(PlatformRealm.SUPPORT);

        JsonNode ownList = edge.get("/api/v1/tenants").host(PLATFORM).header(AUTH, operator()).send().json();
        JsonNode otherList = edge.get("/api/v1/tenants").host(PLATFORM).header(AUTH, otherOperator).send().json();
        TestHttp.Response otherReadsAlpha = edge.get("/api/v1/tenants/alpha").host(PLATFORM).header(AUTH, otherOperator).send();
        TestHttp.Response otherFollowsAlpha = edge.get("/api/v1/tenants/alpha/provisioning").host(PLATFORM)
                .header(AUTH, otherOperator).send();
        TestHttp.Response otherRetriesAlpha = edge.post("/api/v1/tenants/alpha/provisioning/retry", "").host(PLATFORM)
                .header(AUTH, otherOperator).send();
        JsonNode supportList = edge.get("/api/v1/tenants").host(PLATFORM).header(AUTH, support).send().json();
        TestHttp.Response supportSuspends = edge.post("/api/v1/tenants/alpha/suspension", "").host(PLATFORM)
                .header(AUTH, support).send();

        assertThat(ownList.findValuesAsString("slug")).contains("alpha", "beta");
        assertThat(otherList.findValuesAsString("slug")).as("another operator's tenants are not listed").isEmpty();
        assertThat(otherReadsAlpha.status()).as("another operator's tenant reads as absent").isEqualTo(404);
        assertThat(otherFollowsAlpha.status()).isEqualTo(404);
        assertThat(otherRetriesAlpha.status()).isEqualTo(404);
        assertThat(supportList.findValuesAsString("slug")).contains("alpha", "beta");
        assertThat(supportSuspends.status()).isEqualTo(403);
        assertThat(edge.get("/api/v1/brand").host("alpha.localhost").send().status()).as("alpha still serves").isEqualTo(200);
    }

    /**
     * A sanctioned person's name and date of birth registered through the gateway: the account opens blocked (201,
     * not a refusal that would tip them off) and cannot sign in; a compliance officer finds the hits in the queue, is
     * answered with problem details for bad input, and clears them, after which the player signs in and plays.
     */
    @Test
    @Order(6)
    void aSanctionedNamesakeRegistersBlockedAndPlaysOnceAComplianceOfficerClearsTheHits() {
        String email = "namesake." + System.nanoTime() + "@example.com";
        String officer = "Bearer " + accounts.staffToken("alpha", "compliance-officer");
        String hits = "/api/v1/backoffice/compliance/screening/hits";
        TestHttp.Response registered = edge.post("/api/v1/players", """
                {"email": "%s", "password": "Correct-Horse-42", "firstName": "Ayman", "lastName": "al-Zawahiri",
                 "dateOfBirth": "1951-06-19", "country": "MT", "currency": "EUR"}""".formatted(email))
                .host("alpha.localhost").send();
        int signInWhileBlocked = accounts.signInStatus("alpha", email, "Correct-Horse-42");
        String playerId = registered.json().get("id").asString();
        JsonNode queue = edge.get(hits).host("alpha.localhost").header(AUTH, officer).send().json();
        List<String> playersHits = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).get("playerId").asString().equals(playerId)) {
                playersHits.add(queue.get(i).get("id").asString());
            }
        }
        TestHttp.Response noReason = edge.post(hits + "/" + playersHits.getFirst() + "/clearance", "{}")
                .host("alpha.localhost").header(AUTH, officer).send();
        TestHttp.Response badStatus = edge.get(hits + "?status=closed").host("alpha.localhost").header(AUTH, officer).send();
        TestHttp.Response unknownHit = edge.get(hits + "/not-a-hit").host("alpha.localhost").header(AUTH, officer).send();
        List<TestHttp.Response> clearances = playersHits.stream().map(hit -> edge.post(hit(hits, hit, "clearance"),
                "{\"reason\": \"Passport seen: born in Malta, a namesake.\"}").host("alpha.localhost").header(AUTH, officer).send())
                .toList();
        TestHttp.Response twice = edge.post(hit(hits, playersHits.getFirst(), "confirmation"), "{\"reason\": \"second thoughts\"}")
                .host("alpha.localhost").header(AUTH, officer).send();
        String token = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");
        TestHttp.Response me = edge.get("/api/v1/players/me").host("alpha.localhost").header(AUTH, token).send();

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("blocked");
        assertThat(signInWhileBlocked).as("sign-in refused while blocked").isNotEqualTo(200);
        assertThat(playersHits).as("the UN and the OFAC listing").hasSize(2);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("code").asString()).isEqualTo("validation_failed");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(unknownHit.status()).isEqualTo(404);
        assertThat(unknownHit.json().get("code").asString()).isEqualTo("unknown_hit");
        assertThat(clearances).extracting(TestHttp.Response::status).containsOnly(200);
        assertThat(clearances.getLast().json().get("accountUnblocked").asBoolean()).isTrue();
        assertThat(twice.status()).as("a decided hit is not decided again").isEqualTo(409);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().at("/player/status").asString()).isEqualTo("active");
    }

    /**
     * A newer OFAC list loaded on the runtime (internal, with the service token) re-screens every player of every
     * active tenant before it answers: a player already signed in, whom the new version lists, is refused on the very
     * next call and the officer finds the hit; bad list uploads are answered with problem details.
     */
    @Test
    @Order(6)
    void aNewSanctionsListLoadedOnTheRuntimeBlocksAnExistingPlayerItNowLists() throws IOException {
        String email = "ivo." + System.nanoTime() + "@example.com";
        String lists = "/internal/v1/screening/lists";
        edge.post("/api/v1/players", """
                {"email": "%s", "password": "Correct-Horse-42", "firstName": "Ivo", "lastName": "Brankovan",
                 "dateOfBirth": "1980-02-02", "country": "MT", "currency": "EUR"}""".formatted(email))
                .host("alpha.localhost").send();
        String token = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");
        int before = edge.get("/api/v1/players/me").host("alpha.localhost").header(AUTH, token).send().status();
        String bundled = Files.readString(RunningPlatform.repositoryRoot()
                .resolve("tenant-runtime/src/main/resources/sanctions/ofac-sdn-2024-05-03.csv"));
        String newer = bundled.replace("\u001a", "")
                + "99999902,\"BRANKOVAN, Ivo\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 02 Feb 1980.\"\r\n";
        TestHttp runtime = platform.runtimeDirectly();

        TestHttp.Response withoutToken = runtime.post(lists + "/ofac?name=ofac-new.csv", newer).header("Content-Type", "text/csv").send();
        TestHttp.Response unknownList = runtime.post(lists + "/eu?name=eu.xml", "<x/>").header("Content-Type", "text/xml")
                .header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        TestHttp.Response unnamed = runtime.post(lists + "/ofac", newer).header("Content-Type", "text/csv")
                .header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        TestHttp.Response garbage = runtime.post(lists + "/un?name=un-new.xml", "<html>not the list</html>")
                .header("Content-Type", "text/xml").header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        TestHttp.Response loaded = runtime.post(lists + "/ofac?name=ofac-sdn-2024-05-10.csv", newer)
                .header("Content-Type", "text/csv").header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        TestHttp.Response after = edge.get("/api/v1/players/me").host("alpha.localhost").header(AUTH, token).send();
        JsonNode versions = runtime.get(lists).header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send().json();

        assertThat(before).isEqualTo(200);
        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(unknownList.status()).isEqualTo(404);
        assertThat(unknownList.json().get("code").asString()).isEqualTo("unknown_list_source");
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.json().get("code").asString()).isEqualTo("list_unreadable");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
        assertThat(loaded.json().at("/version/individuals").asInt()).isEqualTo(6_855);
        assertThat(loaded.json().at("/rescreening/newCases").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(loaded.json().at("/rescreening/playersBlocked").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(after.status()).as("refused on the next call, with a token issued before").isEqualTo(403);
        assertThat(after.json().get("code").asString()).isEqualTo("account_blocked");
        assertThat(versions.toString()).contains("ofac-sdn-2024-05-10.csv", "un-consolidated-2018-10-29.xml");
    }

    private static String hit(String hits, String id, String decision) {
        return hits + "/" + id + "/" + decision;
    }

    /**
     * Compliance officers hold tenant-realm tokens, so they change rules on the brand host; the runtime relays to the
     * control plane, which refuses a rule looser than the pack and an officer approving their own request (ADR 0017).
     */
    @Test
    @Order(7)
    void aComplianceOfficerRequestsAStricterRuleASecondApprovesItAndTheRuntimeAppliesIt() {
        String requester = "Bearer " + accounts.staffToken("alpha", "compliance-officer");
        String approver = "Bearer " + accounts.staffToken("alpha", "compliance-officer");
        String rules = "/api/v1/backoffice/compliance/rules";

        JsonNode before = edge.get(rules).host("alpha.localhost").header(AUTH, requester).send().json();
        TestHttp.Response looser = edge.post(rules + "/changes", """
                {"jurisdiction": "MT", "rule": "minimumAge", "value": 17, "reason": "wider audience"}""")
                .host("alpha.localhost").header(AUTH, requester).send();
        TestHttp.Response requested = edge.post(rules + "/changes", """
                {"jurisdiction": "MT", "rule": "minimumAge", "value": 21, "reason": "operator policy: 21 and over only"}""")
                .host("alpha.localhost").header(AUTH, requester).send();
        String id = requested.json().get("id").asString();
        TestHttp.Response ownApproval = edge.post(rules + "/changes/" + id + "/approve", "").host("alpha.localhost")
                .header(AUTH, requester).send();
        TestHttp.Response approved = edge.post(rules + "/changes/" + id + "/approve", "").host("alpha.localhost")
                .header(AUTH, approver).send();
        JsonNode after = edge.get(rules).host("alpha.localhost").header(AUTH, approver).send().json();
        JsonNode trail = edge.get(rules + "/audit").host("alpha.localhost").header(AUTH, requester).send().json();

        assertThat(before.at("/brand/minimumAge").asInt()).isEqualTo(18);
        assertThat(before.at("/jurisdictions/0/rules/minimumAge/source").asString()).contains("Player Protection Directive");
        assertThat(looser.status()).as(looser.body()).isEqualTo(422);
        assertThat(looser.json().get("code").asString()).isEqualTo("rule_looser_than_pack");
        assertThat(looser.json().get("rule").asString()).isEqualTo("minimumAge");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.json().get("code").asString()).isEqualTo("four_eyes_required");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("ruleVersion").asInt()).isPositive();
        assertThat(after.at("/jurisdictions/0/rules/minimumAge/pack").asInt()).isEqualTo(18);
        assertThat(after.at("/jurisdictions/0/rules/minimumAge/override/value").asInt()).isEqualTo(21);
        assertThat(after.at("/jurisdictions/0/rules/minimumAge/effective").asInt()).isEqualTo(21);
        assertThat(after.at("/brand/minimumAge").asInt()).as("the runtime's EffectiveRules").isEqualTo(21);
        assertThat(trail.findValuesAsString("action")).contains("pack_adopted", "change_requested", "change_approved");
        String nineteen = java.time.LocalDate.now().minusYears(19).toString();
        TestHttp.Response underage = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> edge.post("/api/v1/players", registration("nineteen." + System.nanoTime() + "@example.com",
                        "Correct-Horse-42", nineteen)).host("alpha.localhost").send(), response -> response.status() == 422);
        assertThat(underage.body()).as("registration applies the stricter age").contains("at least 21");
    }

    @Test
    @Order(60)
    void anExpiredTokenIsRefusedWithAProblemDetailAtTheEdgeAndInTheRuntime() {
        provision("zeta", "zeta.localhost");
        accounts.shortenTokenLifespan("zeta", "skin", 2);
        String expired = "Bearer " + accounts.playerToken("zeta");
        TestHttp.Response whileValid = edge.get("/api/v1/players/me").host("zeta.localhost").header(AUTH, expired).send();
        // two seconds of lifetime, one of allowed clock skew (RunningPlatform), one of margin
        sleep(Duration.ofSeconds(4));

        TestHttp.Response atTheEdge = edge.get("/api/v1/players/me").host("zeta.localhost").header(AUTH, expired).send();
        TestHttp.Response onAPublicRead = edge.get("/api/v1/brand").host("zeta.localhost").header(AUTH, expired).send();
        long now = Instant.now().getEpochSecond();
        String signature = new TenantContextSignature(RunningPlatform.SIGNING_SECRET, Duration.ofSeconds(60)).sign("zeta", "zeta", now);
        TestHttp.Response inTheRuntime = platform.runtimeDirectly().get("/api/v1/players/me").header(AUTH, expired)
                .header(TrustedHeaders.TENANT_ID, "zeta").header(TrustedHeaders.BRAND_ID, "zeta")
                .header(TrustedHeaders.ISSUED_AT, Long.toString(now)).header(TrustedHeaders.SIGNATURE, signature).send();

        assertThat(whileValid.status()).as("not refused while valid").isNotIn(401, 403);
        for (TestHttp.Response refused : List.of(atTheEdge, onAPublicRead, inTheRuntime)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("unauthenticated");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String registration(String email, String password, String dateOfBirth) {
        return """
                {"email": "%s", "password": "%s", "firstName": "Pat", "lastName": "Punter",
                 "dateOfBirth": "%s", "country": "MT", "currency": "EUR"}
                """.formatted(email, password, dateOfBirth);
    }

    @Test
    @Order(4)
    void aPlayerRegistersSignsInSeesTheProfileAndIsRefusedOnceSuspended() {
        String email = "pat." + System.nanoTime() + "@example.com";

        TestHttp.Response registered = edge.post("/api/v1/players", registration(email, "Correct-Horse-42", "1990-04-01"))
                .host("alpha.localhost").send();
        String token = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");
        TestHttp.Response me = edge.get("/api/v1/players/me").host("alpha.localhost").header("Authorization", token).send();
        TestHttp.Response staffCallByPlayer = edge.post("/api/v1/backoffice/players/" + registered.json().get("id").asString()
                + "/suspension", "").host("alpha.localhost").header("Authorization", token).send();
        TestHttp.Response suspended = edge.post("/api/v1/backoffice/players/" + registered.json().get("id").asString()
                + "/suspension", "").host("alpha.localhost").header("Authorization", alphaAdmin).send();
        TestHttp.Response nextCall = edge.get("/api/v1/players/me").host("alpha.localhost").header("Authorization", token).send();

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("brand").asString()).isEqualTo("alpha");
        assertThat(registered.json().get("status").asString()).isEqualTo("active");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().at("/player/email").asString()).isEqualTo(email);
        assertThat(me.json().at("/currentSession/startedAt").isMissingNode()).isFalse();
        assertThat(me.json().get("previousSession").isNull()).as("no session before the first").isTrue();
        assertThat(staffCallByPlayer.status()).isEqualTo(403);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(nextCall.status()).as("a token issued before the suspension is refused on the next call").isEqualTo(403);
        assertThat(nextCall.json().get("code").asString()).isEqualTo("account_suspended");
        assertThat(accounts.signInStatus("alpha", email, "Correct-Horse-42")).as("sign-in refused while suspended").isNotEqualTo(200);
    }

    @Test
    @Order(4)
    void theSecondSignInShowsWhenThePreviousSessionStarted() {
        String email = "twice." + System.nanoTime() + "@example.com";
        edge.post("/api/v1/players", registration(email, "Correct-Horse-42", "1985-02-03")).host("alpha.localhost").send();
        String first = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");
        JsonNode firstSession = edge.get("/api/v1/players/me").host("alpha.localhost").header("Authorization", first).send()
                .json().get("currentSession");

        String second = "Bearer " + accounts.signIn("alpha", email, "Correct-Horse-42");
        JsonNode secondView = edge.get("/api/v1/players/me").host("alpha.localhost").header("Authorization", second).send().json();

        assertThat(secondView.at("/previousSession/startedAt").asString()).isEqualTo(firstSession.get("startedAt").asString());
        assertThat(secondView.at("/currentSession/startedAt").asString()).isNotEqualTo(firstSession.get("startedAt").asString());
    }

    @Test
    @Order(4)
    void aTenantAdminInvitesStaffWhoMustSetANewPasswordAndOtpBeforeSigningIn() {
        String email = "desk." + System.nanoTime() + "@example.com";
        String invitation = "{\"email\":\"" + email + "\",\"firstName\":\"Dana\",\"lastName\":\"Desk\",\"roles\":[\"trader\",\"risk-manager\"]}";

        TestHttp.Response invited = edge.post("/api/v1/backoffice/staff", invitation).host("alpha.localhost")
                .header("Authorization", alphaAdmin).send();
        TestHttp.Response again = edge.post("/api/v1/backoffice/staff", invitation).host("alpha.localhost")
                .header("Authorization", alphaAdmin).send();
        TestHttp.Response asPlayer = edge.post("/api/v1/backoffice/staff", invitation).host("alpha.localhost")
                .header("Authorization", "Bearer " + accounts.playerToken("alpha")).send();
        TestHttp.Response playerRole = edge.post("/api/v1/backoffice/staff",
                        invitation.replace(email, "p" + email).replace("\"trader\",\"risk-manager\"", "\"player\""))
                .host("alpha.localhost").header("Authorization", alphaAdmin).send();

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("requiredActions").findValuesAsString("requiredActions")).isEmpty();
        assertThat(invited.json().get("requiredActions").toString()).contains("CONFIGURE_TOTP", "UPDATE_PASSWORD");
        String temporaryPassword = invited.json().get("temporaryPassword").asString();
        assertThat(accounts.rolesOf("alpha", email)).contains("trader", "risk-manager");
        assertThat(accounts.signInStatus("alpha", email, temporaryPassword))
                .as("no token before the new password and OTP are set").isNotEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(asPlayer.status()).isEqualTo(403);
        assertThat(playerRole.status()).isEqualTo(422);
        assertThat(playerRole.json().get("code").asString()).isEqualTo("unknown_role");
    }

    @Test
    @Order(4)
    void registrationRefusesBadInputWithProblemDetails() {
        String email = "dup." + System.nanoTime() + "@example.com";
        edge.post("/api/v1/players", registration(email, "Correct-Horse-42", "1990-04-01")).host("beta.localhost").send();

        TestHttp.Response underage = edge.post("/api/v1/players",
                registration("kid." + System.nanoTime() + "@example.com", "Correct-Horse-42", java.time.LocalDate.now().minusYears(17).toString()))
                .host("beta.localhost").send();
        TestHttp.Response badEmail = edge.post("/api/v1/players", registration("not-an-email", "Correct-Horse-42", "1990-04-01"))
                .host("beta.localhost").send();
        TestHttp.Response weak = edge.post("/api/v1/players", registration("weak." + System.nanoTime() + "@example.com", "password", "1990-04-01"))
                .host("beta.localhost").send();
        TestHttp.Response duplicate = edge.post("/api/v1/players", registration(email.toUpperCase(java.util.Locale.ROOT), "Correct-Horse-42", "1990-04-01"))
                .host("beta.localhost").send();

        assertThat(underage.status()).isEqualTo(422);
        assertThat(underage.json().get("code").asString()).isEqualTo("underage");
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.json().get("errors").findValuesAsString("field")).contains("email");
        assertThat(weak.status()).as(weak.body()).isEqualTo(422);
        assertThat(weak.json().get("code").asString()).isEqualTo("weak_password");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asString()).isEqualTo("email_taken");
    }

    @Test
    @Order(4)
    void anUnknownHostGetsA404ProblemDetail() {
        TestHttp.Response response = edge.get("/api/v1/brand").host("nobody.localhost").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("unknown_host");
    }

    @Test
    @Order(5)
    void internalAndOperationalEndpointsAreNotReachableFromOutside() {
        for (String host : new String[] {RunningPlatform.PLATFORM_HOST, "alpha.localhost"}) {
            assertThat(edge.get("/internal/v1/routing").host(host).header("X-Internal-Token", RunningPlatform.INTERNAL_TOKEN)
                    .send().status()).isEqualTo(404);
            assertThat(edge.get("/actuator/health").host(host).send().status()).isEqualTo(404);
            for (String disguised : new String[] {"/%69nternal/v1/routing", "//internal/v1/routing", "/api/../internal/v1/routing"}) {
                TestHttp.Response response = edge.get(disguised).host(host)
                        .header("X-Internal-Token", RunningPlatform.INTERNAL_TOKEN).send();
                assertThat(response.status()).as(disguised + " on " + host).isIn(400, 404);
                assertThat(response.body()).doesNotContain("\"tenants\"");
            }
        }
    }

    @Test
    @Order(6)
    void theRuntimeRefusesTenantRequestsThatDidNotComeThroughTheGateway() {
        TestHttp runtime = platform.runtimeDirectly();
        long now = Instant.now().getEpochSecond();
        TenantContextSignature wrongKey = new TenantContextSignature("not-the-gateway-secret-0123456789abcdef", Duration.ofSeconds(60));

        TestHttp.Response noContext = runtime.get("/api/v1/notices").send();
        TestHttp.Response forged = runtime.get("/api/v1/notices")
                .header("X-Tenant-Id", "alpha").header("X-Brand-Id", "alpha")
                .header("X-Tenant-Context-Issued-At", Long.toString(now))
                .header("X-Tenant-Context-Signature", wrongKey.sign("alpha", "alpha", now))
                .send();

        TenantContextSignature gatewayKey = new TenantContextSignature(RunningPlatform.SIGNING_SECRET, Duration.ofSeconds(60));
        TestHttp.Response unknownTenant = runtime.get("/api/v1/notices")
                .header("X-Tenant-Id", "nobody").header("X-Brand-Id", "nobody")
                .header("X-Tenant-Context-Issued-At", Long.toString(now))
                .header("X-Tenant-Context-Signature", gatewayKey.sign("nobody", "nobody", now))
                .send();
        TestHttp.Response brandOfAnotherTenant = runtime.get("/api/v1/notices")
                .header("X-Tenant-Id", "alpha").header("X-Brand-Id", "beta")
                .header("X-Tenant-Context-Issued-At", Long.toString(now))
                .header("X-Tenant-Context-Signature", gatewayKey.sign("alpha", "beta", now))
                .send();

        assertThat(unknownTenant.status()).isEqualTo(404);
        assertThat(unknownTenant.json().get("code").asString()).isEqualTo("unknown_tenant");
        assertThat(brandOfAnotherTenant.status()).isEqualTo(404);
        assertThat(noContext.status()).isEqualTo(400);
        assertThat(noContext.json().get("code").asString()).isEqualTo("tenant_context_missing");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("tenant_context_invalid");
    }

    @Test
    @Order(7)
    void aSuspendedTenantAnswers503WithinSecondsAndServesAgainWhenResumed() {
        assertThat(edge.post("/api/v1/tenants/beta/suspension", "").host(PLATFORM).header(AUTH, platformAdmin()).send().status()).isEqualTo(200);
        long suspended = System.nanoTime();
        TestHttp.Response refused = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get("/api/v1/brand").host("beta.localhost").send(), response -> response.status() == 503);
        long propagationMillis = (System.nanoTime() - suspended) / 1_000_000;
        TestHttp.Response page = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get("/").host("beta.localhost").header("Accept", "text/html").send(),
                        response -> response.status() == 503);

        assertThat(refused.json().get("code").asString()).isEqualTo("tenant_suspended");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Beta Bet").contains("temporarily unavailable");
        assertThat(edge.get("/api/v1/brand").host("alpha.localhost").send().status()).isEqualTo(200);

        assertThat(edge.delete("/api/v1/tenants/beta/suspension").host(PLATFORM).header(AUTH, platformAdmin()).send().status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get("/api/v1/brand").host("beta.localhost").send().status() == 200);
        platform.record("suspension reached the edge after %d ms".formatted(propagationMillis));
    }

    @Test
    @Order(8)
    void badProvisioningInputGetsProblemDetailsAndCreatesNothing() {
        TestHttp.Response malformed = edge.post("/api/v1/tenants", "{\"slug\":").host(PLATFORM).header(AUTH, operator()).send();
        TestHttp.Response missing = edge.post("/api/v1/tenants", "{\"slug\":\"lonely\"}").host(PLATFORM).header(AUTH, operator()).send();
        TestHttp.Response badHost = edge.post("/api/v1/tenants", tenantRequest("badhost", "not a host")).host(PLATFORM).header(AUTH, operator()).send();
        TestHttp.Response slugTaken = edge.post("/api/v1/tenants", tenantRequest("alpha", "alpha2.localhost")).host(PLATFORM).header(AUTH, operator()).send();
        TestHttp.Response hostTaken = edge.post("/api/v1/tenants", tenantRequest("copycat", "alpha.localhost")).host(PLATFORM).header(AUTH, operator()).send();

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(badHost.status()).isEqualTo(422);
        assertThat(badHost.json().get("errors").findValuesAsString("field")).containsExactly("brand.hosts[0]");
        assertThat(slugTaken.status()).isEqualTo(409);
        assertThat(hostTaken.status()).isEqualTo(409);
        for (TestHttp.Response response : new TestHttp.Response[] {malformed, missing, badHost, slugTaken, hostTaken}) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().has("code")).isTrue();
        }
        assertThat(edge.get("/api/v1/tenants/copycat").host(PLATFORM).header(AUTH, operator()).send().status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void everyPublicEndpointIsInTheOpenApiDocuments() {
        JsonNode runtimeDocs = new TestHttp("http://127.0.0.1:" + platform.runtimePort).get("/v3/api-docs").send().json();
        JsonNode controlPlaneDocs = new TestHttp("http://127.0.0.1:" + platform.controlPlanePort).get("/v3/api-docs").send().json();

        assertThat(runtimeDocs.get("paths").propertyNames())
                .contains("/api/v1/brand", "/api/v1/sports", "/api/v1/notices", "/api/v1/notices/{id}", "/api/v1/backoffice/notices");
        assertThat(controlPlaneDocs.get("paths").propertyNames())
                .contains("/api/v1/tenants", "/api/v1/tenants/{slug}", "/api/v1/tenants/{slug}/provisioning",
                        "/api/v1/tenants/{slug}/provisioning/retry", "/api/v1/tenants/{slug}/suspension");
    }

    @Test
    @Order(50)
    void anOffboardedTenantsBrandClosesAndItsRealmRefusesSignIn() {
        provision("epsilon", "epsilon.localhost");
        String email = "last." + System.nanoTime() + "@example.com";
        edge.post("/api/v1/players", registration(email, "Correct-Horse-42", "1980-06-06")).host("epsilon.localhost").send();
        int signInBefore = accounts.signInStatus("epsilon", email, "Correct-Horse-42");

        TestHttp.Response offboarded = edge.post("/api/v1/tenants/epsilon/offboarding", "").host(PLATFORM).header(AUTH, platformAdmin()).send();
        TestHttp.Response closed = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get("/api/v1/brand").host("epsilon.localhost").send(), response -> response.status() == 503);
        TestHttp.Response twice = edge.post("/api/v1/tenants/epsilon/offboarding", "").host(PLATFORM).header(AUTH, platformAdmin()).send();

        assertThat(signInBefore).isEqualTo(200);
        assertThat(offboarded.status()).as(offboarded.body()).isEqualTo(200);
        assertThat(offboarded.json().get("status").asString()).isEqualTo("offboarding");
        assertThat(closed.json().get("code").asString()).isEqualTo("tenant_closed");
        assertThat(accounts.signInStatus("epsilon", email, "Correct-Horse-42")).as("realm disabled").isNotEqualTo(200);
        assertThat(twice.status()).as("offboarding again changes nothing").isEqualTo(200);
        assertThat(edge.post("/api/v1/tenants/nobody/offboarding", "").host(PLATFORM).header(AUTH, platformAdmin()).send().status())
                .isEqualTo(404);
    }

    @Test
    @Order(100)
    void aStepThatFailsIsRetriedAndProvisioningCompletes() {
        platform.runtime.stop();
        TestHttp.Response created = edge.post("/api/v1/tenants", tenantRequest("delta", "delta.localhost"))
                .host(PLATFORM).header(AUTH, operator()).send();
        JsonNode failed = awaitRun("delta", "failed");
        JsonNode tenantWhileFailed = edge.get("/api/v1/tenants/delta").host(PLATFORM).header(AUTH, operator()).send().json();
        int hostWhileFailed = edge.get("/api/v1/brand").host("delta.localhost").send().status();

        platform.restartRuntime();
        TestHttp.Response retry = edge.post("/api/v1/tenants/delta/provisioning/retry", "").host(PLATFORM).header(AUTH, operator()).send();
        JsonNode completed = awaitRun("delta", "completed");

        assertThat(created.status()).isEqualTo(202);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("failedStep").asString()).isEqualTo("schema_created");
        assertThat(failed.get("error").asString()).contains("could not be reached");
        assertThat(tenantWhileFailed.get("status").asString()).isEqualTo("provisioning_failed");
        assertThat(hostWhileFailed).isEqualTo(404);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("attempts").asInt()).isEqualTo(2);
        TestHttp.Response served = edge.get("/api/v1/sports").host("delta.localhost").send();
        assertThat(served.status()).as("served as soon as provisioning completes: " + served.body()).isEqualTo(200);
        assertThat(edge.get("/api/v1/notices").host("alpha.localhost").send().json().findValuesAsString("title"))
                .as("tenants provisioned before the runtime restart still serve their data").contains("Alpha only");
    }

    private static String capitalised(String slug) {
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }
}
