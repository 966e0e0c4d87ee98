package com.sportsbook.runtime.wallet.ledger;

import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.between;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.deposit;
import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.wallet.WalletOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Transfers per second and latency percentiles of the real ledger engine: uncontended (each client moves money
 * between its own two players) and one hot account (every client moves money in and out of the same player).
 * Run by {@code scripts/bench-wallet}, which also runs pgbench on the same server for comparison; skipped in CI.
 */
@EnabledIfSystemProperty(named = "wallet.benchmark", matches = "true")
class WalletBenchmarkIT {

    private static final int CLIENTS = Integer.getInteger("wallet.benchmark.clients", 8);
    private static final int SECONDS = Integer.getInteger("wallet.benchmark.seconds", 20);

    private record Run(String name, long operations, long refused, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return operations / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            return latenciesMicros[(int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1)];
        }

        String report() {
            return "%-12s %d clients, %d s: %,.0f transfers/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d refused)".formatted(
                    name, CLIENTS, SECONDS, perSecond(), percentile(0.50) / 1000.0, percentile(0.99) / 1000.0,
                    percentile(1.0) / 1000.0, refused);
        }
    }

    @Test
    void measureUncontendedAndHotAccountTransfers() throws Exception {
        try (LedgerHarness ledger = new LedgerHarness(CLIENTS + 2)) {
            UUID hot = UUID.randomUUID();
            ledger.execute(deposit("hot-opening", hot, 1_000_000_000L));
            UUID[][] pairs = new UUID[CLIENTS][2];
            for (int c = 0; c < CLIENTS; c++) {
                pairs[c] = new UUID[] {UUID.randomUUID(), UUID.randomUUID()};
                ledger.execute(deposit("open-" + c + "-a", pairs[c][0], 1_000_000_000L));
                ledger.execute(deposit("open-" + c + "-b", pairs[c][1], 1_000_000_000L));
            }
            // warm-up: JIT, account id cache, connection pool
            run(ledger, "warm-up", 5, (client, i) -> between("w-" + client + "-" + i, pairs[client][i % 2],
                    pairs[client][(i + 1) % 2], 1));

            Run uncontended = run(ledger, "uncontended", SECONDS, (client, i) -> between("u-" + client + "-" + i,
                    pairs[client][i % 2], pairs[client][(i + 1) % 2], 1 + i % 100));
            Run hotAccount = run(ledger, "hot account", SECONDS, (client, i) -> i % 2 == 0
                    ? between("h-" + client + "-" + i, hot, pairs[client][0], 1 + i % 100)
                    : between("h-" + client + "-" + i, pairs[client][0], hot, 1 + (i - 1) % 100));

            List<String> lines = List.of(uncontended.report(), hotAccount.report());
            lines.forEach(System.out::println);
            Path out = Path.of("target", "benchmarks", "wallet.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            LedgerChecks.Result check = ledger.checked();
            assertThat(check.passed()).as(check.findings().toString()).isTrue();
            assertThat(uncontended.operations()).isPositive();
            assertThat(hotAccount.operations()).isPositive();
        }
    }

    @FunctionalInterface
    private interface Workload {
        com.sportsbook.runtime.wallet.WalletCommand next(int client, int iteration);
    }

    private static Run run(LedgerHarness ledger, String name, int seconds, Workload workload) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) + TimeUnit.MILLISECONDS.toNanos(100);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                start.await();
                long[] latencies = new long[1 << 16];
                int count = 0;
                long refused = 0;
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    long began = System.nanoTime();
                    WalletOutcome outcome = ledger.execute(workload.next(client, i));
                    long micros = (System.nanoTime() - began) / 1_000;
                    if (outcome instanceof WalletOutcome.Rejected) {
                        refused++;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = micros;
                }
                long[] mine = Arrays.copyOf(latencies, count + 1);
                mine[count] = -refused - 1;
                return mine;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<long[]> all = new ArrayList<>();
        long refused = 0;
        for (Future<long[]> result : results) {
            long[] values = result.get();
            refused += -values[values.length - 1] - 1;
            all.add(Arrays.copyOf(values, values.length - 1));
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(name, latencies.length, refused, elapsed, latencies);
    }
}
