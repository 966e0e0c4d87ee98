package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog over real HTTP through the gateway: a feed pushed into the runtime lands in the tenant's catalog;
 * players read the sports tree, event lists and grouped event pages in the format they choose; traders set
 * margins; skins get a snapshot then deltas over server-sent events, and a fresh snapshot when they reconnect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogEndToEndIT {

    static final String HOST = "delta.localhost";
    private static final String AUTH = "Authorization";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant KICK_OFF = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private static final Instant STARTED = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;

    @BeforeAll
    void startPlatformWithATenantAndAFeed() {
        platform = RunningPlatform.withTenant("delta", HOST);
        edge = platform.edge();
        accounts = platform.accounts();
        PushReport report = push(feed());
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.skipped()).isEmpty();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    record PushReport(JsonNode body, List<JsonNode> unreadable, List<JsonNode> skipped) {
    }

    PushReport push(String lines) {
        TestHttp.Response response = platform.runtimeDirectly().post("/internal/feeds/messages", lines)
                .header("Content-Type", "application/x-ndjson")
                .header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        return new PushReport(body, body.get("unreadable").valueStream().toList(), body.get("skipped").valueStream().toList());
    }

    static String feed() {
        return """
                {"type":"event","eventRef":"e2e:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"e2e:1","version":2,"marketRef":"e2e:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                {"type":"market","eventRef":"e2e:1","version":3,"marketRef":"e2e:1:total:2.5","marketType":"total","line":"2.5","status":"open","prices":{"over":"1.90","under":"1.95"}}
                {"type":"market","eventRef":"e2e:1","version":4,"marketRef":"e2e:1:btts","marketType":"btts","status":"open","prices":{"yes":"1.80","no":"2.00"}}
                {"type":"market","eventRef":"e2e:1","version":5,"marketRef":"e2e:1:cs","marketType":"correct_score","status":"open","prices":{"1-0":"8.00","0-0":"11.00","1-1":"6.50","other":"1.60"}}
                {"type":"market","eventRef":"e2e:1","version":6,"marketRef":"e2e:1:ht","marketType":"half_time_result","status":"open","prices":{"home":"2.80","draw":"2.10","away":"4.20"}}
                {"type":"market","eventRef":"e2e:1","version":7,"marketRef":"e2e:1:corners:9.5","marketType":"total_corners","line":"9.5","status":"open","prices":{"over":"1.85","under":"1.95"}}
                {"type":"market","eventRef":"e2e:1","version":8,"marketRef":"e2e:1:cards:4.5","marketType":"total_cards","line":"4.5","status":"open","prices":{"over":"2.00","under":"1.80"}}
                {"type":"market","eventRef":"e2e:1","version":9,"marketRef":"e2e:1:scorer","marketType":"anytime_goalscorer","status":"open","prices":{"Bukayo Saka":"2.60","Cole Palmer":"3.00"}}
                {"type":"market","eventRef":"e2e:1","version":10,"marketRef":"e2e:1:ah:-0.25","marketType":"asian_handicap","line":"-0.25","status":"open","prices":{"home":"2.00","away":"1.90"}}
                {"type":"market","eventRef":"e2e:1","version":11,"marketRef":"e2e:1:dc","marketType":"double_chance","status":"open","prices":{"home_draw":"1.30","home_away":"1.33","draw_away":"1.75"}}
                {"type":"event","eventRef":"e2e:2","version":1,"sport":"football","category":"Spain","competition":"La Liga","home":"Real Madrid","away":"Sevilla","startsAt":"%2$s","status":"live","score":{"home":1,"away":0}}
                {"type":"market","eventRef":"e2e:2","version":2,"marketRef":"e2e:2:1x2","marketType":"1x2","status":"open","prices":{"home":"1.40","draw":"4.50","away":"8.00"}}
                {"type":"event","eventRef":"e2e:3","version":1,"sport":"tennis","category":"ATP","competition":"ATP Finals","home":"Jannik Sinner","away":"Carlos Alcaraz","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"e2e:3","version":2,"marketRef":"e2e:3:mw","marketType":"match_winner","status":"open","prices":{"home":"1.75","away":"2.05"}}
                {"type":"event","eventRef":"e2e:4","version":1,"sport":"football","category":"England","competition":"Premier League","name":"Premier League winner","startsAt":"%3$s","status":"scheduled"}
                {"type":"market","eventRef":"e2e:4","version":2,"marketRef":"e2e:4:outright","marketType":"outright","status":"open","prices":{"Arsenal":"2.50","Liverpool":"3.00","Man City":"3.50","Chelsea":"9.00"}}
                """.formatted(KICK_OFF, STARTED, KICK_OFF.plus(1, ChronoUnit.MINUTES));
    }

    private JsonNode get(String path) {
        TestHttp.Response response = edge.get(path).host(HOST).send();
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private String eventId(String name) {
        return get("/api/v1/events?limit=100").get("items").valueStream()
                .filter(event -> event.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asString();
    }

    @Test
    void theSportsTreeCountsOpenAndLiveEventsPerCompetition() {
        JsonNode sports = get("/api/v1/sports");

        JsonNode football = sports.valueStream().filter(s -> s.get("key").asString().equals("football")).findFirst().orElseThrow();
        assertThat(football.get("events").asLong()).as("as many as the list shows")
                .isEqualTo(get("/api/v1/events?sport=football").get("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(football.get("live").asLong()).isEqualTo(get("/api/v1/events/live?sport=football").get("items").size())
                .isGreaterThanOrEqualTo(1);
        assertThat(football.get("categories").valueStream().map(c -> c.get("name").asString())).contains("England", "Spain");
        assertThat(football.at("/categories/0/competitions/0/name").asString()).isEqualTo("Premier League");
        assertThat(football.at("/categories/0/competitions/0/events").asLong()).isEqualTo(2);
        JsonNode tennis = sports.valueStream().filter(s -> s.get("key").asString().equals("tennis")).findFirst().orElseThrow();
        assertThat(tennis.get("events").asLong()).isEqualTo(1);
        assertThat(sports.valueStream().map(s -> s.get("key").asString())).contains("basketball");
    }

    @Test
    void eventsAreListedBySportCompetitionAndDayAndLiveNowPagedInStartOrder() {
        JsonNode football = get("/api/v1/events?sport=football");
        JsonNode live = get("/api/v1/events/live");
        String premierLeague = football.get("items").valueStream().filter(e -> e.at("/competition/name").asString().equals("Premier League"))
                .findFirst().orElseThrow().at("/competition/id").asString();
        JsonNode byCompetition = get("/api/v1/events?competition=" + premierLeague);
        JsonNode firstPage = get("/api/v1/events?limit=2");
        JsonNode secondPage = get("/api/v1/events?limit=2&cursor=" + firstPage.get("nextCursor").asString());
        LocalDate kickOffDay = KICK_OFF.atZone(ZoneOffset.UTC).toLocalDate();
        JsonNode thatDay = get("/api/v1/events?date=" + kickOffDay);
        JsonNode dayAfter = get("/api/v1/events?date=" + kickOffDay.plusDays(1));

        assertThat(football.get("items").valueStream().map(e -> e.get("name").asString()))
                .containsExactly("Real Madrid v Sevilla", "Arsenal v Chelsea", "Premier League winner");
        assertThat(live.get("items").valueStream().map(e -> e.get("name").asString())).containsExactly("Real Madrid v Sevilla");
        assertThat(live.at("/items/0/score/home").asInt()).isEqualTo(1);
        assertThat(live.at("/items/0/mainMarket/type").asString()).isEqualTo("1x2");
        assertThat(byCompetition.get("items")).hasSize(2);
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(secondPage.get("items")).hasSize(2);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
        assertThat(thatDay.get("items").valueStream().map(e -> e.get("name").asString())).contains("Arsenal v Chelsea");
        assertThat(dayAfter.get("items")).isEmpty();
        TestHttp.Response badDate = edge.get("/api/v1/events?date=tomorrow&limit=0").host(HOST).send();
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("date", "limit");
    }

    @Test
    void anEventPageGroupsItsMarketsAndShowsPricesInTheAskedThePlayersOrTheDecimalFormat() {
        String id = eventId("Arsenal v Chelsea");

        JsonNode decimal = get("/api/v1/events/" + id);
        JsonNode fractional = get("/api/v1/events/" + id + "?format=fractional");
        JsonNode american = get("/api/v1/events/" + id + "?format=american");

        assertThat(decimal.get("oddsFormat").asString()).isEqualTo("decimal");
        assertThat(decimal.get("groups").valueStream().map(g -> g.get("group").asString()))
                .containsExactly("main", "goals", "halves", "corners", "cards", "players");
        assertThat(decimal.at("/groups/0/markets").valueStream().map(m -> m.get("name").asString()))
                .containsExactly("Match result", "Handicap -0.25", "Double chance");
        JsonNode home = decimal.at("/groups/0/markets/0/selections/0");
        assertThat(home.get("name").asString()).isEqualTo("Arsenal");
        assertThat(home.at("/price/decimal").asString()).as("the feed's 2.10 with the tenant's 5 % margin on a 3-way book")
                .isNotEqualTo("2.10");
        String offered = home.at("/price/decimal").asString();
        assertThat(fractional.at("/groups/0/markets/0/selections/0/price/decimal").asString()).isEqualTo(offered);
        assertThat(fractional.at("/groups/0/markets/0/selections/0/price/display").asString()).matches("\\d+/\\d+|evens");
        assertThat(american.at("/groups/0/markets/0/selections/0/price/display").asString()).matches("[+-]\\d+");
        assertThat(decimal.at("/groups/1/markets").valueStream().map(m -> m.get("name").asString()))
                .containsExactly("Both teams to score", "Correct score", "Total goals 2.5");

        String email = "odds." + System.nanoTime() + "@example.com";
        TestHttp.Response registered = edge.post("/api/v1/players", """
                {"email": "%s", "password": "Correct-Horse-42", "firstName": "Olly", "lastName": "Odds",
                 "dateOfBirth": "1985-03-03", "country": "MT", "currency": "EUR"}""".formatted(email)).host(HOST).send();
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String player = "Bearer " + accounts.signIn("delta", email, "Correct-Horse-42");
        TestHttp.Response chosen = edge.put("/api/v1/players/me/odds-format", "{\"oddsFormat\": \"american\"}")
                .host(HOST).header(AUTH, player).send();
        TestHttp.Response refused = edge.put("/api/v1/players/me/odds-format", "{\"oddsFormat\": \"roman\"}")
                .host(HOST).header(AUTH, player).send();
        JsonNode asPlayer = edge.get("/api/v1/events/" + id).host(HOST).header(AUTH, player).send().json();

        assertThat(chosen.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(asPlayer.get("oddsFormat").asString()).isEqualTo("american");
        assertThat(asPlayer.at("/groups/0/markets/0/selections/0/price/display").asString()).matches("[+-]\\d+");
        assertThat(edge.get("/api/v1/events/" + java.util.UUID.randomUUID()).host(HOST).send().status()).isEqualTo(404);
        assertThat(edge.get("/api/v1/events/not-an-id").host(HOST).send().status()).isEqualTo(422);
    }

    @Test
    void aBrandWhoseThemeShowsFractionalOddsGoesLiveWithTheCurrentCatalogInItsFormat() {
        push("""
                {"type":"event","eventRef":"e2e:6","version":1,"sport":"tennis","category":"WTA","competition":"WTA Finals","home":"Iga Swiatek","away":"Coco Gauff","startsAt":"%s","status":"scheduled"}
                {"type":"market","eventRef":"e2e:6","version":2,"marketRef":"e2e:6:mw","marketType":"match_winner","status":"open","prices":{"home":"1.60","away":"2.40"}}
                """.formatted(KICK_OFF));
        platform.provisionTenant(accounts, "iota", "iota.localhost", "classic");
        push("""
                {"type":"market","eventRef":"e2e:6","version":3,"marketRef":"e2e:6:mw","marketType":"match_winner","status":"open","prices":{"home":"1.55","away":"2.50"}}
                """);

        TestHttp.Response events = edge.get("/api/v1/events?sport=football").host("iota.localhost").send();
        TestHttp.Response tennis = edge.get("/api/v1/events?sport=tennis&competition=" + competitionOf("Iga Swiatek v Coco Gauff"))
                .host("iota.localhost").send();

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().get("oddsFormat").asString()).as("the brand's theme chooses fractional").isEqualTo("fractional");
        assertThat(events.json().get("items").valueStream().map(e -> e.get("name").asString()))
                .as("the events the feed announced before the brand existed").contains("Arsenal v Chelsea", "Premier League winner");
        assertThat(tennis.json().at("/items/0/mainMarket/selections/0/price/display").asString()).matches("\\d+/\\d+|evens");
        assertThat(tennis.json().at("/items/0/name").asString()).isEqualTo("Iga Swiatek v Coco Gauff");
        JsonNode asDecimal = edge.get("/api/v1/events?sport=tennis&format=decimal").host("iota.localhost").send().json();
        assertThat(asDecimal.get("oddsFormat").asString()).isEqualTo("decimal");
    }

    private String competitionOf(String eventName) {
        return edge.get("/api/v1/events?limit=100").host("iota.localhost").send().json().get("items").valueStream()
                .filter(event -> event.get("name").asString().equals(eventName)).findFirst().orElseThrow()
                .at("/competition/id").asString();
    }

    @Test
    void badFeedInputIsReportedAndSkippedAndTheFeedGoesOn() {
        PushReport report = push("""
                {"type":"market","eventRef":"e2e:1","version":12,"marketRef":"e2e:1:1x2","marketType":"1x2","status":"open","prices":{"home":"0.95","draw":"3.40","away":"3.60"}}
                not json at all
                {"type":"market","eventRef":"nobody","version":1,"marketRef":"nobody:1x2","marketType":"1x2","status":"open","prices":{"home":"2","draw":"3","away":"4"}}
                {"type":"market","eventRef":"e2e:1","version":2,"marketRef":"e2e:1:1x2","marketType":"1x2","status":"open","prices":{"home":"5.00","draw":"3.40","away":"1.60"}}
                {"type":"market","eventRef":"e2e:3","version":3,"marketRef":"e2e:3:mw","marketType":"match_winner","status":"open","prices":{"home":"1.70","away":"2.10"}}
                """);

        assertThat(report.unreadable()).extracting(p -> p.get("line").asInt()).containsExactly(2);
        assertThat(report.skipped()).extracting(s -> s.get("reason").asString()).containsExactly(
                "the price of home (0.95) is below 1.01", "older than the version already applied");
        assertThat(report.body().at("/outcomes/unknown_event").asInt()).as("an id no tenant knows").isEqualTo(1);
        assertThat(report.body().at("/outcomes/applied").asInt()).as("the good message after the bad ones").isEqualTo(1);
        JsonNode tennis = get("/api/v1/events?sport=tennis");
        assertThat(tennis.at("/items/0/mainMarket/selections/0/price/decimal").asString()).isNotEqualTo("1.75");
    }

    @Test
    void aTraderSetsAMarginAndTheNextUpdateIsPricedWithIt() {
        String trader = "Bearer " + accounts.staffToken("delta", "trader");
        TestHttp.Response set = edge.put("/api/v1/backoffice/margins/football/1x2", """
                {"method": "power", "overround": "0.10"}""").host(HOST).header(AUTH, trader).send();
        TestHttp.Response tooMuch = edge.put("/api/v1/backoffice/margins/football/1x2", """
                {"method": "power", "overround": "0.9"}""").host(HOST).header(AUTH, trader).send();
        TestHttp.Response player = edge.put("/api/v1/backoffice/margins/football/1x2", """
                {"method": "power", "overround": "0.10"}""").host(HOST).send();
        push("""
                {"type":"market","eventRef":"e2e:2","version":3,"marketRef":"e2e:2:1x2","marketType":"1x2","status":"open","prices":{"home":"1.40","draw":"4.60","away":"8.00"}}
                """);
        JsonNode market = get("/api/v1/events/" + eventId("Real Madrid v Sevilla")).at("/groups/0/markets/0");
        double overround = market.get("selections").valueStream()
                .mapToDouble(s -> 1 / Double.parseDouble(s.at("/price/decimal").asString())).sum() - 1;

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("updatedBy").asString()).isNotBlank();
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(player.status()).isEqualTo(401);
        assertThat(overround).as("the offered book carries the trader's 10 %").isBetween(0.10, 0.12);
        JsonNode rules = edge.get("/api/v1/backoffice/margins").host(HOST).header(AUTH, trader).send().json();
        assertThat(rules.valueStream().map(r -> r.get("sport").asString() + "/" + r.get("marketType").asString()))
                .contains("*/*", "football/1x2");
    }

    @Test
    void aSkinGetsASnapshotThenOnlyDeltasAndAFreshSnapshotWhenItReconnects() {
        String id = eventId("Arsenal v Chelsea");
        HttpClient client = LiveStream.client();
        String base = "http://127.0.0.1:" + platform.gatewayPort;
        String matchResult = get("/api/v1/events/" + id).at("/groups/0/markets/0/id").asString();
        try (LiveStream stream = new LiveStream(client, base, HOST, "/api/v1/live?events=" + id);
                LiveStream oneMarket = new LiveStream(client, base, HOST, "/api/v1/live?markets=" + matchResult)) {
            LiveStream.Message snapshot = stream.next(Duration.ofSeconds(10));
            JsonNode marketSnapshot = JSON.readTree(oneMarket.next(Duration.ofSeconds(10)).data());
            assertThat(marketSnapshot.get("changes")).hasSize(1);
            assertThat(snapshot.name()).isEqualTo("snapshot");
            JsonNode state = JSON.readTree(snapshot.data());
            assertThat(state.get("changes").valueStream().filter(c -> c.get("type").asString().equals("market")))
                    .as("every market of the event").hasSize(10);

            push("""
                    {"type":"market","eventRef":"e2e:1","version":20,"marketRef":"e2e:1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.95","draw":"3.40","away":"3.60"}}
                    {"type":"market","eventRef":"e2e:1","version":21,"marketRef":"e2e:1:total:2.5","marketType":"total","line":"2.5","status":"suspended"}
                    """);
            JsonNode priceDelta = JSON.readTree(stream.next(Duration.ofSeconds(10)).data());
            JsonNode suspension = JSON.readTree(stream.next(Duration.ofSeconds(10)).data());

            assertThat(priceDelta.get("type").asString()).isEqualTo("market");
            assertThat(priceDelta.get("prices").valueStream().map(p -> p.get("key").asString()))
                    .as("only what moved: the home price, and the others only where the re-margined book moved them")
                    .contains("home");
            JsonNode home = priceDelta.get("prices").valueStream().filter(p -> p.get("key").asString().equals("home")).findFirst().orElseThrow();
            assertThat(home.get("direction").asString()).isEqualTo("down");
            assertThat(suspension.get("status").asString()).isEqualTo("suspended");
            assertThat(suspension.get("prices")).isEmpty();
            JsonNode onlyItsMarket = JSON.readTree(oneMarket.next(Duration.ofSeconds(10)).data());
            assertThat(onlyItsMarket.get("marketId").asString()).isEqualTo(matchResult);
            assertThat(oneMarket.poll(Duration.ofSeconds(1))).as("the total's suspension is not its market's").isNull();
        }
        try (LiveStream again = new LiveStream(client, base, HOST, "/api/v1/live?events=" + id)) {
            JsonNode resync = JSON.readTree(again.next(Duration.ofSeconds(10)).data());
            JsonNode total = resync.get("changes").valueStream()
                    .filter(c -> c.get("type").asString().equals("market") && c.get("status").asString().equals("suspended"))
                    .findFirst().orElseThrow();
            assertThat(total.get("prices")).as("the snapshot carries the full state, prices included").hasSize(2);
        }
        assertThat(edge.get("/api/v1/live").host(HOST).send().status()).isEqualTo(422);
        assertThat(edge.get("/api/v1/live?events=nope").host(HOST).send().status()).isEqualTo(422);
    }

    @Test
    void aChangeIngestedOnOneRuntimeReplicaReachesTheClientsOfAnother() {
        assertThat(platform.sharesLiveChangesOverRedis()).as("Redis answers on 127.0.0.1:6379 here and in CI").isTrue();
        String id = eventId("Premier League winner");
        HttpClient client = LiveStream.client();
        try (RunningPlatform.Replica replica = platform.startRuntimeReplica();
                LiveStream onReplica = new LiveStream(client, replica.url(), signedContext("delta", "delta"),
                        "/api/v1/live?events=" + id);
                LiveStream onGateway = new LiveStream(client, "http://127.0.0.1:" + platform.gatewayPort, HOST,
                        "/api/v1/live?events=" + id)) {
            assertThat(onReplica.next(Duration.ofSeconds(10)).name()).isEqualTo("snapshot");
            assertThat(onGateway.next(Duration.ofSeconds(10)).name()).isEqualTo("snapshot");

            push("""
                    {"type":"market","eventRef":"e2e:4","version":40,"marketRef":"e2e:4:outright","marketType":"outright","status":"open","prices":{"Arsenal":"2.20","Liverpool":"3.00","Man City":"3.50","Chelsea":"9.00"}}
                    """);

            for (LiveStream stream : List.of(onReplica, onGateway)) {
                JsonNode delta = JSON.readTree(stream.next(Duration.ofSeconds(10)).data());
                assertThat(delta.get("type").asString()).isEqualTo("market");
                assertThat(delta.get("prices").valueStream().map(p -> p.get("key").asString())).contains("Arsenal");
            }
        }
    }

    /** The headers the gateway signs for a brand, for calling a replica directly as the gateway would. */
    private static java.util.Map<String, String> signedContext(String tenant, String brand) {
        long issuedAt = Instant.now().getEpochSecond();
        String signature = new TenantContextSignature(RunningPlatform.SIGNING_SECRET, Duration.ofSeconds(60))
                .sign(tenant, brand, issuedAt);
        return java.util.Map.of(TrustedHeaders.TENANT_ID, tenant, TrustedHeaders.BRAND_ID, brand,
                TrustedHeaders.ISSUED_AT, Long.toString(issuedAt), TrustedHeaders.SIGNATURE, signature);
    }

    @Test
    void theSkinInChromiumShowsTheBrandAndAPriceChangeFromTheFeedLiveOnAPhoneSizedScreen() {
        push("""
                {"type":"event","eventRef":"e2e:5","version":1,"sport":"football","category":"Germany","competition":"Bundesliga","home":"Bayern","away":"Dortmund","startsAt":"%s","status":"live","score":{"home":0,"away":0}}
                {"type":"market","eventRef":"e2e:5","version":2,"marketRef":"e2e:5:1x2","marketType":"1x2","status":"open","prices":{"home":"1.80","draw":"3.80","away":"4.20"}}
                {"type":"market","eventRef":"e2e:5","version":3,"marketRef":"e2e:5:btts","marketType":"btts","status":"open","prices":{"yes":"1.60","no":"2.25"}}
                """.formatted(STARTED));
        String id = eventId("Bayern v Dortmund");
        JsonNode brand = get("/api/v1/brand");
        String homeSelection = get("/api/v1/events/" + id).at("/groups/0/markets/0/selections/0/id").asString();

        try (SkinBrowser browser = SkinBrowser.phone()) {
            browser.open("http://" + HOST + ":" + platform.gatewayPort + "/#/event/" + id);
            String before = browser.textOf("[data-selection='" + homeSelection + "'] .odds");
            browser.awaitAttribute("body", "data-live", "connected");

            push("""
                    {"type":"event","eventRef":"e2e:5","version":4,"sport":"football","category":"Germany","competition":"Bundesliga","home":"Bayern","away":"Dortmund","startsAt":"%s","status":"live","score":{"home":1,"away":0}}
                    {"type":"market","eventRef":"e2e:5","version":5,"marketRef":"e2e:5:1x2","marketType":"1x2","status":"open","prices":{"home":"1.30","draw":"5.00","away":"9.00"}}
                    """.formatted(STARTED));
            browser.awaitClass("[data-selection='" + homeSelection + "']", "down");
            String after = browser.textOf("[data-selection='" + homeSelection + "'] .odds");
            assertThat(after).isNotEqualTo(before);
            assertThat(browser.textOf("article [data-score]")).isEqualTo("1–0");

            push("""
                    {"type":"market","eventRef":"e2e:5","version":6,"marketRef":"e2e:5:1x2","marketType":"1x2","status":"suspended"}
                    """);
            browser.awaitAttribute("[data-selection='" + homeSelection + "']", "disabled", "true");
            assertThat(browser.textOf("section[data-market] .suspended-note")).isEqualTo("Suspended");

            assertThat(browser.count("main")).isEqualTo(1);
            assertThat(browser.count("nav[aria-label='Sports'] a")).isGreaterThanOrEqualTo(4);
            assertThat(browser.textOf("h1")).startsWith("Bayern v Dortmund");
            assertThat(browser.attributeOf("[role='tab']", "aria-selected")).isEqualTo("true");
            browser.pressArrowRightOn("[role='tab'][aria-selected='true']");
            assertThat(browser.attributeOf("#tab-goals", "aria-selected")).as("the arrow key moves to the next group").isEqualTo("true");
            assertThat(browser.focusedId()).isEqualTo("tab-goals");
            assertThat(browser.horizontalOverflow()).as("nothing wider than a phone screen").isLessThanOrEqualTo(0);
            assertThat(browser.textOf("#logo")).as("the brand's theme from the control plane").isEqualTo(brand.at("/theme/logo/text").asString());
            assertThat(browser.cssVariable("--primary")).isEqualTo(brand.at("/theme/colors/primary").asString());
            assertThat(browser.title()).isEqualTo(brand.get("name").asString());

            browser.open("http://" + HOST + ":" + platform.gatewayPort + "/#/");
            browser.awaitText("main h2", "Live now");
            assertThat(browser.count("[data-event='" + id + "'] .live-badge:not([hidden])")).isEqualTo(1);
        }
    }
}
