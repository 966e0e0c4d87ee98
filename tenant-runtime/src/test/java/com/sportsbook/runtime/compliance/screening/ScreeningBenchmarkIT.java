package com.sportsbook.runtime.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.compliance.screening.core.ListEntry;
import com.sportsbook.runtime.compliance.screening.core.ListSource;
import com.sportsbook.runtime.compliance.screening.core.MatchPolicy;
import com.sportsbook.runtime.compliance.screening.core.SanctionsList;
import com.sportsbook.runtime.compliance.screening.core.ScreeningIndex;
import com.sportsbook.runtime.identity.InMemoryPlayerIdentities;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Screening speed over the full OFAC SDN list: loading and indexing it (14,965 rows, 6,854 individuals with their
 * aliases), screening names against it one at a time (per-name latency and names per second, on one thread and on
 * every core), and re-screening a tenant of N players (default 10,000) against UN and OFAC as a list reload does. The
 * names are half listed individuals written differently (reordered, transliterated, middle names left out) and half
 * common names with random dates of birth. Run by {@code scripts/bench-screening}; skipped in CI.
 */
@EnabledIfSystemProperty(named = "screening.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(InMemoryPlayerIdentities.Configuration.class)
class ScreeningBenchmarkIT {

    private static final int PLAYERS = Integer.getInteger("screening.benchmark.players", 10_000);
    private static final int NAMES = Integer.getInteger("screening.benchmark.names", 20_000);
    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("bench-screening"), null);
    private static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
            "David", "Elizabeth", "Maria", "Jose", "Juan", "Carmen", "Luis", "Ana", "Carlos", "Sofia", "Wei", "Li", "Hiroshi",
            "Yuki", "Olga", "Ivan", "Anna", "Pierre", "Marie", "Hans", "Giulia", "Mohammed", "Fatima", "Ahmed", "Omar"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wang", "Zhang", "Chen", "Sato", "Kim", "Park",
            "Ivanova", "Petrov", "Muller", "Schmidt", "Dubois", "Rossi", "Nowak", "Khan", "Hussain", "Rahman", "Ali"};

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 6);
    }

    @Autowired
    ScreeningLists lists;

    @Autowired
    Rescreening rescreening;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private record Name(String name, LocalDate born) {
    }

    @Test
    void measureLoadingScreeningAndReScreeningAgainstTheFullOfacList() throws Exception {
        byte[] ofac = bundled("ofac-sdn-2024-05-03.csv");
        long[] parse = new long[5];
        long[] index = new long[5];
        SanctionsList list = null;
        ScreeningIndex ofacIndex = null;
        for (int run = 0; run < parse.length; run++) {
            long started = System.nanoTime();
            list = ScreeningLists.parse(ListSource.OFAC, ofac);
            long parsed = System.nanoTime();
            ofacIndex = ScreeningIndex.build(List.of(list), MatchPolicy.DEFAULT);
            parse[run] = parsed - started;
            index[run] = System.nanoTime() - parsed;
        }
        assertThat(list.entries()).hasSize(14_965);

        List<Name> names = names(list, NAMES, new Random(42));
        for (Name name : names) {
            ofacIndex.screen(name.name(), name.born());
        }
        long[] latencies = new long[names.size()];
        int hits = 0;
        long started = System.nanoTime();
        for (int i = 0; i < names.size(); i++) {
            long before = System.nanoTime();
            hits += ofacIndex.screen(names.get(i).name(), names.get(i).born()).isEmpty() ? 0 : 1;
            latencies[i] = System.nanoTime() - before;
        }
        double oneThread = names.size() / ((System.nanoTime() - started) / 1e9);
        Arrays.sort(latencies);

        int cores = Runtime.getRuntime().availableProcessors();
        ScreeningIndex shared = ofacIndex;
        AtomicInteger next = new AtomicInteger();
        long parallelStarted = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < cores; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < names.size(); i = next.getAndIncrement()) {
                        shared.screen(names.get(i).name(), names.get(i).born());
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double allCores = names.size() / ((System.nanoTime() - parallelStarted) / 1e9);

        TestTenants.provision(TENANT, migrator, seeders, transactions);
        SanctionsList listed = list;
        int listedPlayers = insertPlayers(listed);
        ScreeningLists.ListVersion version = lists.versions().stream().filter(v -> v.source().equals("ofac")).findFirst().orElseThrow();
        Rescreening.Report first = rescreening.tenants(List.of(TENANT), version);
        Rescreening.Report second = rescreening.tenants(List.of(TENANT), version);

        assertThat(first.playersScreened()).isEqualTo(PLAYERS);
        assertThat(first.newCases()).isGreaterThanOrEqualTo(listedPlayers);
        assertThat(second.newCases()).isZero();
        String report = """
                screening: OFAC SDN %s, %,d rows, %,d individuals, %,d names indexed; parse %d ms, index %d ms (median of 5)
                screening: %,d names against it (%d%% listed, written differently; %,d hits): %,.0f names/s on 1 thread \
                (p50 %.1f us, p99 %.1f us, max %.1f ms), %,.0f names/s on %d threads
                screening: re-screening %,d players against UN + OFAC: %,d ms (%,.0f players/s), %,d hits, %,d cases opened, \
                %,d accounts blocked; again: %,d ms, %,d new cases (PostgreSQL %s)""".formatted(
                "2024-05-03", list.entries().size(), list.individuals().size(), ofacIndex.nameCount(),
                median(parse) / 1_000_000, median(index) / 1_000_000,
                names.size(), 50, hits, oneThread, latencies[latencies.length / 2] / 1e3,
                latencies[(int) (latencies.length * 0.99)] / 1e3, latencies[latencies.length - 1] / 1e6, allCores, cores,
                PLAYERS, first.millis(), PLAYERS / (first.millis() / 1000.0), first.hits(), first.newCases(),
                first.playersBlocked(), second.millis(), second.newCases(), DATABASE.kind());
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "screening.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Half listed individuals written differently, half common names; each with a date of birth. */
    private static List<Name> names(SanctionsList list, int count, Random random) {
        List<ListEntry> individuals = list.individuals();
        List<Name> names = new ArrayList<>(count);
        while (names.size() < count) {
            if (names.size() % 2 == 0) {
                ListEntry entry = individuals.get(random.nextInt(individuals.size()));
                String[] words = entry.primaryName().replace(",", "").split("\\s+");
                String written = switch (random.nextInt(3)) {
                    case 0 -> String.join(" ", Arrays.asList(words).reversed());
                    case 1 -> words[words.length - 1] + " " + words[0];
                    default -> entry.primaryName().replace("MOHAMMED", "Muhammad").replace("Mohammed", "Muhammad")
                            .replace("HUSSEIN", "Husayn").replace("YUSUF", "Youssef");
                };
                LocalDate born = entry.birthDates().isEmpty() ? LocalDate.of(1970, 1, 1) : entry.birthDates().getFirst().earliest();
                names.add(new Name(written, born));
            } else {
                names.add(new Name(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                        LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28))));
            }
        }
        return names;
    }

    /** N players straight into the tenant's table: 1% of them listed individuals, the rest common names. */
    private int insertPlayers(SanctionsList list) {
        Random random = new Random(7);
        List<ListEntry> individuals = list.individuals().stream().filter(entry -> !entry.birthDates().isEmpty()).toList();
        List<Object[]> rows = new ArrayList<>(PLAYERS);
        int listed = 0;
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < PLAYERS; i++) {
            String first;
            String last;
            LocalDate born;
            if (i % 100 == 0) {
                ListEntry entry = individuals.get(random.nextInt(individuals.size()));
                String[] parts = entry.primaryName().split(",", 2);
                last = parts[0].strip();
                first = parts.length > 1 ? parts[1].strip() : last;
                born = entry.birthDates().getFirst().earliest();
                listed++;
            } else {
                first = FIRST[random.nextInt(FIRST.length)];
                last = LAST[random.nextInt(LAST.length)];
                born = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
            }
            rows.add(new Object[] {UUID.randomUUID(), "bench-" + i, "main", "player" + i + "@example.com", first, last,
                    Date.valueOf(born), "MT", "EUR", "active", now, now});
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.batchUpdate("INSERT INTO " + TENANT.schema().quoted() + ".player (id, identity_user_id, brand_slug, email, first_name,"
                + " last_name, date_of_birth, country, currency, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        return listed;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = ScreeningBenchmarkIT.class.getClassLoader().getResourceAsStream("sanctions/" + file)) {
            return in.readAllBytes();
        }
    }
}
