package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One simulated event: who plays, its lifecycle, its markets and its version counter, and a time-ordered queue of
 * what happens to it next. Subclasses (a football match, a tennis match, a basketball game, a competition's outright)
 * schedule their happenings and price their markets; this class turns their state changes into feed messages, with
 * one strictly rising version per event. An event can be brought to a moment silently (an event already in play
 * when the feed starts) and is then announced as it stands: its event update first, then its markets. Incidents (a
 * goal, a break of serve, a run) are told with the moment they happened, a second or three of feed latency before
 * the simulated moment they are told at.
 */
abstract class SimulatedEvent {

    /** The order of happenings at the same instant: a period starts, play happens, the period ends, prices tick. */
    enum Priority {
        START,
        PLAY,
        END,
        PRICE
    }

    private record Happening(Instant at, Priority priority, long sequence, Runnable action) {
    }

    static final Duration PRE_MATCH_TICK = Duration.ofMinutes(15);
    /** How long after an incident the simulated provider tells it: 1 to 3 s of simulated time. */
    static final Duration SHORTEST_LATENCY = Duration.ofSeconds(1);
    static final Duration LONGEST_LATENCY = Duration.ofSeconds(3);

    final String ref;
    final String sport;
    final String category;
    final String competition;
    final String name;
    final String home;
    final String away;
    final Instant startsAt;
    final Pricer pricer;

    private final PriorityQueue<Happening> happenings = new PriorityQueue<>(Comparator.comparing(Happening::at)
            .thenComparing(Happening::priority).thenComparingLong(Happening::sequence));
    private final Map<String, SimulatedMarket> markets = new LinkedHashMap<>();
    private final List<FeedMessage> outbox = new ArrayList<>();
    /** Its own stream, so drawing latencies leaves what happens on the field as the event's seed makes it. */
    private final SplittableRandom latency;
    private long sequence;
    private long version;
    private int tickChain;
    private EventStatus status = EventStatus.SCHEDULED;
    private FeedMessage.Score score;
    private boolean emitting = true;
    private boolean announced;
    private boolean finished;
    private Instant announceAt;
    private Instant now;
    private Instant suspendedUntil = Instant.MIN;

    SimulatedEvent(String ref, String sport, String category, String competition, String name, String home, String away,
            Instant startsAt, long seed) {
        this.ref = ref;
        this.sport = sport;
        this.category = category;
        this.competition = competition;
        this.name = name;
        this.home = home;
        this.away = away;
        this.startsAt = startsAt;
        this.pricer = new Pricer(margin(seed));
        this.latency = new SplittableRandom(seed ^ 0x1A7E_2C1D_E7L);
        this.now = startsAt;
    }

    /** The provider's margin for one event: 5 to 7 %, drawn from the event's seed. */
    static BigDecimal margin(long seed) {
        double draw = new SplittableRandom(seed ^ 0x5DEECE66DL).nextDouble();
        return BigDecimal.valueOf(0.05 + 0.02 * draw).setScale(3, RoundingMode.HALF_UP);
    }

    // ---- driven by the feed -------------------------------------------------------------------------------------

    /**
     * Brings the event silently to {@code at} (what happened before is not told) and makes its announcement the
     * next thing it does, at {@code at}.
     */
    final void announceAt(Instant at) {
        emitting = false;
        while (!happenings.isEmpty() && happenings.peek().at().isBefore(at) && !finished) {
            runOne();
        }
        if (finished) {
            throw new IllegalStateException(ref + " is already over at " + at);
        }
        emitting = true;
        outbox.clear();
        announceAt = at;
    }

    /** When the event next does something, or null when it is over. */
    final Instant next() {
        if (finished) {
            return null;
        }
        if (!announced) {
            return announceAt;
        }
        return happenings.isEmpty() ? null : happenings.peek().at();
    }

    /** Does the next thing and returns what it told. */
    final List<FeedMessage> runNext() {
        if (!announced) {
            announced = true;
            now = announceAt;
            announce();
        } else {
            runOne();
        }
        List<FeedMessage> told = List.copyOf(outbox);
        outbox.clear();
        return told;
    }

    final boolean finished() {
        return finished;
    }

    private void runOne() {
        Happening happening = happenings.poll();
        now = happening.at();
        happening.action().run();
    }

    private void announce() {
        for (SimulatedMarket market : markets.values()) {
            if (market.status == MarketStatus.CLOSED) {
                continue;
            }
            Map<String, BigDecimal> prices = prices(market);
            if (prices == null) {
                market.status = MarketStatus.CLOSED;
            } else {
                market.prices = prices;
            }
        }
        emitEvent();
        for (SimulatedMarket market : markets.values()) {
            if (market.status != MarketStatus.CLOSED) {
                emitMarket(market, market.status, market.prices);
            }
        }
        onAnnounced();
    }

    // ---- for the sports -----------------------------------------------------------------------------------------

    /** What the event's models make of a market now: its offered prices, or null once it is decided. */
    abstract Map<String, BigDecimal> prices(SimulatedMarket market);

    /** A price tick: the model's estimates wander a little and the markets are re-priced. */
    abstract void onTick();

    /** Whether a change of score suspends the market (corners and cards do not move with goals). */
    boolean movesWithScore(SimulatedMarket market) {
        return true;
    }

    /** After the announcement: by default prices move every quarter of an hour until the start. */
    void onAnnounced() {
        if (status == EventStatus.SCHEDULED) {
            startTicking(PRE_MATCH_TICK);
        }
    }

    final Instant now() {
        return now;
    }

    final void schedule(Instant at, Priority priority, Runnable action) {
        happenings.add(new Happening(at, priority, sequence++, action));
    }

    final SimulatedMarket market(MarketType type, BigDecimal line) {
        SimulatedMarket market = new SimulatedMarket(ref, type, line);
        markets.put(market.ref, market);
        return market;
    }

    /** Prices tick every {@code every} from now on (replacing any earlier ticking) until {@link #stopTicking}. */
    final void startTicking(Duration every) {
        int chain = ++tickChain;
        schedule(now.plus(every), Priority.PRICE, () -> tick(chain, every));
    }

    final void stopTicking() {
        tickChain++;
    }

    private void tick(int chain, Duration every) {
        if (chain != tickChain || finished) {
            return;
        }
        onTick();
        if (chain == tickChain && !finished) {
            schedule(now.plus(every), Priority.PRICE, () -> tick(chain, every));
        }
    }

    /** The start: the event is live at nil-nil and its markets are re-priced for play. */
    final void goLive() {
        status = EventStatus.LIVE;
        score = new FeedMessage.Score(0, 0);
        emitEvent();
        reprice();
    }

    /** The score moves: the event update that says so. */
    final void scoreIs(int homeScore, int awayScore) {
        FeedMessage.Score next = new FeedMessage.Score(homeScore, awayScore);
        if (!next.equals(score)) {
            score = next;
            emitEvent();
        }
    }

    /**
     * An incident ({@link FeedMessage.Incident#KINDS}) told now, as having happened a feed latency ago (1 to 3 s,
     * to the millisecond): what past-post detection compares bets with.
     */
    final void incident(String kind) {
        long spread = LONGEST_LATENCY.minus(SHORTEST_LATENCY).toMillis();
        Duration delay = SHORTEST_LATENCY.plusMillis(latency.nextLong(spread + 1));
        if (emitting) {
            outbox.add(new FeedMessage.Incident(ref, ++version, kind, now.minus(delay)));
        }
    }

    /**
     * After a goal, a break of serve or a run: the markets that move with the score are suspended (closed if now
     * decided) and re-open, re-priced, after {@code pause}; another suspension meanwhile pushes the re-opening back.
     */
    final void suspendFor(Duration pause) {
        for (SimulatedMarket market : markets.values()) {
            if (market.status == MarketStatus.CLOSED || !movesWithScore(market)) {
                continue;
            }
            Map<String, BigDecimal> prices = prices(market);
            if (prices == null) {
                close(market);
            } else {
                market.prices = prices;
                if (market.status == MarketStatus.OPEN) {
                    market.status = MarketStatus.SUSPENDED;
                    emitMarket(market, MarketStatus.SUSPENDED, Map.of());
                }
            }
        }
        Instant until = now.plus(pause);
        if (until.isAfter(suspendedUntil)) {
            suspendedUntil = until;
        }
        schedule(until, Priority.PRICE, this::reopen);
    }

    private void reopen() {
        if (!finished && !now.isBefore(suspendedUntil)) {
            reprice(true);
        }
    }

    /** Every market re-priced: the open ones that moved are told, decided ones close, suspended ones stay so. */
    final void reprice() {
        reprice(false);
    }

    private void reprice(boolean reopen) {
        for (SimulatedMarket market : markets.values()) {
            if (market.status == MarketStatus.CLOSED) {
                continue;
            }
            Map<String, BigDecimal> prices = prices(market);
            if (prices == null) {
                close(market);
                continue;
            }
            if (market.status == MarketStatus.SUSPENDED && !reopen) {
                market.prices = prices;
                continue;
            }
            boolean changed = market.status != MarketStatus.OPEN || !prices.equals(market.prices);
            market.status = MarketStatus.OPEN;
            market.prices = prices;
            if (changed) {
                emitMarket(market, MarketStatus.OPEN, prices);
            }
        }
    }

    final void close(SimulatedMarket market) {
        if (market.status != MarketStatus.CLOSED) {
            market.status = MarketStatus.CLOSED;
            emitMarket(market, MarketStatus.CLOSED, Map.of());
        }
    }

    /**
     * The end: the markets still open close, the event finishes with the final score, and the result follows
     * (half-time figures null where the sport has none).
     */
    final void finish(int homeScore, int awayScore, Integer halfTimeHome, Integer halfTimeAway) {
        stopTicking();
        for (SimulatedMarket market : markets.values()) {
            close(market);
        }
        status = EventStatus.FINISHED;
        score = new FeedMessage.Score(homeScore, awayScore);
        emitEvent();
        if (emitting) {
            outbox.add(new FeedMessage.Result(ref, ++version, homeScore, awayScore, halfTimeHome, halfTimeAway));
        }
        finished = true;
        happenings.clear();
    }

    private void emitEvent() {
        if (emitting) {
            outbox.add(new FeedMessage.EventUpdate(ref, ++version, sport, category, competition, name, home, away,
                    startsAt, status, score));
        }
    }

    private void emitMarket(SimulatedMarket market, MarketStatus told, Map<String, BigDecimal> prices) {
        if (emitting) {
            outbox.add(new FeedMessage.MarketUpdate(ref, ++version, market.ref, market.type, market.line, told, prices));
        }
    }

    /** Rounds a simulated instant down to the five minutes before it, as kick-offs are. */
    static Instant floorToFiveMinutes(Instant at) {
        long five = Duration.ofMinutes(5).toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), five) * five);
    }

    static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
