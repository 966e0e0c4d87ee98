package com.sportsbook.runtime.compliance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A report's period: whole days {@code from} to {@code to}, both included, in UTC, at most {@link #MAX_DAYS} long. As
 * instants, {@code [start, end)}: from midnight UTC of {@code from} to midnight UTC after {@code to}.
 */
record ReportWindow(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;

    ReportWindow {
        if (from.isAfter(to) || days(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("not a report window: " + from + " to " + to);
        }
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The days of the period, both ends counted. */
    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
