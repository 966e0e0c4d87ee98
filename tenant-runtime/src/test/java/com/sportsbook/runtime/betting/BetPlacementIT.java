package com.sportsbook.runtime.betting;

import com.sportsbook.runtime.TestBetting;
import com.sportsbook.runtime.TestBetting.Selection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.sql.CountingSocketFactory;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.betting.core.BetRejection;
import com.sportsbook.runtime.betting.core.BetShape;
import com.sportsbook.runtime.betting.core.Betslip;
import com.sportsbook.runtime.betting.core.OddsPolicy;
import com.sportsbook.runtime.betting.placement.BetPlacement;
import com.sportsbook.runtime.betting.placement.BetRefused;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.ledger.LedgerChecks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * Placement on PostgreSQL with the real catalog and wallet: a bet is accepted with its stake taken and a snapshot of
 * its legs, a replayed key returns it, every bad betslip is refused with its code and moves no money, the odds-change
 * policy decides moved prices, in-play bets wait their delay and are re-validated, and 100 concurrent bets draining
 * one balance never overdraw it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BetPlacementIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new com.sportsbook.commons.TenantSlug("bets1"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant SOON = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private static final Instant GONE = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standaloneCountingRoundTrips(registry, DATABASE, 12);
    }

    @Autowired
    BetPlacement placement;

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    Wallet wallet;

    @Autowired
    LedgerChecks ledgerChecks;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void aTenantWithEvents() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        in(() -> sql().sql("UPDATE bet_delay SET seconds = 1").update());
        feed("""
                {"type":"event","eventRef":"b:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:1","version":2,"marketRef":"b:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                {"type":"market","eventRef":"b:1","version":3,"marketRef":"b:1:total","marketType":"total","line":"2.5","status":"open","prices":{"over":"1.90","under":"1.95"}}
                {"type":"event","eventRef":"b:2","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Spurs","away":"Everton","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:2","version":2,"marketRef":"b:2:1x2","marketType":"1x2","status":"open","prices":{"home":"1.80","draw":"3.80","away":"4.50"}}
                {"type":"event","eventRef":"b:3","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Leeds","away":"Fulham","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:3","version":2,"marketRef":"b:3:1x2","marketType":"1x2","status":"open","prices":{"home":"2.50","draw":"3.20","away":"2.90"}}
                {"type":"event","eventRef":"b:4","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Wolves","away":"Brentford","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:4","version":2,"marketRef":"b:4:1x2","marketType":"1x2","status":"open","prices":{"home":"2.20","draw":"3.30","away":"3.30"}}
                {"type":"market","eventRef":"b:4","version":3,"marketRef":"b:4:1x2","marketType":"1x2","status":"suspended"}
                {"type":"event","eventRef":"b:5","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Forest","away":"Villa","startsAt":"%2$s","status":"scheduled"}
                {"type":"market","eventRef":"b:5","version":2,"marketRef":"b:5:1x2","marketType":"1x2","status":"open","prices":{"home":"3.00","draw":"3.30","away":"2.40"}}
                {"type":"event","eventRef":"b:7","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Bournemouth","away":"Brighton","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:7","version":2,"marketRef":"b:7:1x2","marketType":"1x2","status":"open","prices":{"home":"2.40","draw":"3.40","away":"2.80"}}
                {"type":"event","eventRef":"b:8","version":1,"sport":"football","category":"England","competition":"Championship","home":"Derby","away":"Stoke","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:8","version":2,"marketRef":"b:8:1x2","marketType":"1x2","status":"open","prices":{"home":"2.40","draw":"3.40","away":"2.80"}}
                {"type":"event","eventRef":"b:9","version":1,"sport":"tennis","category":"ATP","competition":"Vienna","home":"Zverev","away":"Rublev","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:9","version":2,"marketRef":"b:9:mw","marketType":"match_winner","status":"open","prices":{"home":"1.60","away":"2.30"}}
                {"type":"event","eventRef":"b:10","version":1,"sport":"football","category":"Scotland","competition":"Premiership","home":"Celtic","away":"Rangers","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:10","version":2,"marketRef":"b:10:1x2","marketType":"1x2","status":"open","prices":{"home":"1.90","draw":"3.60","away":"3.90"}}
                {"type":"event","eventRef":"b:11","version":1,"sport":"football","category":"England","competition":"Championship","home":"Hull","away":"Millwall","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"b:11","version":2,"marketRef":"b:11:1x2","marketType":"1x2","status":"open","prices":{"home":"2.40","draw":"3.40","away":"2.80"}}
                {"type":"event","eventRef":"b:6","version":1,"sport":"football","category":"Spain","competition":"La Liga","home":"Betis","away":"Getafe","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                {"type":"market","eventRef":"b:6","version":2,"marketRef":"b:6:1x2","marketType":"1x2","status":"open","prices":{"home":"2.00","draw":"3.20","away":"4.20"}}
                """.formatted(SOON, GONE));
    }

    private void feed(String lines) {
        ingestion.ingest(JsonLinesFeed.read(lines).messages(), List.of(TENANT));
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

    private PlayerView player(long deposit) {
        UUID id = UUID.randomUUID();
        if (deposit > 0) {
            TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("deposit:" + id, TransactionKind.DEPOSIT,
                    List.of(new Posting(AccountRef.cash(id, "main", EUR), deposit),
                            new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -deposit)), null, null)));
        }
        return TestBetting.punter(id);
    }

    private long available(PlayerView player) {
        return TenantContext.callAs(TENANT, () -> wallet.balance(new AccountRef.Player(player.id(), "main", EUR, AccountKind.CASH)).available());
    }

    private static Betslip single(Selection selection, long stake) {
        return new Betslip(BetShape.SINGLE, stake, "EUR", List.of(new Betslip.Leg(selection.id(), selection.price())), OddsPolicy.NONE);
    }

    private BetPlacement.Placed place(PlayerView player, Betslip slip, String key) {
        return TenantContext.callAs(TENANT, () -> placement.place(player, slip, key));
    }

    private BetRejection refusal(PlayerView player, Betslip slip) {
        try {
            place(player, slip, UUID.randomUUID().toString());
        } catch (BetRefused refused) {
            return refused.reason();
        }
        throw new AssertionError("the bet was accepted");
    }

    @Test
    void aSingleIsAcceptedWithItsStakeTakenAndASnapshotOfItsLeg() {
        PlayerView player = player(10_000);
        Selection arsenal = selection("b:1:1x2", "home");

        BetView bet = place(player, single(arsenal, 500), "first").bet();

        assertThat(bet.status()).isEqualTo("accepted");
        assertThat(bet.totalStake()).isEqualTo(500);
        assertThat(bet.potentialReturn()).isEqualTo(arsenal.price().multiply(BigDecimal.valueOf(500)).longValue());
        assertThat(bet.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.selection()).isEqualTo("Arsenal");
            assertThat(leg.selectionKey()).isEqualTo("home");
            assertThat(leg.price()).isEqualByComparingTo(arsenal.price());
            assertThat(leg.marketVersion()).isPositive();
            assertThat(leg.event()).isEqualTo("Arsenal v Chelsea");
        });
        assertThat(bet.transitions()).extracting(BetView.Transition::to).containsExactly("accepted");
        assertThat(available(player)).isEqualTo(9_500);
        Map<String, Object> exposure = in(() -> sql().sql("SELECT stakes, payouts FROM selection_exposure WHERE selection_id = ?")
                .param(arsenal.id()).query().singleRow());
        assertThat(exposure).containsEntry("stakes", 500L).containsEntry("payouts", bet.potentialReturn());
    }

    @Test
    void betsTheirStakeTransactionsAndHoldsAreKeyedInTheOrderTheyWerePlaced() {
        PlayerView player = player(10_000);
        List<UUID> bets = new ArrayList<>();
        bets.add(place(player, single(selection("b:1:1x2", "draw"), 100), "ordered-1").bet().id());
        bets.add(place(player, single(selection("b:6:1x2", "draw"), 100), "ordered-2").bet().id()); // in play: a hold
        bets.add(place(player, single(selection("b:1:1x2", "away"), 100), "ordered-3").bet().id());

        // PostgreSQL orders uuid values byte by byte: time-ordered keys make each index grow at its right-hand edge
        assertThat(in(() -> sql().sql("SELECT id FROM bet WHERE id IN (?, ?, ?) ORDER BY id")
                .params(bets.get(0), bets.get(1), bets.get(2)).query(UUID.class).list())).containsExactlyElementsOf(bets);
        List<UUID> stakes = Stream.of(bets.get(0), bets.get(2)).map(bet -> in(() -> sql()
                .sql("SELECT stake_transaction_id FROM bet WHERE id = ?").param(bet).query(UUID.class).single())).toList();
        assertThat(stakes).isSortedAccordingTo(Comparator.comparing(UUID::toString)).doesNotHaveDuplicates();
        UUID hold = in(() -> sql().sql("SELECT stake_hold_id FROM bet WHERE id = ?").param(bets.get(1)).query(UUID.class).single());
        assertThat(Stream.of(bets, stakes, List.of(hold)).flatMap(List::stream))
                .allSatisfy(id -> assertThat(id.version()).as("RFC 9562 version of %s", id).isEqualTo(7));
    }

    @Test
    void aPreMatchSingleCostsThreeRoundTripsToTheDatabase() {
        PlayerView player = player(10_000);
        Selection home = selection("b:1:1x2", "home");
        List<Integer> trips = new ArrayList<>();
        for (int i = 0; i < 9; i++) { // past the driver's threshold for preparing statements on the server
            int before = CountingSocketFactory.roundTrips();
            place(player, single(home, 100), "round-trips-" + i);
            trips.add(CountingSocketFactory.roundTrips() - before);
        }

        // the limits, offers and gate's reads with the lock of the player's account; the wallet's claim and entry with
        // the bet and its exposure; the audit records with the COMMIT. It was ten, then five. At least: the pool may
        // also point a connection at the tenant
        assertThat(trips.subList(6, 9).stream().mapToInt(Integer::intValue).min().orElseThrow()).isEqualTo(3);
    }

    @Test
    void theSameKeyReturnsTheFirstBetAndAnotherSlipUnderItIsRefused() {
        PlayerView player = player(10_000);
        Selection draw = selection("b:2:1x2", "draw");

        BetPlacement.Placed first = place(player, single(draw, 300), "same-key");
        BetPlacement.Placed again = place(player, single(draw, 300), "same-key");

        assertThat(again.replayed()).isTrue();
        assertThat(again.bet().id()).isEqualTo(first.bet().id());
        assertThat(available(player)).as("one stake taken").isEqualTo(9_700);
        assertThatThrownBy(() -> place(player, single(draw, 301), "same-key")).isInstanceOf(BetRefused.class)
                .extracting(e -> ((BetRefused) e).reason()).isEqualTo(BetRejection.IDEMPOTENCY_KEY_REUSED);
        assertThat(available(player)).isEqualTo(9_700);
    }

    @Test
    void aRetryOfAnAcceptedBetIsAnsweredWithItAfterTheBalanceIsSpentOrTheSelectionSuspended() {
        PlayerView player = player(1_000);
        Selection draw = selection("b:3:1x2", "draw");

        BetPlacement.Placed first = place(player, single(draw, 1_000), "retried-key");
        assertThat(available(player)).isZero();
        BetPlacement.Placed unfunded = place(player, single(draw, 1_000), "retried-key");
        var held = hold(com.sportsbook.runtime.catalog.TradingHolds.Level.SELECTION, draw.id().toString()).orElseThrow();
        try {
            BetPlacement.Placed suspended = place(player, single(draw, 1_000), "retried-key");

            assertThat(List.of(unfunded, suspended)).allSatisfy(retry -> {
                assertThat(retry.replayed()).isTrue();
                assertThat(retry.bet().id()).isEqualTo(first.bet().id());
            });
            assertThat(refusal(player, single(draw, 1_000))).as("a new key on the held selection")
                    .isEqualTo(BetRejection.MARKET_SUSPENDED);
            assertThatThrownBy(() -> place(player, single(draw, 999), "retried-key")).isInstanceOf(BetRefused.class)
                    .extracting(e -> ((BetRefused) e).reason()).isEqualTo(BetRejection.IDEMPOTENCY_KEY_REUSED);
        } finally {
            in(() -> holds.release(held.id(), "trader@test"));
        }
        assertThat(available(player)).as("one stake taken").isZero();
    }

    @Test
    void everyBadBetslipIsRefusedWithItsCodeAndMovesNoMoney() {
        PlayerView player = player(1_000);
        PlayerView broke = player(50);
        Selection arsenal = selection("b:1:1x2", "home");
        Selection chelsea = selection("b:1:1x2", "away");
        Selection over = selection("b:1:total", "over");
        Selection spurs = selection("b:2:1x2", "home");
        Selection suspended = selection("b:4:1x2", "home");
        Selection started = selection("b:5:1x2", "home");
        List<Betslip.Leg> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(new Betslip.Leg(UUID.randomUUID(), new BigDecimal("2.00")));
        }
        Betslip stale = new Betslip(BetShape.SINGLE, 100, "EUR", List.of(new Betslip.Leg(arsenal.id(),
                arsenal.price().add(new BigDecimal("0.05")))), OddsPolicy.NONE);

        assertThat(refusal(player, single(arsenal, 0))).isEqualTo(BetRejection.INVALID_BETSLIP);
        assertThat(refusal(player, single(arsenal, -100))).isEqualTo(BetRejection.INVALID_BETSLIP);
        assertThat(refusal(player, single(arsenal, 100_000_000_000L))).isEqualTo(BetRejection.INVALID_BETSLIP);
        assertThat(refusal(player, new Betslip(BetShape.SINGLE, 100, "GBP", List.of(new Betslip.Leg(arsenal.id(), arsenal.price())),
                OddsPolicy.NONE))).isEqualTo(BetRejection.WRONG_CURRENCY);
        assertThat(refusal(player, new Betslip(BetShape.MULTIPLE, 100, "EUR", List.of(new Betslip.Leg(arsenal.id(), arsenal.price()),
                new Betslip.Leg(arsenal.id(), arsenal.price())), OddsPolicy.NONE))).isEqualTo(BetRejection.DUPLICATE_SELECTION);
        assertThat(refusal(player, new Betslip(BetShape.MULTIPLE, 100, "EUR", List.of(new Betslip.Leg(arsenal.id(), arsenal.price()),
                new Betslip.Leg(chelsea.id(), chelsea.price())), OddsPolicy.NONE))).as("one market twice")
                .isEqualTo(BetRejection.SAME_EVENT_IN_MULTIPLE);
        assertThat(refusal(player, new Betslip(BetShape.MULTIPLE, 100, "EUR", List.of(new Betslip.Leg(arsenal.id(), arsenal.price()),
                new Betslip.Leg(over.id(), over.price())), OddsPolicy.NONE))).as("one event twice")
                .isEqualTo(BetRejection.SAME_EVENT_IN_MULTIPLE);
        assertThat(refusal(player, new Betslip(BetShape.MULTIPLE, 100, "EUR", tooMany, OddsPolicy.NONE)))
                .isEqualTo(BetRejection.TOO_MANY_SELECTIONS);
        assertThat(refusal(player, single(new Selection(UUID.randomUUID(), new BigDecimal("2.00")), 100)))
                .isEqualTo(BetRejection.UNKNOWN_SELECTION);
        assertThat(refusal(player, single(suspended, 100))).isEqualTo(BetRejection.MARKET_SUSPENDED);
        assertThat(refusal(player, single(started, 100))).as("no past-posting").isEqualTo(BetRejection.EVENT_STARTED);
        assertThat(refusal(player, stale)).isEqualTo(BetRejection.PRICE_CHANGED);
        assertThat(refusal(player, single(spurs, 5))).isEqualTo(BetRejection.STAKE_BELOW_MINIMUM);
        assertThat(refusal(broke, single(spurs, 100))).isEqualTo(BetRejection.INSUFFICIENT_FUNDS);
        assertThat(refusal(player, new Betslip(BetShape.TRIXIE, 100, "EUR", List.of(new Betslip.Leg(arsenal.id(), arsenal.price())),
                OddsPolicy.NONE))).isEqualTo(BetRejection.INVALID_BETSLIP);

        assertThat(available(player)).as("no money moved").isEqualTo(1_000);
        assertThat(available(broke)).isEqualTo(50);
        Long bets = in(() -> sql().sql("SELECT count(*) FROM bet WHERE player_id IN (?, ?)").params(player.id(), broke.id())
                .query(Long.class).single());
        assertThat(bets).isZero();
    }

    @Test
    void theOddsPolicyDecidesAMovedPrice() {
        PlayerView player = player(10_000);
        Selection leeds = selection("b:3:1x2", "home");
        BigDecimal seenHigher = leeds.price().subtract(new BigDecimal("0.10"));
        BigDecimal seenLower = leeds.price().add(new BigDecimal("0.10"));

        BetView higher = place(player, new Betslip(BetShape.SINGLE, 100, "EUR", List.of(new Betslip.Leg(leeds.id(), seenHigher)),
                OddsPolicy.HIGHER), "higher").bet();
        BetRejection worse = refusal(player, new Betslip(BetShape.SINGLE, 100, "EUR", List.of(new Betslip.Leg(leeds.id(), seenLower)),
                OddsPolicy.HIGHER));
        BetView any = place(player, new Betslip(BetShape.SINGLE, 100, "EUR", List.of(new Betslip.Leg(leeds.id(), seenLower)),
                OddsPolicy.ANY), "any").bet();

        assertThat(higher.legs().getFirst().price()).as("the better price now offered").isEqualByComparingTo(leeds.price());
        assertThat(higher.legs().getFirst().requestedPrice()).isEqualByComparingTo(seenHigher);
        assertThat(worse).isEqualTo(BetRejection.PRICE_CHANGED);
        assertThat(any.legs().getFirst().price()).isEqualByComparingTo(leeds.price());
    }

    @Test
    void aTrixieStakesFourLinesAndReturnsEveryCombination() {
        PlayerView player = player(10_000);
        Selection a = selection("b:1:1x2", "draw");
        Selection b = selection("b:2:1x2", "away");
        Selection c = selection("b:3:1x2", "draw");

        BetView trixie = place(player, new Betslip(BetShape.TRIXIE, 100, "EUR", List.of(new Betslip.Leg(a.id(), a.price()),
                new Betslip.Leg(b.id(), b.price()), new Betslip.Leg(c.id(), c.price())), OddsPolicy.NONE), "trixie").bet();

        BigDecimal ab = a.price().multiply(b.price());
        BigDecimal ac = a.price().multiply(c.price());
        BigDecimal bc = b.price().multiply(c.price());
        BigDecimal abc = ab.multiply(c.price());
        assertThat(trixie.lines()).isEqualTo(4);
        assertThat(trixie.totalStake()).isEqualTo(400);
        assertThat(trixie.potentialReturn()).isEqualTo(ab.add(ac).add(bc).add(abc).multiply(BigDecimal.valueOf(100)).longValue());
        assertThat(available(player)).isEqualTo(9_600);
    }

    @Test
    void anInPlayBetWaitsItsDelayAndIsRejectedWhenThePriceMovesMeanwhile() throws InterruptedException {
        PlayerView player = player(10_000);
        Selection betis = selection("b:6:1x2", "home");

        BetView kept = place(player, single(betis, 200), "in-play-1").bet();
        assertThat(kept.status()).isEqualTo("pending");
        assertThat(available(player)).as("the stake is held during the delay").isEqualTo(9_800);
        Thread.sleep(1_100);
        TenantContext.runAs(TENANT, () -> placement.processDue(50));
        BetView accepted = view(kept.id());
        assertThat(accepted.status()).isEqualTo("accepted");
        assertThat(accepted.transitions()).extracting(BetView.Transition::to).containsExactly("pending", "accepted");
        assertThat(available(player)).isEqualTo(9_800);

        BetView moved = place(player, single(selection("b:6:1x2", "home"), 300), "in-play-2").bet();
        feed("""
                {"type":"market","eventRef":"b:6","version":3,"marketRef":"b:6:1x2","marketType":"1x2","status":"open","prices":{"home":"1.70","draw":"3.60","away":"5.50"}}
                """);
        Thread.sleep(1_100);
        TenantContext.runAs(TENANT, () -> placement.processDue(50));
        BetView rejected = view(moved.id());
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.reason()).isEqualTo("price_changed");
        assertThat(available(player)).as("the held stake is released").isEqualTo(9_800);
    }

    private BetView view(UUID bet) {
        return in(() -> records.find(bet).orElseThrow());
    }

    @Autowired
    com.sportsbook.runtime.betting.placement.BetRecords records;

    @Test
    void aHundredConcurrentBetsDrainingOneBalanceNeverOverdrawIt() throws Exception {
        PlayerView player = player(5_000);
        Selection spurs = selection("b:2:1x2", "home");
        List<Callable<String>> bets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bets.add(outcomeOf(player, single(spurs, 100), "drain-" + i));
        }
        List<String> outcomes = onTenThreads(bets);

        assertThat(outcomes).filteredOn("accepted"::equals).hasSize(50);
        assertThat(outcomes).filteredOn("insufficient_funds"::equals).hasSize(50);
        assertThat(available(player)).isZero();
        LedgerChecks.Result checked = TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand"));
        assertThat(checked.passed()).as(String.valueOf(checked.findings())).isTrue();
    }

    /** A placement that answers the bet's status, or the code it was refused with. */
    private Callable<String> outcomeOf(PlayerView player, Betslip slip, String key) {
        return () -> {
            try {
                return place(player, slip, key).bet().status();
            } catch (BetRefused refused) {
                return refused.reason().code();
            }
        };
    }

    private static List<String> onTenThreads(List<Callable<String>> bets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(bets)) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theQuoteGivesTheMaximumStakeFromLiabilityHeadroomAndTheStakeFactor() {
        PlayerView player = player(1_000_000);
        Selection fulham = selection("b:7:1x2", "away");
        in(() -> sql().sql("UPDATE betting_limits SET market_liability_limit = 100000").update());
        try {
            BetPlacement.Quote full = TenantContext.callAs(TENANT, () -> placement.quote(player, single(fulham, 100)));
            in(() -> sql().sql("INSERT INTO player_stake_factor (player_id, factor, updated_at, updated_by) VALUES (?, 0.5, now(), 'test')")
                    .param(player.id()).update());
            BetPlacement.Quote halved = TenantContext.callAs(TENANT, () -> placement.quote(player, single(fulham, 100)));

            long expected = BigDecimal.valueOf(100_000).divide(fulham.price().subtract(BigDecimal.ONE), 0, java.math.RoundingMode.DOWN)
                    .longValue();
            assertThat(full.maxStake()).isEqualTo(expected);
            assertThat(halved.maxStake()).isEqualTo(expected / 2);
            assertThat(full.potentialReturn()).isEqualTo(fulham.price().multiply(BigDecimal.valueOf(100)).longValue());
            assertThat(refusal(player, single(fulham, expected / 2 + 1))).isEqualTo(BetRejection.STAKE_ABOVE_MAXIMUM);
        } finally {
            in(() -> sql().sql("UPDATE betting_limits SET market_liability_limit = 5000000").update());
        }
    }

    @Autowired
    com.sportsbook.runtime.catalog.TradingHolds holds;

    private java.util.Optional<com.sportsbook.runtime.catalog.TradingHolds.Hold> hold(
            com.sportsbook.runtime.catalog.TradingHolds.Level level, String target) {
        return in(() -> holds.hold(level, target, "test", "trader@test"));
    }

    @Test
    void aTradersHoldSuspendsBettingAtItsLevelUntilReleasedAndIsKeptWithItsRelease() {
        PlayerView player = player(10_000);
        Selection zverev = selection("b:9:mw", "home");
        Selection rublev = selection("b:9:mw", "away");
        String event = in(() -> sql().sql("SELECT id::text FROM sport_event WHERE feed_ref = 'b:9'").query(String.class).single());

        var onSelection = hold(com.sportsbook.runtime.catalog.TradingHolds.Level.SELECTION, zverev.id().toString()).orElseThrow();
        assertThat(refusal(player, single(zverev, 100))).isEqualTo(BetRejection.MARKET_SUSPENDED);
        assertThat(place(player, single(rublev, 100), "other-selection").bet().status()).as("the market's other selection")
                .isEqualTo("accepted");
        in(() -> holds.release(onSelection.id(), "trader@test"));
        var onEvent = hold(com.sportsbook.runtime.catalog.TradingHolds.Level.EVENT, event).orElseThrow();
        assertThat(refusal(player, single(rublev, 100))).isEqualTo(BetRejection.MARKET_SUSPENDED);
        in(() -> holds.release(onEvent.id(), "trader@test"));
        var onSport = hold(com.sportsbook.runtime.catalog.TradingHolds.Level.SPORT, "tennis").orElseThrow();
        assertThat(refusal(player, single(zverev, 100))).isEqualTo(BetRejection.MARKET_SUSPENDED);
        in(() -> holds.release(onSport.id(), "trader@test"));

        assertThat(place(player, single(zverev, 100), "after-release").bet().status()).isEqualTo("accepted");
        assertThat(hold(com.sportsbook.runtime.catalog.TradingHolds.Level.EVENT, UUID.randomUUID().toString())).isEmpty();
        List<com.sportsbook.runtime.catalog.TradingHolds.Hold> history = in(() -> holds.list(false));
        assertThat(history).filteredOn(h -> h.releasedAt() != null).extracting(com.sportsbook.runtime.catalog.TradingHolds.Hold::level)
                .contains("selection", "event", "sport");
        assertThat(history).filteredOn(h -> h.level().equals("sport")).allSatisfy(h -> {
            assertThat(h.heldBy()).isEqualTo("trader@test");
            assertThat(h.releasedBy()).isEqualTo("trader@test");
        });
    }

    @Test
    void aMarketIsSuspendedWhenItsLiabilityLimitIsReached() {
        PlayerView player = player(1_000_000);
        Selection derby = selection("b:8:1x2", "home");
        Selection stoke = selection("b:8:1x2", "away");
        in(() -> sql().sql("UPDATE betting_limits SET market_liability_limit = 20000").update());
        try {
            long most = TenantContext.callAs(TENANT, () -> placement.quote(player, single(derby, 100))).maxStake();
            BetView bet = place(player, single(derby, most), "to-the-limit").bet();

            assertThat(bet.status()).isEqualTo("accepted");
            assertThat(refusal(player, single(stoke, 100))).as("the market is held by the risk engine")
                    .isEqualTo(BetRejection.MARKET_SUSPENDED);
            assertThat(in(() -> holds.list(true))).anySatisfy(h -> {
                assertThat(h.heldBy()).isEqualTo("risk engine");
                assertThat(h.reason()).contains("liability limit");
            });
            String shown = in(() -> sql().sql("""
                    SELECT CASE WHEN m.status = 'open' AND %s THEN 'suspended' ELSE m.status END
                    FROM market m JOIN sport_event e ON e.id = m.event_id WHERE m.feed_ref = 'b:8:1x2'"""
                    .formatted(com.sportsbook.runtime.catalog.TradingHolds.MARKET_HELD)).query(String.class).single());
            assertThat(shown).isEqualTo("suspended");
        } finally {
            in(() -> sql().sql("UPDATE betting_limits SET market_liability_limit = 5000000").update());
        }
    }

    @Test
    void concurrentBetsOnAMarketsSelectionsNeverTakeItPastItsLiabilityLimit() throws Exception {
        List<Selection> outcomes = List.of(selection("b:11:1x2", "home"), selection("b:11:1x2", "draw"),
                selection("b:11:1x2", "away"));
        long limit = 20_000;
        in(() -> sql().sql("UPDATE betting_limits SET market_liability_limit = ?").param(limit).update());
        try {
            List<Callable<String>> bets = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Selection on = outcomes.get(i % 4 == 0 ? 1 + i / 4 % 2 : 0); // mostly the home win: a lopsided book
                bets.add(outcomeOf(player(10_000), single(on, 1_500), "liability-" + i));
            }
            List<String> results = onTenThreads(bets);

            assertThat(results).contains("accepted");
            assertThat(results).as("the market reaches its limit").anyMatch(code -> !code.equals("accepted"));
            List<Long> liabilities = in(() -> sql().sql("""
                    SELECT x.payouts - (SELECT sum(o.stakes) FROM selection_exposure o WHERE o.market_id = x.market_id)
                    FROM selection_exposure x JOIN selection s ON s.id = x.selection_id JOIN market m ON m.id = s.market_id
                    WHERE m.feed_ref = 'b:11:1x2'""").query(Long.class).list());
            assertThat(liabilities).isNotEmpty().allSatisfy(liability -> assertThat(liability).isLessThanOrEqualTo(limit));
            long exposedStakes = in(() -> sql().sql("""
                    SELECT coalesce(sum(x.stakes), 0) FROM selection_exposure x JOIN market m ON m.id = x.market_id
                    WHERE m.feed_ref = 'b:11:1x2'""").query(Long.class).single());
            assertThat(exposedStakes).as("every accepted bet is exposed, nothing else")
                    .isEqualTo(1_500L * results.stream().filter("accepted"::equals).count());
        } finally {
            in(() -> sql().sql("UPDATE betting_limits SET market_liability_limit = 5000000").update());
        }
    }

    @Test
    void aBetWaitsForItsMarketWhileAnotherTransactionHoldsItsLiabilityLock() throws Exception {
        PlayerView player = player(10_000);
        Selection celtic = selection("b:10:1x2", "home");
        String market = in(() -> sql().sql("SELECT id::text FROM market WHERE feed_ref = 'b:10:1x2'").query(String.class).single());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            Future<Object> holder = pool.submit(() -> in(() -> {
                sql().sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param(market).query().listOfRows();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            held.await();
            Future<BetView> bet = pool.submit(() -> place(player, single(celtic, 100), "waits-for-market").bet());

            assertThatThrownBy(() -> bet.get(1, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the bet waits for the market").isInstanceOf(java.util.concurrent.TimeoutException.class);
            release.countDown();
            holder.get();
            assertThat(bet.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo("accepted");
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void anAcceptedBetIsOpenOnceItsEventGoesInPlay() {
        PlayerView player = player(10_000);
        BetView bet = place(player, single(selection("b:10:1x2", "home"), 100), "before-kick-off").bet();

        feed("""
                {"type":"event","eventRef":"b:10","version":3,"sport":"football","category":"Scotland","competition":"Premiership","home":"Celtic","away":"Rangers","startsAt":"%s","status":"live","score":{"home":0,"away":0}}
                """.formatted(SOON));

        BetView running = view(bet.id());
        assertThat(running.status()).isEqualTo("open");
        assertThat(running.transitions()).extracting(BetView.Transition::to).containsExactly("accepted", "open");
        assertThat(running.transitions().getLast().cause()).contains("in play");
    }
}
