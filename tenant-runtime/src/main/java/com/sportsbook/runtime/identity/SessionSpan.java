package com.sportsbook.runtime.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in session as far as it was used: from its first call to its last recorded one (calls are recorded at most
 * every 30 seconds), and when it was signed out of, if it was.
 */
public record SessionSpan(String sessionRef, Instant startedAt, Instant lastActivityAt, Instant endedAt) {

    /** How long the session was in use within {@code [from, to)}. */
    public Duration within(Instant from, Instant to) {
        Instant start = startedAt.isAfter(from) ? startedAt : from;
        Instant end = lastActivityAt.isBefore(to) ? lastActivityAt : to;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }
}
