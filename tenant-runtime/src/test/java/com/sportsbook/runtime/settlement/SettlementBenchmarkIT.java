package com.sportsbook.runtime.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.settlement.results.ResultBook;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Settlement throughput for one market with 100,000 open bets: 1,000 players, singles on the three outcomes of one
 * 1X2 market, their stakes taken through real ledger transactions (written in bulk, as placement would have written
 * them one by one); then a trader's result and one settlement run, timed, paying every winner through the ledger.
 * Afterwards every bet is settled exactly once and the ledger checks pass. Run by {@code scripts/bench-settlement};
 * skipped in CI.
 */
@EnabledIfSystemProperty(named = "settlement.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SettlementBenchmarkIT {

    private static final int BETS = Integer.getInteger("settlement.benchmark.bets", 100_000);
    private static final int PLAYERS = Integer.getInteger("settlement.benchmark.players", 1_000);
    private static final int BATCH = Integer.getInteger("settlement.benchmark.batch", 500);
    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new com.sportsbook.commons.TenantSlug("settlebench"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 6);
        registry.add("runtime.settlement.worker", () -> "false");
        registry.add("runtime.settlement.batch-size", () -> Integer.toString(BATCH));
    }

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
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Test
    void measureSettlementOfOneMarketWithOneHundredThousandOpenBets() throws IOException {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        Instant kickOff = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        ingestion.ingest(JsonLinesFeed.read("""
                {"type":"event","eventRef":"bench:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"scheduled"}
                {"type":"market","eventRef":"bench:1","version":2,"marketRef":"bench:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                {"type":"event","eventRef":"bench:1","version":3,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"bench:1","version":4,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Chelsea","startsAt":"%1$s","status":"finished","score":{"home":2,"away":1}}
                """.formatted(kickOff)).messages(), List.of(TENANT));
        for (int p = 0; p < PLAYERS; p++) {
            UUID player = UUID.nameUUIDFromBytes(("bench-player-" + p).getBytes());
            TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("deposit:" + player, TransactionKind.DEPOSIT,
                    List.of(new Posting(AccountRef.cash(player, "main", EUR), 10_000_000),
                            new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -10_000_000)), null, null)));
        }
        // open the house account the stakes go to, then write the bets and their stake transactions in bulk
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("open-stakes-held", TransactionKind.TRANSFER,
                List.of(new Posting(AccountRef.house("main", EUR, HouseAccountKind.STAKES_HELD), 1),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -1)), null, null)));
        long seeding = System.nanoTime();
        in(() -> sql().sql(BULK_BETS).params(PLAYERS, BETS, kickOff.minus(1, ChronoUnit.DAYS).toString()).query(Long.class).single());
        double seeded = (System.nanoTime() - seeding) / 1e9;
        UUID event = in(() -> sql().sql("SELECT id FROM sport_event WHERE feed_ref = 'bench:1'").query(UUID.class).single());
        LedgerChecks.Result before = TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand"));
        assertThat(before.findings()).isEmpty();

        // one trader's result suffices here (the approval path is tested in SettlementIT)
        in(() -> sql().sql("UPDATE settlement_settings SET result_approval_liability = 9000000000000").update());
        var entered = in(() -> results.enter(event, new ResultBook.ManualResult(2, 1, 1, 0, null, null, null, false, null), "bench.trader"));
        assertThat(entered).as("%s", entered).isInstanceOf(com.sportsbook.runtime.settlement.core.Decision.Done.class);
        long started = System.nanoTime();
        SettlementRuns.Run run = TenantContext.callAs(TENANT, () -> runs.settleEvent(event, "benchmark"));
        double seconds = (System.nanoTime() - started) / 1e9;

        long settled = in(() -> sql().sql("SELECT count(*) FROM bet_settlement").query(Long.class).single());
        long payouts = in(() -> sql().sql("SELECT count(*) FROM wallet_transaction WHERE kind IN ('payout', 'settlement')")
                .query(Long.class).single());
        long won = in(() -> sql().sql("SELECT count(*) FROM bet WHERE status = 'won'").query(Long.class).single());
        LedgerChecks.Result after = TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand"));
        assertThat(run.status()).as("%s", run).isEqualTo("finished");
        assertThat(run.betsSettled()).as("%s", run).isEqualTo(BETS);
        assertThat(settled).isEqualTo(BETS);
        assertThat(payouts).isEqualTo(BETS);
        assertThat(after.findings()).isEmpty();
        assertThat(after.passed()).isTrue();

        String report = ("settlement: %,d open singles on one market (%,d winners) settled in %.1f s: %,.0f bets/s, one run in"
                + " batches of %d, every bet paid once through the ledger, ledger checks passed (seeded in %.1f s; PostgreSQL %s)")
                .formatted(BETS, won, seconds, BETS / seconds, BATCH, seeded, DATABASE.kind());
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "settlement.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }

    /**
     * Bets as placement writes them (bet, leg snapshot, line, accepted and open transitions, exposure) with a stake
     * transaction each (player cash to stakes held) and the players' balances lowered by their stakes. Parameters:
     * players, bets, placed-at.
     */
    private static final String BULK_BETS = """
            WITH params AS (SELECT ?::int AS players, ?::int AS bets, ?::timestamptz AS placed),
            market AS (SELECT m.id AS market_id, m.version, e.id AS event_id, e.name AS event_name FROM market m
                       JOIN sport_event e ON e.id = m.event_id WHERE m.feed_ref = 'bench:1:1x2'),
            sel AS (SELECT s.id, s.selection_key, s.name, s.offered_price,
                           row_number() OVER (ORDER BY s.display_order) - 1 AS n FROM selection s, market
                    WHERE s.market_id = market.market_id),
            gen AS (SELECT g, gen_random_uuid() AS bet_id, gen_random_uuid() AS tx_id,
                           (100 + g % 900)::bigint AS stake, g % 3 AS pick, g % (SELECT players FROM params) AS p
                    FROM generate_series(1, (SELECT bets FROM params)) g),
            players AS (SELECT id AS account_id, player_id, row_number() OVER (ORDER BY player_id) - 1 AS p
                        FROM wallet_account WHERE owner = 'player' AND kind = 'cash'),
            b AS (SELECT gen.*, sel.id AS selection_id, sel.selection_key, sel.name AS selection_name, sel.offered_price AS price,
                         players.account_id, players.player_id
                  FROM gen JOIN sel ON sel.n = gen.pick JOIN players ON players.p = gen.p),
            ins_bet AS (INSERT INTO bet (id, player_id, brand, currency, bet_type, unit_stake, line_count, total_stake,
                          potential_return, odds_policy, in_play, status, idempotency_key, request_hash, placed_at, decided_at,
                          stake_transaction_id)
                        SELECT bet_id, player_id, 'main', 'EUR', 'single', stake, 1, stake, floor(stake * price)::bigint, 'any',
                          false, 'open', 'bench:' || g, 'bench', (SELECT placed FROM params), (SELECT placed FROM params), tx_id FROM b
                        RETURNING id),
            ins_leg AS (INSERT INTO bet_leg (bet_id, position, selection_id, selection_key, selection_name, market_id, market_type,
                          market_line, market_version, event_id, event_name, sport_key, requested_price, price)
                        SELECT bet_id, 0, selection_id, selection_key, selection_name, market.market_id, '1x2', NULL, market.version,
                          market.event_id, market.event_name, 'football', price, price FROM b, market RETURNING bet_id),
            ins_line AS (INSERT INTO bet_line (bet_id, line_no, positions, odds, stake)
                         SELECT bet_id, 0, ARRAY[0], price, stake FROM b RETURNING bet_id),
            ins_transition AS (INSERT INTO bet_transition (bet_id, from_status, to_status, cause, at)
                               SELECT bet_id, NULL, 'open', 'accepted at placement (benchmark seed)', (SELECT placed FROM params)
                               FROM b RETURNING bet_id),
            ins_tx AS (INSERT INTO wallet_transaction (id, kind, idempotency_key, reference, description, created_at)
                       SELECT tx_id, 'stake', 'bet-stake:' || bet_id, bet_id::text, 'stake', (SELECT placed FROM params) FROM b
                       RETURNING id),
            ins_postings AS (INSERT INTO wallet_posting (transaction_id, account_id, amount, currency, created_at)
                             SELECT tx_id, account_id, -stake, 'EUR', (SELECT placed FROM params) FROM b
                             UNION ALL
                             SELECT tx_id, (SELECT id FROM wallet_account WHERE owner = 'house' AND kind = 'stakes_held'),
                               stake, 'EUR', (SELECT placed FROM params) FROM b
                             RETURNING id),
            balances AS (UPDATE wallet_account a SET balance = a.balance - t.total
                         FROM (SELECT account_id, sum(stake) AS total FROM b GROUP BY account_id) t WHERE a.id = t.account_id
                         RETURNING a.id),
            exposure AS (INSERT INTO selection_exposure (selection_id, currency, market_id, stakes, payouts)
                         SELECT selection_id, 'EUR', (SELECT market_id FROM market), sum(stake), sum(floor(stake * price)::bigint)
                         FROM b GROUP BY selection_id RETURNING selection_id)
            SELECT (SELECT count(*) FROM ins_bet) + (SELECT count(*) FROM ins_leg) + (SELECT count(*) FROM ins_line)
              + (SELECT count(*) FROM ins_transition) + (SELECT count(*) FROM ins_tx) + (SELECT count(*) FROM ins_postings)
              + (SELECT count(*) FROM balances) + (SELECT count(*) FROM exposure)""";
}
