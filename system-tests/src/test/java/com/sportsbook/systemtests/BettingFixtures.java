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

    static Punter punter(TestHttp edge, RealmAccounts accounts, String tenant, String host, long cash) {
        String email = "punter." + UUID.randomUUID() + "@example.com";
        TestHttp.Response registered = edge.post("/api/v1/players", """
                {"email": "%s", "password": "Correct-Horse-42", "firstName": "Pat", "lastName": "Punter",
                 "dateOfBirth": "1988-04-04", "country": "MT", "currency": "EUR"}""".formatted(email)).host(host).send();
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String playerId = registered.json().get("id").asString();
        String finance = "Bearer " + accounts.staffToken(tenant, "finance");
        TestHttp.Response credited = edge.post("/api/v1/backoffice/wallet/adjustments", """
                {"playerId": "%s", "account": "cash", "direction": "credit", "amount": %d, "currency": "EUR",
                 "reason": "test funds"}""".formatted(playerId, cash)).host(host).header("Authorization", finance)
                .header("Idempotency-Key", "fund-" + playerId).send();
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        return new Punter(email, playerId, "Bearer " + accounts.signIn(tenant, email, PASSWORD));
    }
}
