package com.sportsbook.runtime.betting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.QueryPlans;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.betting.cashout.CashOuts;
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
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.ledger.LedgerChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cash-out on PostgreSQL: the offer follows the price (stake x taken / now, less the margin), a full cash-out pays
 * it once and decides the bet, a partial one pays its share and leaves the rest running, a suspended market or a
 * lower offer refuses it, and an automatic target cashes out by itself; the ledger balances throughout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashOutIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("cashout1"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant SOON = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private static final BigDecimal MARGIN = new BigDecimal("0.95");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 4);
    }

    @Autowired
    BetPlacement placement;

    @Autowired
    CashOuts cashOuts;

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

    private long version = 10;

    @BeforeAll
    void aTenantWithAMatch() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        feed("""
                {"type":"event","eventRef":"c:1","version":1,"sport":"football","category":"Italy","competition":"Serie A","home":"Roma","away":"Lazio","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"c:1","version":2,"marketRef":"c:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.50","draw":"3.20","away":"2.90"}}
                """.formatted(SOON));
    }

    private void feed(String lines) {
        ingestion.ingest(JsonLinesFeed.read(lines).messages(), List.of(TENANT));
    }

    private void price(String home, String status) {
        version++;
        feed("""
                {"type":"market","eventRef":"c:1","version":%d,"marketRef":"c:1:1x2","marketType":"1x2","status":"%s","prices":{"home":"%s","draw":"3.20","away":"2.90"}}
                """.formatted(version, status, home));
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }

    private BigDecimal offered() {
        return in(() -> JdbcClient.create(dataSource).sql("""
                SELECT s.offered_price FROM selection s JOIN market m ON m.id = s.market_id WHERE m.feed_ref = 'c:1:1x2'
                AND s.selection_key = 'home'""").query(BigDecimal.class).single());
    }

    private UUID home() {
        return in(() -> JdbcClient.create(dataSource).sql("""
                SELECT s.id FROM selection s JOIN market m ON m.id = s.market_id WHERE m.feed_ref = 'c:1:1x2'
                AND s.selection_key = 'home'""").query(UUID.class).single());
    }

    private PlayerView player() {
        UUID id = UUID.randomUUID();
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("deposit:" + id, TransactionKind.DEPOSIT,
                List.of(new Posting(AccountRef.cash(id, "main", EUR), 100_000),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -100_000)), null, null)));
        return new PlayerView(id, "main", id + "@example.com", "Cas", "Hout", LocalDate.of(1990, 1, 1), "MT", "EUR", "active",
                Instant.now());
    }

    private long cash(PlayerView player) {
        return TenantContext.callAs(TENANT, () -> wallet.balance(AccountRef.cash(player.id(), "main", EUR)).balance());
    }

    private BetView bet(PlayerView player, long stake) {
        price("2.50", "open");
        BigDecimal taken = offered();
        return TenantContext.callAs(TENANT, () -> placement.place(player, new Betslip(BetShape.SINGLE, stake, "EUR",
                List.of(new Betslip.Leg(home(), taken)), OddsPolicy.NONE), UUID.randomUUID().toString())).bet();
    }

    private static long expectedOffer(long stake, BigDecimal taken, BigDecimal now) {
        return BigDecimal.valueOf(stake).multiply(taken).divide(now, java.math.MathContext.DECIMAL64).multiply(MARGIN)
                .setScale(0, RoundingMode.DOWN).longValueExact();
    }

    @Test
    void aFullCashOutPaysTheOfferOnceAndDecidesTheBet() {
        PlayerView player = player();
        BetView bet = bet(player, 1_000);
        BigDecimal taken = bet.legs().getFirst().price();
        price("1.80", "open");
        BigDecimal now = offered();

        CashOuts.Quote quote = in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow());
        CashOuts.Done done = TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), BigDecimal.ONE, quote.offer(), "full", false));
        CashOuts.Done again = TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), BigDecimal.ONE, quote.offer(), "full", false));

        assertThat(quote.available()).isTrue();
        assertThat(quote.offer()).as("stake x taken / now, less 5 %%").isEqualTo(expectedOffer(1_000, taken, now));
        assertThat(done.cashOut().payout()).isEqualTo(quote.offer());
        assertThat(done.bet().status()).isEqualTo("cashed_out");
        assertThat(done.bet().transitions()).extracting(BetView.Transition::to).containsExactly("accepted", "cashed_out");
        assertThat(again.replayed()).isTrue();
        assertThat(cash(player)).as("paid once").isEqualTo(100_000 - 1_000 + quote.offer());
        Long exposure = in(() -> JdbcClient.create(dataSource).sql("SELECT coalesce(sum(stakes), 0) FROM selection_exposure WHERE selection_id = ?")
                .param(home()).query(Long.class).single());
        assertThat(in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow()).available()).isFalse();
        assertThat(TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand")).passed()).isTrue();
        assertThat(exposure).isNotNegative();
    }

    @Test
    void aPartialCashOutPaysItsShareAndLeavesTheRestRunning() {
        PlayerView player = player();
        BetView bet = bet(player, 1_000);
        BigDecimal taken = bet.legs().getFirst().price();
        price("2.10", "open");
        BigDecimal now = offered();
        long offer = in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow()).offer();

        CashOuts.Done done = TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), new BigDecimal("0.4"), offer, "part", false));

        assertThat(done.cashOut().stakePart()).isEqualTo(400);
        assertThat(done.cashOut().payout()).isEqualTo(expectedOffer(400, taken, now));
        assertThat(done.bet().status()).isEqualTo("partially_cashed_out");
        assertThat(done.bet().totalStake()).isEqualTo(600);
        assertThat(done.bet().potentialReturn()).isEqualTo(BigDecimal.valueOf(600).multiply(taken).longValue());
        assertThat(cash(player)).isEqualTo(100_000 - 1_000 + done.cashOut().payout());
        assertThat(in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow()).stake()).isEqualTo(600);
        assertThat(TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand")).passed()).isTrue();
    }

    @Test
    void aSuspendedMarketOrALowerOfferRefusesTheCashOutAndMovesNothing() {
        PlayerView player = player();
        BetView bet = bet(player, 1_000);
        price("2.00", "open");
        long seen = in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow()).offer();
        price("2.00", "suspended");

        CashOuts.Quote suspended = in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow());
        assertThat(suspended.available()).isFalse();
        assertThatThrownBy(() -> TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), BigDecimal.ONE, seen, "s", false)))
                .isInstanceOf(BetRefused.class).extracting(e -> ((BetRefused) e).reason()).isEqualTo(BetRejection.CASH_OUT_UNAVAILABLE);
        price("3.00", "open");
        assertThatThrownBy(() -> TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), BigDecimal.ONE, seen, "l", false)))
                .isInstanceOf(BetRefused.class).extracting(e -> ((BetRefused) e).reason()).isEqualTo(BetRejection.CASH_OUT_CHANGED);
        assertThatThrownBy(() -> TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), new BigDecimal("1.5"), 0, "f", false)))
                .isInstanceOf(BetRefused.class);
        assertThat(cash(player)).isEqualTo(99_000);
    }

    @Test
    void anAutomaticTargetCashesOutByItselfWhenTheOfferReachesIt() {
        PlayerView player = player();
        BetView bet = bet(player, 1_000);
        price("2.50", "open");
        long now = in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow()).offer();
        assertThat(in(() -> cashOuts.target(player.id(), bet.id(), now + 200))).isTrue();

        assertThat(TenantContext.callAs(TENANT, () -> cashOuts.autoCashOuts(brand -> true))).as("not reached yet").isZero();
        price("1.50", "open");
        assertThat(TenantContext.callAs(TENANT, () -> cashOuts.autoCashOuts(brand -> false)))
                .as("reached, but the cash-out flag is off for the brand").isZero();
        int done = TenantContext.callAs(TENANT, () -> cashOuts.autoCashOuts(brand -> true));

        assertThat(done).isEqualTo(1);
        CashOuts.Quote after = in(() -> cashOuts.quote(player.id(), bet.id()).orElseThrow());
        assertThat(after.available()).isFalse();
        assertThat(after.reason()).isEqualTo("the bet is cashed_out");
        assertThat(cash(player)).isGreaterThanOrEqualTo(99_000 + now + 200);
    }

    @Test
    void theAutomaticCashOutSweepReadsOnlyBetsWithATargetWhileTheBookGrowsWithoutStatistics() {
        // a tenant of its own: its bet table has never been analysed, as a new tenant's is for a while (and every
        // tenant's is on a server without autovacuum). Once the driver has prepared the sweep on the server,
        // PostgreSQL keeps the plan it made then, and without statistics nothing makes it plan again: a plan made for
        // a small book must still suit the large one.
        BoundTenant fresh = new BoundTenant(new TenantSlug("cashout2"), "main");
        TestTenants.provision(fresh, migrator, seeders, transactions);
        TenantContext.runAs(fresh, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            runningBets(jdbc, 1, 100, 50);
            for (int pass = 0; pass < 8; pass++) {
                // the same connection: the sweep joins this transaction; the driver prepares it on the fifth pass
                assertThat(cashOuts.autoCashOuts(brand -> false)).isZero();
            }
            runningBets(jdbc, 101, 20_000, 10_000);
            assertThat(jdbc.sql(CashOuts.AUTO_CASH_OUT_TARGETS).query().listOfRows()).hasSize(4);

            String prepared = jdbc.sql("SELECT name FROM pg_prepared_statements WHERE statement = ?")
                    .param(CashOuts.AUTO_CASH_OUT_TARGETS).query(String.class).single();
            assertThat(QueryPlans.pagesRead(jdbc, "bet", "EXECUTE \"" + prepared + "\""))
                    .as("pages of bet and its indexes the kept plan reads to find the four (a walk of every bet: hundreds)")
                    .isLessThan(10);
            assertThat(QueryPlans.pagesRead(jdbc, "bet", CashOuts.AUTO_CASH_OUT_TARGETS))
                    .as("and a plan made now, for the large book").isLessThan(10);
        }));
    }

    /** Running singles numbered {@code from} on, not committed (nothing analyses the table meanwhile); every {@code targetEvery}th with a target. */
    private static void runningBets(JdbcClient jdbc, int from, int count, int targetEvery) {
        jdbc.sql("""
                INSERT INTO bet (id, player_id, brand, currency, bet_type, unit_stake, line_count, total_stake,
                  potential_return, odds_policy, in_play, status, idempotency_key, request_hash, placed_at,
                  auto_cash_out_target)
                SELECT gen_random_uuid(), gen_random_uuid(), 'main', 'EUR', 'single', 100, 1, 100, 210, 'any', false,
                  'accepted', 'book-' || n, 'hash', now(), CASE WHEN n % ? = 0 THEN 150 END
                FROM generate_series(?, ?) AS n""").params(targetEvery, from, from + count - 1).update();
    }
}
