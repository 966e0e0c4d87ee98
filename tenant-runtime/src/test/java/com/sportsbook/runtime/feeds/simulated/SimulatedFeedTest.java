package com.sportsbook.runtime.feeds.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.FeedMessage.EventUpdate;
import com.sportsbook.runtime.feeds.FeedMessage.Incident;
import com.sportsbook.runtime.feeds.FeedMessage.MarketUpdate;
import com.sportsbook.runtime.feeds.FeedMessage.Result;
import com.sportsbook.runtime.feeds.FeedScreen;
import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import com.sportsbook.runtime.pricing.Book;
import com.sportsbook.runtime.pricing.Odds;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated feed: a long run over every sport, told the way the platform expects, reproducibly. */
class SimulatedFeedTest {

    private static final Instant START = Instant.parse("2026-09-12T12:03:00Z");
    private static final Duration LONG_RUN = Duration.ofHours(10);

    /** Ten simulated hours of the default world, a minute at a time, shared by the tests that only read it. */
    private static List<FeedMessage> longRun;

    private static synchronized List<FeedMessage> longRun() {
        if (longRun == null) {
            longRun = run(SimulationSettings.defaults(), LONG_RUN, Duration.ofMinutes(1));
        }
        return longRun;
    }

    private static List<FeedMessage> run(SimulationSettings settings, Duration length, Duration step) {
        SimulatedFeed feed = new SimulatedFeed(settings, START);
        List<FeedMessage> messages = new ArrayList<>(feed.advance(Duration.ZERO));
        for (Duration done = Duration.ZERO; done.compareTo(length) < 0; done = done.plus(step)) {
            messages.addAll(feed.advance(step));
        }
        return messages;
    }

    private static Map<String, List<FeedMessage>> byEvent(List<FeedMessage> messages) {
        return messages.stream().collect(Collectors.groupingBy(FeedMessage::eventRef, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<EventUpdate> updates(List<FeedMessage> messages) {
        return messages.stream().filter(EventUpdate.class::isInstance).map(EventUpdate.class::cast).toList();
    }

    private static List<MarketUpdate> markets(List<FeedMessage> messages, MarketType type) {
        return messages.stream().filter(m -> m instanceof MarketUpdate market && market.type() == type)
                .map(MarketUpdate.class::cast).toList();
    }

    private static String sport(List<FeedMessage> eventMessages) {
        return updates(eventMessages).getFirst().sport();
    }

    @Test
    void everyMessageOfALongRunOverEverySportPassesAFreshScreen() {
        List<FeedMessage> messages = longRun();

        FeedScreen.Screened screened = new FeedScreen().screen(messages);

        assertThat(screened.skipped()).isEmpty();
        assertThat(screened.accepted()).hasSameSizeAs(messages);
        assertThat(updates(messages)).extracting(EventUpdate::sport).contains("football", "tennis", "basketball");
        assertThat(messages).allSatisfy(message -> assertThat(message.eventRef()).startsWith("sim:"));
    }

    @Test
    void versionsRiseStrictlyPerEventAndLifecyclesOnlyMakeAllowedMoves() {
        byEvent(longRun()).forEach((event, messages) -> {
            assertThat(messages).extracting(FeedMessage::version).as(event).isSorted().doesNotHaveDuplicates();
            assertThat(messages.getFirst()).as(event + " is announced first").isInstanceOf(EventUpdate.class);
            List<EventStatus> lifecycle = updates(messages).stream().map(EventUpdate::status).toList();
            for (int i = 1; i < lifecycle.size(); i++) {
                assertThat(lifecycle.get(i - 1).canBecome(lifecycle.get(i)))
                        .as(event + ": " + lifecycle.get(i - 1) + " -> " + lifecycle.get(i)).isTrue();
            }
        });
    }

    @Test
    void everyFinishedEventGetsExactlyOneResultWithItsFinalScoreAndNothingAfterIt() {
        Map<String, List<FeedMessage>> events = byEvent(longRun());
        List<String> finished = events.entrySet().stream()
                .filter(e -> updates(e.getValue()).getLast().status() == EventStatus.FINISHED).map(Map.Entry::getKey).toList();

        assertThat(finished).hasSizeGreaterThan(10);
        for (String event : finished) {
            List<FeedMessage> messages = events.get(event);
            List<Result> results = messages.stream().filter(Result.class::isInstance).map(Result.class::cast).toList();
            EventUpdate last = updates(messages).getLast();
            assertThat(results).as(event).hasSize(1);
            assertThat(messages.getLast()).as(event + " ends with its result").isEqualTo(results.getFirst());
            assertThat(messages.get(messages.size() - 2)).as(event).isEqualTo(last);
            assertThat(new FeedMessage.Score(results.getFirst().homeGoals(), results.getFirst().awayGoals()))
                    .as(event).isEqualTo(last.score());
        }
        events.forEach((event, messages) -> {
            if (!finished.contains(event)) {
                assertThat(messages).as(event + " is not over").noneMatch(Result.class::isInstance);
            }
        });
    }

    @Test
    void footballResultsCarryTheHalfTimeScoreAndNoMarketStaysOpenAfterTheFinalWhistle() {
        byEvent(longRun()).forEach((event, messages) -> {
            if (!sport(messages).equals("football") || !(messages.getLast() instanceof Result result)) {
                return;
            }
            assertThat(result.halfTimeHomeGoals()).as(event).isNotNull().isBetween(0, result.homeGoals());
            assertThat(result.halfTimeAwayGoals()).as(event).isNotNull().isBetween(0, result.awayGoals());
            Map<String, MarketStatus> lastStatus = new HashMap<>();
            messages.stream().filter(MarketUpdate.class::isInstance).map(MarketUpdate.class::cast)
                    .forEach(market -> lastStatus.put(market.marketRef(), market.status()));
            assertThat(lastStatus.values()).as(event).containsOnly(MarketStatus.CLOSED);
        });
    }

    @Test
    void aGoalSuspendsTheMarketsThenReopensThemRepricedAndTheScorersPriceShortens() {
        int goalsLookedAt = 0;
        for (List<FeedMessage> messages : byEvent(longRun()).values()) {
            if (!sport(messages).equals("football")) {
                continue;
            }
            FeedMessage.Score before = null;
            for (int i = 0; i < messages.size(); i++) {
                if (!(messages.get(i) instanceof EventUpdate update) || update.status() != EventStatus.LIVE) {
                    continue;
                }
                FeedMessage.Score score = update.score();
                boolean homeGoal = before != null && score.home() == before.home() + 1 && score.away() == before.away();
                before = score;
                if (!homeGoal) {
                    continue;
                }
                MarketUpdate lastOpen = lastOpen1x2Before(messages, i);
                List<MarketUpdate> after = next1x2s(messages, i);
                // a price at the floor (1.01) or at the long-shot cap (fair chance 0.5 %) has no room to move
                if (lastOpen == null || after.size() < 2 || lastOpen.prices().get("home").compareTo(new BigDecimal("1.15")) < 0
                        || lastOpen.prices().get("home").compareTo(new BigDecimal("50")) > 0) {
                    continue;
                }
                assertThat(after.getFirst().status()).isEqualTo(MarketStatus.SUSPENDED);
                assertThat(after.getFirst().prices()).isEmpty();
                MarketUpdate reopened = after.get(1);
                if (anotherGoalBefore(messages, i, reopened)) {
                    continue;
                }
                assertThat(reopened.status()).isEqualTo(MarketStatus.OPEN);
                assertThat(reopened.prices().get("home")).as(update.eventRef() + " at " + score)
                        .isLessThan(lastOpen.prices().get("home"));
                goalsLookedAt++;
            }
        }
        assertThat(goalsLookedAt).as("home goals with room for the price to shorten").isGreaterThan(5);
    }

    private static MarketUpdate lastOpen1x2Before(List<FeedMessage> messages, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (messages.get(i) instanceof MarketUpdate market && market.type() == MarketType.ONE_X_TWO) {
                return market.status() == MarketStatus.OPEN ? market : null;
            }
        }
        return null;
    }

    private static List<MarketUpdate> next1x2s(List<FeedMessage> messages, int index) {
        return markets(messages.subList(index + 1, messages.size()), MarketType.ONE_X_TWO).stream().limit(2).toList();
    }

    private static boolean anotherGoalBefore(List<FeedMessage> messages, int goal, MarketUpdate reopened) {
        for (int i = goal + 1; messages.get(i) != reopened; i++) {
            if (messages.get(i) instanceof EventUpdate) {
                return true;
            }
        }
        return false;
    }

    @Test
    void goalsBreaksAndRunsAreToldAsIncidentsThatHappenedOneToThreeSecondsBeforeTheyWereTold() {
        SimulatedFeed feed = new SimulatedFeed(SimulationSettings.defaults(), START);
        List<FeedMessage> messages = new ArrayList<>(feed.advance(Duration.ZERO));
        // a second at a time, so each incident is known to be told within the second after its step began
        Map<Incident, Instant> stepBegan = new LinkedHashMap<>();
        for (int second = 0; second < 4 * 3600; second++) {
            Instant began = feed.now();
            for (FeedMessage message : feed.advance(Duration.ofSeconds(1))) {
                messages.add(message);
                if (message instanceof Incident incident) {
                    stepBegan.put(incident, began);
                }
            }
        }
        Map<String, String> sports = new HashMap<>();
        updates(messages).forEach(update -> sports.putIfAbsent(update.eventRef(), update.sport()));

        assertThat(stepBegan.keySet()).extracting(incident -> sports.get(incident.eventRef()) + " " + incident.kind())
                .containsOnly("football goal", "tennis break", "basketball run")
                .contains("football goal", "tennis break", "basketball run");
        stepBegan.forEach((incident, began) -> assertThat(incident.occurredAt())
                .as("%s told in the second after %s", incident, began)
                .isBeforeOrEqualTo(began)
                .isAfter(began.minusSeconds(3)));
        assertThat(stepBegan.keySet().stream().map(incident -> incident.occurredAt().toEpochMilli() % 1000).distinct())
                .as("latencies drawn to the millisecond, not one fixed delay").hasSizeGreaterThan(10);
    }

    @Test
    void everyGoalOfAMatchIsToldAsAnIncidentJustBeforeTheScoreThatCountsIt() {
        int matches = 0;
        for (List<FeedMessage> messages : byEvent(longRun()).values()) {
            EventUpdate announced = updates(messages).getFirst();
            if (!announced.sport().equals("football") || announced.status() != EventStatus.SCHEDULED
                    || !(messages.getLast() instanceof Result result)) {
                continue;
            }
            List<Incident> goals = messages.stream().filter(Incident.class::isInstance).map(Incident.class::cast).toList();
            assertThat(goals).as(announced.eventRef()).hasSize(result.homeGoals() + result.awayGoals())
                    .allSatisfy(goal -> assertThat(goal.kind()).isEqualTo("goal"));
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof Incident goal) {
                    assertThat(messages.get(i + 1)).as("the score after " + goal).isInstanceOfSatisfying(EventUpdate.class,
                            update -> assertThat(update.status()).isEqualTo(EventStatus.LIVE));
                    assertThat(goal.occurredAt()).isAfter(announced.startsAt());
                }
            }
            matches++;
        }
        assertThat(matches).isGreaterThan(5);
    }

    @Test
    void pricesDriftInPlayEvenWhileTheScoreStandsStill() {
        int drifting = 0;
        for (List<FeedMessage> messages : byEvent(longRun()).values()) {
            EventUpdate first = updates(messages).getFirst();
            MarketType main = first.sport().equals("football") ? MarketType.ONE_X_TWO : MarketType.MATCH_WINNER;
            if (first.home() == null) {
                continue;
            }
            // the open prices of the main market while live at the first score seen in play
            FeedMessage.Score score = null;
            Set<Map<String, BigDecimal>> priceSets = new HashSet<>();
            for (FeedMessage message : messages) {
                if (message instanceof EventUpdate update) {
                    if (update.status() != EventStatus.LIVE || (score != null && !score.equals(update.score()))) {
                        if (score != null) {
                            break;
                        }
                        continue;
                    }
                    score = update.score();
                } else if (score != null && message instanceof MarketUpdate market && market.type() == main
                        && market.status() == MarketStatus.OPEN) {
                    priceSets.add(market.prices());
                }
            }
            if (priceSets.size() >= 3) {
                drifting++;
            }
        }
        assertThat(drifting).as("events whose main market moved three times or more at one score").isGreaterThan(10);
    }

    @Test
    void theHalfTimeResultClosesAtHalfTimeAndTheSecondHalfIsPricedMinuteByMinute() {
        int matches = 0;
        for (List<FeedMessage> messages : byEvent(longRun()).values()) {
            if (!sport(messages).equals("football") || !(messages.getLast() instanceof Result)) {
                continue;
            }
            int halfTime = -1;
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof MarketUpdate market && market.type() == MarketType.HALF_TIME_RESULT
                        && market.status() == MarketStatus.CLOSED) {
                    halfTime = i;
                }
            }
            if (halfTime < 0) {
                continue;
            }
            List<MarketUpdate> secondHalf = markets(messages.subList(halfTime, messages.size()), MarketType.ONE_X_TWO)
                    .stream().filter(market -> market.status() == MarketStatus.OPEN).toList();
            assertThat(secondHalf).as(messages.getFirst().eventRef() + " in the second half").hasSizeGreaterThan(30);
            assertThat(secondHalf.stream().map(MarketUpdate::prices).distinct().count()).isGreaterThan(30);
            matches++;
        }
        assertThat(matches).isGreaterThan(5);
    }

    @Test
    void decidedMarketsCloseAndClosedMarketsStayClosed() {
        int halfTimeClosures = 0;
        int bttsClosedInPlay = 0;
        int totalsClosedInPlay = 0;
        for (List<FeedMessage> messages : byEvent(longRun()).values()) {
            boolean football = sport(messages).equals("football");
            Set<String> closed = new HashSet<>();
            FeedMessage.Score score = null;
            // the final whistle closes what is left: a closure before the last open price is one made in play
            FeedMessage lastOpen = messages.stream().filter(m -> m instanceof MarketUpdate market
                    && market.status() == MarketStatus.OPEN).reduce((first, second) -> second).orElse(null);
            boolean inPlay = true;
            for (FeedMessage message : messages) {
                if (message == lastOpen) {
                    inPlay = false;
                }
                if (message instanceof EventUpdate update) {
                    score = update.score();
                    continue;
                }
                if (!(message instanceof MarketUpdate market)) {
                    continue;
                }
                assertThat(closed).as(market.marketRef() + " changes after closing").doesNotContain(market.marketRef());
                boolean bothScored = score != null && score.home() > 0 && score.away() > 0;
                boolean overCertain = score != null && market.line() != null
                        && score.home() + score.away() > market.line().doubleValue() + 0.25;
                if (football && market.status() == MarketStatus.OPEN) {
                    assertThat(market.type() == MarketType.BOTH_TEAMS_TO_SCORE && bothScored)
                            .as(market.marketRef() + " is open though both sides scored").isFalse();
                    assertThat(market.type() == MarketType.TOTAL && overCertain)
                            .as(market.marketRef() + " is open though the over is certain at " + score).isFalse();
                }
                if (market.status() == MarketStatus.CLOSED) {
                    closed.add(market.marketRef());
                    halfTimeClosures += market.type() == MarketType.HALF_TIME_RESULT ? 1 : 0;
                    bttsClosedInPlay += market.type() == MarketType.BOTH_TEAMS_TO_SCORE && bothScored && inPlay ? 1 : 0;
                    totalsClosedInPlay += football && market.type() == MarketType.TOTAL && overCertain && inPlay ? 1 : 0;
                }
            }
        }
        assertThat(halfTimeClosures).isGreaterThan(5);
        assertThat(bttsClosedInPlay).isGreaterThan(2);
        assertThat(totalsClosedInPlay).isGreaterThan(2);
    }

    @Test
    void theSameSeedGivesTheSameMessagesHoweverTimeIsSteppedAndAnotherSeedOthers() {
        SimulationSettings settings = SimulationSettings.defaults().withSeed(7);

        List<FeedMessage> byMinutes = run(settings, Duration.ofHours(3), Duration.ofMinutes(1));
        List<FeedMessage> again = run(settings, Duration.ofHours(3), Duration.ofMinutes(1));
        List<FeedMessage> inOneGo = run(settings, Duration.ofHours(3), Duration.ofHours(3));
        List<FeedMessage> otherSeed = run(settings.withSeed(8), Duration.ofHours(3), Duration.ofMinutes(1));

        assertThat(again).isEqualTo(byMinutes);
        assertThat(inOneGo).isEqualTo(byMinutes);
        assertThat(otherSeed).isNotEqualTo(byMinutes);
        assertThat(updates(otherSeed).getFirst().name()).isNotEqualTo(updates(byMinutes).getFirst().name());
    }

    @Test
    void everyBookCarriesAnOverroundAndTheFullMarginUnlessItsFavouriteIsAtTheFloor() {
        Set<MarketType> books = Set.of(MarketType.ONE_X_TWO, MarketType.MATCH_WINNER, MarketType.TOTAL,
                MarketType.ASIAN_HANDICAP, MarketType.BOTH_TEAMS_TO_SCORE, MarketType.CORRECT_SCORE,
                MarketType.HALF_TIME_RESULT, MarketType.TOTAL_CORNERS, MarketType.TOTAL_CARDS, MarketType.OUTRIGHT);
        List<MarketUpdate> open = longRun().stream().filter(m -> m instanceof MarketUpdate market
                        && market.status() == MarketStatus.OPEN && books.contains(market.type()))
                .map(MarketUpdate.class::cast).toList();
        List<MarketUpdate> favouriteAboveTheFloor = open.stream()
                .filter(market -> market.prices().values().stream().allMatch(price -> price.compareTo(Odds.MINIMUM) > 0)).toList();

        assertThat(open).allSatisfy(market -> assertThat(overround(market)).as(market.marketRef() + " " + market.prices())
                .isPositive().isLessThan(new BigDecimal("0.15")));
        assertThat(favouriteAboveTheFloor).hasSizeGreaterThan(open.size() * 3 / 4).allSatisfy(market ->
                assertThat(overround(market)).as(market.marketRef() + " " + market.prices())
                        .isGreaterThanOrEqualTo(new BigDecimal("0.05")).isLessThan(new BigDecimal("0.10")));
        assertThat(longRun()).filteredOn(MarketUpdate.class::isInstance).allSatisfy(m -> assertThat(((MarketUpdate) m).prices().values())
                .allSatisfy(price -> assertThat(price.scale()).isEqualTo(2)));
    }

    private static BigDecimal overround(MarketUpdate market) {
        return new Book(market.prices().values().stream().map(Odds::new).toList()).overround();
    }

    @Test
    void footballMatchesOfferEveryMarketWithItsLinesAndEachCompetitionAnOutright() {
        List<FeedMessage> opening = new SimulatedFeed(SimulationSettings.defaults(), START).advance(Duration.ZERO);
        Map<String, List<FeedMessage>> events = byEvent(opening);
        List<FeedMessage> match = events.values().stream()
                .filter(m -> sport(m).equals("football") && updates(m).getFirst().status() == EventStatus.SCHEDULED
                        && updates(m).getFirst().home() != null)
                .findFirst().orElseThrow();
        List<MarketUpdate> markets = match.stream().filter(MarketUpdate.class::isInstance).map(MarketUpdate.class::cast).toList();

        assertThat(markets).extracting(MarketUpdate::type).containsOnlyOnce(MarketType.ONE_X_TWO, MarketType.DOUBLE_CHANCE,
                MarketType.BOTH_TEAMS_TO_SCORE, MarketType.CORRECT_SCORE, MarketType.HALF_TIME_RESULT,
                MarketType.TOTAL_CORNERS, MarketType.TOTAL_CARDS, MarketType.ANYTIME_GOALSCORER);
        assertThat(markets(match, MarketType.TOTAL)).extracting(MarketUpdate::line)
                .containsExactly(new BigDecimal("1.5"), new BigDecimal("2.5"), new BigDecimal("2.75"), new BigDecimal("3.5"));
        assertThat(markets(match, MarketType.ASIAN_HANDICAP)).extracting(MarketUpdate::line)
                .containsExactly(new BigDecimal("-0.5"), new BigDecimal("-0.25"), new BigDecimal("0"), new BigDecimal("0.5"));
        assertThat(markets(match, MarketType.TOTAL).get(2).marketRef()).isEqualTo(match.getFirst().eventRef() + ":total:2.75");
        assertThat(markets(match, MarketType.CORRECT_SCORE).getFirst().prices()).containsKeys("0-0", "1-1", "2-1", "other")
                .hasSizeGreaterThan(12);
        assertThat(markets(match, MarketType.ANYTIME_GOALSCORER).getFirst().prices()).hasSize(6);
        assertThat(markets).allSatisfy(market -> assertThat(market.status()).isEqualTo(MarketStatus.OPEN));

        List<EventUpdate> outrights = updates(opening).stream().filter(update -> update.home() == null).toList();
        assertThat(outrights).extracting(EventUpdate::name)
                .containsExactly("Premier League 2026/27 winner", "La Liga 2026/27 winner");
        assertThat(outrights).allSatisfy(outright -> {
            assertThat(outright.away()).isNull();
            List<MarketUpdate> outrightMarkets = events.get(outright.eventRef()).stream().filter(MarketUpdate.class::isInstance)
                    .map(MarketUpdate.class::cast).toList();
            assertThat(outrightMarkets).singleElement().satisfies(market -> {
                assertThat(market.type()).isEqualTo(MarketType.OUTRIGHT);
                assertThat(market.prices()).hasSizeGreaterThanOrEqualTo(6);
            });
        });
    }

    @Test
    void tennisMatchesArePricedPlayedInSetsAndResulted() {
        Map<String, List<FeedMessage>> tennis = byEvent(longRun()).entrySet().stream()
                .filter(e -> sport(e.getValue()).equals("tennis"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Result> results = tennis.values().stream().map(List::getLast).filter(Result.class::isInstance).map(Result.class::cast).toList();

        assertThat(tennis.values()).allSatisfy(messages -> {
            assertThat(markets(messages, MarketType.MATCH_WINNER)).isNotEmpty();
            assertThat(markets(messages, MarketType.TOTAL)).isNotEmpty().allSatisfy(total ->
                    assertThat(total.line().remainder(BigDecimal.ONE)).isEqualByComparingTo("0.5"));
            assertThat(updates(messages).getFirst().category()).isEqualTo("ATP");
        });
        assertThat(results).hasSizeGreaterThan(4).allSatisfy(result -> {
            assertThat(Math.max(result.homeGoals(), result.awayGoals())).isEqualTo(2);
            assertThat(Math.min(result.homeGoals(), result.awayGoals())).isBetween(0, 1);
            assertThat(result.halfTimeHomeGoals()).isNull();
        });
    }

    @Test
    void basketballGamesArePricedScoredInPointsAndResulted() {
        Map<String, List<FeedMessage>> games = byEvent(longRun()).entrySet().stream()
                .filter(e -> sport(e.getValue()).equals("basketball"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Result> results = games.values().stream().map(List::getLast).filter(Result.class::isInstance).map(Result.class::cast).toList();

        assertThat(games.values()).allSatisfy(messages -> {
            assertThat(markets(messages, MarketType.MATCH_WINNER)).isNotEmpty();
            assertThat(markets(messages, MarketType.TOTAL)).isNotEmpty();
            assertThat(markets(messages, MarketType.ASIAN_HANDICAP)).extracting(MarketUpdate::line).map(BigDecimal::stripTrailingZeros)
                    .allSatisfy(line -> assertThat(line.remainder(BigDecimal.ONE).abs()).isEqualByComparingTo("0.5"));
        });
        assertThat(results).hasSizeGreaterThan(4).allSatisfy(result -> {
            assertThat(result.homeGoals()).isNotEqualTo(result.awayGoals()).isBetween(50, 180);
            assertThat(result.awayGoals()).isBetween(50, 180);
            assertThat(result.halfTimeHomeGoals()).isBetween(15, result.homeGoals());
            assertThat(result.halfTimeAwayGoals()).isBetween(15, result.awayGoals());
        });
    }

    @Test
    void someEventsAreInPlayFromTheStartAndFinishedOnesAreReplacedSoTheFeedNeverRunsDry() {
        SimulationSettings settings = SimulationSettings.defaults();
        List<FeedMessage> opening = new SimulatedFeed(settings, START).advance(Duration.ZERO);
        Map<String, List<FeedMessage>> events = byEvent(longRun());

        assertThat(updates(opening)).filteredOn(update -> update.status() == EventStatus.LIVE)
                .extracting(EventUpdate::sport).contains("football", "tennis", "basketball");
        assertThat(updates(opening)).filteredOn(update -> update.status() == EventStatus.SCHEDULED && update.home() != null)
                .allSatisfy(update -> assertThat(update.startsAt()).isAfter(START)
                        .isBeforeOrEqualTo(START.plus(settings.preMatchHorizon()).plus(Duration.ofMinutes(5))));
        Map<String, Long> stillOffered = events.values().stream().map(messages -> updates(messages).getLast())
                .filter(update -> update.status().offered() && update.home() != null)
                .collect(Collectors.groupingBy(EventUpdate::sport, Collectors.counting()));
        assertThat(stillOffered).containsEntry("football", 6L).containsEntry("tennis", 4L).containsEntry("basketball", 4L);
        assertThat(events.keySet()).anySatisfy(ref -> assertThat(ref).endsWith(":football:12"))
                .anySatisfy(ref -> assertThat(ref).endsWith(":tennis:8")).anySatisfy(ref -> assertThat(ref).endsWith(":basketball:8"));
    }

    @Test
    void playingHandsTheMessagesToTheSinkInRealTimeUntilInterrupted() throws Exception {
        SimulationSettings fast = SimulationSettings.defaults().withPace(3_600, 10, Duration.ZERO);
        SimulatedFeed feed = new SimulatedFeed(fast, Clock.fixed(START, ZoneOffset.UTC));
        List<FeedMessage> told = new CopyOnWriteArrayList<>();
        AtomicBoolean stoppedByInterrupt = new AtomicBoolean();
        Thread player = new Thread(() -> {
            try {
                feed.play(told::add);
            } catch (InterruptedException stopped) {
                stoppedByInterrupt.set(true);
            }
        });

        player.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (told.stream().noneMatch(m -> m instanceof MarketUpdate market && market.status() == MarketStatus.SUSPENDED)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        player.interrupt();
        player.join(2_000);

        assertThat(player.isAlive()).isFalse();
        assertThat(stoppedByInterrupt).isTrue();
        assertThat(feed.name()).isEqualTo("simulated");
        assertThat(feed.now()).isAfter(START);
        assertThat(told).hasSizeGreaterThan(100);
        assertThat(new FeedScreen().screen(told).skipped()).isEmpty();
    }

    @Test
    void settingsHaveSensibleDefaultsAndRefuseNonsense() {
        SimulationSettings defaults = SimulationSettings.defaults();

        assertThat(List.of(defaults.footballEvents(), defaults.tennisEvents(), defaults.basketballEvents())).containsExactly(6, 4, 4);
        assertThat(defaults.tickInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.withPace(1, 1_000, Duration.ZERO).tickInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> defaults.withEvents(-1, 4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPace(0, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPace(60, 1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedFeed(defaults, START).advanceTo(START.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFeedOfOneSportOnlyTellsThatSport() {
        List<FeedMessage> messages = run(SimulationSettings.defaults().withEvents(0, 2, 0), Duration.ofHours(4), Duration.ofMinutes(5));

        assertThat(updates(messages)).extracting(EventUpdate::sport).containsOnly("tennis");
        assertThat(new FeedScreen().screen(messages).skipped()).isEmpty();
    }
}
