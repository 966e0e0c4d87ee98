package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TenantSchema;
import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * Pre-match singles placed through the gateway by concurrent players with real tokens, each bet a new
 * Idempotency-Key on a random selection of 50 events: bets/s sustained with p50 and p99. The same load is then sent
 * to the runtime directly (with the headers the gateway signs) so the gateway's share of the time shows. The load
 * comes from wrk ({@link WrkLoad}) when it is installed, as {@code scripts/bench-betting} makes sure, else from the
 * JDK's HttpClient, which costs ten times its CPU per bet on the cores the platform uses. Run by
 * {@code scripts/bench-betting}, which also runs pgbench on the same PostgreSQL; skipped in CI.
 */
@EnabledIfSystemProperty(named = "placement.benchmark", matches = "true")
class PlacementBenchmarkIT {

    private static final int CLIENTS = Integer.getInteger("placement.benchmark.clients", 16);
    /** Players betting: several per connection, as a real book has many more players than any player has bets in flight. */
    private static final int PLAYERS = Integer.getInteger("placement.benchmark.players", CLIENTS * 4);
    /** The target's rate: a run paced to it shows the latency at that load rather than at saturation (0: no such run). */
    private static final int RATE = Integer.getInteger("placement.benchmark.rate", 500);
    /**
     * The paced runs' connections; several counts, comma-separated, take turns run by run (16,32: the same rate over
     * fewer or more connections at once, side by side on the same machine's hour).
     */
    private static final List<Integer> RATE_CONNECTIONS = Arrays.stream(
            System.getProperty("placement.benchmark.rate.connections", String.valueOf(CLIENTS * 2)).split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    /**
     * How many runs at the target's rate, one after another (each after the machine is quiet): a p99 over 20 s rests
     * on about a hundred bets, so one run is no verdict.
     */
    private static final int RATE_RUNS = Integer.getInteger("placement.benchmark.rate.runs", 3);
    private static final int SECONDS = Integer.getInteger("placement.benchmark.seconds", 20);
    /**
     * The runtime's database connections: sized for this machine, where PostgreSQL shares two cores with everything
     * else (twice its cores, the usual rule). More only queue inside PostgreSQL: 20 cost it 0.25 ms more CPU per bet
     * than 8, and at the paced rate 8 cost about 0.3 ms more per bet in all than 4 (docs/measurements.md).
     */
    private static final int POOL = Integer.getInteger("placement.benchmark.pool", 4);
    /** How often the disk probe flushes during a run (ms); 0: no probe, for a run without its I/O. */
    private static final int STORAGE_PROBE_MILLIS = Integer.getInteger("placement.benchmark.storage-probe", 10);
    /**
     * The runtime's HTTP worker threads (a deployment setting, {@code RUNTIME_HTTP_THREADS}; Tomcat's default is 200):
     * twice the pool. 8 against 200 took this benchmark on session 11's slow machine from 540 to 599 bets/s through
     * the gateway and the paced runs at 500 bets/s from 440-476 reached (p99 152-186 ms) to 491-498 (p99 46-105 ms).
     */
    private static final int HTTP_THREADS = Integer.getInteger("placement.benchmark.http-threads", 8);
    /**
     * A fresh JVM compiles for a while: the first seconds are not what it sustains. The warm-up goes on in slices of
     * {@link #WARM_UP_SLICE} seconds after these until the services' compilers are quiet ({@link #QUIET_JIT}), for at most
     * {@link #WARM_UP_MAX} seconds in all.
     */
    private static final int WARM_UP = Integer.getInteger("placement.benchmark.warmup", 30);
    private static final int WARM_UP_MAX = Integer.getInteger("placement.benchmark.warmup.max", 240);
    private static final int WARM_UP_SLICE = 10;
    /**
     * The share of a warm-up slice's wall-clock time the three services' compilers may still spend for the JIT to count
     * as quiet. On session 11's slow machine the gateway's compilers spent 19 s of a 20 s run compiling after 40 s of
     * warm-up, and its CPU per bet fell from 2.9 to 0.9 ms over the next three runs.
     */
    private static final double QUIET_JIT = 0.05;
    /** How long a paced run waits at most for the audit sealer and the receipt signer to work off their lists. */
    private static final Duration DRAIN_MAX = Duration.ofSeconds(120);
    private static final String HOST = "bench.localhost";

    private record Run(String name, String load, long accepted, long refused, double seconds, double p50Millis,
            double p99Millis, double maxMillis, Map<String, Long> errors, String cpu, String window) {
        Run afterRest(double drained, double rested) {
            return new Run(name, load + " after %.1f s for the audit lists to empty and %.1f s of rest".formatted(drained, rested),
                    accepted, refused, this.seconds, p50Millis, p99Millis, maxMillis, errors, cpu, window);
        }

        String report() {
            return "%-34s %s, %d players, %.0f s from %s: %,.0f bets/s accepted, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d refused %s)%n    %s".formatted(
                    name, load, PLAYERS, seconds, window, accepted / seconds, p50Millis, p99Millis, maxMillis, refused, errors,
                    cpu);
        }
    }

    /** How a run sends its bets: over how many connections, and at what pace (0: each as soon as the last is answered). */
    private record Load(int connections, int rate) {
        static Load saturating() {
            return new Load(CLIENTS, 0);
        }

        String describe(String generator) {
            return connections + " connections " + (rate == 0 ? "each betting as soon as answered" : "paced to " + rate + " bets/s")
                    + " (" + generator + ")";
        }
    }

    @Test
    void measurePreMatchSinglesThroughTheGatewayAndDirect() throws Exception {
        try (RunningPlatform platform = new RunningPlatform(POOL, Map.of("RUNTIME_HTTP_THREADS", Integer.toString(HTTP_THREADS)))) {
            platform.start();
            try (RealmAccounts accounts = new RealmAccounts(platform.keycloak)) {
                platform.provisionTenant(accounts, "bench", HOST);
                List<String> emails = new ArrayList<>();
                for (int i = 0; i < PLAYERS; i++) {
                    emails.add(BettingFixtures.punter(platform.edge(), accounts, "bench", HOST, 1_000_000_000L).email());
                }
                measure(platform, new SignedInPlayers(accounts, emails));
            }
        }
    }

    /**
     * The players' bearer tokens, signed in again when the last ones are two minutes old: the warm-up alone may take
     * longer than a token lives (five minutes), and an expired token is refused within a second.
     */
    private static final class SignedInPlayers {
        private static final Duration SIGN_IN_AGAIN_AFTER = Duration.ofMinutes(2);
        private final RealmAccounts accounts;
        private final List<String> emails;
        private List<String> bearers = List.of();
        private Instant signedInAt = Instant.MIN;

        SignedInPlayers(RealmAccounts accounts, List<String> emails) {
            this.accounts = accounts;
            this.emails = emails;
        }

        List<String> bearers() {
            if (Instant.now().isAfter(signedInAt.plus(SIGN_IN_AGAIN_AFTER))) {
                signedInAt = Instant.now();
                bearers = emails.stream().map(email -> "Bearer " + accounts.signIn("bench", email, BettingFixtures.PASSWORD))
                        .toList();
            }
            return bearers;
        }
    }

    private void measure(RunningPlatform platform, SignedInPlayers players) throws Exception {
        StringBuilder feed = new StringBuilder();
        Instant kickOff = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        for (int e = 0; e < 50; e++) {
            feed.append("""
                    {"type":"event","eventRef":"bench:%1$d","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$d","away":"Away %1$d","startsAt":"%2$s","status":"scheduled"}
                    {"type":"market","eventRef":"bench:%1$d","version":2,"marketRef":"bench:%1$d:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                    """.formatted(e, kickOff));
        }
        assertThat(platform.runtimeDirectly().post("/internal/feeds/messages", feed.toString())
                .header("Content-Type", "application/x-ndjson").header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN)
                .send().status()).isEqualTo(200);
        List<String[]> selections = new ArrayList<>();
        TestHttp edge = platform.edge();
        for (JsonNode event : edge.get("/api/v1/events?limit=100").host(HOST).send().json().get("items")) {
            for (JsonNode selection : edge.get("/api/v1/events/" + event.get("id").asString()).host(HOST).send().json()
                    .at("/groups/0/markets/0/selections")) {
                selections.add(new String[] {selection.get("id").asString(), selection.at("/price/decimal").asString()});
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        database = platform.database;
        storage = storageDirectory(database);
        processes = Map.of(platform.runtime.pid(), "runtime", platform.gateway.pid(), "gateway",
                platform.controlPlane.pid(), "control plane");
        String gateway = "http://127.0.0.1:" + platform.gatewayPort;
        String direct = "http://127.0.0.1:" + platform.runtimePort;
        String warmUp = warmUp(client, gateway, players, selections);
        System.out.println(warmUp);
        run("warm-up (direct)", client, direct, true, Load.saturating(), players, selections, WARM_UP / 3);
        List<Run> runs = new ArrayList<>(List.of(
                run("through the gateway", client, gateway, false, Load.saturating(), players, selections, SECONDS),
                run("to the runtime directly", client, direct, true, Load.saturating(), players, selections, SECONDS)));
        List<Run> paced = new ArrayList<>();
        if (RATE > 0 && WrkLoad.available()) {
            // the paced runs use twice the connections of the saturating ones: the gateway and the runtime open theirs
            // and start the threads to serve them here, not in the first measured run
            run("warm-up (paced)", client, gateway, false, new Load(Collections.max(RATE_CONNECTIONS), RATE), players, selections,
                    WARM_UP_SLICE);
        }
        for (int i = 0; RATE > 0 && WrkLoad.available() && i < RATE_RUNS; i++) {
            double drained = drain(platform);
            double rested = settle();
            Load load = new Load(RATE_CONNECTIONS.get(i % RATE_CONNECTIONS.size()), RATE);
            paced.add(run("through the gateway at the target", client, gateway, false, load,
                    players, selections, SECONDS).afterRest(drained, rested));
        }
        runs.addAll(paced);
        Path out = Path.of("target", "benchmarks", "placement.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, warmUp + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        for (Run run : runs) {
            System.out.println(run.report());
            Files.writeString(out, run.report() + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (paced.size() > 1) {
            String summary = pacedSummary(paced);
            System.out.println(summary);
            Files.writeString(out, summary + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        assertThat(runs.getFirst().accepted()).isPositive();
    }

    /** The paced runs side by side: each run's rate and p99, and the median p99. */
    static String pacedSummary(List<Run> paced) {
        List<Double> p99s = paced.stream().map(Run::p99Millis).sorted().toList();
        double median = p99s.size() % 2 == 1 ? p99s.get(p99s.size() / 2)
                : (p99s.get(p99s.size() / 2 - 1) + p99s.get(p99s.size() / 2)) / 2;
        return "%d runs at the target: %s bets/s; p99 %s ms (median %.1f ms)".formatted(paced.size(),
                String.join(", ", paced.stream().map(run -> "%.0f".formatted(run.accepted() / run.seconds())).toList()),
                String.join(", ", paced.stream().map(run -> "%.1f".formatted(run.p99Millis())).toList()), median);
    }

    private Map<Long, String> processes = Map.of();
    private TestDatabase database;
    private Path storage = Path.of("target", "benchmarks");

    /**
     * Bets through the gateway at saturation: first {@link #WARM_UP} seconds, then slices of {@link #WARM_UP_SLICE}
     * seconds until a slice in which the services' compilers worked under {@link #QUIET_JIT} of the time (or
     * {@link #WARM_UP_MAX} seconds in all). Returns what it did, for the report.
     */
    private String warmUp(HttpClient client, String gateway, SignedInPlayers players, List<String[]> selections) throws Exception {
        if (!JitActivity.available()) {
            run("warm-up (gateway)", client, gateway, false, Load.saturating(), players, selections, WARM_UP);
            return "warm-up: %d s through the gateway (no jstat here to tell when the JIT is quiet)".formatted(WARM_UP);
        }
        double compiledBefore = JitActivity.compileSeconds(processes.keySet());
        run("warm-up (gateway)", client, gateway, false, Load.saturating(), players, selections, WARM_UP);
        int seconds = WARM_UP;
        int slice = WARM_UP;
        double compiled = JitActivity.compileSeconds(processes.keySet());
        double inSlice = compiled - compiledBefore;
        while (inSlice >= QUIET_JIT * slice && seconds + WARM_UP_SLICE <= WARM_UP_MAX) {
            run("warm-up (gateway)", client, gateway, false, Load.saturating(), players, selections, WARM_UP_SLICE);
            seconds += WARM_UP_SLICE;
            slice = WARM_UP_SLICE;
            double now = JitActivity.compileSeconds(processes.keySet());
            inSlice = now - compiled;
            compiled = now;
        }
        return "warm-up: %d s through the gateway; the services' compilers worked %.1f s in all, %.2f s in the last %d s%s"
                .formatted(seconds, compiled - compiledBefore, inSlice, slice,
                        inSlice < QUIET_JIT * slice ? "" : " (still compiling at the limit)");
    }

    /**
     * Waits until the benchmark tenant's audit sealer and receipt signer have worked off their lists (at most
     * {@link #DRAIN_MAX}) and returns how long that took: saturation leaves thousands of records on them, and a paced run
     * should measure its own load, not the catching up.
     */
    private static double drain(RunningPlatform platform) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(platform.database.jdbcUrl(), platform.database.user(),
                platform.database.password()); Statement statement = connection.createStatement()) {
            String schema = TenantSchema.of(new TenantSlug("bench")).quoted();
            while (System.nanoTime() - started < DRAIN_MAX.toNanos()) {
                try (ResultSet left = statement.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".audit_unsealed)"
                        + " + (SELECT count(*) FROM " + schema + ".audit_unsigned_receipt)")) {
                    left.next();
                    if (left.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(250);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Waits until the machine is quiet (under a fifth busy for half a second; at most 30 s) and returns how long that
     * took. The paced run measures the target rate, not the platform catching up after a saturating run (the audit
     * sealer and the receipt signer may run behind under saturation). So far the machine was quiet at once (0.5 s).
     */
    private static double settle() throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < 30_000_000_000L) {
            CpuAccount before = CpuAccount.read(Map.of());
            Thread.sleep(500);
            if (CpuAccount.read(Map.of()).machineBusySince(before) < 0.2) {
                break;
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private Run run(String name, HttpClient client, String base, boolean signed, Load load, SignedInPlayers signedIn,
            List<String[]> selections, int seconds) throws Exception {
        List<String> players = signedIn.bearers();
        Map<String, String> headers = new TreeMap<>();
        if (signed) {
            long issuedAt = Instant.now().getEpochSecond();
            headers.put(TrustedHeaders.TENANT_ID, "bench");
            headers.put(TrustedHeaders.BRAND_ID, "bench");
            headers.put(TrustedHeaders.ISSUED_AT, Long.toString(issuedAt));
            headers.put(TrustedHeaders.SIGNATURE, new TenantContextSignature(RunningPlatform.SIGNING_SECRET,
                    Duration.ofSeconds(60)).sign("bench", "bench", issuedAt));
        } else {
            headers.put("Host", HOST);
        }
        CpuAccount cpuBefore = CpuAccount.read(processes);
        WalActivity walBefore = WalActivity.read(database);
        StorageLatency flushes = StorageLatency.start(storage, STORAGE_PROBE_MILLIS);
        LocalTime from = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        if (WrkLoad.available()) {
            WrkLoad.Result result = WrkLoad.placeSingles(base, load.connections(), seconds, load.rate(), players, selections,
                    headers, Path.of("target", "benchmarks"));
            long accepted = result.requests() - result.refused();
            return new Run(name, load.describe("wrk"), accepted, result.refused(), result.seconds(), result.p50Micros() / 1000.0,
                    result.p99Micros() / 1000.0, result.maxMicros() / 1000.0, result.errors(),
                    spentSince(cpuBefore, walBefore, flushes, accepted), window(from));
        }
        ExecutorService pool = Executors.newFixedThreadPool(load.connections());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger refused = new AtomicInteger();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        List<Future<List<Long>>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < load.connections(); c++) {
            List<String> own = new ArrayList<>();
            for (int p = c; p < players.size(); p += load.connections()) {
                own.add(players.get(p));
            }
            clients.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                int turn = 0;
                while (System.nanoTime() < deadline) {
                    String player = own.get(turn++ % own.size());
                    String[] selection = selections.get(ThreadLocalRandom.current().nextInt(selections.size()));
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/bets"))
                            .header("Content-Type", "application/json").header("Authorization", player)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"type": "single", "stake": {"amount": 100, "currency": "EUR"}, "oddsPolicy": "any",
                                     "selections": [{"selectionId": "%s", "price": "%s"}]}""".formatted(selection[0], selection[1])));
                    headers.forEach(request::header);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    long took = (System.nanoTime() - sent) / 1000;
                    if (response.statusCode() == 201) {
                        latencies.add(took);
                    } else {
                        refused.incrementAndGet();
                        errors.merge("status_" + response.statusCode(), 1L, Long::sum);
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : clients) {
            all.addAll(result.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        String cpu = spentSince(cpuBefore, walBefore, flushes, all.size());
        pool.shutdown();
        long[] micros = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Run(name, load.describe("JDK HttpClient"), micros.length, refused.get(), elapsed, percentile(micros, 0.50),
                percentile(micros, 0.99), percentile(micros, 1.0), new TreeMap<>(errors), cpu, window(from));
    }

    /** The CPU and the WAL a run spent per bet, and the disk's flushes meanwhile, as the report's indented lines. */
    private String spentSince(CpuAccount cpuBefore, WalActivity walBefore, StorageLatency flushes, long bets) {
        return CpuAccount.read(processes).perOperationSince(cpuBefore, bets) + System.lineSeparator() + "    "
                + WalActivity.read(database).perOperationSince(walBefore, bets) + System.lineSeparator() + "    "
                + flushes.summary();
    }

    /**
     * Where to probe the disk's flushes: beside the server's data directory when the server is on this machine and
     * the directory is writable here (its WAL's disk), else under target.
     */
    private static Path storageDirectory(TestDatabase database) {
        Path fallback = Path.of("target", "benchmarks");
        if (!database.jdbcUrl().contains("//127.0.0.1") && !database.jdbcUrl().contains("//localhost")) {
            return fallback;
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            Path parent = Path.of(row.getString(1)).getParent();
            return parent != null && Files.isWritable(parent) ? parent : fallback;
        } catch (SQLException e) {
            return fallback; // not a superuser: the setting is hidden
        }
    }

    private static double percentile(long[] sortedMicros, double p) {
        return sortedMicros.length == 0 ? 0
                : sortedMicros[(int) Math.min(sortedMicros.length - 1, Math.ceil(p * sortedMicros.length) - 1)] / 1000.0;
    }

    /** Wall-clock span of a run, to pick its samples out of a JFR recording. */
    private static String window(LocalTime from) {
        return from + " to " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
