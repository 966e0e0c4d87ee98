package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.util.UUID;

/** Players for betting tests: registered on a brand, signed in, and credited by finance through the back office. */
final class BettingFixtures {

    private BettingFixtures() {
    }

    static final String PASSWORD = "Correct-Horse-42";

    /** A new player on the tenant's brand whose cash account holds {@code cash} minor units of EUR. */
    record Punter(String email, String id, String bearer) {
    }

    /** A bearer token of a new player on the tenant's brand whose cash account holds {@code cash} minor units of EUR. */
    static String fundedPlayer(TestHttp edge, RealmAccounts accounts, String tenant, String host, long cash) {
        return punter(edge, accounts, tenant, host, cash).bearer();
    }

    /** A football match kicking off in three hours with an open 1x2 market, pushed to the runtime's feed intake. */
    static void pushMatch(RunningPlatform platform, String ref, String home, String away) {
        String kickOff = java.time.Instant.now().plus(3, java.time.temporal.ChronoUnit.HOURS)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        TestHttp.Response pushed = platform.runtimeDirectly().post("/internal/feeds/messages", """
                {"type":"event","eventRef":"%1$s","version":1,"sport":"football","category":"England","competition":"Premier League","home":"%2$s","away":"%3$s","startsAt":"%4$s","status":"scheduled"}
                {"type":"market","eventRef":"%1$s","version":2,"marketRef":"%1$s:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                """.formatted(ref, home, away, kickOff)).header("Content-Type", "application/x-ndjson")
                .header(com.sportsbook.commons.TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    /** The punter's single on the home side of the named event at its price now; the accepted bet's id. */
    static String singleOnHome(TestHttp edge, String host, Punter punter, String event, long stake) {
        tools.jackson.databind.JsonNode events = edge.get("/api/v1/events?limit=100").host(host).send().json();
        String eventId = events.get("items").valueStream().filter(e -> e.get("name").asString().equals(event)).findFirst()
                .orElseThrow(() -> new AssertionError(event + " is not offered")).get("id").asString();
        tools.jackson.databind.JsonNode home = edge.get("/api/v1/events/" + eventId).host(host).send().json()
                .at("/groups/0/markets/0/selections/0");
        TestHttp.Response placed = edge.post("/api/v1/bets", """
                {"type": "single", "stake": {"amount": %d, "currency": "EUR"}, "oddsPolicy": "none",
                 "selections": [{"selectionId": "%s", "price": "%s"}]}""".formatted(stake, home.get("id").asString(),
                home.at("/price/decimal").asString())).host(host).header("Authorization", punter.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    /** A player as registered on a brand: the email they sign in with (password {@link #PASSWORD}), id and status. */
    record Registered(String email, String id, String status) {
    }

    /** Registers a player from Malta paying in EUR on the brand's host, as the skin's registration form does. */
    static Registered register(TestHttp edge, String host, String firstName, String lastName, String dateOfBirth) {
        String email = firstName.toLowerCase() + "." + UUID.randomUUID() + "@example.com";
        TestHttp.Response registered = edge.post("/api/v1/players", """
                {"email": "%s", "password": "%s", "firstName": "%s", "lastName": "%s",
                 "dateOfBirth": "%s", "country": "MT", "currency": "EUR"}"""
                .formatted(email, PASSWORD, firstName, lastName, dateOfBirth)).host(host).send();
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Registered(email, registered.json().get("id").asString(), registered.json().get("status").asString());
    }

    static Punter punter(TestHttp edge, RealmAccounts accounts, String tenant, String host, long cash) {
        Registered registered = register(edge, host, "Pat", "Punter", "1988-04-04");
        String email = registered.email();
        String playerId = registered.id();
        String finance = "Bearer " + accounts.staffToken(tenant, "finance");
        TestHttp.Response credited = edge.post("/api/v1/backoffice/wallet/adjustments", """
                {"playerId": "%s", "account": "cash", "direction": "credit", "amount": %d, "currency": "EUR",
                 "reason": "test funds"}""".formatted(playerId, cash)).host(host).header("Authorization", finance)
                .header("Idempotency-Key", "fund-" + playerId).send();
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        return new Punter(email, playerId, "Bearer " + accounts.signIn(tenant, email, PASSWORD));
    }
}
