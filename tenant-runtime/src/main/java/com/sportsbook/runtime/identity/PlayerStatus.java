package com.sportsbook.runtime.identity;

import java.util.Locale;

/** A player account's state; only an active account may sign in and call the API. */
public enum PlayerStatus {
    ACTIVE, SUSPENDED, CLOSED, SELF_EXCLUDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PlayerStatus fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** The problem code a refused call carries. */
    String refusalCode() {
        return switch (this) {
            case ACTIVE -> throw new IllegalStateException("an active account is not refused");
            case SUSPENDED -> "account_suspended";
            case CLOSED -> "account_closed";
            case SELF_EXCLUDED -> "self_excluded";
        };
    }
}
