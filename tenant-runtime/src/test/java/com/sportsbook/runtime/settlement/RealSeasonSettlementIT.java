package com.sportsbook.runtime.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.betting.core.BetShape;
import com.sportsbook.runtime.betting.core.Betslip;
import com.sportsbook.runtime.betting.core.OddsPolicy;
import com.sportsbook.runtime.betting.placement.BetPlacement;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.catalog.ingest.Applied;
import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.FeedScreen;
import com.sportsbook.runtime.feeds.footballdata.SeasonFile;
import com.sportsbook.runtime.feeds.footballdata.SeasonMatch;
import com.sportsbook.runtime.feeds.footballdata.SeasonReplay;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.Balance;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.ledger.LedgerChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A real Premier League season (football-data.co.uk, bundled) through the whole system: the replay's fixtures and
 * markets (1X2, total 2.5, the Asian handicap at the line given, quarter lines included) ingested into a tenant's
 * catalog at the real bookmakers' prices under the tenant's own margin; for every match three pre-match singles placed
 * by real wallet players at the prices the tenant offers; the matches played and resulted by the replay's own
 * messages; every event settled. Then every bet's status, leg outcome and return agree with what the final score in
 * the CSV says, computed here independently (the CSV read by hand, lines counted in quarter goals, a quarter line as
 * two half stakes, rounded down once); every player holds deposit - stakes + returns; every bet was paid exactly
 * once, the markets' exposure is released and the ledger checks pass. 2023-24 by default; every bundled season with
 * {@code -Dsettlement.allSeasons=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSeasonSettlementIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new com.sportsbook.commons.TenantSlug("realseasons"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<String> ALL_SEASONS = List.of("2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24",
            "2024-25");
    private static final int PLAYERS = 16;
    private static final int PLACING_THREADS = 4;
    private static final long DEPOSIT = 1_000_000;
    private static final int FEED_BATCH = 500;
    private static final List<String> THREE_WAY = List.of("home", "draw", "away");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 12);
    }

    @Autowired
    BetPlacement placement;

    @Autowired
    BetRecords records;

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    Wallet wallet;

    @Autowired
    LedgerChecks ledgerChecks;

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

    @BeforeAll
    void aTenantThatTakesEveryBet() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        in(() -> sql().sql("UPDATE bet_delay SET seconds = 0").update());
        in(() -> sql().sql("UPDATE betting_limits SET max_payout = 1000000000, market_liability_limit = 1000000000").update());
    }

    Stream<String> seasons() {
        return Boolean.getBoolean("settlement.allSeasons") ? ALL_SEASONS.stream() : Stream.of("2023-24");
    }

    @ParameterizedTest(name = "season {0}")
    @MethodSource("seasons")
    void everyBetOnEveryMatchSettlesAsTheFinalScoreInTheCsvSays(String season) throws Exception {
        long started = System.nanoTime();
        SeasonFile.Read read = SeasonFile.bundledSeasons().stream()
                .filter(file -> !file.matches().isEmpty() && file.matches().getFirst().season().equals(season))
                .findFirst().orElseThrow();
        Map<String, CsvMatch> csv = csvMatches(season);
        List<SeasonMatch> matches = inTheFuture(read.matches());
        assertThat(matches).as("every row of the CSV is a match of the replay").hasSize(csv.size());
        if (season.equals("2023-24")) {
            assertThat(matches).hasSize(380);
        }

        // the fixtures and markets, as the feed would send them before kick-off; the rest once the bets are in
        List<FeedMessage> replay = SeasonReplay.messages(matches);
        List<FeedMessage> beforeKickOff = replay.stream().filter(message -> !played(message)).toList();
        List<FeedMessage> played = replay.stream().filter(RealSeasonSettlementIT::played).toList();
        FeedScreen screen = new FeedScreen();
        feed(screen, beforeKickOff);
        long fed = System.nanoTime();

        Map<String, Offer> offers = offers(season);
        List<PlannedBet> plan = plan(matches, offers);
        List<PlayerView> players = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
            players.add(player());
        }
        List<PlacedBet> placed = place(plan, players);
        long placedAt = System.nanoTime();

        feed(screen, played);
        List<UUID> events = offers.values().stream().map(Offer::eventId).distinct().toList();
        assertThat(events).hasSize(matches.size());
        for (UUID event : events) {
            SettlementRuns.Run run = TenantContext.callAs(TENANT, () -> runs.settleEvent(event, "real season " + season));
            assertThat(run.status()).as("run of event %s", event).isEqualTo("finished");
        }
        long settledAt = System.nanoTime();

        // every bet against the CSV's final score, computed here
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long[] expectedCash = new long[PLAYERS];
        Arrays.fill(expectedCash, DEPOSIT);
        int quarterLineBets = 0;
        for (PlacedBet bet : placed) {
            PlannedBet planned = bet.planned();
            CsvMatch match = csv.get(planned.offer().home() + " v " + planned.offer().away());
            assertThat(match).as("the CSV has %s v %s", planned.offer().home(), planned.offer().away()).isNotNull();
            BigDecimal line = switch (planned.offer().marketType()) {
                case "1x2" -> null;
                case "total" -> new BigDecimal("2.5");
                case "asian_handicap" -> match.handicapLine();
                default -> throw new IllegalStateException(planned.offer().marketType());
            };
            if (line != null && quarters(line) % 2 != 0) {
                quarterLineBets++;
            }
            Expected expected = expected(planned.offer().marketType(), line, planned.offer().selectionKey(), match.homeGoals(),
                    match.awayGoals(), planned.stake(), planned.offer().offeredPrice());
            BetView settled = in(() -> records.find(bet.betId()).orElseThrow());
            BetView.Leg leg = settled.legs().getFirst();
            String what = "%s %s-%s %s %s %s at %s, stake %d".formatted(match.fixture(), match.homeGoals(), match.awayGoals(),
                    planned.offer().marketType(), line == null ? "" : line.toPlainString(), planned.offer().selectionKey(),
                    planned.offer().offeredPrice(), planned.stake());
            if (line != null && (leg.line() == null || leg.line().compareTo(line) != 0)) {
                disagreements.add(what + ": the bet's line is " + leg.line());
            }
            if (!expected.status().equals(settled.status()) || settled.settledReturn() == null
                    || expected.payout() != settled.settledReturn() || !expected.outcome().equals(leg.outcome())) {
                disagreements.add(what + ": expected " + expected + ", settled " + settled.status() + " returning "
                        + settled.settledReturn() + " (leg " + leg.outcome() + ")");
            }
            statuses.merge(planned.offer().marketType() + ":" + settled.status(), 1, Integer::sum);
            expectedCash[planned.player()] += expected.payout() - planned.stake();
        }
        assertThat(disagreements).as("bets whose settlement disagrees with the final score").isEmpty();
        for (int p = 0; p < PLAYERS; p++) {
            Balance cash = cash(players.get(p));
            assertThat(cash.balance()).as("player %d: deposit - stakes + returns", p).isEqualTo(expectedCash[p]);
            assertThat(cash.debt()).isZero();
        }
        assertEveryBetPaidOnce(season, placed);
        long exposure = in(() -> sql().sql("""
                SELECT coalesce(sum(abs(x.stakes)) + sum(abs(x.payouts)), 0) FROM selection_exposure x
                JOIN market m ON m.id = x.market_id JOIN sport_event e ON e.id = m.event_id WHERE e.feed_ref LIKE ?""")
                .param(eventRefPrefix(season) + "%").query(Long.class).single());
        assertThat(exposure).as("exposure left on the season's markets").isZero();
        LedgerChecks.Result check = TenantContext.callAs(TENANT, () -> ledgerChecks.run("on_demand"));
        assertThat(check.findings()).isEmpty();
        assertThat(check.passed()).isTrue();
        // the quarter lines, pushes and half results really came up
        assertThat(quarterLineBets).as("quarter-line bets").isGreaterThan(100);
        assertThat(statuses).containsKeys("asian_handicap:half_won", "asian_handicap:half_lost", "asian_handicap:void");

        // who settled them: the worker on the feed's result, or this test's own runs (which then found them settled)
        Map<String, Long> settledBy = new TreeMap<>();
        in(() -> sql().sql("""
                SELECT CASE WHEN s.cause LIKE 'real season %' THEN 'test' ELSE 'worker' END, count(*) FROM bet_settlement s
                JOIN bet_leg l ON l.bet_id = s.bet_id JOIN sport_event e ON e.id = l.event_id WHERE e.feed_ref LIKE ? GROUP BY 1""")
                .param(eventRefPrefix(season) + "%").query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(row -> settledBy.put(row.getKey(), row.getValue()));
        System.out.printf("real season %s: %d matches, %d bets (%d on quarter lines) by %d players; %s; settled by %s;"
                + " fed in %.1f s, placed in %.1f s, played and settled in %.1f s, checked in %.1f s%n",
                season, matches.size(), placed.size(), quarterLineBets, PLAYERS, statuses, settledBy, seconds(started, fed),
                seconds(fed, placedAt), seconds(placedAt, settledAt), seconds(settledAt, System.nanoTime()));
    }

    // ---- the independent side: the CSV read by hand, and the returns computed from its final score

    private record CsvMatch(String fixture, int homeGoals, int awayGoals, BigDecimal handicapLine) {
    }

    /**
     * Every row of the season's CSV by "home v away" (each pairing plays once a season): the final score, and the
     * Asian handicap line of the home side the replay offers (the closing line, else the opening one where a season
     * publishes no closing line).
     */
    private static Map<String, CsvMatch> csvMatches(String season) {
        String text;
        try (InputStream in = RealSeasonSettlementIT.class.getResourceAsStream("/feeds/football-data/E0-" + season + ".csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = List.of(lines.getFirst().replace("\uFEFF", "").split(",", -1));
        Map<String, CsvMatch> matches = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Column column = name -> {
                int index = header.indexOf(name);
                return index < 0 || index >= fields.length || fields[index].isBlank() ? null : fields[index].strip();
            };
            String fixture = column.of("HomeTeam") + " v " + column.of("AwayTeam");
            String handicap = Stream.of("AHCh", "AHh", "BbAHh").map(column::of).filter(Objects::nonNull)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no handicap line for " + fixture));
            CsvMatch previous = matches.put(fixture, new CsvMatch(fixture, Integer.parseInt(column.of("FTHG")),
                    Integer.parseInt(column.of("FTAG")), new BigDecimal(handicap)));
            assertThat(previous).as("%s plays once a season", fixture).isNull();
        }
        return matches;
    }

    private interface Column {
        String of(String column);
    }

    /** What a single should do: its status, its leg's outcome and its return in minor units. */
    record Expected(String status, String outcome, long payout) {
    }

    /**
     * A single of {@code stake} at {@code price} by the final score. Lines are counted in quarter goals, so the
     * side's margin against its line is an integer: above 0 it wins, 0 pushes (stake back), below 0 it loses. A
     * quarter line (an odd number of quarters) is two half stakes on the lines a quarter goal either side; the two
     * halves are added and rounded down to the cent once.
     */
    static Expected expected(String marketType, BigDecimal line, String selection, int home, int away, long stake,
            BigDecimal price) {
        int margin = switch (marketType) {
            case "1x2" -> {
                String winner = home > away ? "home" : home < away ? "away" : "draw";
                yield selection.equals(winner) ? 4 : -4;
            }
            case "total" -> selection.equals("over") ? (home + away) * 4 - quarters(line) : quarters(line) - (home + away) * 4;
            // the line is the home side's handicap; the away side takes the opposite one
            case "asian_handicap" -> selection.equals("home") ? (home - away) * 4 + quarters(line) : (away - home) * 4 - quarters(line);
            default -> throw new IllegalArgumentException(marketType);
        };
        BigDecimal whole = BigDecimal.valueOf(stake);
        if (margin % 2 == 0) {
            return new Expected(status(Integer.signum(margin), Integer.signum(margin)), outcome(Integer.signum(margin),
                    Integer.signum(margin)), part(margin, whole, price).setScale(0, RoundingMode.DOWN).longValueExact());
        }
        BigDecimal half = whole.divide(BigDecimal.TWO);
        int lower = Integer.signum(margin - 1);
        int upper = Integer.signum(margin + 1);
        long paid = part(margin - 1, half, price).add(part(margin + 1, half, price)).setScale(0, RoundingMode.DOWN).longValueExact();
        return new Expected(status(lower, upper), outcome(lower, upper), paid);
    }

    /** Two halves' results (1 won, 0 pushed, -1 lost) as the bet's status; a whole or half line is two equal halves. */
    private static String status(int lower, int upper) {
        if (lower == upper) {
            return lower > 0 ? "won" : lower == 0 ? "void" : "lost";
        }
        return lower + upper > 0 ? "half_won" : "half_lost";
    }

    private static String outcome(int lower, int upper) {
        if (lower == upper) {
            return lower > 0 ? "win" : lower == 0 ? "void" : "lose";
        }
        return lower + upper > 0 ? "half_win" : "half_lose";
    }

    private static BigDecimal part(int margin, BigDecimal stake, BigDecimal price) {
        return margin > 0 ? stake.multiply(price) : margin == 0 ? stake : BigDecimal.ZERO;
    }

    private static int quarters(BigDecimal line) {
        return line.multiply(BigDecimal.valueOf(4)).intValueExact();
    }

    // ---- the system side

    /** The season moved to start two days from now (same order and spacing), so that every match takes pre-match bets. */
    private static List<SeasonMatch> inTheFuture(List<SeasonMatch> season) {
        Instant first = season.stream().map(SeasonMatch::kickOff).min(Comparator.naturalOrder()).orElseThrow();
        Duration shift = Duration.between(first, Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        return season.stream().map(m -> new SeasonMatch(m.season(), m.row(), m.kickOff().plus(shift), m.home(), m.away(),
                m.homeGoals(), m.awayGoals(), m.halfTimeHomeGoals(), m.halfTimeAwayGoals(), m.opening1x2(), m.closing1x2(),
                m.openingTotal25(), m.closingTotal25(), m.openingHandicap(), m.closingHandicap())).toList();
    }

    /** Kick-off, the final whistle and the result: what the feed says once the bets are in. */
    private static boolean played(FeedMessage message) {
        return message instanceof FeedMessage.Result || message instanceof FeedMessage.EventUpdate event
                && (event.status() == EventStatus.LIVE || event.status() == EventStatus.FINISHED);
    }

    /** As the feed runner does: screened, then ingested in batches; every message must apply. */
    private void feed(FeedScreen screen, List<FeedMessage> messages) {
        for (int from = 0; from < messages.size(); from += FEED_BATCH) {
            FeedScreen.Screened screened = screen.screen(messages.subList(from, Math.min(messages.size(), from + FEED_BATCH)));
            assertThat(screened.skipped()).as("messages the feed screen skipped").isEmpty();
            CatalogIngestion.Report report = ingestion.ingest(screened.accepted(), List.of(TENANT));
            assertThat(report.outcomes()).as("ingestion of %d messages", screened.accepted().size())
                    .containsOnlyKeys(Applied.Kind.APPLIED);
        }
    }

    private static String eventRefPrefix(String season) {
        return "fd:E0:" + season + ":";
    }

    /** A selection as the tenant offers it, with the source's price it was made from. */
    record Offer(String eventRef, UUID eventId, String home, String away, String marketRef, String marketType, BigDecimal line,
            UUID selectionId, String selectionKey, BigDecimal sourcePrice, BigDecimal offeredPrice) {
    }

    /** Every selection of the season's markets, read back from the catalog, by "market ref|selection key". */
    private Map<String, Offer> offers(String season) {
        List<Offer> all = in(() -> sql().sql("""
                SELECT e.feed_ref, e.id, e.home, e.away, m.feed_ref, m.market_type, m.line, s.id, s.selection_key,
                  s.source_price, s.offered_price
                FROM selection s JOIN market m ON m.id = s.market_id JOIN sport_event e ON e.id = m.event_id
                WHERE e.feed_ref LIKE ? AND s.active AND m.status = 'open'""")
                .param(eventRefPrefix(season) + "%")
                .query((rs, row) -> new Offer(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getObject(8, UUID.class), rs.getString(9),
                        rs.getBigDecimal(10), rs.getBigDecimal(11)))
                .list());
        Map<String, Offer> byKey = new HashMap<>();
        all.forEach(offer -> byKey.put(offer.marketRef() + "|" + offer.selectionKey(), offer));
        return byKey;
    }

    record PlannedBet(int player, Offer offer, long stake) {
    }

    record PlacedBet(PlannedBet planned, UUID betId) {
    }

    /**
     * Three singles per match, at the prices the tenant offers: 1X2 home, draw or away in turn, over or under 2.5, and
     * the home or away side of the Asian handicap at the closing line (the opening one where there is none). Stakes
     * vary, odd ones included, so that half stakes on quarter lines have half cents to round.
     */
    private static List<PlannedBet> plan(List<SeasonMatch> matches, Map<String, Offer> offers) {
        List<SeasonMatch> ordered = matches.stream().sorted(Comparator.comparing(SeasonMatch::kickOff)
                .thenComparing(SeasonMatch::row)).toList();
        List<PlannedBet> plan = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            SeasonMatch match = ordered.get(i);
            String event = SeasonReplay.eventRef(match);
            SeasonMatch.ThreeWay threeWay = match.closing1x2() != null ? match.closing1x2() : match.opening1x2();
            SeasonMatch.TwoWay total = match.closingTotal25() != null ? match.closingTotal25() : match.openingTotal25();
            SeasonMatch.Handicap handicap = match.closingHandicap() != null ? match.closingHandicap() : match.openingHandicap();
            assertThat(threeWay).as("%s has 1X2 prices", match).isNotNull();
            assertThat(total).as("%s has total 2.5 prices", match).isNotNull();
            assertThat(handicap).as("%s has an Asian handicap", match).isNotNull();

            String side = THREE_WAY.get(i % 3);
            String overUnder = (i / 3) % 2 == 0 ? "over" : "under";
            String handicapSide = (i / 2) % 2 == 0 ? "home" : "away";
            Offer oneXTwo = offer(offers, event + ":1x2", side,
                    side.equals("home") ? threeWay.home() : side.equals("draw") ? threeWay.draw() : threeWay.away());
            Offer goals = offer(offers, event + ":total:2.5", overUnder, overUnder.equals("over") ? total.over() : total.under());
            Offer asian = offer(offers, event + ":ah:" + handicap.line().toPlainString(), handicapSide,
                    handicapSide.equals("home") ? handicap.home() : handicap.away());
            int player = i % PLAYERS;
            plan.add(new PlannedBet(player, oneXTwo, 200 + (i * 37L) % 1800));
            plan.add(new PlannedBet(player, goals, 201 + (i * 53L) % 1800));
            plan.add(new PlannedBet(player, asian, 101 + (i * 71L) % 1900));
        }
        return plan;
    }

    /** The offered selection, made from the real bookmaker's price the replay sent. */
    private static Offer offer(Map<String, Offer> offers, String marketRef, String key, BigDecimal realPrice) {
        Offer offer = offers.get(marketRef + "|" + key);
        assertThat(offer).as("the catalog offers %s %s", marketRef, key).isNotNull();
        assertThat(offer.sourcePrice()).as("source price of %s %s", marketRef, key).isEqualByComparingTo(realPrice);
        return offer;
    }

    /** Each player's bets in order on one thread; the players spread over a few threads. */
    private List<PlacedBet> place(List<PlannedBet> plan, List<PlayerView> players) throws Exception {
        ExecutorService placing = Executors.newFixedThreadPool(PLACING_THREADS);
        try {
            List<Future<List<PlacedBet>>> lanes = new ArrayList<>();
            for (int lane = 0; lane < PLACING_THREADS; lane++) {
                int mine = lane;
                lanes.add(placing.submit(() -> {
                    List<PlacedBet> placed = new ArrayList<>();
                    for (PlannedBet bet : plan) {
                        if (bet.player() % PLACING_THREADS == mine) {
                            placed.add(new PlacedBet(bet, single(players.get(bet.player()), bet)));
                        }
                    }
                    return placed;
                }));
            }
            List<PlacedBet> placed = new ArrayList<>();
            for (Future<List<PlacedBet>> lane : lanes) {
                placed.addAll(lane.get());
            }
            assertThat(placed).hasSize(plan.size());
            return placed;
        } finally {
            placing.shutdownNow();
        }
    }

    private UUID single(PlayerView player, PlannedBet bet) {
        Betslip slip = new Betslip(BetShape.SINGLE, bet.stake(), "EUR",
                List.of(new Betslip.Leg(bet.offer().selectionId(), bet.offer().offeredPrice())), OddsPolicy.NONE);
        BetView placed = TenantContext.callAs(TENANT, () -> placement.place(player, slip, UUID.randomUUID().toString())).bet();
        assertThat(placed.status()).isEqualTo("accepted");
        assertThat(placed.inPlay()).isFalse();
        assertThat(placed.legs().getFirst().price()).isEqualByComparingTo(bet.offer().offeredPrice());
        return placed.id();
    }

    private PlayerView player() {
        UUID id = UUID.randomUUID();
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer("deposit:" + id, TransactionKind.DEPOSIT,
                List.of(new Posting(AccountRef.cash(id, "main", EUR), DEPOSIT),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -DEPOSIT)), null, null)));
        return new PlayerView(id, "main", id + "@example.com", "Pat", "Punter", LocalDate.of(1990, 1, 1), "GB", "EUR",
                "active", Instant.now());
    }

    private Balance cash(PlayerView player) {
        return TenantContext.callAs(TENANT, () -> wallet.balance(new AccountRef.Player(player.id(), "main", EUR, AccountKind.CASH)));
    }

    /** One settlement in the ledger per bet (a payout, or the settlement of a lost stake), whoever ran it. */
    private void assertEveryBetPaidOnce(String season, List<PlacedBet> placed) {
        Map<String, Long> settlements = new HashMap<>();
        List<Map.Entry<String, Long>> rows = in(() -> sql().sql("""
                SELECT t.reference, count(*) FROM wallet_transaction t
                WHERE t.kind IN ('payout', 'settlement') AND t.reference IN (
                  SELECT l.bet_id::text FROM bet_leg l JOIN sport_event e ON e.id = l.event_id WHERE e.feed_ref LIKE ?)
                GROUP BY t.reference""")
                .param(eventRefPrefix(season) + "%")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list());
        rows.forEach(row -> settlements.put(row.getKey(), row.getValue()));
        assertThat(settlements).hasSize(placed.size());
        assertThat(settlements.values()).containsOnly(1L);
        List<Long> versions = in(() -> sql().sql("""
                SELECT count(*) FROM bet_settlement s JOIN bet_leg l ON l.bet_id = s.bet_id JOIN sport_event e ON e.id = l.event_id
                WHERE e.feed_ref LIKE ? GROUP BY s.bet_id""").param(eventRefPrefix(season) + "%").query(Long.class).list());
        assertThat(versions).hasSize(placed.size()).containsOnly(1L);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }
}
