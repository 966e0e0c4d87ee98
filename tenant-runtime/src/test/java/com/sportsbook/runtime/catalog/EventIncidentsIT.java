package com.sportsbook.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.catalog.ingest.Applied;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.FeedScreen;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What past-post detection reads from the catalog, on PostgreSQL: incidents kept with their true time however late the
 * feed reports them, each once; the moment an event first went live, set once; both read back as an
 * {@link EventTimeline}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventIncidentsIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = BoundTenant.of("incidents");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 4);
    }

    @TestConfiguration
    static class Changes {
        final List<CatalogChange> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CatalogChange change) {
            seen.add(change);
        }
    }

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    EventTimeline timeline;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    Changes changes;

    @BeforeAll
    void tenant() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private static String event(String ref, long version, String status, int home, int away) {
        String score = status.equals("scheduled") ? "" : ",\"score\":{\"home\":%d,\"away\":%d}".formatted(home, away);
        return """
                {"type":"event","eventRef":"%s","version":%d,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Wolves","startsAt":"2026-11-26T20:00:00Z","status":"%s"%s}
                """.formatted(ref, version, status, score);
    }

    private static String market(String ref, long version, String status) {
        return """
                {"type":"market","eventRef":"%s","version":%d,"marketRef":"%s:1x2","marketType":"1x2","status":"%s","prices":{"home":"1.50","draw":"4.20","away":"6.50"}}
                """.formatted(ref, version, ref, status);
    }

    private static String incident(String ref, long version, String kind, String occurredAt) {
        return """
                {"type":"incident","eventRef":"%s","version":%d,"kind":"%s","occurredAt":"%s"}
                """.formatted(ref, version, kind, occurredAt);
    }

    /** Reads the lines as a provider's push is read (codec, then a long-lived feed's screen) and ingests them. */
    private CatalogIngestion.Report push(String... lines) {
        return push(List.of(TENANT), lines);
    }

    private CatalogIngestion.Report push(List<BoundTenant> tenants, String... lines) {
        JsonLinesFeed.Read read = JsonLinesFeed.read(String.join("", lines));
        assertThat(read.problems()).isEmpty();
        FeedScreen.Screened screened = FeedScreen.forLongLivedFeed().screen(read.messages());
        assertThat(screened.skipped()).isEmpty();
        return ingestion.ingest(screened.accepted(), tenants);
    }

    private <T> T in(Supplier<T> work) {
        return in(TENANT, work);
    }

    private <T> T in(BoundTenant tenant, Supplier<T> work) {
        return TestTenants.inTransaction(tenant, transactions, work);
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private Map<String, Object> eventRow(String ref) {
        return in(() -> sql().sql("SELECT * FROM sport_event WHERE feed_ref = ?").param(ref).query().singleRow());
    }

    private UUID eventId(String ref) {
        return (UUID) eventRow(ref).get("id");
    }

    private EventTimeline.Timeline timelineOf(String ref) {
        UUID id = eventId(ref);
        return in(() -> timeline.of(id)).orElseThrow();
    }

    // ---- incidents ------------------------------------------------------------------------------------------------

    @Test
    void anIncidentReportedAfterLaterMessagesIsStillKeptWithItsTrueTime() {
        push(event("late1", 1, "scheduled", 0, 0), market("late1", 2, "open"), event("late1", 3, "live", 0, 0),
                event("late1", 5, "live", 1, 0), market("late1", 6, "suspended"), market("late1", 7, "open"));
        Map<String, Object> before = eventRow("late1");
        changes.seen.clear();
        Instant reportedFrom = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        CatalogIngestion.Report report = push(incident("late1", 4, "goal", "2026-11-26T20:17:42.500Z"));

        assertThat(report.count(Applied.Kind.APPLIED)).as("version 4 after 7: late, yet kept").isEqualTo(1);
        assertThat(report.count(Applied.Kind.STALE)).isZero();
        EventTimeline.Timeline timeline = timelineOf("late1");
        assertThat(timeline.incidents()).singleElement().satisfies(goal -> {
            assertThat(goal.kind()).isEqualTo("goal");
            assertThat(goal.occurredAt()).isEqualTo(Instant.parse("2026-11-26T20:17:42.500Z"));
            assertThat(goal.reportedAt()).isAfterOrEqualTo(reportedFrom).isBeforeOrEqualTo(Instant.now());
        });
        Map<String, Object> after = eventRow("late1");
        assertThat(List.of(after.get("version"), after.get("feed_version"), after.get("updated_at")))
                .as("an incident changes neither the event's versions nor its state")
                .isEqualTo(List.of(before.get("version"), before.get("feed_version"), before.get("updated_at")));
        assertThat(changes.seen).as("nothing to push to the skins").isEmpty();
        assertThat(report.changes()).isZero();
        Long recorded = in(() -> sql().sql("SELECT feed_version FROM event_incident WHERE event_id = ?")
                .param(timeline.eventId()).query(Long.class).single());
        assertThat(recorded).as("the version the feed reported it under, for the record").isEqualTo(4L);
    }

    @Test
    void theSameIncidentReportedTwiceIsKeptOnceAndAnotherAtAnotherTimeIsKeptBeside() {
        push(event("twice1", 1, "live", 0, 0));

        CatalogIngestion.Report first = push(incident("twice1", 2, "red_card", "2026-11-26T20:31:00Z"),
                incident("twice1", 3, "red_card", "2026-11-26T20:31:00Z"));
        CatalogIngestion.Report redelivered = push(incident("twice1", 2, "red_card", "2026-11-26T20:31:00Z"));
        CatalogIngestion.Report another = push(incident("twice1", 4, "red_card", "2026-11-26T20:58:10Z"),
                incident("twice1", 4, "penalty", "2026-11-26T20:31:00Z"));

        assertThat(first.count(Applied.Kind.APPLIED)).isEqualTo(1);
        assertThat(first.count(Applied.Kind.DUPLICATE)).as("the same card under a new version").isEqualTo(1);
        assertThat(redelivered.count(Applied.Kind.DUPLICATE)).isEqualTo(1);
        assertThat(another.count(Applied.Kind.APPLIED)).as("a second card; a penalty at the first card's time")
                .isEqualTo(2);
        assertThat(timelineOf("twice1").incidents()).as("in the order they occurred")
                .extracting(incident -> incident.kind() + " " + incident.occurredAt())
                .containsExactly("red_card 2026-11-26T20:31:00Z", "penalty 2026-11-26T20:31:00Z",
                        "red_card 2026-11-26T20:58:10Z");
    }

    @Test
    void aTenantThatLacksTheEventOfALateIncidentCatchesUpOnAllTheFeedSaidThenKeepsIt() {
        BoundTenant lacking = BoundTenant.of("incidentslack");
        TestTenants.provision(lacking, migrator, seeders, transactions);
        push(List.of(TENANT, lacking), event("other1", 1, "scheduled", 0, 0));
        push(event("catch1", 1, "scheduled", 0, 0), market("catch1", 2, "open"), event("catch1", 3, "live", 0, 0),
                market("catch1", 5, "suspended"));

        CatalogIngestion.Report report = push(List.of(TENANT, lacking), incident("catch1", 4, "goal", "2026-11-26T20:09:30Z"));

        assertThat(report.count(Applied.Kind.APPLIED)).as("once per tenant").isEqualTo(2);
        Optional<String> market = in(lacking, () -> sql().sql("SELECT status FROM market WHERE feed_ref = 'catch1:1x2'")
                .query(String.class).optional());
        assertThat(market).as("what the feed said after the incident's version too").contains("suspended");
        UUID id = in(lacking, () -> sql().sql("SELECT id FROM sport_event WHERE feed_ref = 'catch1'").query(UUID.class).single());
        EventTimeline.Timeline caughtUp = in(lacking, () -> timeline.of(id)).orElseThrow();
        assertThat(caughtUp.incidents()).extracting(EventTimeline.Incident::occurredAt)
                .containsExactly(Instant.parse("2026-11-26T20:09:30Z"));
        assertThat(caughtUp.kickedOffAt()).as("live when it took the event in").isNotNull();
    }

    @Test
    void anIncidentOfAnEventTheCatalogDoesNotKnowChangesNothing() {
        Long before = in(() -> sql().sql("SELECT count(*) FROM event_incident").query(Long.class).single());

        CatalogIngestion.Report report = push(incident("nowhere1", 9, "goal", "2026-11-26T20:05:00Z"));

        assertThat(report.count(Applied.Kind.UNKNOWN_EVENT)).isEqualTo(1);
        assertThat(report.changes()).isZero();
        Long after = in(() -> sql().sql("SELECT count(*) FROM event_incident").query(Long.class).single());
        Long events = in(() -> sql().sql("SELECT count(*) FROM sport_event WHERE feed_ref = 'nowhere1'").query(Long.class)
                .single());
        assertThat(after).isEqualTo(before);
        assertThat(events).isZero();
    }

    @Test
    void anIncidentOfAnotherKindIsRefusedByTheCatalogToo() {
        push(event("kind1", 1, "live", 0, 0));

        CatalogIngestion.Report report = ingestion.ingest(
                List.of(new FeedMessage.Incident("kind1", 2, "corner", Instant.parse("2026-11-26T20:05:00Z"))),
                List.of(TENANT));

        assertThat(report.count(Applied.Kind.SKIPPED)).isEqualTo(1);
        assertThat(timelineOf("kind1").incidents()).isEmpty();
    }

    // ---- the kick-off ---------------------------------------------------------------------------------------------

    @Test
    void theKickOffIsSetTheFirstTimeTheEventGoesLiveAndLaterUpdatesDoNotMoveIt() {
        push(event("ko1", 1, "scheduled", 0, 0), market("ko1", 2, "open"));
        assertThat(timelineOf("ko1").kickedOffAt()).as("not yet started").isNull();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        push(event("ko1", 3, "live", 0, 0));
        Instant kickedOff = timelineOf("ko1").kickedOffAt();
        push(event("ko1", 4, "live", 1, 0), event("ko1", 5, "interrupted", 1, 0));
        push(event("ko1", 6, "live", 1, 0), event("ko1", 7, "finished", 2, 0));

        assertThat(kickedOff).as("the ingestion time of the first live update").isAfterOrEqualTo(before)
                .isBeforeOrEqualTo(Instant.now());
        EventTimeline.Timeline timeline = timelineOf("ko1");
        assertThat(timeline.kickedOffAt()).as("a goal, an interruption, a resumption and the end leave it").isEqualTo(kickedOff);
        assertThat(timeline.status()).isEqualTo("finished");
        assertThat(timeline.startsAt()).isEqualTo(Instant.parse("2026-11-26T20:00:00Z"));
    }

    @Test
    void anEventFirstAnnouncedInPlayKickedOffWhenTheCatalogTookItIn() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        push(event("inplay1", 1, "live", 0, 1));
        Instant kickedOff = timelineOf("inplay1").kickedOffAt();
        push(event("inplay1", 2, "live", 1, 1));

        assertThat(kickedOff).isAfterOrEqualTo(before);
        assertThat(timelineOf("inplay1").kickedOffAt()).isEqualTo(kickedOff);
    }

    @Test
    void theTimelineOfAnUnknownEventIsEmpty() {
        Optional<EventTimeline.Timeline> none = in(() -> timeline.of(UUID.randomUUID()));

        assertThat(none).isEmpty();
    }
}
