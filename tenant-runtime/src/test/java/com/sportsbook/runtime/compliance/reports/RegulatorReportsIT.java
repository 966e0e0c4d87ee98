package com.sportsbook.runtime.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.GatewayCalls;
import com.sportsbook.runtime.GatewayCalls.Response;
import com.sportsbook.runtime.LocalControlPlane;
import com.sportsbook.commons.testing.MutableClock;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestBetting;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.identity.InMemoryPlayerIdentities;
import com.sportsbook.runtime.payments.PaymentSettled;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regulator reports over HTTP, as the compliance console calls them, on PostgreSQL with real bets and real
 * responsible-gambling, AML and screening records, for a brand licensed in Malta and Great Britain: players
 * registered in Great Britain fall under the GB licence, the others under Malta's (the brand's first). Each report's
 * rows in JSON and CSV, the outstanding liability against a sum over the open bets, "No activity" for a period
 * without records, every bad input refused with its status and code, only officers and tenant admins let in, each
 * export in the audit log, and the officers' and players' decisions in the log with the chain intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import({InMemoryPlayerIdentities.Configuration.class, MutableClock.Configuration.class})
class RegulatorReportsIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final LocalControlPlane PLATFORM = LocalControlPlane.get();
    private static final String SECRET = "regulator-reports-test-gateway-secret-32-bytes";
    private static final String TENANT = "rep1";
    private static final String BRAND = "rep1-main";
    private static final String REPORTS = "/api/v1/backoffice/compliance/reports";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant LATER = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    private static final String OFFICER = "officer.olga";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 10);
        registry.add("runtime.tenancy.gateway-signing-secret", () -> SECRET);
        registry.add("runtime.identity.keycloak-url", PLATFORM::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    Wallet wallet;

    @Autowired
    ApplicationEventPublisher events;

    private GatewayCalls gateway;

    // what the tenant did, as the tests check it
    private Account briton;
    private Account maltese;
    private Account german;
    private Account excluded;
    private Account timedOut;
    private Account limited;
    private Account capped;
    private JsonNode open;
    private JsonNode voided;
    private JsonNode settled;
    private JsonNode multiple;
    private JsonNode malteseOpen;
    private JsonNode germanOpen;
    private UUID amlCase;
    private UUID clearedHit;
    private UUID confirmedHit;

    @BeforeAll
    void aTenantWithATwoLicenceBrandAndAMonthOfActivity() {
        gateway = new GatewayCalls(port, TENANT, SECRET);
        TestTenants.provision(new BoundTenant(new TenantSlug(TENANT), BRAND), migrator, seeders, transactions);
        PLATFORM.brand(TENANT, BRAND, "EUR", "MT", "GB");
        // identity verification is the subject of other tests: here bets may be placed before it
        PLATFORM.override(TENANT, "GB", "kycTiming", "before_withdrawal");
        PLATFORM.activate(TENANT);
        in(() -> sql().sql("UPDATE bet_delay SET seconds = 0").update());
        ingestion.ingest(JsonLinesFeed.read("""
                {"type":"event","eventRef":"rep:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"rep:1","version":2,"marketRef":"rep:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.00","draw":"3.40","away":"3.60"}}
                {"type":"event","eventRef":"rep:2","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Spurs","away":"Everton","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"rep:2","version":2,"marketRef":"rep:2:1x2","marketType":"1x2","status":"open","prices":{"home":"1.80","draw":"3.80","away":"4.50"}}
                {"type":"event","eventRef":"rep:3","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Leeds","away":"Fulham","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"rep:3","version":2,"marketRef":"rep:3:1x2","marketType":"1x2","status":"open","prices":{"home":"2.50","draw":"3.20","away":"2.90"}}
                """.formatted(LATER)).messages(), List.of(BoundTenant.of(TENANT)));
        briton = register("Brit", "Punter", "GB");
        maltese = register("Malt", "Punter", "MT");
        german = register("Hans", "Punter", "DE");
        for (Account account : List.of(briton, maltese, german)) {
            credit(account, 100_000);
        }
        String britonToken = signIn(briton);
        open = placed(single(britonToken, "rep:1:1x2", "home", 1_000));
        voided = placed(single(britonToken, "rep:1:1x2", "away", 500));
        settled = placed(single(britonToken, "rep:2:1x2", "home", 2_000));
        multiple = placed(call("POST", "/api/v1/bets", britonToken, slip("multiple", 700,
                List.of(selection("rep:1:1x2", "draw"), selection("rep:3:1x2", "away")))));
        malteseOpen = placed(single(signIn(maltese), "rep:1:1x2", "home", 3_000));
        germanOpen = placed(single(signIn(german), "rep:3:1x2", "home", 1_500));

        // a trader voids one bet by hand, with a reason; the feed results Spurs v Everton and settlement pays
        Response voidedByHand = call("POST", "/api/v1/backoffice/settlement/bets/" + id(voided) + "/void", trader(),
                "{\"reason\": \"late_bet\", \"detail\": \"placed after the team news, \\\"obvious\\\" from the log\"}");
        assertThat(voidedByHand.status()).as("%s", voidedByHand.body()).isEqualTo(201);
        ingestion.ingest(JsonLinesFeed.read("""
                {"type":"event","eventRef":"rep:2","version":10,"sport":"football","category":"England","competition":"Premier League","home":"Spurs","away":"Everton","startsAt":"%1$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"rep:2","version":11,"sport":"football","category":"England","competition":"Premier League","home":"Spurs","away":"Everton","startsAt":"%1$s","status":"finished","score":{"home":2,"away":1}}
                {"type":"result","eventRef":"rep:2","version":12,"homeGoals":2,"awayGoals":1,"halfTimeHomeGoals":0,"halfTimeAwayGoals":0}
                """.formatted(LATER)).messages(), List.of(BoundTenant.of(TENANT)));
        awaitStatus(id(settled), "won");

        // responsible gambling: a limit set, lowered and raised; a self-exclusion; a time-out; a limit run into
        limited = register("Lim", "Its", "GB");
        String limitedToken = signIn(limited);
        assertThat(call("PUT", "/api/v1/responsible-gambling/limits/deposit/day", limitedToken, "{\"amount\": 5000}").status())
                .isEqualTo(200);
        assertThat(call("PUT", "/api/v1/responsible-gambling/limits/deposit/day", limitedToken, "{\"amount\": 3000}").status())
                .isEqualTo(200);
        assertThat(call("PUT", "/api/v1/responsible-gambling/limits/deposit/day", limitedToken, "{\"amount\": 8000}").status())
                .isEqualTo(202);
        excluded = register("Sel", "Fex", "GB");
        assertThat(call("POST", "/api/v1/responsible-gambling/self-exclusion", signIn(excluded), "{\"months\": 6}").status())
                .isEqualTo(201);
        timedOut = register("Tim", "Eout", "GB");
        assertThat(call("POST", "/api/v1/responsible-gambling/time-out", signIn(timedOut), "{\"days\": 2}").status())
                .isEqualTo(201);
        capped = register("Cap", "Ped", "GB");
        credit(capped, 10_000);
        String cappedToken = signIn(capped);
        assertThat(call("PUT", "/api/v1/responsible-gambling/limits/wager/day", cappedToken, "{\"amount\": 100}").status())
                .isEqualTo(200);
        Response refused = single(cappedToken, "rep:3:1x2", "draw", 500);
        assertThat(refused.code()).isEqualTo("wager_limit_exceeded");

        // AML: a large deposit raises an alert; an officer takes the case and decides it
        events.publishEvent(new PaymentSettled(TENANT, UUID.randomUUID(), briton.id(), BRAND, PaymentSettled.Kind.DEPOSIT,
                1_500_000, "EUR", "card_1", clock.instant()));
        amlCase = in(() -> sql().sql("SELECT id FROM aml_case WHERE player_id = ?").param(briton.id()).query(UUID.class).single());
        assertThat(call("PUT", "/api/v1/backoffice/compliance/aml/cases/" + amlCase + "/owner", officer(),
                "{\"owner\": \"" + OFFICER + "\"}").status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/backoffice/compliance/aml/cases/" + amlCase + "/decision", officer(),
                "{\"decision\": \"no_action\", \"reason\": \"salary paid into the account, payslip on file\"}").status())
                .isEqualTo(200);

        // screening: two registrations that match the sanctions lists; one cleared as a namesake, one confirmed
        clearedHit = hitOf(registerBlocked("Ayman", "al-Zawahiri", LocalDate.of(1951, 6, 19)));
        confirmedHit = hitOf(registerBlocked("Mohamed", "Omar", LocalDate.of(1950, 4, 4)));
        assertThat(call("POST", "/api/v1/backoffice/compliance/screening/hits/" + clearedHit + "/clearance", officer(),
                "{\"reason\": \"a namesake: another date of birth on the passport\"}").status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/backoffice/compliance/screening/hits/" + confirmedHit + "/confirmation", officer(),
                "{\"reason\": \"passport matches the listed person\"}").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- the reports

    @Test
    void theConsoleLearnsTheTenantsLicencesAndTheReports() {
        Response catalogue = call("GET", REPORTS, officer(), null);

        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(texts(catalogue.json().get("licences"))).containsExactly("GB", "MT");
        assertThat(catalogue.json().get("reports").valueStream().map(r -> r.get("kind").asString()).toList())
                .containsExactly("wagers", "voids", "liability", "self-exclusions", "rg-events", "aml-alerts");
        assertThat(catalogue.json().get("reports").get(0).get("title").asString()).isEqualTo("Wagers placed, voided and pending");
    }

    @Test
    void theWagersReportListsEachBetOfTheLicencesPlayersWithItsStateReturnAndVoidReason() {
        JsonNode report = report("wagers", "GB", "json").json();

        assertThat(report.get("kind").asString()).isEqualTo("wagers");
        assertThat(report.get("licence").asString()).isEqualTo("GB");
        assertThat(report.get("from").asString()).isEqualTo(from().toString());
        assertThat(report.get("to").asString()).isEqualTo(to().toString());
        assertThat(Instant.parse(report.get("generatedAt").asString())).isCloseTo(clock.instant(), within());
        assertThat(report.has("message")).as("rows, so no message").isFalse();
        List<JsonNode> rows = report.get("rows").valueStream().toList();
        assertThat(report.get("rowCount").asInt()).isEqualTo(rows.size());
        assertThat(rows).extracting(row -> row.get("betId").asString())
                .as("the Briton's four bets; the Maltese's and the German's fall under Malta")
                .containsExactlyInAnyOrder(id(open), id(voided), id(settled), id(multiple));
        JsonNode openRow = rowWith(rows, "betId", id(open));
        assertThat(openRow.get("licence").asString()).isEqualTo("GB");
        assertThat(openRow.get("playerId").asString()).isEqualTo(briton.id().toString());
        assertThat(openRow.get("brand").asString()).isEqualTo(BRAND);
        assertThat(Instant.parse(openRow.get("placedAt").asString()))
                .isCloseTo(Instant.parse(open.get("placedAt").asString()), org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
        assertThat(openRow.get("stake").asLong()).isEqualTo(1_000);
        assertThat(openRow.get("currency").asString()).isEqualTo("EUR");
        assertThat(openRow.get("potentialReturn").asLong()).isEqualTo(open.get("potentialReturn").asLong());
        assertThat(openRow.get("state").asString()).isEqualTo("open");
        assertThat(openRow.get("status").asString()).isEqualTo("accepted");
        assertThat(openRow.get("settledReturn").isNull()).isTrue();
        assertThat(openRow.get("voidReason").isNull()).isTrue();
        JsonNode voidedRow = rowWith(rows, "betId", id(voided));
        assertThat(voidedRow.get("state").asString()).isEqualTo("voided");
        assertThat(voidedRow.get("voidReason").asString()).isEqualTo("late_bet");
        assertThat(voidedRow.get("settledReturn").asLong()).as("the stake back").isEqualTo(500);
        JsonNode settledRow = rowWith(rows, "betId", id(settled));
        assertThat(settledRow.get("state").asString()).isEqualTo("settled");
        assertThat(settledRow.get("status").asString()).isEqualTo("won");
        assertThat(settledRow.get("settledReturn").asLong()).isEqualTo(settled.get("potentialReturn").asLong());
        assertThat(rowWith(rows, "betId", id(multiple)).get("state").asString()).isEqualTo("open");

        List<String> malta = report("wagers", "MT", "json").json().get("rows").valueStream()
                .map(row -> row.get("betId").asString()).toList();
        assertThat(malta).as("registered in Malta, and in Germany (not a licence of the brand: its first, Malta)")
                .containsExactlyInAnyOrder(id(malteseOpen), id(germanOpen));
    }

    @Test
    void theWagersReportAsCsvHasAHeaderAndOneQuotedLinePerBetAsAnAttachment() {
        Response csv = report("wagers", "GB", "csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"wagers-GB-" + from() + "-" + to() + ".csv\"");
        List<String> lines = lines(csv.body());
        assertThat(lines.getFirst()).isEqualTo("licence,bet_id,player_id,brand,placed_at,stake,currency,potential_return,"
                + "state,status,settled_return,void_reason");
        assertThat(lines).hasSize(5);
        List<String> openLine = lines.stream().filter(line -> line.startsWith("GB," + id(open) + ","))
                .map(line -> List.of(line.split(",", -1))).findFirst().orElseThrow();
        assertThat(openLine).hasSize(12);
        assertThat(Instant.parse(openLine.get(4))).isCloseTo(Instant.parse(open.get("placedAt").asString()),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
        assertThat(openLine.subList(0, 4)).containsExactly("GB", id(open), briton.id().toString(), BRAND);
        assertThat(openLine.subList(5, 12)).containsExactly("1000", "EUR",
                String.valueOf(open.get("potentialReturn").asLong()), "open", "accepted", "", "");
        assertThat(lines).anyMatch(line -> line.startsWith("GB," + id(voided) + ",") && line.endsWith(",voided,void,500,late_bet"));
    }

    @Test
    void theVoidsReportNamesTheReasonTheActorAndTheStakeAndQuotesTheDetail() {
        List<JsonNode> rows = report("voids", "GB", "json").json().get("rows").valueStream().toList();

        assertThat(rows).hasSize(1);
        JsonNode row = rows.getFirst();
        assertThat(row.get("betId").asString()).isEqualTo(id(voided));
        assertThat(row.get("reason").asString()).isEqualTo("late_bet");
        assertThat(row.get("source").asString()).isEqualTo("manual");
        assertThat(row.get("actor").asString()).isEqualTo("trader.tom");
        assertThat(row.get("approvedBy").isNull()).as("below the approval amount").isTrue();
        assertThat(row.get("stake").asLong()).isEqualTo(500);
        assertThat(row.get("playerId").asString()).isEqualTo(briton.id().toString());
        assertThat(Instant.parse(row.get("at").asString())).isCloseTo(Instant.now(), within());

        List<String> lines = lines(report("voids", "GB", "csv").body());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",late_bet,manual,false,trader.tom,,")
                .endsWith(",500,EUR,\"placed after the team news, \"\"obvious\"\" from the log\"");
        assertThat(report("voids", "MT", "json").json().get("message").asString()).isEqualTo("No activity");
    }

    @Test
    void theOutstandingLiabilityIsWhatTheOpenBetsStandToPayPerMarketAndInTotal() {
        List<JsonNode> rows = report("liability", "GB", "json").json().get("rows").valueStream().toList();

        // independently: the Briton's bets still running, at their potential return
        List<JsonNode> running = List.of(open, multiple);
        long expected = running.stream().mapToLong(bet -> bet.get("potentialReturn").asLong()).sum();
        JsonNode total = rowWith(rows, "scope", "total");
        assertThat(total.get("liability").asLong()).isEqualTo(expected);
        assertThat(total.get("openBets").asInt()).isEqualTo(2);
        assertThat(total.get("stake").asLong()).isEqualTo(1_000 + 700);
        assertThat(total.get("currency").asString()).isEqualTo("EUR");
        List<JsonNode> markets = rows.stream().filter(row -> row.get("scope").asString().equals("market")).toList();
        assertThat(markets).extracting(row -> row.get("event").asString())
                .containsExactlyInAnyOrder("Arsenal v Chelsea", "Leeds v Fulham");
        JsonNode arsenal = rowWith(markets, "event", "Arsenal v Chelsea");
        assertThat(arsenal.get("marketType").asString()).isEqualTo("1x2");
        assertThat(arsenal.get("openBets").asInt()).as("the single and the multiple; the voided bet no more").isEqualTo(2);
        assertThat(arsenal.get("liability").asLong()).isEqualTo(expected);
        assertThat(rowWith(markets, "event", "Leeds v Fulham").get("liability").asLong())
                .isEqualTo(multiple.get("potentialReturn").asLong());
        assertThat(rows).allSatisfy(row -> assertThat(Instant.parse(row.get("asOf").asString())).isCloseTo(clock.instant(), within()));

        JsonNode malta = rowWith(report("liability", "MT", "json").json().get("rows").valueStream().toList(), "scope", "total");
        assertThat(malta.get("liability").asLong())
                .isEqualTo(malteseOpen.get("potentialReturn").asLong() + germanOpen.get("potentialReturn").asLong());
        List<String> csv = lines(report("liability", "GB", "csv").body());
        assertThat(csv.getFirst()).isEqualTo("licence,as_of,scope,event_id,event,market_id,market_type,line,currency,open_bets,stake,liability");
        assertThat(csv.getLast()).endsWith(",total,,,,,,EUR,2,1700," + expected);
    }

    @Test
    void theSelfExclusionsReportListsTheExclusionTakenAndNotTheTimeOut() {
        List<JsonNode> rows = report("self-exclusions", "GB", "json").json().get("rows").valueStream().toList();

        assertThat(rows).hasSize(1);
        JsonNode row = rows.getFirst();
        assertThat(row.get("playerId").asString()).isEqualTo(excluded.id().toString());
        assertThat(row.get("indefinite").asBoolean()).isFalse();
        assertThat(row.get("inForce").asBoolean()).isTrue();
        assertThat(Instant.parse(row.get("endsAt").asString()))
                .isAfter(Instant.parse(row.get("startsAt").asString()).plus(Duration.ofDays(180)));
        assertThat(row.get("actor").asString()).startsWith("player:");
        assertThat(lines(report("self-exclusions", "GB", "csv").body())).hasSize(2);
    }

    @Test
    void theRgEventsReportHasTheLimitChangesTheExclusionsAndTheLimitRunInto() {
        List<JsonNode> rows = report("rg-events", "GB", "json").json().get("rows").valueStream().toList();

        List<JsonNode> limits = rows.stream().filter(row -> row.get("playerId").asString().equals(limited.id().toString())).toList();
        assertThat(limits).extracting(row -> row.get("event").asString())
                .containsExactly("limit_set", "limit_decreased", "limit_increase_requested");
        assertThat(limits).allSatisfy(row -> {
            assertThat(row.get("limitKind").asString()).isEqualTo("deposit");
            assertThat(row.get("period").asString()).isEqualTo("day");
        });
        assertThat(limits.get(1).get("amountBefore").asLong()).isEqualTo(5_000);
        assertThat(limits.get(1).get("amountAfter").asLong()).isEqualTo(3_000);
        assertThat(limits.get(2).get("amountAfter").asLong()).isEqualTo(8_000);
        assertThat(Instant.parse(limits.get(2).get("effectiveAt").asString()))
                .isAfter(Instant.parse(limits.get(2).get("at").asString()).plus(Duration.ofHours(23)));
        assertThat(eventOf(rows, excluded).get("event").asString()).isEqualTo("self_exclusion");
        assertThat(eventOf(rows, timedOut).get("event").asString()).isEqualTo("time_out");
        List<JsonNode> capping = rows.stream().filter(row -> row.get("playerId").asString().equals(capped.id().toString())).toList();
        assertThat(capping).extracting(row -> row.get("event").asString()).containsExactly("limit_set", "limit_hit");
        assertThat(capping.getLast().get("limitKind").asString()).isEqualTo("wager");
        assertThat(capping.getLast().get("detail").asString()).startsWith("wager_limit_exceeded: bet of 500 EUR refused");
        assertThat(rows).noneMatch(row -> row.get("playerId").asString().equals(maltese.id().toString()));
        assertThat(lines(report("rg-events", "GB", "csv").body())).hasSize(rows.size() + 1);
    }

    @Test
    void theAmlAlertsReportShowsTheAlertWithItsCaseOwnerAndDecision() {
        List<JsonNode> rows = report("aml-alerts", "GB", "json").json().get("rows").valueStream().toList();

        assertThat(rows).hasSize(1);
        JsonNode row = rows.getFirst();
        assertThat(row.get("rule").asString()).isEqualTo("large_deposit");
        assertThat(row.get("amount").asLong()).isEqualTo(1_500_000);
        assertThat(row.get("playerId").asString()).isEqualTo(briton.id().toString());
        assertThat(row.get("caseId").asString()).isEqualTo(amlCase.toString());
        assertThat(row.get("caseStatus").asString()).isEqualTo("closed");
        assertThat(row.get("owner").asString()).isEqualTo(OFFICER);
        assertThat(row.get("decision").asString()).isEqualTo("no_action");
        assertThat(row.get("decidedBy").asString()).isEqualTo(OFFICER);
        assertThat(lines(report("aml-alerts", "GB", "csv").body()).get(1)).contains(",large_deposit,1500000,EUR,");
        assertThat(report("aml-alerts", "MT", "json").json().get("rowCount").asInt()).isZero();
    }

    @Test
    void aPeriodWithoutActivitySaysNoActivityInBothFormats() {
        for (String kind : List.of("wagers", "voids", "liability", "self-exclusions", "rg-events", "aml-alerts")) {
            Response json = call("GET", REPORTS + "/" + kind + "?licence=GB&from=2020-01-01&to=2020-01-31", officer(), null);
            Response csv = call("GET", REPORTS + "/" + kind + "?licence=GB&from=2020-01-01&to=2020-01-31&format=csv", officer(), null);

            assertThat(json.status()).as(kind).isEqualTo(200);
            assertThat(json.json().get("rowCount").asInt()).as(kind).isZero();
            assertThat(json.json().get("rows").size()).as(kind).isZero();
            assertThat(json.json().get("message").asString()).as(kind).isEqualTo("No activity");
            assertThat(csv.status()).as(kind).isEqualTo(200);
            assertThat(csv.body()).as(kind).isEqualTo("No activity\r\n");
            assertThat(csv.header("Content-Disposition")).as(kind).contains(kind + "-GB-2020-01-01-2020-01-31.csv");
        }
    }

    @Test
    void aLimitRaiseAppearsAsAppliedOnceItsCoolingOffHasPassed() {
        Account raiser = register("Rai", "Ser", "GB");
        String token = signIn(raiser);
        call("PUT", "/api/v1/responsible-gambling/limits/loss/week", token, "{\"amount\": 1000}");
        assertThat(call("PUT", "/api/v1/responsible-gambling/limits/loss/week", token, "{\"amount\": 4000}").status()).isEqualTo(202);
        LocalDate requested = today();

        clock.advance(Duration.ofHours(25));

        List<JsonNode> rows = call("GET", REPORTS + "/rg-events?licence=GB&from=" + requested + "&to=" + today(), officer(), null)
                .json().get("rows").valueStream()
                .filter(row -> row.get("playerId").asString().equals(raiser.id().toString())).toList();
        assertThat(rows).extracting(row -> row.get("event").asString())
                .containsExactly("limit_set", "limit_increase_requested", "limit_increase_applied");
        assertThat(rows.getLast().get("amountBefore").asLong()).isEqualTo(1_000);
        assertThat(rows.getLast().get("amountAfter").asLong()).isEqualTo(4_000);
    }

    // ---------------------------------------------------------------- bad input and access

    @Test
    void badInputIsRefusedWithItsStatusAndCodeAndNothingIsExported() {
        long exportsBefore = exports().size();

        assertRefused(REPORTS + "/bets?licence=GB&from=2026-11-01&to=2026-11-30", 404, "unknown_report");
        assertRefused(REPORTS + "/wagers?licence=XX&from=2026-11-01&to=2026-11-30", 422, "unknown_jurisdiction");
        assertRefused(REPORTS + "/wagers?licence=G%3B&from=2026-11-01&to=2026-11-30", 422, "unknown_jurisdiction");
        assertRefused(REPORTS + "/wagers?licence=DE&from=2026-11-01&to=2026-11-30", 422, "licence_not_held");
        assertRefused(REPORTS + "/wagers?from=2026-11-01&to=2026-11-30", 400, "licence_required");
        assertRefused(REPORTS + "/wagers?licence=GB&to=2026-11-30", 400, "window_required");
        assertRefused(REPORTS + "/wagers?licence=GB&from=2026-11-31&to=2026-12-30", 400, "invalid_date");
        assertRefused(REPORTS + "/wagers?licence=GB&from=2026-11-01&to=next-week", 400, "invalid_date");
        assertRefused(REPORTS + "/wagers?licence=GB&from=2026-11-30&to=2026-11-01", 422, "window_reversed");
        assertRefused(REPORTS + "/wagers?licence=GB&from=2025-01-01&to=2026-01-02", 422, "window_too_long");
        assertRefused(REPORTS + "/wagers?licence=GB&from=2026-11-01&to=2026-11-30&format=xml", 400, "unsupported_format");
        assertThat(call("GET", REPORTS + "/wagers?licence=gb&from=2025-01-01&to=2026-01-01", officer(), null).status())
                .as("366 days, both included, and the licence in lower case").isEqualTo(200);

        assertThat(exports().size()).as("only the one that was answered").isEqualTo(exportsBefore + 1);
    }

    @Test
    void onlyComplianceOfficersAndTenantAdminsExport() {
        String path = REPORTS + "/wagers?licence=GB&from=2026-11-01&to=2026-11-30";
        String admin = PLATFORM.token(TENANT, UUID.randomUUID().toString(), "admin.ada", UUID.randomUUID().toString(),
                "tenant-admin", "staff");

        assertThat(call("GET", path, admin, null).status()).isEqualTo(200);
        assertThat(call("GET", REPORTS, admin, null).status()).isEqualTo(200);
        for (String token : List.of(trader(), signIn(briton))) {
            Response refused = call("GET", path, token, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(call("GET", REPORTS, token, null).status()).isEqualTo(403);
        }
        assertThat(call("GET", path, null, null).status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- the audit log

    @Test
    void everyExportIsInTheAuditLogWithWhoAskedForWhichReportLicenceAndPeriod() {
        report("aml-alerts", "MT", "csv");

        JsonNode record = exports().stream()
                .filter(r -> r.get("subject").asString().equals("aml-alerts-MT-" + from() + "-" + to())
                        && r.get("payload").get("format").asString().equals("csv"))
                .findFirst().orElseThrow();
        assertThat(record.get("actor").asString()).isEqualTo(OFFICER);
        assertThat(record.get("payload").get("report").asString()).isEqualTo("aml-alerts");
        assertThat(record.get("payload").get("licence").asString()).isEqualTo("MT");
        assertThat(record.get("payload").get("from").asString()).isEqualTo(from().toString());
        assertThat(record.get("payload").get("to").asString()).isEqualTo(to().toString());
        assertThat(record.get("payload").get("rowCount").asInt()).isZero();
    }

    @Test
    void limitsExclusionsScreeningAndAmlDecisionsAreInTheAuditLogAndTheChainVerifies() {
        List<JsonNode> limits = records("rg.limit_requested", limited.id().toString());
        assertThat(limits).hasSize(3);
        assertThat(limits).extracting(r -> r.get("payload").get("requested").asLong()).containsExactlyInAnyOrder(5_000L, 3_000L, 8_000L);
        assertThat(records("rg.exclusion_taken", excluded.id().toString()).getFirst().get("payload").get("kind").asString())
                .isEqualTo("self_exclusion");
        assertThat(records("rg.exclusion_taken", timedOut.id().toString()).getFirst().get("payload").get("kind").asString())
                .isEqualTo("time_out");
        JsonNode cleared = records("screening.cleared", clearedHit.toString()).getFirst();
        assertThat(cleared.get("actor").asString()).isEqualTo(OFFICER);
        assertThat(cleared.get("payload").get("reason").asString()).isEqualTo("a namesake: another date of birth on the passport");
        assertThat(records("screening.confirmed", confirmedHit.toString())).hasSize(1);
        assertThat(records("aml.alert_raised", amlCase.toString())).hasSize(1);
        JsonNode assigned = records("aml.case_assigned", amlCase.toString()).getFirst();
        assertThat(assigned.get("payload").get("owner").asString()).isEqualTo(OFFICER);
        JsonNode decided = records("aml.case_decided", amlCase.toString()).getFirst();
        assertThat(decided.get("actor").asString()).isEqualTo(OFFICER);
        assertThat(decided.get("payload").get("decision").asString()).isEqualTo("no_action");
        assertThat(decided.get("payload").get("owner").asString()).isEqualTo(OFFICER);

        Response verification = call("POST", "/api/v1/backoffice/audit/verifications", officer(), null);
        assertThat(verification.status()).isEqualTo(201);
        assertThat(verification.json().get("intact").asBoolean()).as("%s", verification.body()).isTrue();
        assertThat(verification.json().get("unsealed").asLong()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private record Account(UUID id, String subject, String email) {
    }

    /** A compliance officer's token, minted for each call (a token lives ten minutes). */
    private static String officer() {
        return PLATFORM.token(TENANT, "officer-subject", OFFICER, UUID.randomUUID().toString(), "compliance-officer", "staff");
    }

    private static String trader() {
        return PLATFORM.token(TENANT, "trader-subject", "trader.tom", UUID.randomUUID().toString(), "trader", "staff");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A period around today wide enough for whatever day it is (a test moves the clock a day on). */
    private LocalDate from() {
        return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).minusDays(3);
    }

    private LocalDate to() {
        return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).plusDays(3);
    }

    private Response report(String kind, String licence, String format) {
        Response response = call("GET", REPORTS + "/" + kind + "?licence=" + licence + "&from=" + from() + "&to=" + to()
                + "&format=" + format, officer(), null);
        assertThat(response.status()).as("%s %s: %s", kind, licence, response.body()).isEqualTo(200);
        return response;
    }

    private void assertRefused(String path, int status, String code) {
        Response refused = call("GET", path, officer(), null);
        assertThat(refused.status()).as(path).isEqualTo(status);
        assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
        assertThat(refused.code()).as(path).isEqualTo(code);
    }

    private List<JsonNode> exports() {
        return records("report.exported", null);
    }

    private List<JsonNode> records(String kind, String subject) {
        Response page = call("GET", "/api/v1/backoffice/audit/records?limit=200&kind=" + kind
                + (subject == null ? "" : "&subject=" + subject), officer(), null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().toList();
    }

    private static JsonNode rowWith(List<JsonNode> rows, String column, String value) {
        return rows.stream().filter(row -> row.get(column).asString().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value + " in " + rows));
    }

    private static JsonNode eventOf(List<JsonNode> rows, Account account) {
        return rowWith(rows, "playerId", account.id().toString());
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** The CSV's lines; a quoted field holds no line break in these reports. */
    private static List<String> lines(String csv) {
        assertThat(csv).endsWith("\r\n");
        return List.of(csv.split("\r\n"));
    }

    private static String id(JsonNode bet) {
        return bet.get("id").asString();
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(2, ChronoUnit.MINUTES);
    }

    private Account register(String firstName, String lastName, String country) {
        Response registered = registration(firstName, lastName, LocalDate.of(1990, 1, 1), country);
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        return account(registered);
    }

    /** A registration the sanctions lists match: the account opens blocked, with a hit for an officer. */
    private Account registerBlocked(String firstName, String lastName, LocalDate born) {
        Response registered = registration(firstName, lastName, born, "GB");
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("blocked");
        return account(registered);
    }

    private Account account(Response registered) {
        UUID id = UUID.fromString(registered.json().get("id").asString());
        String subject = in(() -> sql().sql("SELECT identity_user_id FROM player WHERE id = ?").param(id).query(String.class).single());
        return new Account(id, subject, registered.json().get("email").asString());
    }

    private Response registration(String firstName, String lastName, LocalDate born, String country) {
        String email = (firstName + "." + lastName + "." + UUID.randomUUID().toString().substring(0, 6) + "@example.com")
                .toLowerCase().replace(" ", "");
        return call("POST", "/api/v1/players", null, JSON.writeValueAsString(Map.of("email", email,
                "password", "Correct-Horse-42", "firstName", firstName, "lastName", lastName, "dateOfBirth", born.toString(),
                "country", country, "currency", "EUR")));
    }

    private UUID hitOf(Account account) {
        return in(() -> sql().sql("SELECT id FROM screening_case WHERE player_id = ? AND status = 'open' ORDER BY opened_at LIMIT 1")
                .param(account.id()).query(UUID.class).single());
    }

    private String signIn(Account account) {
        return PLATFORM.token(TENANT, account.subject(), account.email(), UUID.randomUUID().toString(), "player");
    }

    private void credit(Account account, long amount) {
        Currency eur = Currency.getInstance("EUR");
        TenantContext.runAs(new BoundTenant(new TenantSlug(TENANT), BRAND), () -> wallet.execute(
                new WalletCommand.Transfer("deposit:" + UUID.randomUUID(), TransactionKind.DEPOSIT, List.of(
                        new Posting(AccountRef.cash(account.id(), BRAND, eur), amount),
                        new Posting(AccountRef.house(BRAND, eur, HouseAccountKind.PSP_CLEARING), -amount)), null, null)));
    }

    private Response single(String token, String marketRef, String key, long stake) {
        return call("POST", "/api/v1/bets", token, slip("single", stake, List.of(selection(marketRef, key))));
    }

    private static JsonNode placed(Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return response.json();
    }

    private static String slip(String type, long stake, List<Map<String, Object>> selections) {
        return TestBetting.slip(type, stake, "EUR", selections);
    }

    private Map<String, Object> selection(String marketRef, String key) {
        return in(() -> TestBetting.offered(sql(), marketRef, key)).onSlip();
    }

    private void awaitStatus(String betId, String status) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!status.equals(in(() -> sql().sql("SELECT status FROM bet WHERE id = ?").param(UUID.fromString(betId))
                .query(String.class).single()))) {
            assertThat(Instant.now()).as("bet %s %s in time", betId, status).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Response call(String method, String path, String token, String body) {
        return gateway.call(BRAND, method, path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(BoundTenant.of(TENANT), transactions, work);
    }
}
