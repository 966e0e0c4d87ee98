package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The wallet over real HTTP through the gateway, with real tokens: finance adjusts a player's balance with an
 * idempotency key, the player reads balances, history and net deposits, bad amounts are refused with problem
 * details and move nothing, and the ledger proves its invariants on demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletEndToEndIT {

    private static final String HOST = "gamma.localhost";
    private static final String AUTH = "Authorization";

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;
    private String finance;
    private String playerToken;
    private String playerId;

    @BeforeAll
    void startPlatformWithAPlayer() {
        platform = new RunningPlatform();
        platform.start();
        edge = platform.edge();
        accounts = new RealmAccounts(platform.keycloak);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> accounts.platformBearer(PlatformRealm.OPERATOR) != null);
        String tenant = """
                {"slug": "gamma", "operator": {"name": "Gamma Ltd", "contactEmail": "ops@gamma.test"},
                 "brand": {"name": "Gamma Bet", "hosts": ["%s"], "defaultCurrency": "EUR",
                           "currencies": ["EUR", "GBP"], "languages": ["en"], "jurisdictions": ["MT"]}}""".formatted(HOST);
        assertThat(edge.post("/api/v1/tenants", tenant).host(RunningPlatform.PLATFORM_HOST)
                .header(AUTH, accounts.platformBearer(PlatformRealm.OPERATOR)).send().status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/brand").host(HOST).send().status() == 200);
        String email = "wallet." + System.nanoTime() + "@example.com";
        TestHttp.Response registered = edge.post("/api/v1/players", """
                {"email": "%s", "password": "Correct-Horse-42", "firstName": "Wally", "lastName": "Wallet",
                 "dateOfBirth": "1985-03-03", "country": "MT", "currency": "EUR"}""".formatted(email)).host(HOST).send();
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        playerId = registered.json().get("id").asString();
        playerToken = "Bearer " + accounts.signIn("gamma", email, "Correct-Horse-42");
        finance = "Bearer " + accounts.staffToken("gamma", "finance");
    }

    @AfterAll
    void stop() {
        if (accounts != null) {
            accounts.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private TestHttp.Response adjust(String key, String body) {
        TestHttp.Request request = edge.post("/api/v1/backoffice/wallet/adjustments", body).host(HOST).header(AUTH, finance);
        return key == null ? request.send() : request.header("Idempotency-Key", key).send();
    }

    private String credit(String account, String amount, String currency) {
        return """
                {"playerId": "%s", "account": "%s", "direction": "credit", "amount": %s, "currency": "%s",
                 "reason": "goodwill"}""".formatted(playerId, account, amount, currency);
    }

    private JsonNode balances() {
        return edge.get("/api/v1/wallet/balances").host(HOST).header(AUTH, playerToken).send().json();
    }

    @Test
    void anAdjustmentCreditsThePlayerOnceAndItsReplayReturnsTheSameResult() {
        String key = UUID.randomUUID().toString();
        long cashBefore = balances().at("/balances/0/cash").asLong();

        TestHttp.Response first = adjust(key, credit("cash", "1250", "EUR"));
        TestHttp.Response replay = adjust(key, credit("cash", "1250", "EUR"));
        TestHttp.Response sameKeyOtherBody = adjust(key, credit("cash", "1251", "EUR"));
        TestHttp.Response bonus = adjust(UUID.randomUUID().toString(), credit("bonus", "500", "EUR"));
        JsonNode after = balances();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sameKeyOtherBody.status()).isEqualTo(409);
        assertThat(sameKeyOtherBody.json().get("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(bonus.status()).isEqualTo(201);
        assertThat(after.at("/balances/0/currency").asString()).isEqualTo("EUR");
        assertThat(after.at("/balances/0/cash").asLong()).isEqualTo(cashBefore + 1250);
        assertThat(after.at("/balances/0/bonus").asLong()).as("bonus shown apart").isEqualTo(500);
        assertThat(after.at("/balances/0/withdrawable").asLong()).isEqualTo(cashBefore + 1250);
    }

    @Test
    void badAmountsGetProblemDetailsAndMoveNothing() {
        JsonNode before = balances();
        List<String[]> bad = List.of(
                new String[] {"-100", "EUR", "amount"},
                new String[] {"0", "EUR", "amount"},
                new String[] {"12.345", "EUR", "amount"},
                new String[] {"1.5", "EUR", "amount"},
                new String[] {"100", "XYZ", "currency"},
                new String[] {"100", "eur", "currency"},
                new String[] {"100", "USD", "currency"},
                new String[] {"100000000000000000000", "EUR", "amount"},
                new String[] {"9000000000000000", "EUR", "amount"});
        for (String[] input : bad) {
            TestHttp.Response response = adjust(UUID.randomUUID().toString(), credit("cash", input[0], input[1]));
            assertThat(response.status()).as(input[0] + " " + input[1] + ": " + response.body()).isEqualTo(422);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsString("field")).as(input[0]).containsExactly(input[2]);
        }
        TestHttp.Response noKey = adjust(null, credit("cash", "100", "EUR"));
        TestHttp.Response malformed = adjust(UUID.randomUUID().toString(), "{\"playerId\": ");
        TestHttp.Response unknownPlayer = adjust(UUID.randomUUID().toString(), credit("cash", "100", "EUR")
                .replace(playerId, UUID.randomUUID().toString()));
        TestHttp.Response overdraw = adjust(UUID.randomUUID().toString(), credit("cash", "99999999", "EUR")
                .replace("credit", "debit"));

        assertThat(noKey.status()).isEqualTo(422);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownPlayer.status()).isEqualTo(422);
        assertThat(overdraw.status()).isEqualTo(422);
        assertThat(overdraw.json().get("code").asString()).isEqualTo("insufficient_funds");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void thePlayerSeesHistoryNewestFirstAndNetDeposits() {
        adjust(UUID.randomUUID().toString(), credit("cash", "300", "EUR"));
        adjust(UUID.randomUUID().toString(), credit("cash", "200", "EUR"));

        JsonNode page = edge.get("/api/v1/wallet/transactions?limit=1").host(HOST).header(AUTH, playerToken).send().json();
        JsonNode next = edge.get("/api/v1/wallet/transactions?limit=1&cursor=" + page.get("nextCursor").asString())
                .host(HOST).header(AUTH, playerToken).send().json();
        TestHttp.Response badKind = edge.get("/api/v1/wallet/transactions?kind=lottery").host(HOST).header(AUTH, playerToken).send();
        TestHttp.Response badLimit = edge.get("/api/v1/wallet/transactions?limit=1000").host(HOST).header(AUTH, playerToken).send();
        TestHttp.Response summary = edge.get("/api/v1/wallet/summary").host(HOST).header(AUTH, playerToken).send();

        assertThat(page.at("/items/0/amount").asLong()).isEqualTo(200);
        assertThat(page.at("/items/0/kind").asString()).isEqualTo("adjustment");
        assertThat(next.at("/items/0/amount").asLong()).isEqualTo(300);
        assertThat(badKind.status()).isEqualTo(422);
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().at("/lifetime/0/netDeposits").asLong()).as("adjustments are not deposits").isZero();
    }

    @Test
    void financeRunsTheLedgerCheckAndSeesItRecorded() {
        adjust(UUID.randomUUID().toString(), credit("cash", "100", "EUR"));

        TestHttp.Response run = edge.post("/api/v1/backoffice/wallet/checks", "").host(HOST).header(AUTH, finance).send();
        JsonNode listed = edge.get("/api/v1/backoffice/wallet/checks").host(HOST).header(AUTH, finance).send().json();
        TestHttp.Response byPlayer = edge.post("/api/v1/backoffice/wallet/checks", "").host(HOST).header(AUTH, playerToken).send();

        assertThat(run.status()).isEqualTo(201);
        assertThat(run.json().get("passed").asBoolean()).as(run.body()).isTrue();
        assertThat(run.json().get("transactionsChecked").asLong()).isPositive();
        assertThat(listed.at("/items/0/id").asString()).isEqualTo(run.json().get("id").asString());
        assertThat(byPlayer.status()).isEqualTo(403);
    }
}
