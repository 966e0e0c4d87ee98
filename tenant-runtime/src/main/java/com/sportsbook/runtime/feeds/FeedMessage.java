package com.sportsbook.runtime.feeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a feed says, in the platform's terms, whatever the feed. Every message names the event it belongs to and
 * carries that event's version: ingestion applies a message only if it is newer than what it has for the event
 * (the same message twice is one change, an older one arriving late is ignored).
 */
public sealed interface FeedMessage {

    String eventRef();

    long version();

    /** An event appears or changes: teams, start, status. */
    record EventUpdate(String eventRef, long version, String sport, String category, String competition, String home,
            String away, Instant startsAt, String status) implements FeedMessage {
    }

    /**
     * A market's prices or status change. {@code prices} maps selection keys (home, draw, away, over, under) to the
     * source's decimal prices; {@code line} is the handicap or total line, null for markets without one.
     */
    record MarketUpdate(String eventRef, long version, String marketRef, String type, BigDecimal line, String status,
            Map<String, BigDecimal> prices) implements FeedMessage {
        public MarketUpdate {
            prices = Map.copyOf(prices);
        }
    }

    /** The final result: goals at full time and at half time (null when the feed has none). */
    record Result(String eventRef, long version, int homeGoals, int awayGoals, Integer halfTimeHomeGoals,
            Integer halfTimeAwayGoals) implements FeedMessage {
    }
}
