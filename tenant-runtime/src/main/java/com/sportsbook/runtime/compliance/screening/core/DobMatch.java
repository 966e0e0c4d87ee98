package com.sportsbook.runtime.compliance.screening.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How a person's date of birth agrees with a list entry's dates of birth (an entry may state several). The best
 * agreement over the entry's dates counts: one matching date is enough, all must conflict for a conflict.
 */
public enum DobMatch {
    /** The entry states this very day. */
    SAME_DATE,
    /** The entry states a month, year or span of years that contains the date (or the day with day and month swapped). */
    SAME_YEAR,
    /** The entry states no date of birth, or the person gave none: the name alone decides. */
    UNKNOWN,
    /** Every date the entry states excludes the person's: a namesake, not a hit. */
    CONFLICT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DobMatch of(List<BirthDate> stated, LocalDate born) {
        if (born == null || stated.isEmpty()) {
            return UNKNOWN;
        }
        DobMatch best = CONFLICT;
        for (BirthDate date : stated) {
            DobMatch match = date.compare(born);
            if (match.ordinal() < best.ordinal()) {
                best = match;
            }
        }
        return best;
    }
}
