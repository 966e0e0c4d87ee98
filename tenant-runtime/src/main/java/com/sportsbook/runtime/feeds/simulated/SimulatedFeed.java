package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.Feed;
import com.sportsbook.runtime.feeds.FeedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An endless simulated odds feed: football matches (and each football competition's outright), tennis matches and
 * basketball games, announced with their markets and prices, played in simulated time with scores, suspensions,
 * drifting prices and closures, finished and resulted. When an event is resulted a new one of its sport is announced,
 * starting within the pre-match horizon, so the feed never runs dry. Event references are {@code sim:<run>:<sport>:<n>}, the run being the start second
 * in base 36 so a restarted feed never reuses an earlier run's names
 * ({@code sim:<run>:football:outright:<competition>} for outrights); market references {@code eventRef:type[:line]}.
 *
 * <p>Deterministic: the same settings and start give the same messages, however simulated time is stepped
 * ({@link #advance} one hour or sixty minutes give the same sixty minutes). {@link #play} steps simulated time along
 * with real time at the settings' speed and hands each message to the sink, at least the minimum spacing apart, until
 * its thread is interrupted. Not thread-safe: one thread plays or advances a feed.
 */
public final class SimulatedFeed implements Feed {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration LONGEST_POLL = Duration.ofMillis(200);

    private final SimulationSettings settings;
    private final SplittableRandom world;
    private final List<SimulatedEvent> events = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private Instant now;
    /** "sim:&lt;run&gt;:": a run started at another moment (a restarted runtime) names its own events. */
    private final String prefix;

    /** A feed starting at the clock's present moment (to the second). */
    public SimulatedFeed(SimulationSettings settings, Clock clock) {
        this(settings, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A feed whose simulated time starts at {@code start}: a third of each sport's events (at least one) kicked off
     * up to an hour or so before and are announced as they stand, in play; the rest start over the pre-match horizon.
     */
    public SimulatedFeed(SimulationSettings settings, Instant start) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.now = Objects.requireNonNull(start, "start");
        this.prefix = "sim:" + Long.toString(start.getEpochSecond(), 36) + ":";
        this.world = new SplittableRandom(settings.seed());
        open("football", settings.footballEvents(), 80);
        open("tennis", settings.tennisEvents(), 30);
        open("basketball", settings.basketballEvents(), 70);
        if (settings.footballEvents() > 0) {
            Instant decidedAt = FootballOutright.decidedAt(start);
            for (Rosters.League league : Rosters.FOOTBALL) {
                add(new FootballOutright(prefix + "football:outright:" + league.slug(), league, decidedAt, world.nextLong()),
                        start);
            }
        }
    }

    @Override
    public String name() {
        return "simulated";
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** The simulated time the feed has reached. */
    public Instant now() {
        return now;
    }

    /** Runs simulated time on by {@code step} and returns what the feed said meanwhile, in order. */
    public List<FeedMessage> advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("simulated time does not go back: " + step);
        }
        return advanceTo(now.plus(step));
    }

    /** Runs simulated time on to {@code until} and returns what the feed said meanwhile, in order. */
    public List<FeedMessage> advanceTo(Instant until) {
        if (until.isBefore(now)) {
            throw new IllegalArgumentException("simulated time is already " + now + ", after " + until);
        }
        List<FeedMessage> said = new ArrayList<>();
        while (true) {
            SimulatedEvent due = null;
            Instant dueAt = null;
            for (SimulatedEvent event : events) {
                Instant at = event.next();
                if (at != null && !at.isAfter(until) && (dueAt == null || at.isBefore(dueAt))) {
                    due = event;
                    dueAt = at;
                }
            }
            if (due == null) {
                break;
            }
            said.addAll(due.runNext());
            if (due.finished()) {
                events.remove(due);
                replace(due.sport, dueAt);
            }
        }
        now = until;
        return said;
    }

    /**
     * Plays the feed in real time: simulated time runs at the settings' speed from where it is, each message goes to
     * the sink at least the minimum spacing after the one before; until the thread is interrupted, which ends it
     * with an {@link InterruptedException}.
     */
    @Override
    public void play(Consumer<FeedMessage> sink) throws InterruptedException {
        long began = System.nanoTime();
        Instant from = now;
        Duration spacing = settings.minimumSpacing();
        Duration poll = Duration.ofNanos(Math.round(1e9 / settings.priceTicksPerSecond() / 2));
        if (poll.compareTo(LONGEST_POLL) > 0) {
            poll = LONGEST_POLL;
        }
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the simulated feed was stopped");
            }
            double realMillis = (System.nanoTime() - began) / 1e6;
            Instant target = from.plusMillis((long) (realMillis * settings.speed()));
            if (target.isAfter(now)) {
                for (FeedMessage message : advanceTo(target)) {
                    sink.accept(message);
                    if (!spacing.isZero()) {
                        Thread.sleep(spacing);
                    }
                }
            }
            Thread.sleep(poll);
        }
    }

    // ---- the world ----------------------------------------------------------------------------------------------

    private void open(String sport, int count, int longestMinutesAgo) {
        if (count == 0) {
            return;
        }
        Instant start = now;
        int live = Math.max(1, count / 3);
        int ahead = count - live;
        long horizon = settings.preMatchHorizon().toSeconds();
        for (int i = 0; i < count; i++) {
            Instant startsAt;
            if (i < live) {
                startsAt = SimulatedEvent.floorToFiveMinutes(start.minus(Duration.ofMinutes(5 + world.nextInt(longestMinutesAgo - 5))));
            } else {
                long spread = horizon / ahead;
                long offset = spread * (i - live + 1) - world.nextLong(spread / 2 + 1);
                startsAt = ceilToFiveMinutes(start.plusSeconds(offset));
            }
            add(create(sport, startsAt), start);
        }
    }

    /** A new event of the sport in place of one just resulted, starting within the horizon. */
    private void replace(String sport, Instant at) {
        long horizon = settings.preMatchHorizon().toSeconds();
        long offset = horizon / 4 + world.nextLong(horizon - horizon / 4 + 1);
        add(create(sport, ceilToFiveMinutes(at.plusSeconds(offset))), at);
    }

    private void add(SimulatedEvent event, Instant announceAt) {
        event.announceAt(announceAt);
        events.add(event);
    }

    private SimulatedEvent create(String sport, Instant startsAt) {
        long seed = world.nextLong();
        String ref = prefix + sport + ":" + numbers.merge(sport, 1, Integer::sum);
        Set<String> busy = new HashSet<>();
        for (SimulatedEvent event : events) {
            if (event.sport.equals(sport) && event.home != null) {
                busy.add(event.home);
                busy.add(event.away);
            }
        }
        Duration tick = settings.tickInterval();
        return switch (sport) {
            case "football" -> {
                Rosters.League league = Rosters.FOOTBALL.get(world.nextInt(Rosters.FOOTBALL.size()));
                List<Rosters.Club> pair = pair(league.clubs(), Rosters.Club::name, busy);
                yield new FootballMatch(ref, league, pair.get(0), pair.get(1), startsAt, seed, tick);
            }
            case "tennis" -> {
                Rosters.Tournament tournament = Rosters.TENNIS_TOURNAMENTS.get(world.nextInt(Rosters.TENNIS_TOURNAMENTS.size()));
                List<Rosters.Player> pair = pair(Rosters.TENNIS_PLAYERS, Rosters.Player::name, busy);
                yield new TennisMatch(ref, tournament, pair.get(0), pair.get(1), startsAt, seed, tick);
            }
            case "basketball" -> {
                Rosters.Hoops league = Rosters.BASKETBALL.get(world.nextInt(Rosters.BASKETBALL.size()));
                List<Rosters.Team> pair = pair(league.teams(), Rosters.Team::name, busy);
                yield new BasketballGame(ref, league, pair.get(0), pair.get(1), startsAt, seed, tick);
            }
            default -> throw new IllegalArgumentException("no simulated " + sport);
        };
    }

    /** Two different sides, home first, not already playing if there are two free. */
    private <T> List<T> pair(List<T> pool, Function<T, String> name, Set<String> busy) {
        List<T> free = pool.stream().filter(side -> !busy.contains(name.apply(side))).toList();
        List<T> from = free.size() >= 2 ? free : pool;
        int first = world.nextInt(from.size());
        int second = world.nextInt(from.size() - 1);
        if (second >= first) {
            second++;
        }
        return List.of(from.get(first), from.get(second));
    }

    private static Instant ceilToFiveMinutes(Instant at) {
        Instant floor = SimulatedEvent.floorToFiveMinutes(at);
        Instant ceiling = floor.equals(at) ? at : floor.plus(FIVE_MINUTES);
        return ceiling;
    }
}
