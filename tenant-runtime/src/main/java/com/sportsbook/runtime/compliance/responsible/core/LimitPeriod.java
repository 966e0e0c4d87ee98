package com.sportsbook.runtime.compliance.responsible.core;

import java.time.Duration;
import java.util.Locale;

/**
 * The window a limit counts over: rolling, so a limit can never be beaten by waiting for midnight or the first of
 * the month (a day is the last 24 hours, a week the last 7 days, a month the last 30 days).
 */
public enum LimitPeriod {
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30));

    private final Duration window;

    LimitPeriod(Duration window) {
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LimitPeriod fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
