package com.sportsbook.commons.rules;

/** The reality-check interval a player may choose, in minutes, and the one set until they choose. */
public record RealityCheck(int minMinutes, int maxMinutes, int defaultMinutes) {

    public RealityCheck {
        if (minMinutes < 1 || maxMinutes < minMinutes || defaultMinutes < minMinutes || defaultMinutes > maxMinutes) {
            throw new IllegalArgumentException("reality-check bounds need 1 <= min <= default <= max");
        }
    }
}
