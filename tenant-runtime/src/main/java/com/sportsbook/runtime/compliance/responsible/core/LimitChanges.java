package com.sportsbook.runtime.compliance.responsible.core;

import java.time.Duration;
import java.time.Instant;

/**
 * How a requested limit change takes effect (DOMAIN.md "Responsible gambling"): a new limit or a lower one at once;
 * a higher one or a removal only after the jurisdiction's cooling-off (the current limit holds meanwhile). A lower
 * request cancels a pending increase. Plain Java.
 */
public final class LimitChanges {

    private LimitChanges() {
    }

    /** A limit as stored: the amount in force (null: none) and a change waiting for its cooling-off. */
    public record Limit(Long amount, Long pendingAmount, boolean pendingRemoval, Instant pendingFrom) {

        public static final Limit NONE = new Limit(null, null, false, null);

        public boolean hasPending() {
            return pendingFrom != null;
        }

        /** The limit with a pending change applied once its time has come. */
        public Limit settled(Instant now) {
            if (pendingFrom == null || pendingFrom.isAfter(now)) {
                return this;
            }
            return new Limit(pendingRemoval ? null : pendingAmount, null, false, null);
        }
    }

    /** The result of a request: the limit as it now stands, and whether the change waits. */
    public record Outcome(Limit limit, boolean immediate, boolean unchanged) {
    }

    /** @param requested the new amount, or null to remove the limit */
    public static Outcome request(Limit current, Long requested, Duration coolingOff, Instant now) {
        if (requested != null && requested < 0) {
            throw new IllegalArgumentException("a limit is zero or more");
        }
        Limit limit = current.settled(now);
        Long amount = limit.amount();
        if (amount == null && requested == null) {
            return new Outcome(Limit.NONE, true, true);
        }
        if (amount == null || (requested != null && requested < amount)) {
            return new Outcome(new Limit(requested, null, false, null), true, false);
        }
        if (requested != null && requested.equals(amount)) {
            // the same amount again: any pending loosening is withdrawn
            return new Outcome(new Limit(amount, null, false, null), true, !limit.hasPending());
        }
        Instant from = now.plus(coolingOff);
        return new Outcome(new Limit(amount, requested, requested == null, from), coolingOff.isZero(), false);
    }
}
