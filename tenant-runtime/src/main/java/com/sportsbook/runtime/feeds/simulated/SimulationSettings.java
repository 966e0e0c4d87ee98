package com.sportsbook.runtime.feeds.simulated;

import java.time.Duration;

/**
 * How the simulated feed behaves: which random world it plays (the seed), how many events of each sport are on offer
 * at any time (a finished event is replaced by a new one, so the counts hold), how fast simulated time runs against
 * real time, how often a live event's prices move, how far ahead pre-match events start, and the least real time
 * between two messages when playing.
 *
 * @param seed               the same seed (and start) gives the same messages
 * @param footballEvents     football matches on offer at any time (plus one outright per football competition)
 * @param tennisEvents       tennis matches on offer at any time
 * @param basketballEvents   basketball games on offer at any time
 * @param speed              simulated seconds per real second when playing (60: a minute a second)
 * @param priceTicksPerSecond price re-computations per real second for each live event (the drift rate)
 * @param preMatchHorizon    how far ahead of now pre-match events start
 * @param minimumSpacing     the least real time between two messages when playing (zero for none)
 */
public record SimulationSettings(long seed, int footballEvents, int tennisEvents, int basketballEvents, double speed,
        double priceTicksPerSecond, Duration preMatchHorizon, Duration minimumSpacing) {

    private static final int MOST_EVENTS = 100;
    private static final Duration SHORTEST_TICK = Duration.ofSeconds(1);
    private static final Duration LONGEST_TICK = Duration.ofMinutes(15);

    public SimulationSettings {
        if (footballEvents < 0 || tennisEvents < 0 || basketballEvents < 0
                || footballEvents > MOST_EVENTS || tennisEvents > MOST_EVENTS || basketballEvents > MOST_EVENTS) {
            throw new IllegalArgumentException("each sport has 0 to " + MOST_EVENTS + " events");
        }
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("the speed is above 0 and at most 100000, not " + speed);
        }
        if (!(priceTicksPerSecond > 0) || priceTicksPerSecond > 1_000) {
            throw new IllegalArgumentException("price ticks per second are above 0 and at most 1000, not " + priceTicksPerSecond);
        }
        if (preMatchHorizon == null || preMatchHorizon.compareTo(Duration.ofMinutes(30)) < 0
                || preMatchHorizon.compareTo(Duration.ofDays(14)) > 0) {
            throw new IllegalArgumentException("the pre-match horizon is 30 minutes to 14 days, not " + preMatchHorizon);
        }
        if (minimumSpacing == null || minimumSpacing.isNegative() || minimumSpacing.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("the spacing between messages is 0 to 10 seconds, not " + minimumSpacing);
        }
    }

    /**
     * Six football matches, four tennis matches and four basketball games, a third of each sport (at least one)
     * already in play at the start and the rest starting over the next four hours; a simulated minute per real second,
     * prices moving once a second per live event, at least 10 ms between messages.
     */
    public static SimulationSettings defaults() {
        return new SimulationSettings(20_260_801L, 6, 4, 4, 60, 1, Duration.ofHours(4), Duration.ofMillis(10));
    }

    public SimulationSettings withSeed(long newSeed) {
        return new SimulationSettings(newSeed, footballEvents, tennisEvents, basketballEvents, speed, priceTicksPerSecond,
                preMatchHorizon, minimumSpacing);
    }

    public SimulationSettings withEvents(int football, int tennis, int basketball) {
        return new SimulationSettings(seed, football, tennis, basketball, speed, priceTicksPerSecond, preMatchHorizon,
                minimumSpacing);
    }

    public SimulationSettings withPace(double newSpeed, double newPriceTicksPerSecond, Duration newMinimumSpacing) {
        return new SimulationSettings(seed, footballEvents, tennisEvents, basketballEvents, newSpeed,
                newPriceTicksPerSecond, preMatchHorizon, newMinimumSpacing);
    }

    /**
     * The simulated time between two price ticks of a live event: speed over ticks per second (a minute with the
     * defaults), kept between a second and a quarter of an hour.
     */
    public Duration tickInterval() {
        long millis = Math.round(speed / priceTicksPerSecond * 1000);
        Duration tick = Duration.ofMillis(millis);
        if (tick.compareTo(SHORTEST_TICK) < 0) {
            return SHORTEST_TICK;
        }
        return tick.compareTo(LONGEST_TICK) > 0 ? LONGEST_TICK : tick;
    }
}
