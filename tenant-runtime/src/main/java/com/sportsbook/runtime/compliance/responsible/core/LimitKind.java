package com.sportsbook.runtime.compliance.responsible.core;

import java.util.Locale;

/** What a responsible-gambling limit caps: money deposited, lost or wagered (minor units), or minutes played. */
public enum LimitKind {
    DEPOSIT,
    LOSS,
    WAGER,
    SESSION_TIME;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LimitKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
