package com.sportsbook.runtime.compliance.responsible;

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
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.identity.InMemoryPlayerIdentities;
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
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Responsible gambling over HTTP, as a player's skin calls it, on PostgreSQL with the local control plane's rules and
 * a clock the test moves forward: each limit refuses at the amount that would cross it with its own code, a raised
 * limit waits for the cooling-off, time-outs and self-exclusions sign the player out, stop bets and deposits on every
 * brand of the operator but leave withdrawals, cannot be lifted early, and refuse a registration of the same person;
 * national registers at registration and at sign-in; reality-check figures; and each jurisdiction rule where it
 * applies (Germany, Spain, Sweden with the tenant's stricter overrides, Great Britain, Malta).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import({InMemoryPlayerIdentities.Configuration.class, MutableClock.Configuration.class})
class ResponsibleGamblingIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final LocalControlPlane PLATFORM = LocalControlPlane.get();
    private static final String SECRET = "responsible-gambling-test-gateway-secret-32-bytes";
    private static final String TENANT = "rg1";
    private static final String MAIN = "rg1-main";
    private static final String SECOND = "rg1-second";
    private static final String GB = "rg1-gb";
    private static final String DE = "rg1-de";
    private static final String ES = "rg1-es";
    private static final String SE = "rg1-se";
    private static final String LATE = "rg1-late";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant LATER = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    private static final Instant GONE = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

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
    EffectiveRules rules;

    private GatewayCalls gateway;

    @BeforeAll
    void aTenantWithBrandsInSeveralJurisdictions() {
        gateway = new GatewayCalls(port, TENANT, SECRET);
        TestTenants.provision(new BoundTenant(new TenantSlug(TENANT), MAIN), migrator, seeders, transactions);
        PLATFORM.brand(TENANT, SECOND, "EUR", "MT");
        PLATFORM.brand(TENANT, GB, "EUR", "GB");
        PLATFORM.brand(TENANT, DE, "EUR", "DE");
        PLATFORM.brand(TENANT, ES, "EUR", "ES");
        PLATFORM.brand(TENANT, SE, "SEK", "SE");
        PLATFORM.brand(TENANT, LATE, "EUR", "MT");
        // Sweden's pack with the tenant's stricter rules (singles and multiples only, no in-play, a stake cap), and
        // identity verification and a deposit limit left to the tests that are about them
        PLATFORM.override(TENANT, "SE", "allowedBetTypes", List.of("single", "multiple"));
        PLATFORM.override(TENANT, "SE", "inPlayAllowed", false);
        PLATFORM.override(TENANT, "SE", "maxStakePerBetMinor", 2_000);
        PLATFORM.override(TENANT, "SE", "kycTiming", "before_withdrawal");
        PLATFORM.override(TENANT, "SE", "mandatoryDepositLimitAtRegistration", false);
        PLATFORM.activate(TENANT);
        in(() -> sql().sql("UPDATE bet_delay SET seconds = 0").update());
        ingestion.ingest(JsonLinesFeed.read("""
                {"type":"event","eventRef":"rg:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"rg:1","version":2,"marketRef":"rg:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.00","draw":"3.40","away":"3.60"}}
                {"type":"market","eventRef":"rg:1","version":3,"marketRef":"rg:1:corners","marketType":"total_corners","line":"9.5","status":"open","prices":{"over":"1.90","under":"1.90"}}
                {"type":"event","eventRef":"rg:2","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Spurs","away":"Everton","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"rg:2","version":2,"marketRef":"rg:2:1x2","marketType":"1x2","status":"open","prices":{"home":"1.80","draw":"3.80","away":"4.50"}}
                {"type":"event","eventRef":"rg:3","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Leeds","away":"Fulham","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"rg:3","version":2,"marketRef":"rg:3:1x2","marketType":"1x2","status":"open","prices":{"home":"2.50","draw":"3.20","away":"2.90"}}
                {"type":"event","eventRef":"rg:4","version":1,"sport":"football","category":"Spain","competition":"La Liga","home":"Betis","away":"Getafe","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                {"type":"market","eventRef":"rg:4","version":2,"marketRef":"rg:4:1x2","marketType":"1x2","status":"open","prices":{"home":"2.00","draw":"3.20","away":"4.20"}}
                {"type":"market","eventRef":"rg:4","version":3,"marketRef":"rg:4:total","marketType":"total","line":"2.5","status":"open","prices":{"over":"1.90","under":"1.95"}}
                """.formatted(LATER, GONE)).messages(), List.of(BoundTenant.of(TENANT)));
    }

    // ---------------------------------------------------------------- limits

    @Test
    void aDepositLimitRefusesTheDepositThatWouldCrossIt() {
        Account player = register(MAIN, "Dee", "Positor");
        String token = signIn(player);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", token, "{\"amount\": 5000}").status())
                .isEqualTo(200);
        credit(player, 3_000);

        Response over = deposit(player, token, 2_500);
        Response within = deposit(player, token, 2_000);

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("deposit_limit_exceeded");
        assertThat(within.status()).isEqualTo(202);
        JsonNode limit = limitOf(call(MAIN, "GET", "/api/v1/responsible-gambling", token, null), "deposit", "day");
        assertThat(limit.get("amount").asLong()).isEqualTo(5_000);
        assertThat(limit.get("used").asLong()).isEqualTo(3_000);
        assertThat(limit.get("awaitingProvider").asLong()).as("the deposit started, not confirmed yet").isEqualTo(2_000);
        assertThat(limit.get("remaining").asLong()).isZero();
    }

    @Test
    void anApiAnswerIsSentWholeWithItsLengthRatherThanChunked() {
        Account player = register(MAIN, "Len", "Gth");
        String token = signIn(player);

        Response answer = call(MAIN, "GET", "/api/v1/responsible-gambling", token, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Transfer-Encoding")).isNull();
        assertThat(answer.header("Content-Length"))
                .isEqualTo(String.valueOf(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    @Test
    void depositsStartedTogetherNeverPassTheLimitBetweenThemWhileThePspHasNotConfirmedThem() throws Exception {
        Account player = register(MAIN, "Connie", "Current");
        String token = signIn(player);
        call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", token, "{\"amount\": 5000}");
        credit(player, 1_000);

        List<Response> answers;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(10)) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> started = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                started.add(threads.submit(() -> {
                    start.await();
                    return deposit(player, token, 1_000);
                }));
            }
            start.countDown();
            answers = new java.util.ArrayList<>();
            for (var answer : started) {
                answers.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        }

        assertThat(answers).filteredOn(answer -> answer.status() == 202).as("4,000 left of 5,000").hasSize(4);
        assertThat(answers).filteredOn(answer -> answer.status() != 202)
                .extracting(Response::code).hasSize(6).containsOnly("deposit_limit_exceeded");
        long pending = in(() -> sql().sql("""
                SELECT COALESCE(SUM(amount), 0) FROM payment WHERE player_id = ? AND kind = 'deposit' AND status = 'pending'""")
                .param(player.id()).query(Long.class).single());
        assertThat(pending + 1_000).as("pending and credited").isLessThanOrEqualTo(5_000).isEqualTo(5_000);
        JsonNode limit = limitOf(call(MAIN, "GET", "/api/v1/responsible-gambling", token, null), "deposit", "day");
        assertThat(limit.get("awaitingProvider").asLong()).isEqualTo(4_000);
        assertThat(limit.get("remaining").asLong()).isZero();
        assertThat(in(() -> sql().sql("SELECT count(*) FROM rg_limit_hit WHERE player_id = ? AND code = 'deposit_limit_exceeded'")
                .param(player.id()).query(Long.class).single())).as("each refusal recorded").isEqualTo(6);
    }

    @Test
    void aDepositThePspFailsFreesItsAmountAndOneNeverTakenUpExpires() {
        Account player = register(MAIN, "Fay", "Ledd");
        String token = signIn(player);
        call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", token, "{\"amount\": 3000}");
        Response first = deposit(player, token, 2_000);
        Response second = deposit(player, token, 2_000);
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.code()).as("the first one holds 2,000 of the 3,000").isEqualTo("deposit_limit_exceeded");

        Response failed = pspWebhook(player, first, "payment.failed", "insufficient_funds_at_bank");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(in(() -> sql().sql("SELECT status FROM payment WHERE id = ?")
                .param(UUID.fromString(first.json().get("id").asString())).query(String.class).single())).isEqualTo("failed");
        Response afterTheFailure = deposit(player, token, 2_000);
        assertThat(afterTheFailure.status()).as("the failed deposit no longer counts").isEqualTo(202);
        assertThat(deposit(player, token, 2_000).code()).isEqualTo("deposit_limit_exceeded");

        clock.advance(Duration.ofMinutes(61));
        String later = signIn(player);
        assertThat(deposit(player, later, 2_000).status()).as("the pending one was never taken up: expired after an hour")
                .isEqualTo(202);
    }

    @Test
    void aWagerLimitRefusesTheStakeThatWouldCrossIt() {
        Account player = register(MAIN, "Wade", "Stakes");
        String token = signIn(player);
        credit(player, 10_000);
        call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/wager/day", token, "{\"amount\": 1000}");

        Response first = bet(MAIN, token, "rg:1:1x2", "home", 600, "EUR");
        Response over = bet(MAIN, token, "rg:2:1x2", "home", 500, "EUR");
        Response within = bet(MAIN, token, "rg:2:1x2", "home", 400, "EUR");

        assertThat(first.status()).isEqualTo(201);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("wager_limit_exceeded");
        assertThat(over.json().get("remaining").asLong()).isEqualTo(400);
        assertThat(within.status()).isEqualTo(201);
    }

    @Test
    void aLossLimitCountsStakesLessReturns() {
        Account player = register(MAIN, "Lou", "Sing");
        String token = signIn(player);
        credit(player, 10_000);
        call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/week", token, "{\"amount\": 1000}");

        assertThat(bet(MAIN, token, "rg:1:1x2", "home", 800, "EUR").status()).isEqualTo(201);
        Response over = bet(MAIN, token, "rg:2:1x2", "home", 300, "EUR");
        payout(player, 500);
        Response afterAWin = bet(MAIN, token, "rg:2:1x2", "home", 300, "EUR");

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("loss_limit_exceeded");
        assertThat(afterAWin.status()).as("800 staked less 500 returned leaves 700 of the 1000").isEqualTo(201);
    }

    @Test
    void aSessionTimeLimitStopsBettingOnceTheTimeIsPlayed() {
        Account player = register(MAIN, "Tim", "Minutes");
        String token = signIn(player);
        call(MAIN, "GET", "/api/v1/responsible-gambling", token, null);
        credit(player, 10_000);
        clock.advance(Duration.ofMinutes(31));
        call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/session_time/day", token, "{\"amount\": 30}");

        Response refused = bet(MAIN, token, "rg:1:1x2", "home", 100, "EUR");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("session_time_limit_reached");
        JsonNode limit = limitOf(call(MAIN, "GET", "/api/v1/responsible-gambling", token, null), "session_time", "day");
        assertThat(limit.get("used").asLong()).isGreaterThanOrEqualTo(31);
    }

    @Test
    void aRaisedLimitWaitsForTheCoolingOffWhileALoweredOneAppliesAtOnce() {
        Account player = register(MAIN, "Cole", "Ingoff");
        String token = signIn(player);
        call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", token, "{\"amount\": 1000}");

        Response raised = call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", token, "{\"amount\": 5000}");

        assertThat(raised.status()).isEqualTo(202);
        assertThat(Instant.parse(raised.json().get("effectiveAt").asString()))
                .isAfter(clock.instant().plus(Duration.ofHours(23)));
        JsonNode waiting = limitOf(call(MAIN, "GET", "/api/v1/responsible-gambling", token, null), "deposit", "day");
        assertThat(waiting.get("amount").asLong()).isEqualTo(1_000);
        assertThat(waiting.get("pending").get("amount").asLong()).isEqualTo(5_000);
        Response beforeCoolingOff = deposit(player, token, 2_000);
        assertThat(beforeCoolingOff.code()).isEqualTo("deposit_limit_exceeded");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        String later = signIn(player);
        JsonNode applied = limitOf(call(MAIN, "GET", "/api/v1/responsible-gambling", later, null), "deposit", "day");
        assertThat(applied.get("amount").asLong()).isEqualTo(5_000);
        assertThat(applied.get("pending").isNull()).isTrue();
        assertThat(deposit(player, later, 2_000).status()).isEqualTo(202);

        Response lowered = call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", later, "{\"amount\": 500}");
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.json().get("amount").asLong()).isEqualTo(500);
        Response removal = call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", later, "{\"amount\": null}");
        assertThat(removal.status()).as("a removal loosens: it waits too").isEqualTo(202);
        assertThat(removal.json().get("pending").get("removal").asBoolean()).isTrue();
    }

    @Test
    void limitsBelowZeroAbsurdOrMalformedAreRefusedWithAProblem() {
        Account player = register(MAIN, "Val", "Idate");
        String token = signIn(player);

        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/day", token, "{\"amount\": -1}").code())
                .isEqualTo("invalid_limit");
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/day", token, "{\"amount\": 1000000000000000}")
                .code()).isEqualTo("invalid_limit");
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/session_time/day", token, "{\"amount\": 1441}")
                .code()).isEqualTo("invalid_limit");
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/day", token, "{\"amount\": 10.5}").status())
                .isEqualTo(422);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/day", token, "{\"amount\": \"ten\"}").status())
                .isEqualTo(422);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/fun/day", token, "{\"amount\": 10}").status())
                .isEqualTo(422);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/year", token, "{\"amount\": 10}").status())
                .isEqualTo(422);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/day", token, "{}").status()).isEqualTo(422);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/loss/day", token, "{not json").status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- exclusions

    @Test
    void aTimeOutSignsThePlayerOutStopsBetsAndDepositsLeavesWithdrawalsAndEndsOnTime() {
        Account player = register(MAIN, "Tia", "Break");
        String token = signIn(player);
        credit(player, 10_000);
        assertThat(call(MAIN, "POST", "/api/v1/responsible-gambling/time-out", token, "{\"days\": 43}").code())
                .isEqualTo("invalid_time_out");

        Response taken = call(MAIN, "POST", "/api/v1/responsible-gambling/time-out", token, "{\"days\": 1}");

        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("exclusion").get("status").asString()).isEqualTo("timed_out");
        assertThat(call(MAIN, "GET", "/api/v1/wallet/balances", token, null).code())
                .as("signed out at once").isEqualTo("session_ended");
        String again = signIn(player);
        Response bet = bet(MAIN, again, "rg:1:1x2", "home", 100, "EUR");
        assertThat(bet.status()).isEqualTo(403);
        assertThat(bet.code()).isEqualTo("timed_out");
        assertThat(deposit(player, again, 1_000).code()).isEqualTo("timed_out");
        assertThat(call(MAIN, "GET", "/api/v1/wallet/balances", again, null).status()).isEqualTo(200);
        assertThat(call(MAIN, "GET", "/api/v1/responsible-gambling", again, null).json().get("exclusion").get("kind").asString())
                .isEqualTo("time_out");
        assertThat(withdraw(player, again, 5_000).status()).as("the balance can still be withdrawn").isEqualTo(202);
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", again, "{\"amount\": 10}").code())
                .isEqualTo("timed_out");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(bet(MAIN, signIn(player), "rg:1:1x2", "home", 100, "EUR").status())
                .as("the time-out is over").isEqualTo(201);
    }

    @Test
    void aSelfExclusionReachesTheSamePersonOnAnotherBrandAndRefusesTheirRegistration() {
        LocalDate born = LocalDate.of(1983, 3, 14);
        Account main = register(MAIN, "Sue", "Selfex", born, "sue.main@example.com");
        Account second = register(SECOND, "Sue", "Selfex", born, "sue.second@example.com");
        String onSecond = signIn(second);
        assertThat(call(SECOND, "GET", "/api/v1/wallet/balances", onSecond, null).status()).isEqualTo(200);
        credit(second, 5_000);
        String token = signIn(main);
        assertThat(call(MAIN, "POST", "/api/v1/responsible-gambling/self-exclusion", token, "{\"months\": 7}").code())
                .isEqualTo("invalid_self_exclusion");

        Response taken = call(MAIN, "POST", "/api/v1/responsible-gambling/self-exclusion", token, "{\"months\": 6}");

        assertThat(taken.status()).isEqualTo(201);
        assertThat(call(SECOND, "GET", "/api/v1/wallet/balances", onSecond, null).code())
                .as("the other brand's session ends too").isEqualTo("session_ended");
        String secondAgain = signIn(second);
        assertThat(bet(SECOND, secondAgain, "rg:1:1x2", "home", 100, "EUR").code()).isEqualTo("self_excluded");
        assertThat(deposit(second, secondAgain, 1_000).code()).isEqualTo("self_excluded");
        assertThat(withdraw(second, secondAgain, 5_000).status()).isEqualTo(202);
        Response newAccount = registration(SECOND, "Sue", "Selfex", born, "sue.third@example.com");
        assertThat(newAccount.status()).isEqualTo(403);
        assertThat(newAccount.code()).isEqualTo("self_excluded");
    }

    @Test
    void noOneLiftsAnExclusionEarly() {
        Account player = register(MAIN, "Noel", "Ift");
        Account otherBrand = register(SECOND, "Noel", "Ift", LocalDate.of(1990, 1, 1), "noel.second@example.com");
        String support = PLATFORM.token(TENANT, "support-1", "support1", UUID.randomUUID().toString(), "support");
        // suspended by support before the exclusion: lifting the suspension leads to the exclusion, not to play
        assertThat(call(SECOND, "POST", "/api/v1/backoffice/players/" + otherBrand.id() + "/suspension", support, null).status())
                .isEqualTo(200);
        String token = signIn(player);
        call(MAIN, "POST", "/api/v1/responsible-gambling/self-exclusion", token, "{\"permanent\": true}");

        Response lift = call(MAIN, "DELETE", "/api/v1/backoffice/players/" + player.id() + "/suspension", support, null);
        Response reinstated = call(SECOND, "DELETE", "/api/v1/backoffice/players/" + otherBrand.id() + "/suspension", support, null);
        Response timeOutInstead = call(MAIN, "POST", "/api/v1/responsible-gambling/time-out", signIn(player), "{\"days\": 1}");

        assertThat(lift.status()).isEqualTo(409);
        assertThat(lift.code()).isEqualTo("exclusion_in_force");
        assertThat(reinstated.json().get("status").asString()).isEqualTo("self_excluded");
        assertThat(timeOutInstead.code()).as("the player cannot trade it for a time-out").isEqualTo("self_excluded");
        assertThat(status(player)).isEqualTo("self_excluded");
    }

    @Test
    void aPermanentSelfExclusionOnlyWhereTheJurisdictionOffersOne() {
        Account inBritain = register(GB, "Perm", "Anent");
        Response refused = call(GB, "POST", "/api/v1/responsible-gambling/self-exclusion", signIn(inBritain), "{\"permanent\": true}");
        Account inMalta = register(MAIN, "Perm", "Anently");
        Response taken = call(MAIN, "POST", "/api/v1/responsible-gambling/self-exclusion", signIn(inMalta), "{\"permanent\": true}");

        assertThat(refused.code()).isEqualTo("invalid_self_exclusion");
        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("exclusion").get("until").isNull()).isTrue();
    }

    @Test
    void aNationalRegisterRefusesTheRegistrationAndExcludesAtSignIn() {
        Response refused = registration(GB, "Jo", "Excluded-Smith", LocalDate.of(1985, 5, 5), "jo.gb@example.com");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("self_excluded");
        assertThat(refused.json().get("detail").asString()).contains("GAMSTOP");

        // registered where no register applies; the brand then answers to Great Britain's rules (and GAMSTOP)
        Account player = register(LATE, "Kim", "Excludedson");
        credit(player, 5_000);
        PLATFORM.brand(TENANT, LATE, "EUR", "GB");
        clock.advance(Duration.ofSeconds(20));
        // the runtime revalidates a tenant's rules in the background once they are due: the change applies a moment later
        rules.forBrand(LATE);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!rules.forBrand(LATE).jurisdictions().contains("GB") && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(10_000_000);
        }
        String token = signIn(player);
        Response bet = bet(LATE, token, "rg:1:1x2", "home", 100, "EUR");

        assertThat(bet.status()).isEqualTo(403);
        assertThat(bet.code()).isEqualTo("self_excluded");
        assertThat(status(player)).isEqualTo("self_excluded");
        assertThat(in(() -> sql().sql("SELECT CAST(payload AS jsonb) ->> 'register' FROM audit_record"
                + " WHERE kind = 'rg.exclusion_taken' AND subject_id = ?").param(player.id().toString()).query(String.class).list()))
                .as("the register's hit is in the audit log").isNotEmpty().containsOnly("GAMSTOP");
        assertThat(withdraw(player, token, 5_000).status()).isEqualTo(202);

        // GAMSTOP binds the brands licensed in Great Britain, not the operator's Maltese brand
        Account inMalta = register(MAIN, "Kim", "Excludedson");
        credit(inMalta, 1_000);
        assertThat(bet(MAIN, signIn(inMalta), "rg:1:1x2", "home", 100, "EUR").status()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- reality checks

    @Test
    void aRealityCheckShowsTheSessionsTimeAndNetResultAndWhenTheNextIsDue() {
        Account player = register(MAIN, "Rhea", "Lity");
        String token = signIn(player);
        credit(player, 10_000);
        Response first = call(MAIN, "GET", "/api/v1/responsible-gambling/reality-check", token, null);
        Instant started = Instant.parse(first.json().get("sessionStartedAt").asString());
        assertThat(bet(MAIN, token, "rg:1:1x2", "home", 500, "EUR").status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(20));

        JsonNode check = call(MAIN, "GET", "/api/v1/responsible-gambling/reality-check", token, null).json();

        assertThat(check.get("minutesPlayed").asLong()).isEqualTo(20);
        assertThat(check.get("netWinLoss").asLong()).isEqualTo(-500);
        assertThat(check.get("intervalMinutes").asInt()).as("Malta's default").isEqualTo(60);
        assertThat(Instant.parse(check.get("nextCheckAt").asString())).isEqualTo(started.plus(Duration.ofMinutes(60)));
        Response chosen = call(MAIN, "PUT", "/api/v1/responsible-gambling/reality-check", token, "{\"intervalMinutes\": 15}");
        assertThat(Instant.parse(chosen.json().get("nextCheckAt").asString())).isEqualTo(started.plus(Duration.ofMinutes(30)));
        assertThat(call(MAIN, "PUT", "/api/v1/responsible-gambling/reality-check", token, "{\"intervalMinutes\": 5}").code())
                .as("below Malta's 15 minutes").isEqualTo("invalid_reality_check");
        JsonNode page = call(MAIN, "GET", "/api/v1/responsible-gambling", token, null).json();
        assertThat(page.get("realityCheckMinutes").asInt()).isEqualTo(15);
        assertThat(page.get("jurisdiction").get("realityCheck").get("minMinutes").asInt()).isEqualTo(15);
        assertThat(page.get("jurisdiction").get("coolingOffHours").asLong()).isEqualTo(24);
    }

    // ---------------------------------------------------------------- jurisdiction rules

    @Test
    void germanyWantsIdentityVerifiedBeforePlayADepositLimitFirstAndCapsMonthlyDeposits() {
        Account player = register(DE, "Dieter", "Einzahl");
        String token = signIn(player);
        credit(player, 10_000);
        assertThat(bet(DE, token, "rg:1:1x2", "home", 100, "EUR").code()).isEqualTo("kyc_required");
        assertThat(deposit(player, token, 1_000).code()).isEqualTo("kyc_required");
        verifyIdentity(player);

        assertThat(deposit(player, token, 1_000).code()).isEqualTo("deposit_limit_required");
        Response limit = call(DE, "PUT", "/api/v1/responsible-gambling/limits/deposit/month", token, "{\"amount\": 500000}");
        assertThat(limit.status()).isEqualTo(200);
        assertThat(deposit(player, token, 1_000).status()).isEqualTo(202);
        credit(player, 95_000);
        Response capped = deposit(player, token, 10_000);
        assertThat(capped.code()).as("Germany caps deposits at 1,000 EUR a month").isEqualTo("deposit_cap_exceeded");
        Response raised = call(DE, "PUT", "/api/v1/responsible-gambling/limits/deposit/month", token, "{\"amount\": 600000}");
        assertThat(Instant.parse(raised.json().get("effectiveAt").asString())).as("Germany's cooling-off is a week")
                .isAfter(clock.instant().plus(Duration.ofHours(167)));
    }

    @Test
    void germanyAllowsOnlyItsMarketsAndDelaysInPlayBetsByItsRule() {
        Account player = register(DE, "Marta", "Markt");
        verifyIdentity(player);
        String token = signIn(player);
        credit(player, 10_000);

        Response corners = bet(DE, token, "rg:1:corners", "over", 100, "EUR");
        Response inPlayTotal = bet(DE, token, "rg:4:total", "over", 100, "EUR");
        Response inPlayResult = bet(DE, token, "rg:4:1x2", "home", 100, "EUR");

        assertThat(corners.code()).isEqualTo("market_not_allowed");
        assertThat(inPlayTotal.code()).as("total goals is not among Germany's in-play markets").isEqualTo("market_not_allowed");
        assertThat(inPlayResult.status()).as("waits its delay").isEqualTo(202);
        Instant placed = Instant.parse(inPlayResult.json().get("placedAt").asString());
        Instant acceptAfter = Instant.parse(inPlayResult.json().get("acceptAfter").asString());
        assertThat(Duration.between(placed, acceptAfter)).as("Germany's 5 s, though the tenant asks none")
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void spainCapsDailyDeposits() {
        Account player = register(ES, "Pilar", "Deposito");
        verifyIdentity(player);
        String token = signIn(player);
        call(ES, "PUT", "/api/v1/responsible-gambling/limits/deposit/day", token, "{\"amount\": 1000000}");
        credit(player, 50_000);

        Response capped = deposit(player, token, 20_000);
        Response within = deposit(player, token, 10_000);

        assertThat(capped.code()).as("Spain caps deposits at 600 EUR a day").isEqualTo("deposit_cap_exceeded");
        assertThat(within.status()).isEqualTo(202);
    }

    @Test
    void swedenUnderTheTenantsStricterRulesRefusesSystemsInPlayAndStakesAboveItsCap() {
        Account player = register(SE, "Sven", "Spel", LocalDate.of(1980, 2, 2), "sven@example.com", "SEK");
        String token = signIn(player);
        credit(player, 100_000);

        Response trixie = call(SE, "POST", "/api/v1/bets", token, TestBetting.slip("trixie", 100, "SEK",
                List.of(selection("rg:1:1x2", "home"), selection("rg:2:1x2", "home"), selection("rg:3:1x2", "home"))));
        Response inPlay = bet(SE, token, "rg:4:1x2", "home", 100, "SEK");
        Response aboveCap = bet(SE, token, "rg:1:1x2", "home", 2_500, "SEK");
        Response withinCap = bet(SE, token, "rg:1:1x2", "home", 2_000, "SEK");

        assertThat(trixie.code()).isEqualTo("bet_type_not_allowed");
        assertThat(inPlay.code()).isEqualTo("in_play_not_allowed");
        assertThat(aboveCap.code()).isEqualTo("stake_above_jurisdiction_cap");
        assertThat(aboveCap.json().get("maxStake").asLong()).isEqualTo(2_000);
        assertThat(withinCap.status()).isEqualTo(201);
    }

    @Test
    void denmarkWantsADepositLimitBeforeTheFirstDeposit() {
        PLATFORM.brand(TENANT, "rg1-dk", "DKK", "DK");
        Account player = register("rg1-dk", "Dagny", "Graense", LocalDate.of(1979, 7, 7), "dagny@example.com", "DKK");
        String token = signIn(player);

        Response first = call("rg1-dk", "POST", "/api/v1/wallet/deposits", token, "{\"amount\": 1000, \"currency\": \"DKK\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        call("rg1-dk", "PUT", "/api/v1/responsible-gambling/limits/deposit/week", token, "{\"amount\": 100000}");
        Response afterALimit = call("rg1-dk", "POST", "/api/v1/wallet/deposits", token,
                "{\"amount\": 1000, \"currency\": \"DKK\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(first.code()).isEqualTo("deposit_limit_required");
        assertThat(afterALimit.status()).isEqualTo(202);
    }

    // ---------------------------------------------------------------- helpers

    private record Account(UUID id, String subject, String brand, String email, String currency) {
    }

    private Account register(String brand, String firstName, String lastName) {
        return register(brand, firstName, lastName, LocalDate.of(1990, 1, 1),
                (firstName + "." + lastName + "." + UUID.randomUUID().toString().substring(0, 6) + "@example.com").toLowerCase());
    }

    private Account register(String brand, String firstName, String lastName, LocalDate born, String email) {
        return register(brand, firstName, lastName, born, email, "EUR");
    }

    private Account register(String brand, String firstName, String lastName, LocalDate born, String email, String currency) {
        Response registered = registration(brand, firstName, lastName, born, email, currency);
        assertThat(registered.status()).as("registration of %s: %s", email, registered.json()).isEqualTo(201);
        Map<String, Object> row = in(() -> sql().sql("SELECT id, identity_user_id FROM player WHERE email = ?")
                .param(email.toLowerCase()).query().singleRow());
        return new Account((UUID) row.get("id"), (String) row.get("identity_user_id"), brand, email, currency);
    }

    private Response registration(String brand, String firstName, String lastName, LocalDate born, String email) {
        return registration(brand, firstName, lastName, born, email, "EUR");
    }

    private Response registration(String brand, String firstName, String lastName, LocalDate born, String email, String currency) {
        return call(brand, "POST", "/api/v1/players", null, JSON.writeValueAsString(Map.of("email", email,
                "password", "Correct-Horse-42", "firstName", firstName, "lastName", lastName, "dateOfBirth", born.toString(),
                "country", "MT", "currency", currency)));
    }

    /** A token of a new sign-in session, as Keycloak issues one at sign-in. */
    private String signIn(Account account) {
        return PLATFORM.token(TENANT, account.subject(), account.email(), UUID.randomUUID().toString(), "player");
    }

    private String status(Account account) {
        return in(() -> sql().sql("SELECT status FROM player WHERE id = ?").param(account.id()).query(String.class).single());
    }

    /** Money credited as a confirmed deposit is. */
    private void credit(Account account, long amount) {
        Currency currency = Currency.getInstance(account.currency());
        TenantContext.runAs(new BoundTenant(new TenantSlug(TENANT), account.brand()), () -> wallet.execute(
                new WalletCommand.Transfer("deposit:" + UUID.randomUUID(), TransactionKind.DEPOSIT, List.of(
                        new Posting(AccountRef.cash(account.id(), account.brand(), currency), amount),
                        new Posting(AccountRef.house(account.brand(), currency, HouseAccountKind.PSP_CLEARING), -amount)),
                        null, null)));
    }

    /** A bet's return credited as settlement pays it. */
    private void payout(Account account, long amount) {
        Currency currency = Currency.getInstance(account.currency());
        TenantContext.runAs(new BoundTenant(new TenantSlug(TENANT), account.brand()), () -> wallet.execute(
                new WalletCommand.Transfer("payout:" + UUID.randomUUID(), TransactionKind.PAYOUT, List.of(
                        new Posting(AccountRef.cash(account.id(), account.brand(), currency), amount),
                        new Posting(AccountRef.house(account.brand(), currency, HouseAccountKind.STAKES_HELD), -amount)),
                        null, null)));
    }

    private void verifyIdentity(Account account) {
        Instant now = clock.instant();
        in(() -> sql().sql("""
                INSERT INTO kyc_case (id, player_id, brand, state, expires_at, opened_at, updated_at)
                VALUES (?, ?, ?, 'verified', ?, ?, ?)""")
                .params(UUID.randomUUID(), account.id(), account.brand(), java.sql.Timestamp.from(now.plus(Duration.ofDays(365))),
                        java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).update());
    }

    private Response deposit(Account account, String token, long amount) {
        return call(account.brand(), "POST", "/api/v1/wallet/deposits", token,
                "{\"amount\": " + amount + ", \"currency\": \"" + account.currency() + "\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** The sandbox PSP's signed webhook about a deposit, as it would deliver it (the tenant stored no secret of its own). */
    private Response pspWebhook(Account account, Response deposit, String type, String failureReason) {
        UUID paymentId = UUID.fromString(deposit.json().get("id").asString());
        String reference = in(() -> sql().sql("SELECT provider_reference FROM payment WHERE id = ?").param(paymentId)
                .query(String.class).single());
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("reference", reference);
        data.put("amount", deposit.json().get("amount").asLong());
        data.put("currency", account.currency());
        data.put("failureReason", failureReason);
        byte[] body = JSON.writeValueAsBytes(Map.of("id", "evt_" + UUID.randomUUID().toString().replace("-", ""),
                "type", type, "created", clock.instant().getEpochSecond(), "data", data));
        String signature = new com.sportsbook.commons.WebhookSignature("dev-only-sandbox-psp-secret-not-for-production",
                "sandbox-webhooks").header(TENANT, body, clock.instant());
        return call(account.brand(), "POST", "/api/v1/payments/webhooks/sandbox", null,
                new String(body, java.nio.charset.StandardCharsets.UTF_8), Map.of("Sandbox-Signature", signature));
    }

    private Response withdraw(Account account, String token, long amount) {
        return call(account.brand(), "POST", "/api/v1/wallet/withdrawals", token,
                "{\"amount\": " + amount + ", \"currency\": \"" + account.currency() + "\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private Response bet(String brand, String token, String marketRef, String key, long stake, String currency) {
        return call(brand, "POST", "/api/v1/bets", token, TestBetting.slip("single", stake, currency,
                List.of(selection(marketRef, key))));
    }

    private Map<String, Object> selection(String marketRef, String key) {
        return in(() -> TestBetting.offered(sql(), marketRef, key)).onSlip();
    }

    private static JsonNode limitOf(Response page, String kind, String period) {
        for (JsonNode limit : page.json().get("limits")) {
            if (limit.get("kind").asString().equals(kind) && limit.get("period").asString().equals(period)) {
                return limit;
            }
        }
        throw new AssertionError("no " + kind + " limit per " + period + " in " + page.json());
    }

    private Response call(String brand, String method, String path, String token, String body) {
        return call(brand, method, path, token, body, Map.of(path.equals("/api/v1/bets") ? "Idempotency-Key" : "X-Test",
                UUID.randomUUID().toString()));
    }

    private Response call(String brand, String method, String path, String token, String body, Map<String, String> headers) {
        return gateway.call(brand, method, path, token, body, headers);
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(BoundTenant.of(TENANT), transactions, work);
    }
}
