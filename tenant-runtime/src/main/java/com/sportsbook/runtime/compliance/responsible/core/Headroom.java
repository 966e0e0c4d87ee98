package com.sportsbook.runtime.compliance.responsible.core;

import java.util.Map;

/**
 * What a player may still deposit, lose, wager or play under their limits: for each period with a limit, the limit
 * less what was used in that period; with several limits the lowest applies. Plain Java.
 */
public final class Headroom {

    public static final long UNLIMITED = Long.MAX_VALUE;

    private Headroom() {
    }

    public static long remaining(Map<LimitPeriod, Long> limits, Map<LimitPeriod, Long> used) {
        long remaining = UNLIMITED;
        for (Map.Entry<LimitPeriod, Long> limit : limits.entrySet()) {
            if (limit.getValue() == null) {
                continue;
            }
            long left = Math.max(0, limit.getValue() - used.getOrDefault(limit.getKey(), 0L));
            remaining = Math.min(remaining, left);
        }
        return remaining;
    }
}
