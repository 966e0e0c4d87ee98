package com.sportsbook.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.catalog.ingest.Applied;
import com.sportsbook.runtime.catalog.ingest.MarginRules;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.FeedScreen;
import com.sportsbook.runtime.feeds.footballdata.SeasonFile;
import com.sportsbook.runtime.feeds.footballdata.SeasonMatch;
import com.sportsbook.runtime.feeds.footballdata.SeasonReplay;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.pricing.Book;
import com.sportsbook.runtime.pricing.Margin;
import com.sportsbook.runtime.pricing.MarginMethod;
import com.sportsbook.runtime.pricing.Odds;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import javax.sql.DataSource;

/**
 * One feed into several tenants' catalogs on PostgreSQL: a whole real season replayed lands as its events, markets,
 * prices and results in every tenant, each with its own margin; replaying again changes nothing; late, repeated and
 * impossible messages change nothing; a tenant that joins mid-event catches up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIngestionIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant ALPHA = BoundTenant.of("catalpha");
    private static final BoundTenant BETA = BoundTenant.of("catbeta");
    private static final BoundTenant GAMMA = BoundTenant.of("catgamma");
    private static final BoundTenant LATE = BoundTenant.of("catlate");
    private static final SeasonFile.Read SEASON = SeasonFile.bundledSeasons().stream()
            .filter(read -> read.matches().getFirst().season().equals("2023-24")).findFirst().orElseThrow();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 6);
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
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MarginRules margins;

    @Autowired
    DataSource dataSource;

    @Autowired
    Changes changes;

    private Report seasonReport;

    private record Report(CatalogIngestion.Report first, CatalogIngestion.Report again) {
    }

    @BeforeAll
    void tenantsWithTheirMarginsAndTheSeasonReplayed() {
        for (BoundTenant tenant : List.of(ALPHA, BETA, GAMMA, LATE)) {
            TestTenants.provision(tenant, migrator, seeders, transactions);
        }
        TenantContext.runAs(BETA, () -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                margins.set("football", "1x2", new Margin(MarginMethod.POWER, new BigDecimal("0.08")), "trader@beta", Instant.now())));
        TenantContext.runAs(GAMMA, () -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                sql().sql("UPDATE sport SET active = false WHERE sport_key = 'football'").update()));

        List<FeedMessage> messages = new FeedScreen().screen(SeasonReplay.messages(SEASON.matches())).accepted();
        CatalogIngestion.Report first = ingestInBatches(messages, List.of(ALPHA, BETA, GAMMA));
        CatalogIngestion.Report again = ingestInBatches(messages, List.of(ALPHA, BETA));
        seasonReport = new Report(first, again);
    }

    private CatalogIngestion.Report ingestInBatches(List<FeedMessage> messages, List<BoundTenant> tenants) {
        Map<Applied.Kind, Integer> outcomes = new java.util.EnumMap<>(Applied.Kind.class);
        int changed = 0;
        for (int from = 0; from < messages.size(); from += 500) {
            CatalogIngestion.Report report = ingestion.ingest(messages.subList(from, Math.min(messages.size(), from + 500)), tenants);
            report.outcomes().forEach((kind, count) -> outcomes.merge(kind, count, Integer::sum));
            changed += report.changes();
        }
        return new CatalogIngestion.Report(tenants.size(), messages.size(), outcomes, changed);
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(BoundTenant tenant, java.util.function.Supplier<T> work) {
        return TestTenants.inTransaction(tenant, transactions, work);
    }

    private Map<String, Object> event(BoundTenant tenant, String ref) {
        return in(tenant, () -> sql().sql("SELECT * FROM sport_event WHERE feed_ref = ?").param(ref).query().singleRow());
    }

    private Map<String, BigDecimal> prices(BoundTenant tenant, String marketRef, String column) {
        return in(tenant, () -> {
            Map<String, BigDecimal> prices = new java.util.LinkedHashMap<>();
            sql().sql("""
                    SELECT s.selection_key, s.%s AS price FROM selection s JOIN market m ON m.id = s.market_id
                    WHERE m.feed_ref = ? AND s.active ORDER BY s.display_order""".formatted(column))
                    .param(marketRef).query((rs, row) -> prices.put(rs.getString(1), rs.getBigDecimal(2))).list();
            return prices;
        });
    }

    private static Book book(Map<String, BigDecimal> prices) {
        return new Book(prices.values().stream().map(Odds::new).toList());
    }

    @Test
    void aWholeRealSeasonLandsInEveryTenantOfferingFootballAsItsEventsMarketsAndResults() {
        for (BoundTenant tenant : List.of(ALPHA, BETA)) {
            Map<String, Object> counts = in(tenant, () -> sql().sql("""
                    SELECT (SELECT count(*) FROM sport_event WHERE feed_ref LIKE 'fd:E0:%') AS events,
                           (SELECT count(*) FROM sport_event WHERE feed_ref LIKE 'fd:E0:%' AND status = 'resulted') AS resulted,
                           (SELECT count(*) FROM market WHERE feed_ref LIKE 'fd:E0:%') AS markets,
                           (SELECT count(*) FROM market WHERE feed_ref LIKE 'fd:E0:%' AND status = 'resulted') AS resulted_markets,
                           (SELECT count(DISTINCT competition_id) FROM sport_event WHERE feed_ref LIKE 'fd:E0:%') AS competitions""")
                    .query().singleRow());
            assertThat(counts).as(tenant.slug().value()).containsEntry("events", 380L).containsEntry("resulted", 380L)
                    .containsEntry("competitions", 1L);
            assertThat((Long) counts.get("markets")).as("1X2, total 2.5 and one Asian handicap line per match, more where "
                    + "the closing line moved").isGreaterThanOrEqualTo(3 * 380L);
            assertThat(counts.get("resulted_markets")).isEqualTo(counts.get("markets"));
        }
        Long gamma = in(GAMMA, () -> sql().sql("SELECT count(*) FROM sport_event").query(Long.class).single());
        assertThat(gamma).as("a tenant that does not offer football gets none of it").isZero();
        assertThat(seasonReport.first().count(Applied.Kind.SKIPPED)).as("every message skipped for the third tenant")
                .isGreaterThanOrEqualTo(380);
    }

    @Test
    void twentyMatchesAcrossTheSeasonCarryTheirRealOpeningAndClosingPricesAndScores() {
        List<SeasonMatch> matches = SEASON.matches();
        List<SeasonMatch> sample = new ArrayList<>();
        for (int i = 0; i < matches.size(); i += 19) {
            sample.add(matches.get(i));
        }
        assertThat(sample).hasSize(20);
        for (SeasonMatch match : sample) {
            String ref = SeasonReplay.eventRef(match);
            Map<String, Object> event = event(ALPHA, ref);
            assertThat(event.get("name")).isEqualTo(match.home() + " v " + match.away());
            assertThat(event.get("starts_at")).isNotNull();
            assertThat(List.of(event.get("result_home"), event.get("result_away"))).as(ref)
                    .containsExactly(match.homeGoals(), match.awayGoals());
            assertThat(List.of(event.get("result_half_time_home"), event.get("result_half_time_away")))
                    .containsExactly(match.halfTimeHomeGoals(), match.halfTimeAwayGoals());
            assertThat(prices(ALPHA, ref + ":1x2", "source_price")).as(ref + " closing 1X2").containsExactly(
                    Map.entry("home", match.closing1x2().home().setScale(2)),
                    Map.entry("draw", match.closing1x2().draw().setScale(2)),
                    Map.entry("away", match.closing1x2().away().setScale(2)));
            List<BigDecimal> openingHome = in(ALPHA, () -> sql().sql("""
                    SELECT p.source_price FROM price_change p JOIN selection s ON s.id = p.selection_id
                    JOIN market m ON m.id = s.market_id WHERE m.feed_ref = ? AND s.selection_key = 'home' ORDER BY p.id""")
                    .param(ref + ":1x2").query(BigDecimal.class).list());
            assertThat(openingHome.getFirst()).as(ref + " opening home price kept in the odds history")
                    .isEqualByComparingTo(match.opening1x2().home());
        }
        Map<String, Object> burnleyCity = event(ALPHA, "fd:E0:2023-24:2");
        assertThat(burnleyCity).containsEntry("name", "Burnley v Man City").containsEntry("result_home", 0)
                .containsEntry("result_away", 3).containsEntry("status", "resulted");
    }

    @Test
    void eachTenantOffersTheRealBooksWithItsOwnMarginAndKeepsTheSourcePriceBeside() {
        for (SeasonMatch match : SEASON.matches()) {
            String market = SeasonReplay.eventRef(match) + ":1x2";
            Book source = book(prices(ALPHA, market, "source_price"));
            Book alpha = book(prices(ALPHA, market, "offered_price"));
            Book beta = book(prices(BETA, market, "offered_price"));
            assertThat(source.overround()).as("the real book's own margin, visible from its prices")
                    .isEqualByComparingTo(new Book(List.of(new Odds(match.closing1x2().home()), new Odds(match.closing1x2().draw()),
                            new Odds(match.closing1x2().away()))).overround());
            assertThat(alpha.overround()).as(market + " at the default 5 %% proportional")
                    .isBetween(new BigDecimal("0.05"), new BigDecimal("0.07"));
            assertThat(beta.overround()).as(market + " at beta's 8 %% power margin")
                    .isBetween(new BigDecimal("0.08"), new BigDecimal("0.10"));
        }
    }

    @Test
    void replayingTheSeasonAgainIsOneSeason() {
        CatalogIngestion.Report again = seasonReport.again();
        assertThat(again.count(Applied.Kind.APPLIED)).isZero();
        assertThat(again.count(Applied.Kind.DUPLICATE)).as("each event's last message, per tenant").isEqualTo(2 * 380);
        assertThat(again.count(Applied.Kind.DUPLICATE) + again.count(Applied.Kind.STALE)).isEqualTo(2 * again.messages());
        assertThat(seasonReport.again().changes()).isZero();
        Long history = in(ALPHA, () -> sql().sql("SELECT count(*) FROM price_change").query(Long.class).single());
        Long selections = in(ALPHA, () -> sql().sql("SELECT count(*) FROM selection").query(Long.class).single());
        assertThat(history).as("opening and closing prices, once each").isLessThanOrEqualTo(2 * selections)
                .isGreaterThan(selections);
    }

    private static final String LIVE_EVENT = """
            {"type":"event","eventRef":"live1","version":1,"sport":"football","category":"Spain","competition":"La Liga","home":"Real Madrid","away":"Sevilla","startsAt":"2026-11-26T20:00:00Z","status":"scheduled"}
            {"type":"market","eventRef":"live1","version":2,"marketRef":"live1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.50","draw":"4.20","away":"6.50"}}
            {"type":"market","eventRef":"live1","version":3,"marketRef":"live1:total:2.25","marketType":"total","line":"2.25","status":"open","prices":{"over":"1.80","under":"2.00"}}
            {"type":"event","eventRef":"live1","version":4,"sport":"football","category":"Spain","competition":"La Liga","home":"Real Madrid","away":"Sevilla","startsAt":"2026-11-26T20:00:00Z","status":"live","score":{"home":0,"away":0}}
            {"type":"event","eventRef":"live1","version":5,"sport":"football","category":"Spain","competition":"La Liga","home":"Real Madrid","away":"Sevilla","startsAt":"2026-11-26T20:00:00Z","status":"live","score":{"home":1,"away":0}}
            {"type":"market","eventRef":"live1","version":6,"marketRef":"live1:1x2","marketType":"1x2","status":"suspended"}
            {"type":"market","eventRef":"live1","version":8,"marketRef":"live1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.20","draw":"6.00","away":"13.00"}}
            {"type":"market","eventRef":"live1","version":7,"marketRef":"live1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.25","draw":"5.50","away":"11.00"}}
            {"type":"market","eventRef":"live1","version":8,"marketRef":"live1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.20","draw":"6.00","away":"13.00"}}
            {"type":"event","eventRef":"live1","version":9,"sport":"football","category":"Spain","competition":"La Liga","home":"Real Madrid","away":"Sevilla","startsAt":"2026-11-26T20:00:00Z","status":"scheduled"}
            {"type":"market","eventRef":"live1","version":10,"marketRef":"live1:btts","marketType":"btts","status":"open","prices":{"yes":"1.90"}}
            {"type":"event","eventRef":"live1","version":11,"sport":"football","category":"Spain","competition":"La Liga","home":"Real Madrid","away":"Sevilla","startsAt":"2026-11-26T20:00:00Z","status":"finished","score":{"home":2,"away":0}}
            {"type":"market","eventRef":"live1","version":12,"marketRef":"live1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.01","draw":"30.00","away":"50.00"}}
            """;

    @Test
    void inPlayAGoalSuspendsThenRepricesAndLateRepeatedOrImpossibleMessagesChangeNothing() {
        List<FeedMessage> messages = JsonLinesFeed.read(LIVE_EVENT).messages();
        changes.seen.clear();

        CatalogIngestion.Report report = ingestion.ingest(messages, List.of(ALPHA));

        assertThat(report.count(Applied.Kind.STALE)).as("version 7 after 8").isEqualTo(1);
        assertThat(report.count(Applied.Kind.DUPLICATE)).as("version 8 twice").isEqualTo(1);
        assertThat(report.count(Applied.Kind.SKIPPED)).as("live back to scheduled, a btts book without 'no', "
                + "re-opening a finished event's market").isEqualTo(3);
        Map<String, Object> event = event(ALPHA, "live1");
        assertThat(event).containsEntry("status", "finished").containsEntry("home_score", 2).containsEntry("away_score", 0)
                .containsEntry("name", "Real Madrid v Sevilla");
        assertThat(prices(ALPHA, "live1:1x2", "source_price")).containsExactly(Map.entry("home", new BigDecimal("1.20")),
                Map.entry("draw", new BigDecimal("6.00")), Map.entry("away", new BigDecimal("13.00")));
        List<String> statuses = in(ALPHA, () -> sql().sql("""
                SELECT c.status FROM market_change c JOIN market m ON m.id = c.market_id WHERE m.feed_ref = 'live1:1x2' ORDER BY c.version""")
                .query(String.class).list());
        assertThat(statuses).as("opened, suspended by the goal, re-opened, closed at the final whistle")
                .containsExactly("open", "suspended", "open", "closed");
        assertThat(changes.seen).filteredOn(c -> c instanceof CatalogChange.MarketChanged m && m.status().equals("suspended"))
                .singleElement().satisfies(c -> assertThat(((CatalogChange.MarketChanged) c).prices())
                        .as("a suspension keeps the prices, so it moves none").isEmpty());
        assertThat(changes.seen).filteredOn(c -> c instanceof CatalogChange.MarketChanged m && m.status().equals("open")
                && m.version() == 3).singleElement().satisfies(c -> assertThat(((CatalogChange.MarketChanged) c).prices())
                        .extracting(CatalogChange.PriceMove::key).containsExactly("home", "draw", "away"));
        assertThat(prices(ALPHA, "live1:total:2.25", "offered_price")).containsOnlyKeys("over", "under");
        String selectionName = in(ALPHA, () -> sql().sql("""
                SELECT s.name FROM selection s JOIN market m ON m.id = s.market_id WHERE m.feed_ref = 'live1:total:2.25' AND s.selection_key = 'over'""")
                .query(String.class).single());
        assertThat(selectionName).isEqualTo("Over 2.25");
    }

    @Test
    void aTenantJoiningWhileAnEventIsUnderWayCatchesUpFromItsAnnouncement() {
        List<FeedMessage> messages = JsonLinesFeed.read("""
                {"type":"event","eventRef":"join1","version":1,"sport":"football","category":"Italy","competition":"Serie A","home":"Inter","away":"Milan","startsAt":"2026-11-26T20:00:00Z","status":"live","score":{"home":0,"away":1}}
                {"type":"market","eventRef":"join1","version":2,"marketRef":"join1:ah:-0.25","marketType":"asian_handicap","line":"-0.25","status":"open","prices":{"home":"2.10","away":"1.75"}}
                """).messages();
        ingestion.ingest(messages.subList(0, 1), List.of(ALPHA));

        CatalogIngestion.Report report = ingestion.ingest(messages.subList(1, 2), List.of(ALPHA, LATE));

        assertThat(report.count(Applied.Kind.APPLIED)).isEqualTo(2);
        assertThat(event(LATE, "join1")).containsEntry("status", "live").containsEntry("away_score", 1);
        assertThat(prices(LATE, "join1:ah:-0.25", "source_price")).containsExactly(
                Map.entry("home", new BigDecimal("2.10")), Map.entry("away", new BigDecimal("1.75")));
        String name = in(LATE, () -> sql().sql("""
                SELECT s.name FROM selection s JOIN market m ON m.id = s.market_id WHERE m.feed_ref = 'join1:ah:-0.25' ORDER BY s.display_order LIMIT 1""")
                .query(String.class).single());
        assertThat(name).isEqualTo("Inter -0.25");
    }

    @Test
    void aBrandThatGoesLiveWhileTheFeedRunsGetsEveryOpenEventAsLastSaid() {
        List<FeedMessage> messages = JsonLinesFeed.read("""
                {"type":"event","eventRef":"open1","version":1,"sport":"football","category":"France","competition":"Ligue 1","home":"PSG","away":"Lyon","startsAt":"2026-11-26T20:00:00Z","status":"scheduled"}
                {"type":"market","eventRef":"open1","version":2,"marketRef":"open1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.40","draw":"4.80","away":"7.00"}}
                {"type":"event","eventRef":"open1","version":3,"sport":"football","category":"France","competition":"Ligue 1","home":"PSG","away":"Lyon","startsAt":"2026-11-26T20:00:00Z","status":"live","score":{"home":0,"away":1}}
                {"type":"market","eventRef":"open1","version":4,"marketRef":"open1:1x2","marketType":"1x2","status":"suspended"}
                {"type":"event","eventRef":"open2","version":1,"sport":"football","category":"France","competition":"Ligue 1","home":"Lille","away":"Nice","startsAt":"2026-11-26T18:00:00Z","status":"scheduled"}
                """).messages();
        ingestion.ingest(messages.subList(0, 4), List.of(ALPHA));
        BoundTenant newcomer = BoundTenant.of("catnew");
        TestTenants.provision(newcomer, migrator, seeders, transactions);

        CatalogIngestion.Report report = ingestion.ingest(messages.subList(4, 5), List.of(ALPHA, newcomer));

        assertThat(report.count(Applied.Kind.APPLIED)).as("the batch itself, once per tenant").isEqualTo(2);
        assertThat(event(newcomer, "open1")).containsEntry("status", "live").containsEntry("away_score", 1)
                .containsEntry("feed_version", 4L);
        assertThat(prices(newcomer, "open1:1x2", "source_price")).as("the suspension kept the last prices").containsExactly(
                Map.entry("home", new BigDecimal("1.40")), Map.entry("draw", new BigDecimal("4.80")),
                Map.entry("away", new BigDecimal("7.00")));
        String status = in(newcomer, () -> sql().sql("SELECT status FROM market WHERE feed_ref = 'open1:1x2'").query(String.class).single());
        assertThat(status).isEqualTo("suspended");
        assertThat(event(newcomer, "open2")).containsEntry("status", "scheduled");
        assertThat(ingestion.ingest(messages.subList(0, 4), List.of(newcomer)).count(Applied.Kind.APPLIED))
                .as("what it was given is what the feed said: the same messages again change nothing").isZero();
    }

    @Test
    void aScoreTheFeedNoLongerPricesIsWithdrawnWhileItsHistoryStays() {
        List<FeedMessage> messages = JsonLinesFeed.read("""
                {"type":"event","eventRef":"cs1","version":1,"sport":"football","category":"Portugal","competition":"Liga","home":"Benfica","away":"Porto","startsAt":"2026-11-26T20:00:00Z","status":"live","score":{"home":0,"away":0}}
                {"type":"market","eventRef":"cs1","version":2,"marketRef":"cs1:cs","marketType":"correct_score","status":"open","prices":{"0-0":"7.00","1-0":"6.00","0-1":"8.00","other":"1.80"}}
                {"type":"event","eventRef":"cs1","version":3,"sport":"football","category":"Portugal","competition":"Liga","home":"Benfica","away":"Porto","startsAt":"2026-11-26T20:00:00Z","status":"live","score":{"home":1,"away":0}}
                {"type":"market","eventRef":"cs1","version":4,"marketRef":"cs1:cs","marketType":"correct_score","status":"open","prices":{"1-0":"3.50","other":"1.35"}}
                """).messages();
        changes.seen.clear();

        ingestion.ingest(messages, List.of(ALPHA));

        Map<String, Boolean> active = in(ALPHA, () -> {
            Map<String, Boolean> byKey = new java.util.TreeMap<>();
            sql().sql("SELECT s.selection_key, s.active FROM selection s JOIN market m ON m.id = s.market_id WHERE m.feed_ref = 'cs1:cs'")
                    .query((rs, row) -> byKey.put(rs.getString(1), rs.getBoolean(2))).list();
            return byKey;
        });
        assertThat(active).containsExactly(Map.entry("0-0", false), Map.entry("0-1", false), Map.entry("1-0", true),
                Map.entry("other", true));
        Long history = in(ALPHA, () -> sql().sql("""
                SELECT count(*) FROM price_change p JOIN selection s ON s.id = p.selection_id WHERE s.selection_key = '0-0'
                AND s.market_id = (SELECT id FROM market WHERE feed_ref = 'cs1:cs')""").query(Long.class).single());
        assertThat(history).as("the withdrawn score's prices stay in the odds history").isEqualTo(1);
        assertThat(changes.seen).filteredOn(c -> c instanceof CatalogChange.MarketChanged m && m.version() == 2)
                .singleElement().satisfies(c -> assertThat(((CatalogChange.MarketChanged) c).prices())
                        .filteredOn(move -> move.price() == null).extracting(CatalogChange.PriceMove::key)
                        .containsExactlyInAnyOrder("0-0", "0-1"));
        Map<String, BigDecimal> offered = prices(ALPHA, "cs1:cs", "offered_price");
        assertThat(offered).as("the offered book is what the feed still prices").containsOnlyKeys("1-0", "other");
        assertThat(book(offered).overround()).as("priced as a whole book with the tenant's 5 %%")
                .isBetween(new BigDecimal("0.05"), new BigDecimal("0.07"));
    }

    @Test
    void anInterruptionSuspendsTheMarketsAndAnAbandonmentClosesThem() {
        List<FeedMessage> messages = JsonLinesFeed.read("""
                {"type":"event","eventRef":"rain1","version":1,"sport":"tennis","category":"ATP","competition":"Queen's","home":"Fritz","away":"Paul","startsAt":"2026-06-20T12:00:00Z","status":"live","score":{"home":1,"away":0}}
                {"type":"market","eventRef":"rain1","version":2,"marketRef":"rain1:mw","marketType":"match_winner","status":"open","prices":{"home":"1.50","away":"2.60"}}
                {"type":"event","eventRef":"rain1","version":3,"sport":"tennis","category":"ATP","competition":"Queen's","home":"Fritz","away":"Paul","startsAt":"2026-06-20T12:00:00Z","status":"interrupted","score":{"home":1,"away":0}}
                {"type":"market","eventRef":"rain1","version":4,"marketRef":"rain1:mw","marketType":"match_winner","status":"open","prices":{"home":"1.45","away":"2.70"}}
                {"type":"event","eventRef":"rain1","version":5,"sport":"tennis","category":"ATP","competition":"Queen's","home":"Fritz","away":"Paul","startsAt":"2026-06-20T12:00:00Z","status":"abandoned","score":{"home":1,"away":0}}
                {"type":"event","eventRef":"rain1","version":6,"sport":"tennis","category":"ATP","competition":"Queen's","home":"Fritz","away":"Paul","startsAt":"2026-06-20T12:00:00Z","status":"live","score":{"home":1,"away":0}}
                """).messages();

        CatalogIngestion.Report report = ingestion.ingest(messages, List.of(ALPHA));

        assertThat(report.count(Applied.Kind.SKIPPED)).as("re-opening a market of an interrupted event; an abandoned "
                + "event coming back to life").isEqualTo(2);
        List<String> statuses = in(ALPHA, () -> sql().sql("""
                SELECT c.status FROM market_change c JOIN market m ON m.id = c.market_id WHERE m.feed_ref = 'rain1:mw' ORDER BY c.version""")
                .query(String.class).list());
        assertThat(statuses).containsExactly("open", "suspended", "closed");
        assertThat(event(ALPHA, "rain1")).containsEntry("status", "abandoned");
    }
}
