package com.sportsbook.runtime.feeds;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An event's lifecycle: scheduled, live, finished, resulted, settled, archived, and the interruptions postponed,
 * interrupted, abandoned and cancelled. {@link #canBecome} says which moves a feed may make; settlement and
 * archiving are the platform's own moves, never a feed's.
 */
public enum EventStatus {
    SCHEDULED,
    LIVE,
    FINISHED,
    RESULTED,
    SETTLED,
    ARCHIVED,
    POSTPONED,
    INTERRUPTED,
    ABANDONED,
    CANCELLED;

    /** Whether the event is still offered to players (pre-match or in play). */
    public boolean offered() {
        return this == SCHEDULED || this == LIVE;
    }

    public boolean canBecome(EventStatus next) {
        if (next == this) {
            return true;
        }
        Set<EventStatus> allowed = switch (this) {
            case SCHEDULED -> EnumSet.of(LIVE, POSTPONED, CANCELLED);
            case POSTPONED -> EnumSet.of(SCHEDULED, CANCELLED, ABANDONED);
            case LIVE -> EnumSet.of(FINISHED, INTERRUPTED, ABANDONED);
            case INTERRUPTED -> EnumSet.of(LIVE, ABANDONED, FINISHED);
            case FINISHED -> EnumSet.of(RESULTED);
            case RESULTED -> EnumSet.of(SETTLED);
            case SETTLED -> EnumSet.of(ARCHIVED);
            case ARCHIVED, ABANDONED, CANCELLED -> EnumSet.noneOf(EventStatus.class);
        };
        return allowed.contains(next);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus fromWire(String wire) {
        return valueOf(wire.strip().toUpperCase(Locale.ROOT));
    }
}
