package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestUnleash;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

/**
 * Feature flags end to end through a real Unleash: platform staff roll a flag out on the control plane, the control
 * plane pushes it to Unleash over the Admin API, and the runtime (unleash-client-java with a client token, polling
 * every second) changes what two tenants' players may do. Skipped, saying why, when the run has no Unleash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "UNLEASH_URL", matches = ".+", disabledReason = TestUnleash.WHY_MISSING)
class FeatureFlagsEndToEndIT {

    private static final String TENANT_A = "featurea";
    private static final String TENANT_B = "featureb";
    private static final String HOST_A = "featurea.localhost";
    private static final String HOST_B = "featureb.localhost";
    private static final String AUTH = "Authorization";

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;
    private BettingFixtures.Punter punterA;
    private BettingFixtures.Punter punterB;
    private String playerA;
    private String playerB;
    private String betA;
    private String betB;

    @BeforeAll
    void twoTenantsWithARunningBetEach() {
        TestUnleash.Server unleash = TestUnleash.server().orElseThrow();
        platform = new RunningPlatform(1, Map.of("UNLEASH_URL", unleash.url(), "UNLEASH_ADMIN_TOKEN", unleash.adminToken(),
                "UNLEASH_CLIENT_TOKEN", unleash.clientToken(), "UNLEASH_FETCH_INTERVAL", "1s"));
        platform.start();
        edge = platform.edge();
        accounts = new RealmAccounts(platform.keycloak);
        platform.provisionTenant(accounts, TENANT_A, HOST_A);
        platform.provisionTenant(accounts, TENANT_B, HOST_B);
        punterA = BettingFixtures.punter(edge, accounts, TENANT_A, HOST_A, 10_000);
        punterB = BettingFixtures.punter(edge, accounts, TENANT_B, HOST_B, 10_000);
        playerA = punterA.bearer();
        playerB = punterB.bearer();
        Instant kickOff = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder feed = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            feed.append("""
                    {"type":"event","eventRef":"ff:%1$d","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$d","away":"Away %1$d","startsAt":"%2$s","status":"scheduled"}
                    {"type":"market","eventRef":"ff:%1$d","version":2,"marketRef":"ff:%1$d:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                    """.formatted(i, kickOff));
        }
        TestHttp.Response pushed = platform.runtimeDirectly().post("/internal/feeds/messages", feed.toString())
                .header("Content-Type", "application/x-ndjson").header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        betA = placeSingle(HOST_A, playerA);
        betB = placeSingle(HOST_B, playerB);
    }

    @AfterAll
    void restoreTheFlagsAndStop() {
        if (platform == null) {
            return;
        }
        try {
            // the run's Unleash outlives this platform: leave the gated features on for everyone, as they start
            for (String key : List.of("cash-out", "system-bets")) {
                asAdmin(edge.delete("/api/v1/flags/" + key + "/kill-switch"));
                asAdmin(edge.put("/api/v1/flags/" + key, "{\"percentage\": 100}"));
            }
            awaitTrue(Duration.ofSeconds(10), () -> edge.get("/api/v1/flags/cash-out").host(RunningPlatform.PLATFORM_HOST)
                    .header(AUTH, accounts.platformBearer(PlatformRealm.ADMIN)).send().json().at("/flag/sync/state").asString()
                    .equals("synced"));
        } finally {
            accounts.close();
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aCashOutRolloutToTenantAOnlyTakesCashOutAwayFromTenantBsPlayersWithinSeconds() {
        assertThat(cashOutQuote(HOST_A, playerA, betA).status()).as("on everywhere before").isEqualTo(200);
        assertThat(cashOutQuote(HOST_B, playerB, betB).status()).isEqualTo(200);

        long started = System.nanoTime();
        TestHttp.Response rolledOut = asAdmin(edge.put("/api/v1/flags/cash-out", """
                {"tenants": ["%s"], "percentage": 0, "jurisdictions": [], "reason": "pilot on tenant A"}""".formatted(TENANT_A)));
        assertThat(rolledOut.status()).as(rolledOut.body()).isEqualTo(200);
        awaitTrue(Duration.ofSeconds(20), () -> cashOutQuote(HOST_B, playerB, betB).status() == 403);
        long millis = (System.nanoTime() - started) / 1_000_000;

        TestHttp.Response refused = cashOutQuote(HOST_B, playerB, betB);
        assertThat(refused.json().get("code").asString()).isEqualTo("feature_disabled");
        TestHttp.Response cashOutB = edge.post("/api/v1/bets/" + betB + "/cash-out", "{\"fraction\": \"1\", \"expectedOffer\": 0}")
                .host(HOST_B).header(AUTH, playerB).header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(cashOutB.status()).isEqualTo(403);
        assertThat(cashOutB.json().get("code").asString()).isEqualTo("feature_disabled");
        assertThat(cashOutQuote(HOST_A, playerA, betA).status()).as("tenant A keeps cash-out").isEqualTo(200);
        assertThat(edge.get("/api/v1/features").host(HOST_A).send().json().get("cash-out").asBoolean()).isTrue();
        assertThat(edge.get("/api/v1/features").host(HOST_B).send().json().get("cash-out").asBoolean()).isFalse();
        JsonNode evaluation = asAdmin(edge.get("/api/v1/flags/cash-out")).json().get("evaluation");
        assertThat(evaluation.valueStream().filter(e -> e.get("tenant").asString().equals(TENANT_B)).findFirst().orElseThrow()
                .get("enabled").asBoolean()).as("the control plane's evaluation agrees").isFalse();
        platform.record("feature flag: rollout change on the control plane -> tenant B's runtime refuses cash-out: " + millis + " ms");

        // the skins follow: A's player sees the cash-out button on her running bet, B's player sees none
        try (SkinBrowser browser = SkinBrowser.desktop()) {
            signIn(browser, HOST_A, punterA);
            browser.awaitTextContaining(".cash-out[data-bet='" + betA + "']", "Cash out");
        }
        try (SkinBrowser browser = SkinBrowser.desktop()) {
            signIn(browser, HOST_B, punterB);
            browser.awaitVisible("[data-bet='" + betB + "'] .bet-status");
            assertThat(browser.count(".cash-out")).as("no cash-out button where the flag is off").isZero();
        }
    }

    private void signIn(SkinBrowser browser, String host, BettingFixtures.Punter punter) {
        String skin = "http://" + host + ":" + platform.gatewayPort;
        browser.open(skin + "/");
        browser.click("#sign-in");
        browser.signInOnRealm(punter.email(), BettingFixtures.PASSWORD);
        browser.awaitVisible("#my-bets");
        browser.open(skin + "/#/bets");
    }

    @Test
    @Order(2)
    void theKillSwitchTurnsCashOutOffForBothTenantsWithinSecondsAndReleasingItRestoresTheRollout() {
        long started = System.nanoTime();
        TestHttp.Response killed = asAdmin(edge.post("/api/v1/flags/cash-out/kill-switch", "{\"reason\": \"incident drill\"}"));
        assertThat(killed.status()).as(killed.body()).isEqualTo(200);
        awaitTrue(Duration.ofSeconds(20), () -> cashOutQuote(HOST_A, playerA, betA).status() == 403);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(cashOutQuote(HOST_B, playerB, betB).status()).isEqualTo(403);
        assertThat(cashOutQuote(HOST_A, playerA, betA).json().get("code").asString()).isEqualTo("feature_disabled");

        asAdmin(edge.delete("/api/v1/flags/cash-out/kill-switch"));
        awaitTrue(Duration.ofSeconds(20), () -> cashOutQuote(HOST_A, playerA, betA).status() == 200);
        assertThat(cashOutQuote(HOST_B, playerB, betB).status()).as("B is still outside the rollout").isEqualTo(403);
        JsonNode history = asAdmin(edge.get("/api/v1/flags/cash-out/history")).json();
        assertThat(history.get("items").findValuesAsString("action")).startsWith("revived", "killed", "rollout_changed");
        platform.record("feature flag: kill switch on the control plane -> both runtimes' tenants refuse cash-out: " + millis + " ms");
    }

    @Test
    @Order(3)
    void systemBetsFollowTheirOwnFlagPerTenant() {
        TestHttp.Response rolledOut = asAdmin(edge.put("/api/v1/flags/system-bets", """
                {"tenants": ["%s"], "percentage": 0}""".formatted(TENANT_B)));
        assertThat(rolledOut.status()).as(rolledOut.body()).isEqualTo(200);

        awaitTrue(Duration.ofSeconds(20), () -> trixieQuote(HOST_A, playerA).status() == 403);
        TestHttp.Response refused = trixieQuote(HOST_A, playerA);
        assertThat(refused.json().get("code").asString()).isEqualTo("feature_disabled");
        assertThat(trixieQuote(HOST_B, playerB).status()).as(trixieQuote(HOST_B, playerB).body()).isEqualTo(200);
        assertThat(edge.post("/api/v1/bets/quote", single(selection(HOST_A, 1))).host(HOST_A).header(AUTH, playerA).send().status())
                .as("singles are not system bets").isEqualTo(200);
    }

    private TestHttp.Response asAdmin(TestHttp.Request request) {
        return request.host(RunningPlatform.PLATFORM_HOST).header(AUTH, accounts.platformBearer(PlatformRealm.ADMIN)).send();
    }

    private TestHttp.Response cashOutQuote(String host, String player, String bet) {
        return edge.get("/api/v1/bets/" + bet + "/cash-out").host(host).header(AUTH, player).send();
    }

    private TestHttp.Response trixieQuote(String host, String player) {
        String legs = String.join(", ", List.of(leg(selection(host, 1)), leg(selection(host, 2)), leg(selection(host, 3))));
        return edge.post("/api/v1/bets/quote", """
                {"type": "trixie", "stake": {"amount": 100, "currency": "EUR"}, "selections": [%s]}""".formatted(legs))
                .host(host).header(AUTH, player).send();
    }

    private String placeSingle(String host, String player) {
        TestHttp.Response placed = edge.post("/api/v1/bets", single(selection(host, 1))).host(host).header(AUTH, player)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    private JsonNode selection(String host, int event) {
        JsonNode events = edge.get("/api/v1/events?limit=100").host(host).send().json();
        String id = events.get("items").valueStream().filter(e -> e.get("name").asString().equals("Home " + event + " v Away " + event))
                .findFirst().orElseThrow().get("id").asString();
        return edge.get("/api/v1/events/" + id).host(host).send().json().at("/groups/0/markets/0/selections/0");
    }

    private static String leg(JsonNode selection) {
        return "{\"selectionId\": \"%s\", \"price\": \"%s\"}".formatted(selection.get("id").asString(),
                selection.at("/price/decimal").asString());
    }

    private static String single(JsonNode selection) {
        return """
                {"type": "single", "stake": {"amount": 200, "currency": "EUR"}, "oddsPolicy": "any", "selections": [%s]}"""
                .formatted(leg(selection));
    }

    private static void awaitTrue(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + atMost);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
