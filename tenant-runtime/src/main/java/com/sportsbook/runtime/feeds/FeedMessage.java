package com.sportsbook.runtime.feeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a feed says, in the platform's terms, whatever the feed. Every message names the event it belongs to and
 * carries that event's version: ingestion applies a message only if it is newer than what it has for the event
 * (the same message twice is one change, an older one arriving late is ignored). The exception is an
 * {@link Incident}, a fact with its own time that is kept however late it is reported.
 */
public sealed interface FeedMessage {

    String eventRef();

    long version();

    /**
     * An event appears or changes: its name, teams, start, status ({@link EventStatus}) and, in play, the score.
     * {@code home} and {@code away} are null for an outright (a competition's winner), whose {@code name} says what
     * it is; {@code score} is null before the start.
     */
    record EventUpdate(String eventRef, long version, String sport, String category, String competition, String name,
            String home, String away, Instant startsAt, EventStatus status, Score score) implements FeedMessage {

        /** A match between two sides, named "home v away". */
        public static EventUpdate match(String eventRef, long version, String sport, String category, String competition,
                String home, String away, Instant startsAt, EventStatus status, Score score) {
            return new EventUpdate(eventRef, version, sport, category, competition, home + " v " + away, home, away,
                    startsAt, status, score);
        }
    }

    /** Goals, points or sets so far (by the sport). */
    record Score(int home, int away) {
        public Score {
            if (home < 0 || away < 0) {
                throw new IllegalArgumentException("a score is not negative");
            }
        }
    }

    /**
     * A market's prices or status change. {@code prices} maps selection keys ({@link MarketType#selectionKeys}) to
     * the source's decimal prices, and may be empty when only the status changes (a suspension keeps the last
     * prices); {@code line} is the handicap or total line, null for markets without one.
     */
    record MarketUpdate(String eventRef, long version, String marketRef, MarketType type, BigDecimal line,
            MarketStatus status, Map<String, BigDecimal> prices) implements FeedMessage {
        public MarketUpdate {
            prices = Map.copyOf(prices);
        }
    }

    /**
     * The final result: goals (points, sets) at full time and at half time (null when the feed has none). Resulting
     * closes the event's markets; settlement reads the result.
     */
    record Result(String eventRef, long version, int homeGoals, int awayGoals, Integer halfTimeHomeGoals,
            Integer halfTimeAwayGoals) implements FeedMessage {
    }

    /**
     * Something happened in play at a moment the feed states: a goal, a red card, a penalty awarded, a break of serve
     * (tennis), a scoring run (basketball). Providers often report an incident after the fact, with its true time,
     * so an incident is not ordered by {@code version} like the other messages: a late report is kept (bets accepted
     * in play between {@code occurredAt} and the report are past-posted), and the same incident reported twice (same
     * event, kind and time) is kept once. {@code version} is the event's version when the feed reported it, kept
     * for the record. An unknown {@code kind} or a missing {@code occurredAt} makes the message malformed
     * ({@link #problem()}).
     */
    record Incident(String eventRef, long version, String kind, Instant occurredAt) implements FeedMessage {

        /** The incident kinds a feed may report. */
        public static final Set<String> KINDS = Set.of("goal", "red_card", "penalty", "break", "run");

        /** Why this incident cannot be taken in, if it cannot. */
        public Optional<String> problem() {
            if (kind == null || !KINDS.contains(kind)) {
                return Optional.of("unknown incident kind '" + kind + "'");
            }
            if (occurredAt == null) {
                return Optional.of("an incident says when it occurred");
            }
            return Optional.empty();
        }
    }
}
