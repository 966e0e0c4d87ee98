package com.sportsbook.runtime.identity;

import java.util.Locale;

/**
 * A player account's state; only an active account may sign in and call the API. {@code BLOCKED}: a sanctions
 * screening hit holds the account until a compliance officer clears it. {@code SELF_EXCLUDED} and {@code TIMED_OUT}:
 * the player's own responsible-gambling exclusion, kept by compliance until it ends; such a player may still sign in
 * to withdraw their balance (see {@link #mayStillWithdraw}), nothing else.
 */
public enum PlayerStatus {
    ACTIVE, SUSPENDED, CLOSED, SELF_EXCLUDED, BLOCKED, TIMED_OUT;

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
            case BLOCKED -> "account_blocked";
            case TIMED_OUT -> "timed_out";
        };
    }

    /**
     * A responsible-gambling exclusion (time-out or self-exclusion): no play and no deposits until it ends, but the
     * player keeps access to their balance, their withdrawals and their responsible-gambling page.
     */
    public boolean mayStillWithdraw() {
        return this == SELF_EXCLUDED || this == TIMED_OUT;
    }
}
