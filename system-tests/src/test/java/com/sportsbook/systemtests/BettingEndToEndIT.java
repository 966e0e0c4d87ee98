package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Betting over real HTTP through the gateway with a real player token: quote a betslip, place it with an
 * Idempotency-Key (the replay returns the same bet), read the history, and every bad betslip answers a problem
 * detail with its code while the balance stays as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BettingEndToEndIT {

    static final String HOST = "theta.localhost";
    private static final String AUTH = "Authorization";

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;
    private String player;
    private BettingFixtures.Punter browserPunter;

    @BeforeAll
    void aPlayerWithMoneyAndEventsToBetOn() {
        platform = RunningPlatform.withTenant("theta", HOST);
        edge = platform.edge();
        accounts = platform.accounts();
        player = BettingFixtures.fundedPlayer(edge, accounts, "theta", HOST, 10_000);
        browserPunter = BettingFixtures.punter(edge, accounts, "theta", HOST, 10_000);
        Instant kickOff = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        TestHttp.Response pushed = platform.runtimeDirectly().post("/internal/feeds/messages", """
                {"type":"event","eventRef":"t:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"t:1","version":2,"marketRef":"t:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                {"type":"event","eventRef":"t:2","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Spurs","away":"Everton","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"t:2","version":2,"marketRef":"t:2:1x2","marketType":"1x2","status":"open","prices":{"home":"1.80","draw":"3.80","away":"4.50"}}
                """.formatted(kickOff)).header("Content-Type", "application/x-ndjson")
                .header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private JsonNode selection(String event, int market, int selection) {
        JsonNode events = edge.get("/api/v1/events?limit=100").host(HOST).send().json();
        String id = events.get("items").valueStream().filter(e -> e.get("name").asString().equals(event)).findFirst().orElseThrow()
                .get("id").asString();
        return edge.get("/api/v1/events/" + id).host(HOST).send().json().at("/groups/0/markets/" + market + "/selections/" + selection);
    }

    private long cash() {
        return edge.get("/api/v1/wallet/balances").host(HOST).header(AUTH, player).send().json().at("/balances/0/cash").asLong();
    }

    private TestHttp.Response place(String key, String body) {
        TestHttp.Request request = edge.post("/api/v1/bets", body).host(HOST).header(AUTH, player);
        return key == null ? request.send() : request.header("Idempotency-Key", key).send();
    }

    private static String single(JsonNode selection, String amount, String currency) {
        return """
                {"type": "single", "stake": {"amount": %s, "currency": "%s"}, "oddsPolicy": "none",
                 "selections": [{"selectionId": "%s", "price": "%s"}]}""".formatted(amount, currency,
                selection.get("id").asString(), selection.at("/price/decimal").asString());
    }

    @Test
    void aQuotedSingleIsPlacedOnceAndShowsInTheHistory() {
        JsonNode arsenal = selection("Arsenal v Chelsea", 0, 0);
        long before = cash();

        TestHttp.Response quote = edge.post("/api/v1/bets/quote", single(arsenal, "250", "EUR")).host(HOST).header(AUTH, player).send();
        String key = UUID.randomUUID().toString();
        TestHttp.Response placed = place(key, single(arsenal, "250", "EUR"));
        TestHttp.Response replay = place(key, single(arsenal, "250", "EUR"));
        TestHttp.Response otherBody = place(key, single(arsenal, "260", "EUR"));
        JsonNode history = edge.get("/api/v1/bets?status=open").host(HOST).header(AUTH, player).send().json();

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.json().get("maxStake").asLong()).isPositive();
        assertThat(quote.json().get("potentialReturn").asLong()).isEqualTo(placed.json().get("potentialReturn").asLong());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("status").asString()).isEqualTo("accepted");
        assertThat(placed.header("Content-Type")).isEqualTo("application/json");
        assertThat(placed.header("Content-Length")).as("sent whole, through the gateway")
                .isEqualTo(String.valueOf(placed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(placed.json().at("/legs/0/selection").asString()).isEqualTo("Arsenal");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asString()).isEqualTo(placed.json().get("id").asString());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(cash()).isEqualTo(before - 250);
        assertThat(history.get("items").valueStream().map(b -> b.get("id").asString())).contains(placed.json().get("id").asString());
        assertThat(edge.get("/api/v1/bets/" + placed.json().get("id").asString()).host(HOST).header(AUTH, player).send()
                .json().at("/transitions/0/to").asString()).isEqualTo("accepted");
    }

    @Test
    void aPlayerVerifiesTheSignedReceiptOfHerBetAndComplianceFindsTheBetInAnIntactAuditChain() throws Exception {
        JsonNode spurs = selection("Spurs v Everton", 0, 0);
        TestHttp.Response placed = place(UUID.randomUUID().toString(), single(spurs, "300", "EUR"));
        String betId = placed.json().get("id").asString();

        TestHttp.Response receipt = edge.get("/api/v1/bets/" + betId + "/receipt").host(HOST).header(AUTH, player).send();
        TestHttp.Response key = edge.get("/api/v1/receipts/public-key").host(HOST).send();
        TestHttp.Response someoneElses = edge.get("/api/v1/bets/" + betId + "/receipt").host(HOST)
                .header(AUTH, browserPunter.bearer()).send();

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        String canonical = receipt.json().get("canonical").asString();
        String signature = receipt.json().get("signature").asString();
        assertThat(receipt.json().at("/receipt/betId").asString()).isEqualTo(betId);
        assertThat(receipt.json().at("/receipt/totalStake").asLong()).isEqualTo(300);
        assertThat(new java.math.BigDecimal(receipt.json().at("/receipt/legs/0/price").asString()))
                .isEqualByComparingTo(placed.json().at("/legs/0/price").asString());
        assertThat(ed25519(canonical, signature, key.json().get("publicKey").asString())).isTrue();
        assertThat(ed25519(canonical.replace("\"totalStake\":300", "\"totalStake\":3000"), signature,
                key.json().get("publicKey").asString())).as("a tampered receipt").isFalse();
        assertThat(someoneElses.status()).isEqualTo(404);

        String officer = "Bearer " + accounts.staffToken("theta", "compliance-officer");
        TestHttp.Response verification = edge.post("/api/v1/backoffice/audit/verifications", "").host(HOST)
                .header(AUTH, officer).send();
        TestHttp.Response records = edge.get("/api/v1/backoffice/audit/records?subject=" + betId).host(HOST)
                .header(AUTH, officer).send();

        assertThat(verification.status()).as(verification.body()).isEqualTo(201);
        assertThat(verification.json().get("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        assertThat(records.json().get("items").valueStream().map(r -> r.get("kind").asString()))
                .contains("bet.accepted", "wallet.transaction");
        assertThat(records.json().get("items").valueStream()).allSatisfy(r -> assertThat(r.get("seq").isNull()).isFalse());
    }

    /** A player's check with the JDK alone: Ed25519 over the UTF-8 bytes of the canonical receipt. */
    private static boolean ed25519(String canonical, String signature, String publicKey) throws Exception {
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey))));
        verifier.update(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return verifier.verify(java.util.Base64.getDecoder().decode(signature));
    }

    @Test
    void everyBadBetslipIsAProblemDetailWithItsCodeAndMovesNoMoney() {
        JsonNode arsenal = selection("Arsenal v Chelsea", 0, 0);
        JsonNode chelsea = selection("Arsenal v Chelsea", 0, 2);
        long before = cash();
        String twoOfOneMarket = """
                {"type": "multiple", "stake": {"amount": 100, "currency": "EUR"},
                 "selections": [{"selectionId": "%s", "price": "%s"}, {"selectionId": "%s", "price": "%s"}]}"""
                .formatted(arsenal.get("id").asString(), arsenal.at("/price/decimal").asString(), chelsea.get("id").asString(),
                        chelsea.at("/price/decimal").asString());
        String duplicate = """
                {"type": "multiple", "stake": {"amount": 100, "currency": "EUR"},
                 "selections": [{"selectionId": "%1$s", "price": "%2$s"}, {"selectionId": "%1$s", "price": "%2$s"}]}"""
                .formatted(arsenal.get("id").asString(), arsenal.at("/price/decimal").asString());
        String stale = """
                {"type": "single", "stake": {"amount": 100, "currency": "EUR"}, "oddsPolicy": "none",
                 "selections": [{"selectionId": "%s", "price": "9.99"}]}""".formatted(arsenal.get("id").asString());

        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "0", "EUR")), 422, "validation_failed");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "-100", "EUR")), 422, "validation_failed");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "1.5", "EUR")), 422, "validation_failed");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "100000000000000", "EUR")), 422, "validation_failed");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "100", "GBP")), 422, "wrong_currency");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "100", "XXX")), 422, "validation_failed");
        assertProblem(place(UUID.randomUUID().toString(), duplicate), 422, "duplicate_selection");
        assertProblem(place(UUID.randomUUID().toString(), twoOfOneMarket), 422, "same_event_in_multiple");
        assertProblem(place(UUID.randomUUID().toString(), stale), 409, "price_changed");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "5", "EUR")), 422, "stake_below_minimum");
        assertProblem(place(UUID.randomUUID().toString(), single(arsenal, "1000000", "EUR")), 422, "insufficient_funds");
        assertProblem(place(UUID.randomUUID().toString(), """
                {"type": "single", "stake": {"amount": 100, "currency": "EUR"},
                 "selections": [{"selectionId": "%s", "price": "2.00"}]}""".formatted(UUID.randomUUID())), 422, "unknown_selection");
        assertProblem(place(null, single(arsenal, "100", "EUR")), 422, "validation_failed");
        assertProblem(place(UUID.randomUUID().toString(), "{\"type\": \"lottery\"}"), 422, "validation_failed");

        assertThat(cash()).isEqualTo(before);
    }

    private JsonNode awaitBet(String betId, String status) throws InterruptedException {
        JsonNode bet = null;
        for (int i = 0; i < 100; i++) {
            bet = edge.get("/api/v1/bets/" + betId).host(HOST).header(AUTH, player).send().json();
            if (bet.get("status").asString().equals(status)) {
                return bet;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bet never became " + status + ": " + bet);
    }

    @Test
    void aTradersResultPaysThePlayerACorrectionResettlesAndBadResultsAndVoidsAreProblemDetails() throws InterruptedException {
        Instant kickOff = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        push("""
                {"type":"event","eventRef":"t:9","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Leeds","away":"Fulham","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"t:9","version":2,"marketRef":"t:9:1x2","marketType":"1x2","status":"open","prices":{"home":"2.50","draw":"3.20","away":"2.90"}}
                """.formatted(kickOff));
        JsonNode leeds = selection("Leeds v Fulham", 0, 0);
        TestHttp.Response placed = place(UUID.randomUUID().toString(), single(leeds, "400", "EUR"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String betId = placed.json().get("id").asString();
        String event = edge.get("/api/v1/events?limit=100").host(HOST).send().json().get("items").valueStream()
                .filter(e -> e.get("name").asString().equals("Leeds v Fulham")).findFirst().orElseThrow().get("id").asString();
        push("""
                {"type":"event","eventRef":"t:9","version":3,"sport":"football","category":"England","competition":"Premier League","home":"Leeds","away":"Fulham","startsAt":"%1$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"t:9","version":4,"sport":"football","category":"England","competition":"Premier League","home":"Leeds","away":"Fulham","startsAt":"%1$s","status":"finished","score":{"home":2,"away":0}}
                """.formatted(kickOff));
        String trader = "Bearer " + accounts.staffToken("theta", "trader");
        String results = "/api/v1/backoffice/settlement/events/" + event + "/results";

        assertProblem(edge.post("/api/v1/backoffice/settlement/events/" + UUID.randomUUID() + "/results", "{\"home\":1,\"away\":0}")
                .host(HOST).header(AUTH, trader).send(), 404, "unknown_event");
        assertProblem(edge.post("/api/v1/backoffice/settlement/events/not-an-id/results", "{\"home\":1,\"away\":0}")
                .host(HOST).header(AUTH, trader).send(), 404, "unknown_event");
        assertProblem(edge.post(results, "{\"home\":-1,\"away\":0}").host(HOST).header(AUTH, trader).send(), 422, "impossible_result");
        assertProblem(edge.post(results, "{\"home\":1,\"away\":0,\"halfTimeHome\":3,\"halfTimeAway\":0}").host(HOST)
                .header(AUTH, trader).send(), 422, "impossible_result");
        assertProblem(edge.post(results, "{\"away\":0}").host(HOST).header(AUTH, trader).send(), 422, "impossible_result");
        assertProblem(edge.post("/api/v1/backoffice/settlement/markets/" + UUID.randomUUID() + "/results",
                "{\"winners\":[\"home\"]}").host(HOST).header(AUTH, trader).send(), 404, "unknown_market");
        assertProblem(edge.post("/api/v1/backoffice/settlement/bets/" + betId + "/void", "{\"detail\":\"no reason given\"}")
                .host(HOST).header(AUTH, trader).send(), 422, "reason_required");
        long before = cash();

        TestHttp.Response confirmed = edge.post(results, "{\"home\":2,\"away\":0,\"halfTimeHome\":1,\"halfTimeAway\":0}")
                .host(HOST).header(AUTH, trader).send();
        JsonNode won = awaitBet(betId, "won");
        long paid = won.get("settledReturn").asLong();
        TestHttp.Response conflicting = edge.post(results, "{\"home\":0,\"away\":0}").host(HOST).header(AUTH, trader).send();
        TestHttp.Response corrected = edge.post(results,
                "{\"home\":0,\"away\":0,\"halfTimeHome\":0,\"halfTimeAway\":0,\"correction\":true,\"reason\":\"goals disallowed by VAR after the feed resulted\"}")
                .host(HOST).header(AUTH, trader).send();
        JsonNode resettled = awaitBet(betId, "resettled");
        JsonNode settlement = edge.get("/api/v1/backoffice/settlement/events/" + event).host(HOST).header(AUTH, trader).send().json();

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("confirmed");
        assertThat(paid).isEqualTo(placed.json().get("potentialReturn").asLong());
        assertThat(won.at("/legs/0/outcome").asString()).isEqualTo("win");
        assertProblem(conflicting, 409, "result_conflict");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(resettled.get("settledReturn").asLong()).isZero();
        assertThat(resettled.at("/legs/0/outcome").asString()).isEqualTo("lose");
        assertThat(cash()).isEqualTo(before);
        assertThat(settlement.get("results").valueStream().map(r -> r.get("status").asString())).containsExactly("confirmed", "superseded");
        assertThat(settlement.at("/results/0/correction").asBoolean()).isTrue();
        assertThat(settlement.get("runs").size()).isGreaterThanOrEqualTo(2);
    }

    private static void assertProblem(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }

    @Test
    void aTraderSuspendsAnEventPlayersCannotBetOnItUntilReleasedAndTheLiabilityShows() {
        String trader = "Bearer " + accounts.staffToken("theta", "trader");
        JsonNode spurs = selection("Spurs v Everton", 0, 0);
        String event = edge.get("/api/v1/events?limit=100").host(HOST).send().json().get("items").valueStream()
                .filter(e -> e.get("name").asString().equals("Spurs v Everton")).findFirst().orElseThrow().get("id").asString();

        TestHttp.Response held = edge.post("/api/v1/backoffice/trading/holds", """
                {"level": "event", "target": "%s", "reason": "suspicious betting pattern"}""".formatted(event))
                .host(HOST).header(AUTH, trader).send();
        TestHttp.Response refused = place(UUID.randomUUID().toString(), single(spurs, "100", "EUR"));
        JsonNode page = edge.get("/api/v1/events/" + event).host(HOST).send().json();
        TestHttp.Response released = edge.delete("/api/v1/backoffice/trading/holds/" + held.json().get("id").asString())
                .host(HOST).header(AUTH, trader).send();
        TestHttp.Response accepted = place(UUID.randomUUID().toString(), single(spurs, "100", "EUR"));
        JsonNode liability = edge.get("/api/v1/backoffice/risk/events/" + event).host(HOST).header(AUTH, trader).send().json();

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("heldBy").asString()).isNotBlank();
        assertProblem(refused, 409, "market_suspended");
        assertThat(page.at("/groups/0/markets/0/status").asString()).isEqualTo("suspended");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("releasedAt").isNull()).isFalse();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(liability.at("/0/currency").asString()).isEqualTo("EUR");
        assertThat(liability.at("/0/markets/0/stakes").asLong()).isEqualTo(100);
        assertThat(liability.at("/0/liability").asLong()).isEqualTo(accepted.json().get("potentialReturn").asLong() - 100);
        assertThat(edge.post("/api/v1/backoffice/trading/holds", "{\"level\": \"galaxy\", \"target\": \"x\", \"reason\": \"y\"}")
                .host(HOST).header(AUTH, trader).send().status()).isEqualTo(422);
        assertThat(edge.post("/api/v1/backoffice/trading/holds", "{\"level\": \"event\", \"target\": \"%s\", \"reason\": \"y\"}"
                .formatted(UUID.randomUUID())).host(HOST).header(AUTH, trader).send().status()).isEqualTo(404);
    }

    @Test
    void aRiskManagerSetsLimitsDelaysAndAPlayersStakeFactorAndTheQuoteFollows() {
        String risk = "Bearer " + accounts.staffToken("theta", "risk-manager");
        BettingFixtures.Punter sharp = BettingFixtures.punter(edge, accounts, "theta", HOST, 1_000);
        JsonNode draw = selection("Arsenal v Chelsea", 0, 1);
        long before = edge.post("/api/v1/bets/quote", single(draw, "100", "EUR")).host(HOST).header(AUTH, sharp.bearer()).send()
                .json().get("maxStake").asLong();

        TestHttp.Response factor = edge.put("/api/v1/backoffice/risk/players/" + sharp.id() + "/stake-factor", "{\"factor\": \"0.10\"}")
                .host(HOST).header(AUTH, risk).send();
        long after = edge.post("/api/v1/bets/quote", single(draw, "100", "EUR")).host(HOST).header(AUTH, sharp.bearer()).send()
                .json().get("maxStake").asLong();
        TestHttp.Response delay = edge.put("/api/v1/backoffice/risk/delays/football", "{\"seconds\": 8}").host(HOST).header(AUTH, risk).send();
        TestHttp.Response badLimits = edge.put("/api/v1/backoffice/risk/limits", "{\"minStake\": 0}").host(HOST).header(AUTH, risk).send();
        JsonNode settings = edge.get("/api/v1/backoffice/risk/settings").host(HOST).header(AUTH, risk).send().json();

        assertThat(factor.status()).as(factor.body()).isEqualTo(200);
        assertThat(after).as("a sharp account's maximum stake is a tenth").isBetween(before / 10 - 1, before / 10 + 1);
        assertThat(delay.status()).isEqualTo(200);
        assertThat(settings.get("delays").valueStream().filter(d -> d.get("sport").asString().equals("football")).findFirst()
                .orElseThrow().get("seconds").asInt()).isEqualTo(8);
        assertProblem(badLimits, 422, "validation_failed");
        assertThat(edge.put("/api/v1/backoffice/risk/delays/football", "{\"seconds\": 8}").host(HOST).header(AUTH, player).send().status())
                .as("a player may not").isEqualTo(403);
    }

    @Test
    void inChromiumAPlayerSignsInBuildsABetslipAcceptsAMovedPriceAndCashesOut() {
        Instant kickOff = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        push("""
                {"type":"event","eventRef":"t:3","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Brighton","away":"Fulham","startsAt":"%s","status":"scheduled"}
                {"type":"market","eventRef":"t:3","version":2,"marketRef":"t:3:1x2","marketType":"1x2","status":"open","prices":{"home":"2.40","draw":"3.30","away":"3.00"}}
                """.formatted(kickOff));
        String event = edge.get("/api/v1/events?limit=100").host(HOST).send().json().get("items").valueStream()
                .filter(e -> e.get("name").asString().equals("Brighton v Fulham")).findFirst().orElseThrow().get("id").asString();
        String brighton = edge.get("/api/v1/events/" + event).host(HOST).send().json().at("/groups/0/markets/0/selections/0/id").asString();
        String skin = "http://" + HOST + ":" + platform.gatewayPort;

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            browser.open(skin + "/#/event/" + event);
            browser.click("#sign-in");
            browser.signInOnRealm(browserPunter.email(), BettingFixtures.PASSWORD);
            browser.awaitVisible("#my-bets");
            browser.awaitTextContaining("#balance", "100.00");
            browser.open(skin + "/#/event/" + event);
            browser.awaitAttribute("body", "data-live", "connected");

            browser.click("[data-selection='" + brighton + "']");
            browser.awaitTextContaining("#slip-legs", "Brighton");
            browser.type("#slip-stake", "2.00");
            browser.awaitTextContaining("#slip-return", "Potential return");
            push("""
                    {"type":"market","eventRef":"t:3","version":3,"marketRef":"t:3:1x2","marketType":"1x2","status":"open","prices":{"home":"2.20","draw":"3.40","away":"3.20"}}
                    """);
            browser.awaitTextContaining("#slip-legs", "→");
            browser.click("#slip-place");
            browser.awaitVisible("#slip-banner");
            assertThat(browser.textOf("#slip-banner-text")).contains("price changed");
            browser.click("#slip-accept");
            browser.awaitTextContaining("#slip-result", "Bet placed");
            browser.awaitTextContaining("#balance", "98.00");

            browser.open(skin + "/#/bets");
            browser.awaitTextContaining(".cash-out", "Cash out");
            browser.click(".cash-out");
            browser.awaitTextContaining("#announcer", "Cashed out");
            browser.awaitTextContaining("[data-status='cashed_out'] .bet-status", "cashed out");
        }
    }

    /** The skin's responsible-gambling page: a deposit limit set now, a raise shown as pending with its date. */
    @Test
    void aPlayerSetsADepositLimitOnTheResponsibleGamblingPageAndSeesIt() {
        BettingFixtures.Punter punter = BettingFixtures.punter(edge, accounts, "theta", HOST, 1_000);
        String skin = "http://" + HOST + ":" + platform.gatewayPort;

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            browser.open(skin + "/#/responsible-gambling");
            browser.click("#sign-in");
            browser.signInOnRealm(punter.email(), BettingFixtures.PASSWORD);
            browser.awaitVisible("#responsible-gambling");
            browser.awaitVisible("#rg-limits");
            browser.type("#rg-amount", "50");
            browser.click("#rg-set-limit");
            browser.awaitTextContaining("#rg-result", "applies now");
            browser.awaitTextContaining("[data-limit='deposit-day'] .amount", "50.00 EUR");
            browser.type("#rg-amount", "80");
            browser.click("#rg-set-limit");
            browser.awaitTextContaining("#rg-result", "applies from");
            browser.awaitTextContaining("[data-limit='deposit-day'] .pending", "80.00 EUR from");
            browser.awaitTextContaining("[data-limit='deposit-day'] .amount", "50.00 EUR");
        }
        JsonNode page = edge.get("/api/v1/responsible-gambling").host(HOST).header(AUTH, punter.bearer()).send().json();
        JsonNode daily = page.get("limits").valueStream()
                .filter(limit -> limit.get("kind").asString().equals("deposit") && limit.get("period").asString().equals("day"))
                .findFirst().orElseThrow();
        assertThat(daily.get("amount").asLong()).isEqualTo(5_000);
        assertThat(daily.at("/pending/amount").asLong()).isEqualTo(8_000);
    }

    private void push(String lines) {
        TestHttp.Response pushed = platform.runtimeDirectly().post("/internal/feeds/messages", lines)
                .header("Content-Type", "application/x-ndjson").header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }
}
