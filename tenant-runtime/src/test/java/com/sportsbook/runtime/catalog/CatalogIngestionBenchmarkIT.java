package com.sportsbook.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.catalog.ingest.Applied;
import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import com.sportsbook.runtime.feeds.footballdata.SeasonFile;
import com.sportsbook.runtime.feeds.footballdata.SeasonMatch;
import com.sportsbook.runtime.feeds.footballdata.SeasonReplay;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Price changes per second ingested across ten tenants: 380 real fixtures announced in every tenant, then rounds of
 * in-play 1X2 price changes (each a versioned feed message) fed in batches as the feed runner does; every message
 * is written to every tenant (its own margin, odds history, event lock). Run by {@code scripts/bench-catalog};
 * skipped in CI.
 */
@EnabledIfSystemProperty(named = "catalog.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CatalogIngestionBenchmarkIT {

    private static final int TENANTS = Integer.getInteger("catalog.benchmark.tenants", 10);
    private static final int ROUNDS = Integer.getInteger("catalog.benchmark.rounds", 10);
    private static final int THREADS = Integer.getInteger("catalog.benchmark.threads", 4);
    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, THREADS + 2);
        registry.add("runtime.catalog.ingestion-threads", () -> Integer.toString(THREADS));
    }

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void measurePriceChangesPerSecondAcrossTenTenants() throws IOException {
        List<BoundTenant> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            BoundTenant tenant = BoundTenant.of("bench" + i);
            TestTenants.provision(tenant, migrator, seeders, transactions);
            tenants.add(tenant);
        }
        List<SeasonMatch> season = SeasonFile.bundledSeasons().stream()
                .filter(read -> read.matches().getFirst().season().equals("2023-24")).findFirst().orElseThrow().matches();
        List<FeedMessage> announcements = season.stream().<FeedMessage>map(match -> FeedMessage.EventUpdate.match(
                SeasonReplay.eventRef(match), 1, "football", "England", "Premier League", match.home(), match.away(),
                match.kickOff(), EventStatus.LIVE, new FeedMessage.Score(0, 0))).toList();
        ingestion.ingest(announcements, tenants);

        Random random = new Random(7);
        List<FeedMessage> changes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (SeasonMatch match : season) {
                SeasonMatch.ThreeWay base = match.closing1x2();
                Map<String, BigDecimal> prices = new LinkedHashMap<>();
                prices.put("home", drift(base.home(), random));
                prices.put("draw", drift(base.draw(), random));
                prices.put("away", drift(base.away(), random));
                changes.add(new FeedMessage.MarketUpdate(SeasonReplay.eventRef(match), 2 + round,
                        SeasonReplay.eventRef(match) + ":1x2", MarketType.ONE_X_TWO, null, MarketStatus.OPEN, prices));
            }
        }
        long started = System.nanoTime();
        int applied = 0;
        for (int from = 0; from < changes.size(); from += 500) {
            CatalogIngestion.Report report = ingestion.ingest(changes.subList(from, Math.min(changes.size(), from + 500)), tenants);
            applied += report.count(Applied.Kind.APPLIED);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(applied).isEqualTo(changes.size() * TENANTS);
        String line = "catalog ingestion: %d price-change messages x %d tenants = %d tenant writes in %.1f s: %,.0f messages/s "
                + "from the feed, %,.0f tenant price changes/s (%d ingestion threads, PostgreSQL %s)";
        String report = line.formatted(changes.size(), TENANTS, applied, seconds, changes.size() / seconds, applied / seconds,
                THREADS, DATABASE.kind());
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "catalog.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static BigDecimal drift(BigDecimal price, Random random) {
        BigDecimal moved = price.multiply(BigDecimal.valueOf(0.9 + random.nextDouble() * 0.2)).setScale(2, RoundingMode.HALF_UP);
        return moved.max(new BigDecimal("1.01"));
    }
}
