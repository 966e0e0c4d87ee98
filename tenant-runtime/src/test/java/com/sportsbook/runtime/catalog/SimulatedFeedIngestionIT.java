package com.sportsbook.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.catalog.ingest.Applied;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.FeedScreen;
import com.sportsbook.runtime.feeds.simulated.SimulatedFeed;
import com.sportsbook.runtime.feeds.simulated.SimulationSettings;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Three simulated hours of the simulated feed into a tenant's catalog: all three sports arrive with their market
 * groups, prices drift in play (several prices per selection in the odds history), matches finish and are resulted,
 * goals, breaks and runs are kept as incidents, kick-offs are recorded, and nothing the feed says is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SimulatedFeedIngestionIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = BoundTenant.of("simfeed");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 3);
    }

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }

    @Test
    void threeSimulatedHoursLandWithEverySportDriftingPricesAndResults() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        SimulatedFeed feed = new SimulatedFeed(SimulationSettings.defaults(), Instant.parse("2026-11-26T18:00:00Z"));
        FeedScreen screen = new FeedScreen();
        int skipped = 0;
        int applied = 0;
        for (int minute = 0; minute < 180; minute += 5) {
            List<FeedMessage> messages = feed.advance(Duration.ofMinutes(5));
            FeedScreen.Screened screened = screen.screen(messages);
            skipped += screened.skipped().size();
            CatalogIngestion.Report report = ingestion.ingest(screened.accepted(), List.of(TENANT));
            skipped += report.count(Applied.Kind.SKIPPED) + report.count(Applied.Kind.UNKNOWN_EVENT);
            applied += report.count(Applied.Kind.APPLIED);
        }
        JdbcClient sql = JdbcClient.create(dataSource);

        assertThat(skipped).as("the feed says nothing the screen or the catalog refuses").isZero();
        assertThat(applied).isGreaterThan(1000);
        List<String> sports = in(() -> sql.sql("SELECT DISTINCT sport_key FROM sport_event ORDER BY 1").query(String.class).list());
        assertThat(sports).containsExactly("basketball", "football", "tennis");
        Map<String, Object> counts = in(() -> sql.sql("""
                SELECT (SELECT count(*) FROM sport_event WHERE status = 'resulted') AS resulted,
                       (SELECT count(*) FROM sport_event WHERE status = 'resulted' AND result_home IS NULL) AS without_score,
                       (SELECT count(DISTINCT market_group) FROM market) AS groups,
                       (SELECT max(n) FROM (SELECT count(*) AS n FROM price_change GROUP BY selection_id) per) AS most_prices,
                       (SELECT count(*) FROM market_change WHERE status = 'suspended') AS suspensions""").query().singleRow());
        assertThat((Long) counts.get("resulted")).as("matches finish and are resulted").isGreaterThan(3);
        assertThat(counts.get("without_score")).isEqualTo(0L);
        assertThat(counts.get("groups")).as("main, goals, halves, corners, cards, players, specials").isEqualTo(7L);
        assertThat((Long) counts.get("most_prices")).as("prices drift in play").isGreaterThan(10);
        assertThat((Long) counts.get("suspensions")).as("goals and breaks suspend markets").isGreaterThan(5);
        Map<String, Object> pastPost = in(() -> sql.sql("""
                SELECT (SELECT string_agg(DISTINCT e.sport_key || ' ' || i.kind, ', ' ORDER BY e.sport_key || ' ' || i.kind)
                          FROM event_incident i JOIN sport_event e ON e.id = i.event_id) AS kinds,
                       (SELECT count(*) FROM event_incident) AS incidents,
                       (SELECT count(*) FROM sport_event WHERE kicked_off_at IS NOT NULL) AS kicked_off,
                       (SELECT count(*) FROM sport_event WHERE kicked_off_at IS NULL AND status <> 'scheduled'
                          AND home IS NOT NULL) AS live_without_kick_off""").query().singleRow());
        assertThat(pastPost.get("kinds")).as("goals, breaks of serve and runs are told as incidents")
                .isEqualTo("basketball run, football goal, tennis break");
        assertThat((Long) pastPost.get("incidents")).isGreaterThan(10);
        assertThat((Long) pastPost.get("kicked_off")).isGreaterThan(5);
        assertThat(pastPost.get("live_without_kick_off")).as("every match that went live has its kick-off").isEqualTo(0L);
    }
}
