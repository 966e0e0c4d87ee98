package com.sportsbook.runtime.feeds;

import java.util.Locale;

/** The tabs of an event page, in display order. */
public enum MarketGroup {
    MAIN,
    GOALS,
    HALVES,
    CORNERS,
    CARDS,
    PLAYERS,
    SPECIALS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
