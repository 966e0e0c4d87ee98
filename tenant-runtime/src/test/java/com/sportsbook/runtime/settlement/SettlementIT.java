package com.sportsbook.runtime.settlement;

import com.sportsbook.runtime.TestBetting;
import com.sportsbook.runtime.TestBetting.Selection;
import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.QueryPlans;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.betting.core.BetShape;
import com.sportsbook.runtime.betting.core.Betslip;
import com.sportsbook.runtime.betting.core.OddsPolicy;
import com.sportsbook.runtime.betting.placement.BetPlacement;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.settlement.core.Decision;
import com.sportsbook.runtime.settlement.core.Refusal;
import com.sportsbook.runtime.settlement.results.ResultBook;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import com.sportsbook.runtime.settlement.voids.Voids;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.Balance;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.ledger.LedgerChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Settlement on PostgreSQL with the real catalog, placement and ledger: results from the feed and from traders
 * (maker-checker), singles, multiples waiting for their last leg, quarter lines, dead heats, resettlement with a
 * player debt that the next deposit repays, voids by rule (cancelled, postponed past the cut-off, past-post before
 * kick-off and after a late-reported incident) and by hand (reason, four eyes, obvious error only once the outcome is
 * known), bad input refused with its code, and a run killed mid-way that, rerun, pays every bet exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new com.sportsbook.commons.TenantSlug("settle1"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant SOON = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 12);
        registry.add("runtime.settlement.batch-size", () -> "100");
    }

    @Autowired
    BetPlacement placement;

    @Autowired
    BetRecords records;

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    Wallet wallet;

    @Autowired
    LedgerChecks ledgerChecks;

    @Autowired
    ResultBook results;

    @Autowired
    SettlementRuns runs;

    @Autowired
    Voids voids;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private int events;

    @BeforeAll
    void aTenant() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        in(() -> sql().sql("UPDATE bet_delay SET seconds = 0").update());
        // manual results and voids need no second approver unless a test raises the stakes
        in(() -> sql().sql("UPDATE settlement_settings SET result_approval_liability = 1000000000, void_approval_amount = 1000000000").update());
    }

    // ---- helpers

    /** A fresh football event with 1X2, total 2.5 and Asian handicap -0.25 markets; returns its feed reference. */
    private String match() {
        String ref = "s:" + (++events);
        feed("""
                {"type":"event","eventRef":"%1$s","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"scheduled"}
                {"type":"market","eventRef":"%1$s","version":2,"marketRef":"%1$s:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                {"type":"market","eventRef":"%1$s","version":3,"marketRef":"%1$s:total","marketType":"total","line":"2.5","status":"open","prices":{"over":"1.90","under":"1.95"}}
                {"type":"market","eventRef":"%1$s","version":4,"marketRef":"%1$s:ah","marketType":"asian_handicap","line":"-0.25","status":"open","prices":{"home":"1.95","away":"1.90"}}
                """.formatted(ref, SOON));
        return ref;
    }

    private void feed(String lines) {
        ingestion.ingest(JsonLinesFeed.read(lines).messages(), List.of(TENANT));
    }

    /** The feed plays the match to the final whistle but sends no result (a trader will). */
    private void finish(String ref) {
        feed("""
                {"type":"event","eventRef":"%1$s","version":10,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"%1$s","version":11,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"finished","score":{"home":0,"away":0}}
                """.formatted(ref, SOON));
    }

    /** The feed plays the match and results it. */
    private void feedResult(String ref, int home, int away) {
        feed("""
                {"type":"event","eventRef":"%1$s","version":10,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"%1$s","version":11,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"finished","score":{"home":%3$d,"away":%4$d}}
                {"type":"result","eventRef":"%1$s","version":12,"homeGoals":%3$d,"awayGoals":%4$d,"halfTimeHomeGoals":0,"halfTimeAwayGoals":0}
                """.formatted(ref, SOON, home, away));
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }

    private Selection selection(String marketRef, String key) {
        return in(() -> TestBetting.offered(sql(), marketRef, key));
    }

    private UUID eventId(String ref) {
        return in(() -> sql().sql("SELECT id FROM sport_event WHERE feed_ref = ?").param(ref).query(UUID.class).single());
    }

    private UUID marketId(String ref) {
        return in(() -> sql().sql("SELECT id FROM market WHERE feed_ref = ?").param(ref).query(UUID.class).single());
    }

    private PlayerView player(long deposit) {
        UUID id = UUID.randomUUID();
        if (deposit > 0) {
            deposit(id, deposit);
        }
        return TestBetting.punter(id);
    }

    private void deposit(UUID player, long amount) {
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("deposit:" + UUID.randomUUID(),
                TransactionKind.DEPOSIT, List.of(new Posting(AccountRef.cash(player, "main", EUR), amount),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -amount)), null, null)));
    }

    private Balance cash(PlayerView player) {
        return TenantContext.callAs(TENANT, () -> wallet.balance(new AccountRef.Player(player.id(), "main", EUR, AccountKind.CASH)));
    }

    private BetView single(PlayerView player, Selection selection, long stake) {
        return place(player, new Betslip(BetShape.SINGLE, stake, "EUR", List.of(new Betslip.Leg(selection.id(), selection.price())),
                OddsPolicy.ANY));
    }

    private BetView place(PlayerView player, Betslip slip) {
        return TenantContext.callAs(TENANT, () -> placement.place(player, slip, UUID.randomUUID().toString())).bet();
    }

    private BetView bet(UUID id) {
        return in(() -> records.find(id).orElseThrow());
    }

    private SettlementRuns.Run settle(String ref) {
        return TenantContext.callAs(TENANT, () -> runs.settleEvent(eventId(ref), "test"));
    }

    private static long times(long stake, BigDecimal odds) {
        return BigDecimal.valueOf(stake).multiply(odds).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private void assertLedgerHolds() {
        LedgerChecks.Result check = TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand"));
        assertThat(check.findings()).isEmpty();
        assertThat(check.passed()).isTrue();
    }

    private long payoutTransactions(UUID bet) {
        return in(() -> sql().sql("SELECT count(*) FROM wallet_transaction WHERE reference = ? AND kind IN ('payout', 'settlement')")
                .param(bet.toString()).query(Long.class).single());
    }

    private ResultBook.ManualResult score(int home, int away) {
        return new ResultBook.ManualResult(home, away, 0, 0, null, null, null, false, null);
    }

    private static <T> T done(Decision<T> decision) {
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Done.class);
        return ((Decision.Done<T>) decision).value();
    }

    private static Refusal refusal(Decision<?> decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused<?>) decision).refusal();
    }

    // ---- behaviours

    @Test
    void theFeedsResultSettlesWinnersAndLosersOnceAndReleasesTheirExposure() {
        String match = match();
        PlayerView winner = player(10_000);
        PlayerView loser = player(10_000);
        Selection home = selection(match + ":1x2", "home");
        BetView won = single(winner, home, 1_000);
        BetView lost = single(loser, selection(match + ":1x2", "away"), 1_000);

        feedResult(match, 2, 1);
        SettlementRuns.Run run = settle(match);
        SettlementRuns.Run again = settle(match);

        assertThat(bet(won.id()).status()).isEqualTo("won");
        assertThat(bet(won.id()).settledReturn()).isEqualTo(times(1_000, home.price()));
        assertThat(bet(won.id()).legs().getFirst().outcome()).isEqualTo("win");
        assertThat(cash(winner).balance()).isEqualTo(9_000 + times(1_000, home.price()));
        assertThat(bet(lost.id()).status()).isEqualTo("lost");
        assertThat(bet(lost.id()).settledReturn()).isZero();
        assertThat(cash(loser).balance()).isEqualTo(9_000);
        assertThat(run.status()).isEqualTo("finished");
        assertThat(again.betsSettled()).isZero();
        assertThat(payoutTransactions(won.id())).isEqualTo(1);
        assertThat(payoutTransactions(lost.id())).isEqualTo(1);
        long exposure = in(() -> sql().sql("""
                SELECT coalesce(sum(abs(stakes)) + sum(abs(payouts)), 0) FROM selection_exposure WHERE market_id = ?""")
                .param(marketId(match + ":1x2")).query(Long.class).single());
        assertThat(exposure).isZero();
        assertThat(bet(won.id()).transitions()).extracting(BetView.Transition::to).containsExactly("accepted", "open", "won");
        assertLedgerHolds();
    }

    @Test
    void aMultipleWaitsForItsLastLegThenPaysTheProductOfItsOdds() {
        String first = match();
        String second = match();
        PlayerView player = player(10_000);
        Selection a = selection(first + ":1x2", "home");
        Selection b = selection(second + ":total", "over");
        BetView bet = place(player, new Betslip(BetShape.MULTIPLE, 1_000, "EUR",
                List.of(new Betslip.Leg(a.id(), a.price()), new Betslip.Leg(b.id(), b.price())), OddsPolicy.ANY));

        feedResult(first, 1, 0);
        SettlementRuns.Run waiting = settle(first);
        assertThat(waiting.betsWaiting()).isEqualTo(1);
        assertThat(bet(bet.id()).status()).isIn("accepted", "open");

        feedResult(second, 2, 2);
        settle(second);

        assertThat(bet(bet.id()).status()).isEqualTo("won");
        assertThat(bet(bet.id()).settledReturn()).isEqualTo(times(1_000, a.price().multiply(b.price())));
        assertThat(cash(player).balance()).isEqualTo(9_000 + times(1_000, a.price().multiply(b.price())));
        assertLedgerHolds();
    }

    @Test
    void aQuarterLineHalfWinsAndAnOverOnTwoGoalsLoses() {
        String match = match();
        PlayerView player = player(10_000);
        Selection handicap = selection(match + ":ah", "home");
        BetView ah = single(player, handicap, 1_000);
        BetView over = single(player, selection(match + ":total", "over"), 1_000);

        finish(match);
        in(() -> done(results.enter(eventId(match), score(1, 1), "trader.tom")));
        settle(match);

        // home -0.25 on a draw: half the stake pushes (line 0), half loses (line -0.5)
        assertThat(bet(ah.id()).status()).isEqualTo("half_lost");
        assertThat(bet(ah.id()).settledReturn()).isEqualTo(500);
        assertThat(bet(over.id()).status()).isEqualTo("lost");
        assertThat(cash(player).balance()).isEqualTo(8_000 + 500);
        assertLedgerHolds();
    }

    @Test
    void aCorrectionResettlesWithAReversalAndTheMoneyAlreadySpentBecomesADebtTheNextDepositRepays() {
        String match = match();
        PlayerView player = player(1_000);
        Selection home = selection(match + ":1x2", "home");
        BetView bet = single(player, home, 1_000);
        long payout = times(1_000, home.price());
        finish(match);
        in(() -> done(results.enter(eventId(match), score(2, 1), "trader.tom")));
        settle(match);
        assertThat(cash(player).balance()).isEqualTo(payout);
        // the player withdraws most of the winnings (moved to another account here)
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("spend:" + player.id(), TransactionKind.TRANSFER,
                List.of(new Posting(AccountRef.cash(player.id(), "main", EUR), -(payout - 300)),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), payout - 300)), null, null)));

        Refusal conflict = refusal(in(() -> results.enter(eventId(match), score(1, 1), "trader.tom")));
        Refusal noReason = refusal(in(() -> results.enter(eventId(match),
                new ResultBook.ManualResult(1, 1, 0, 0, null, null, null, true, " "), "trader.tom")));
        ResultBook.Entry corrected = done(in(() -> results.enter(eventId(match),
                new ResultBook.ManualResult(1, 1, 0, 0, null, null, null, true, "late equaliser missed by the feed"), "trader.tom")));
        SettlementRuns.Run run = settle(match);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("result_conflict");
        assertThat(noReason.code()).isEqualTo("reason_required");
        assertThat(corrected.result().version()).isEqualTo(2);
        assertThat(run.betsResettled()).isEqualTo(1);
        BetView resettled = bet(bet.id());
        assertThat(resettled.status()).isEqualTo("resettled");
        assertThat(resettled.settledReturn()).isZero();
        assertThat(resettled.legs().getFirst().outcome()).isEqualTo("lose");
        List<String> versions = in(() -> sql().sql("SELECT status || ':' || payout FROM bet_settlement WHERE bet_id = ? ORDER BY version")
                .param(bet.id()).query(String.class).list());
        assertThat(versions).containsExactly("won:" + payout, "lost:0");
        long reversals = in(() -> sql().sql("""
                SELECT count(*) FROM wallet_transaction t JOIN bet_settlement s ON s.transaction_id = t.reverses
                WHERE s.bet_id = ? AND s.version = 1 AND t.kind = 'reversal'""").param(bet.id()).query(Long.class).single());
        assertThat(reversals).isEqualTo(1);
        assertThat(cash(player).balance()).isZero();
        assertThat(cash(player).debt()).isEqualTo(payout - 300);
        assertLedgerHolds();

        deposit(player.id(), 5_000);

        assertThat(cash(player).debt()).isZero();
        assertThat(cash(player).balance()).isEqualTo(5_000 - (payout - 300));
        assertLedgerHolds();
    }

    @Test
    void aManualResultAboveTheApprovalLiabilityWaitsForASecondTraderBeforeAnyBetSettles() {
        String match = match();
        PlayerView player = player(10_000);
        BetView bet = single(player, selection(match + ":1x2", "draw"), 1_000);
        finish(match);
        in(() -> sql().sql("UPDATE settlement_settings SET result_approval_liability = 100").update());
        try {
            ResultBook.Entry entered = done(in(() -> results.enter(eventId(match), score(0, 0), "trader.tom")));
            settle(match);
            assertThat(entered.result().status()).isEqualTo("pending_approval");
            assertThat(bet(bet.id()).status()).isIn("accepted", "open");

            Refusal sameTrader = refusal(in(() -> results.approve(entered.result().id(), "trader.tom")));
            Refusal another = refusal(in(() -> results.enter(eventId(match), score(1, 0), "trader.tina")));
            ResultBook.EventResult approved = done(in(() -> results.approve(entered.result().id(), "trader.tina")));
            settle(match);

            assertThat(sameTrader.code()).isEqualTo("four_eyes");
            assertThat(sameTrader.status()).isEqualTo(403);
            assertThat(another.code()).isEqualTo("result_awaiting_approval");
            assertThat(approved.status()).isEqualTo("confirmed");
            assertThat(approved.decidedBy()).isEqualTo("trader.tina");
            assertThat(bet(bet.id()).status()).isEqualTo("won");
        } finally {
            in(() -> sql().sql("UPDATE settlement_settings SET result_approval_liability = 1000000000").update());
        }
    }

    @Test
    void impossibleResultsUnknownMarketsAndUnknownEventsAreRefusedWithTheirCodes() {
        String match = match();
        UUID event = eventId(match);

        Refusal negative = refusal(in(() -> results.enter(event, score(-1, 0), "trader.tom")));
        Refusal halfTime = refusal(in(() -> results.enter(event,
                new ResultBook.ManualResult(1, 0, 2, 0, null, null, null, false, null), "trader.tom")));
        Refusal scorers = refusal(in(() -> results.enter(event,
                new ResultBook.ManualResult(1, 0, 0, 0, null, null, List.of("Saka", "Odegaard"), false, null), "trader.tom")));
        Refusal missing = refusal(in(() -> results.enter(event,
                new ResultBook.ManualResult(null, 0, null, null, null, null, null, false, null), "trader.tom")));
        Refusal unknownEvent = refusal(in(() -> results.enter(UUID.randomUUID(), score(1, 0), "trader.tom")));
        Refusal unknownMarket = refusal(in(() -> results.enterMarket(UUID.randomUUID(),
                new ResultBook.ManualMarketResult(List.of("home"), 1, false, null), "trader.tom")));
        Refusal notASelection = refusal(in(() -> results.enterMarket(marketId(match + ":1x2"),
                new ResultBook.ManualMarketResult(List.of("nobody"), 1, false, null), "trader.tom")));

        assertThat(List.of(negative, halfTime, scorers, missing)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("impossible_result");
        });
        assertThat(halfTime.detail()).contains("half-time");
        assertThat(unknownEvent.status()).isEqualTo(404);
        assertThat(unknownEvent.code()).isEqualTo("unknown_event");
        assertThat(unknownMarket.status()).isEqualTo(404);
        assertThat(unknownMarket.code()).isEqualTo("unknown_market");
        assertThat(notASelection.status()).isEqualTo(422);
        assertThat(in(() -> results.history(event))).isEmpty();
    }

    @Test
    void anOutrightDeadHeatPaysThePriceTimesPlacesOverTied() {
        String ref = "s:outright:" + (++events);
        feed("""
                {"type":"event","eventRef":"%1$s","version":1,"sport":"football","category":"England","competition":"Premier League","name":"Top scorer %1$s","startsAt":"%2$s","status":"scheduled"}
                {"type":"market","eventRef":"%1$s","version":2,"marketRef":"%1$s:winner","marketType":"outright","status":"open","prices":{"haaland":"3.00","salah":"5.00","isak":"9.00"}}
                """.formatted(ref, SOON));
        PlayerView player = player(10_000);
        Selection salah = selection(ref + ":winner", "salah");
        BetView bet = single(player, salah, 1_000);

        done(in(() -> results.enterMarket(marketId(ref + ":winner"),
                new ResultBook.ManualMarketResult(List.of("salah", "haaland"), 1, false, null), "trader.tom")));
        settle(ref);

        assertThat(bet(bet.id()).legs().getFirst().outcome()).isEqualTo("dead_heat");
        assertThat(bet(bet.id()).settledReturn()).isEqualTo(times(1_000, salah.price().divide(BigDecimal.TWO)));
        assertLedgerHolds();
    }

    @Test
    void aCancelledEventAndOnePostponedBeyondTheCutOffVoidTheirBetsStakeBack() {
        String cancelled = match();
        String postponed = match();
        PlayerView player = player(10_000);
        BetView onCancelled = single(player, selection(cancelled + ":1x2", "home"), 1_000);
        BetView onPostponed = single(player, selection(postponed + ":1x2", "away"), 2_000);
        in(() -> sql().sql("UPDATE settlement_cutoff SET postponed_hours = 0 WHERE sport_key = 'football'").update());
        try {
            feed("""
                    {"type":"event","eventRef":"%1$s","version":20,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%3$s","status":"cancelled"}
                    {"type":"event","eventRef":"%2$s","version":20,"sport":"football","category":"England","competition":"Premier League","home":"Home %2$s","away":"Away %2$s","startsAt":"%3$s","status":"postponed"}
                    """.formatted(cancelled, postponed, SOON));
            settle(cancelled);
            settle(postponed);
        } finally {
            in(() -> sql().sql("UPDATE settlement_cutoff SET postponed_hours = 48 WHERE sport_key = 'football'").update());
        }

        assertThat(bet(onCancelled.id()).status()).isEqualTo("void");
        assertThat(bet(onCancelled.id()).legs().getFirst().voidReason()).isEqualTo("event_cancelled");
        assertThat(bet(onPostponed.id()).status()).isEqualTo("void");
        assertThat(bet(onPostponed.id()).legs().getFirst().voidReason()).isEqualTo("event_postponed");
        assertThat(cash(player).balance()).isEqualTo(10_000);
        assertLedgerHolds();
    }

    @Test
    void aBetAcceptedAfterTheRealKickOffOrAfterALateReportedGoalIsVoidedAsPastPostAndReported() {
        String early = match();
        String goal = match();
        PlayerView player = player(10_000);
        BetView beforeKnownKickOff = single(player, selection(early + ":1x2", "home"), 1_000);
        Instant acceptedAt = bet(beforeKnownKickOff.id()).decidedAt();
        // the feed now says the match kicked off a minute before the bet was taken
        feed("""
                {"type":"event","eventRef":"%1$s","version":10,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"%1$s","version":11,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"finished","score":{"home":1,"away":0}}
                {"type":"result","eventRef":"%1$s","version":12,"homeGoals":1,"awayGoals":0}
                """.formatted(early, acceptedAt.minusSeconds(60)));
        // in play: a bet taken after a goal the feed reports only afterwards, with its true time
        feed("""
                {"type":"event","eventRef":"%1$s","version":10,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                """.formatted(goal, Instant.now().minusSeconds(600)));
        Instant goalAt = Instant.now();
        BetView afterGoal = single(player, selection(goal + ":1x2", "home"), 1_000);
        feed("""
                {"type":"incident","eventRef":"%1$s","version":11,"kind":"goal","occurredAt":"%2$s"}
                {"type":"event","eventRef":"%1$s","version":12,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%3$s","status":"finished","score":{"home":1,"away":0}}
                {"type":"result","eventRef":"%1$s","version":13,"homeGoals":1,"awayGoals":0}
                """.formatted(goal, goalAt, Instant.now().minusSeconds(600)));

        settle(early);
        settle(goal);

        assertThat(bet(beforeKnownKickOff.id()).status()).isEqualTo("void");
        assertThat(bet(beforeKnownKickOff.id()).legs().getFirst().voidReason()).isEqualTo("past_post");
        assertThat(bet(afterGoal.id()).status()).isEqualTo("void");
        assertThat(bet(afterGoal.id()).legs().getFirst().voidReason()).isEqualTo("past_post");
        assertThat(cash(player).balance()).isEqualTo(10_000);
        List<Voids.Reported> report = in(() -> voids.report("past_post", Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), 100));
        assertThat(report).extracting(Voids.Reported::betId).contains(beforeKnownKickOff.id(), afterGoal.id());
        assertThat(report).allSatisfy(row -> assertThat(row.source()).isEqualTo("rule"));
        assertLedgerHolds();
    }

    @Test
    void aManualVoidNeedsAReasonFourEyesAboveTheAmountAndOnceTheOutcomeIsKnownTheObviousErrorPath() {
        String match = match();
        PlayerView player = player(10_000);
        BetView running = single(player, selection(match + ":1x2", "home"), 1_000);
        BetView big = single(player, selection(match + ":1x2", "draw"), 2_000);
        BetView settled = single(player, selection(match + ":1x2", "away"), 1_000);

        Refusal noReason = refusal(in(() -> voids.request(running.id(), new Voids.VoidRequest(null, "x", false), "trader.tom")));
        Refusal noDetail = refusal(in(() -> voids.request(running.id(), new Voids.VoidRequest("late_bet", " ", false), "trader.tom")));
        Voids.BetVoid applied = done(in(() -> voids.request(running.id(),
                new Voids.VoidRequest("technical_fault", "price published in error", false), "trader.tom")));
        assertThat(noReason.code()).isEqualTo("reason_required");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noDetail.code()).isEqualTo("detail_required");
        assertThat(applied.status()).isEqualTo("applied");
        assertThat(bet(running.id()).status()).isEqualTo("void");
        assertThat(bet(running.id()).legs().getFirst().voidReason()).isEqualTo("manual_void");

        in(() -> sql().sql("UPDATE settlement_settings SET void_approval_amount = 5000").update());
        try {
            Voids.BetVoid waiting = done(in(() -> voids.request(big.id(),
                    new Voids.VoidRequest("integrity", "suspicious pattern", false), "trader.tom")));
            assertThat(waiting.status()).isEqualTo("pending_approval");
            assertThat(bet(big.id()).status()).isIn("accepted", "open");
            assertThat(refusal(in(() -> voids.approve(waiting.id(), "trader.tom"))).code()).isEqualTo("four_eyes");
            done(in(() -> voids.approve(waiting.id(), "risk.rita")));
            assertThat(bet(big.id()).status()).isEqualTo("void");
        } finally {
            in(() -> sql().sql("UPDATE settlement_settings SET void_approval_amount = 1000000000").update());
        }

        finish(match);
        in(() -> done(results.enter(eventId(match), score(0, 2), "trader.tom")));
        settle(match);
        assertThat(bet(settled.id()).status()).isEqualTo("won");
        Refusal known = refusal(in(() -> voids.request(settled.id(), new Voids.VoidRequest("late_bet", "too late", false), "trader.tom")));
        Voids.BetVoid obvious = done(in(() -> voids.request(settled.id(),
                new Voids.VoidRequest("obvious_error", "away price was 36.0 not 3.60", true), "trader.tom")));

        assertThat(known.code()).isEqualTo("outcome_known");
        assertThat(obvious.obviousError()).isTrue();
        assertThat(bet(settled.id()).status()).isEqualTo("resettled");
        assertThat(bet(settled.id()).settledReturn()).isEqualTo(1_000);
        assertThat(cash(player).balance()).isEqualTo(10_000);
        List<Voids.Reported> manual = in(() -> voids.report(null, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), 100));
        assertThat(manual).filteredOn(row -> row.betId().equals(settled.id())).singleElement()
                .satisfies(row -> {
                    assertThat(row.obviousError()).isTrue();
                    assertThat(row.actor()).isEqualTo("trader.tom");
                });
        assertLedgerHolds();
    }

    @Test
    void theMinutelySweepFindsARunThatStoppedMidWayAndLeavesOneStillWorking() {
        // the sweep is the safety net for runs that died (a restart) and events postponed past the cut-off: it must
        // run at all (it failed on every call while the times were computed in SQL from an untyped parameter)
        UUID stalled = UUID.randomUUID();
        UUID working = UUID.randomUUID();
        in(() -> sql().sql("""
                INSERT INTO settlement_run (id, event_id, trigger, status, started_at, updated_at)
                VALUES (gen_random_uuid(), ?, 'test', 'running', now() - interval '10 minutes', now() - interval '5 minutes'),
                       (gen_random_uuid(), ?, 'test', 'running', now() - interval '10 minutes', now() - interval '10 seconds')""")
                .params(stalled, working).update());

        List<UUID> due = in(runs::due);

        assertThat(due).contains(stalled).doesNotContain(working);
        in(() -> sql().sql("DELETE FROM settlement_run WHERE event_id IN (?, ?)").params(stalled, working).update());
    }

    @Test
    void theSweepFindsEventsWhoseNewsNoRunHasFollowedWhileBetsRunOnThemWithoutWalkingTheOpenBets() {
        String resulted = match();
        String marketResulted = match();
        String otherMarketResulted = match();
        String cancelled = match();
        String withoutBets = match();
        String followed = match();
        String busy = match();
        PlayerView player = player(1_000_000);
        for (String match : List.of(resulted, marketResulted, cancelled, followed)) {
            single(player, selection(match + ":1x2", "home"), 100);
        }
        single(player, selection(otherMarketResulted + ":total", "over"), 100);
        for (int i = 0; i < 300; i++) { // open bets on an event nothing has happened to: a walk of open bets reads them
            single(player, selection(busy + ":1x2", List.of("home", "draw", "away").get(i % 3)), 100);
        }
        // the news written as the books write it, without the events that start a run at once
        in(() -> {
            for (String match : List.of(resulted, withoutBets, followed)) {
                sql().sql("""
                        INSERT INTO event_result (id, event_id, version, source, status, home, away, entered_by, entered_at,
                                                  decided_by, decided_at)
                        VALUES (gen_random_uuid(), ?, 1, 'manual', 'confirmed', 1, 0, 'trader', now() - interval '10 minutes',
                                'trader', now() - interval '10 minutes')""").param(eventId(match)).update();
            }
            for (String match : List.of(marketResulted, otherMarketResulted)) {
                sql().sql("""
                        INSERT INTO market_result (id, market_id, event_id, version, status, winners, places, entered_by,
                                                   entered_at, decided_by, decided_at)
                        VALUES (gen_random_uuid(), ?, ?, 1, 'confirmed', ARRAY['home'], 1, 'trader', now(), 'trader', now())""")
                        .params(marketId(match + ":1x2"), eventId(match)).update();
            }
            sql().sql("""
                    INSERT INTO settlement_run (id, event_id, trigger, status, started_at, updated_at, finished_at)
                    VALUES (gen_random_uuid(), ?, 'test', 'finished', now() - interval '5 minutes', now() - interval '5 minutes',
                            now() - interval '5 minutes')""").param(eventId(followed)).update();
            return sql().sql("UPDATE sport_event SET status = 'cancelled', updated_at = now() WHERE id = ?")
                    .param(eventId(cancelled)).update();
        });

        // statistics as autovacuum would have them by now: on tables this small they make a hash join over every bet
        // the cheaper plan for a question asked as a join
        in(() -> sql().sql("ANALYZE bet, bet_leg").update());
        List<UUID> due = in(runs::due);
        long betRowsRead = in(() -> QueryPlans.rowsRead(sql(), "bet", SettlementRuns.DUE,
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), Timestamp.from(Instant.now().minus(Duration.ofMinutes(2)))));

        assertThat(due).contains(eventId(resulted), eventId(marketResulted), eventId(cancelled))
                .as("a market result with bets on other markets only, a result without bets, a result a run followed")
                .doesNotContain(eventId(otherMarketResulted), eventId(withoutBets), eventId(followed), eventId(busy));
        assertThat(betRowsRead).as("bets read to find them, with over 300 open").isLessThan(30);
    }

    @Test
    void aRunKilledMidWayAndRunAgainPaysEveryBetExactlyOnce() throws Exception {
        String match = match();
        Selection home = selection(match + ":1x2", "home");
        Selection away = selection(match + ":1x2", "away");
        List<PlayerView> players = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            players.add(player(1_000_000));
        }
        int perPlayer = 60;
        ExecutorService placing = Executors.newFixedThreadPool(4);
        List<Future<?>> placed = new ArrayList<>();
        for (int p = 0; p < players.size(); p++) {
            PlayerView player = players.get(p);
            Selection selection = p % 2 == 0 ? home : away;
            placed.add(placing.submit(() -> {
                for (int i = 0; i < perPlayer; i++) {
                    single(player, selection, 100 + i);
                }
            }));
        }
        for (Future<?> future : placed) {
            future.get();
        }
        placing.shutdown();
        int total = players.size() * perPlayer;
        finish(match);
        in(() -> done(results.enter(eventId(match), score(3, 1), "trader.tom")));

        // the result's confirmation started a run on the settlement worker: kill its database session mid-way
        long settledWhenKilled = killTheRunMidWay(eventId(match), total);
        assertThat(settledWhenKilled).isBetween(1L, total - 1L);

        SettlementRuns.Run resumed = settle(match);

        assertThat(resumed.status()).isEqualTo("finished");
        long settlements = in(() -> sql().sql("""
                SELECT count(*) FROM bet_settlement s JOIN bet_leg l ON l.bet_id = s.bet_id WHERE l.event_id = ?""")
                .param(eventId(match)).query(Long.class).single());
        long distinctBets = in(() -> sql().sql("""
                SELECT count(DISTINCT s.bet_id) FROM bet_settlement s JOIN bet_leg l ON l.bet_id = s.bet_id WHERE l.event_id = ?""")
                .param(eventId(match)).query(Long.class).single());
        long payouts = in(() -> sql().sql("""
                SELECT count(*) FROM wallet_transaction t JOIN bet_leg l ON t.reference = l.bet_id::text
                WHERE l.event_id = ? AND t.kind IN ('payout', 'settlement')""").param(eventId(match)).query(Long.class).single());
        assertThat(settlements).isEqualTo(total);
        assertThat(distinctBets).isEqualTo(total);
        assertThat(payouts).isEqualTo(total);
        long stakes = 0;
        for (int i = 0; i < perPlayer; i++) {
            stakes += 100 + i;
        }
        for (int p = 0; p < players.size(); p++) {
            long expected = p % 2 == 0 ? 1_000_000 - stakes + winnings(home.price(), perPlayer) : 1_000_000 - stakes;
            assertThat(cash(players.get(p)).balance()).as("player %d", p).isEqualTo(expected);
        }
        assertLedgerHolds();
    }

    private static long winnings(BigDecimal price, int bets) {
        long total = 0;
        for (int i = 0; i < bets; i++) {
            total += times(100 + i, price);
        }
        return total;
    }

    /** Waits until some bets of the event are settled, then terminates every other session working on the database. */
    private long killTheRunMidWay(UUID event, int total) throws InterruptedException {
        long settled = 0;
        for (int i = 0; i < 2_000 && settled < 150; i++) {
            settled = in(() -> sql().sql("SELECT count(*) FROM bet_settlement s JOIN bet_leg l ON l.bet_id = s.bet_id WHERE l.event_id = ?")
                    .param(event).query(Long.class).single());
            Thread.sleep(5);
        }
        sql().sql("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'""").query().listOfRows();
        Thread.sleep(300);
        return in(() -> sql().sql("SELECT count(*) FROM bet_settlement s JOIN bet_leg l ON l.bet_id = s.bet_id WHERE l.event_id = ?")
                .param(event).query(Long.class).single());
    }
}
