package com.sportsbook.commons.rules;

/** The shortest and the longest time-out a player must be able to take, in days. */
public record TimeOutBounds(int minDays, int maxDays) {

    public TimeOutBounds {
        if (minDays < 1 || maxDays < minDays) {
            throw new IllegalArgumentException("time-out bounds need 1 <= min <= max days");
        }
    }
}
