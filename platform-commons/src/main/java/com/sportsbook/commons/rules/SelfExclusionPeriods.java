package com.sportsbook.commons.rules;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The self-exclusion periods a player must be offered, in months, and whether an indefinite one is among them.
 *
 * @param months     the definite periods, ascending
 * @param indefinite whether an indefinite (permanent) self-exclusion is offered
 */
public record SelfExclusionPeriods(SortedSet<Integer> months, boolean indefinite) {

    public SelfExclusionPeriods {
        months = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(months));
        if (months.isEmpty() && !indefinite) {
            throw new IllegalArgumentException("at least one self-exclusion period");
        }
        if (!months.isEmpty() && months.first() < 1) {
            throw new IllegalArgumentException("self-exclusion periods are at least one month");
        }
    }

    /** The shortest period offered, in months; {@link Integer#MAX_VALUE} when only indefinite is. */
    public int shortestMonths() {
        return months.isEmpty() ? Integer.MAX_VALUE : months.first();
    }
}
