package com.sportsbook.runtime.feeds;

import java.util.Locale;

/** A market's status: open for bets, suspended (prices kept, no bets), closed, resulted, settled, cancelled. */
public enum MarketStatus {
    OPEN,
    SUSPENDED,
    CLOSED,
    RESULTED,
    SETTLED,
    CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MarketStatus fromWire(String wire) {
        return valueOf(wire.strip().toUpperCase(Locale.ROOT));
    }
}
