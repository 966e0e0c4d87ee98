package com.sportsbook.runtime.wallet;

/** A player's accounts, per brand and currency. Each is an operator liability and never goes below zero. */
public enum AccountKind {
    /** Withdrawable money. */
    CASH,
    /** Bonus money: shown apart, not withdrawable, subject to bonus rules. */
    BONUS,
    /** Money on its way out: a requested withdrawal waiting for review and payment. */
    LOCKED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
