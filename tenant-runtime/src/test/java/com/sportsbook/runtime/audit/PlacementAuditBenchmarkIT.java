package com.sportsbook.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.betting.core.BetShape;
import com.sportsbook.runtime.betting.core.Betslip;
import com.sportsbook.runtime.betting.core.OddsPolicy;
import com.sportsbook.runtime.betting.placement.BetPlacement;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * What placement costs in the runtime alone (no HTTP): pre-match singles by {@code CLIENTS} threads over several
 * players and markets, after a warm-up. Run before and after a change to placement's transaction to see its share:
 * {@code mvn -pl tenant-runtime verify -Dit.test=PlacementAuditBenchmarkIT -Daudit.benchmark=true}. Skipped in CI.
 * Result: {@code tenant-runtime/target/benchmarks/placement-in-process.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnabledIfSystemProperty(named = "audit.benchmark", matches = "true")
class PlacementAuditBenchmarkIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("auditbench"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final int CLIENTS = Integer.getInteger("audit.benchmark.clients", 8);
    private static final int WARM_UP = Integer.getInteger("audit.benchmark.warmup", 600);
    private static final int BETS = Integer.getInteger("audit.benchmark.bets", 2000);
    private static final int EVENTS = 8;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 12);
    }

    @Autowired
    BetPlacement placement;

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    Wallet wallet;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private record Selection(UUID id, BigDecimal price) {
    }

    @Test
    void placementThroughput() throws Exception {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        Instant soon = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder feed = new StringBuilder();
        for (int e = 0; e < EVENTS; e++) {
            feed.append("""
                    {"type":"event","eventRef":"ab:%1$d","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$d","away":"Away %1$d","startsAt":"%2$s","status":"scheduled"}
                    {"type":"market","eventRef":"ab:%1$d","version":2,"marketRef":"ab:%1$d:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                    """.formatted(e, soon));
        }
        ingestion.ingest(JsonLinesFeed.read(feed.toString()).messages(), List.of(TENANT));
        TestTenants.inTransaction(TENANT, transactions, () -> JdbcClient.create(dataSource)
                .sql("UPDATE betting_limits SET market_liability_limit = 100000000000, max_payout = 100000000000").update());
        List<Selection> selections = TestTenants.inTransaction(TENANT, transactions, () -> JdbcClient.create(dataSource).sql("""
                SELECT s.id, s.offered_price FROM selection s JOIN market m ON m.id = s.market_id WHERE m.feed_ref LIKE 'ab:%'""")
                .query((rs, row) -> new Selection(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list());
        List<PlayerView> players = new ArrayList<>();
        for (int i = 0; i < CLIENTS * 4; i++) {
            players.add(player(100_000_000));
        }

        run(players, selections, WARM_UP);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long[] latencies = run(players, selections, BETS);
        double cpuPerBet = (os.getProcessCpuTime() - cpuBefore) / 1e6 / BETS;

        Arrays.sort(latencies);
        String line = "placement in process, %d threads, %d bets: %.0f bets/s, mean %.2f ms, p50 %.2f ms, p99 %.2f ms, runtime CPU %.2f ms/bet%n"
                .formatted(CLIENTS, BETS, BETS / elapsedSeconds, mean(latencies) / 1e6, latencies[latencies.length / 2] / 1e6,
                        latencies[(int) (latencies.length * 0.99)] / 1e6, cpuPerBet);
        System.out.print(line);
        Path out = Path.of("target", "benchmarks", "placement-in-process.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(latencies[0]).as("every bet was placed").isPositive();
    }

    private double elapsedSeconds;

    /** Places {@code count} bets from the threads; returns each bet's latency in nanoseconds. */
    private long[] run(List<PlayerView> players, List<Selection> selections, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[count];
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    PlayerView player = players.get(i % players.size());
                    Selection selection = selections.get(i % selections.size());
                    Betslip slip = new Betslip(BetShape.SINGLE, 100, "EUR",
                            List.of(new Betslip.Leg(selection.id(), selection.price())), OddsPolicy.ANY);
                    long t0 = System.nanoTime();
                    TenantContext.runAs(TENANT, () -> placement.place(player, slip, UUID.randomUUID().toString()));
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        elapsedSeconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return latencies;
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private PlayerView player(long deposit) {
        UUID id = UUID.randomUUID();
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("deposit:" + id, TransactionKind.DEPOSIT,
                List.of(new Posting(AccountRef.cash(id, "main", EUR), deposit),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -deposit)), null, null)));
        return new PlayerView(id, "main", id + "@example.com", "Pat", "Punter", LocalDate.of(1990, 1, 1), "MT", "EUR",
                "active", Instant.now());
    }
}
