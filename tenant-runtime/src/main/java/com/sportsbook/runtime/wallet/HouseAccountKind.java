package com.sportsbook.runtime.wallet;

/**
 * The operator's own accounts, per brand and currency. They may go below zero (PSP clearing is money the PSP owes
 * us, revenue can be negative on a bad day) and are never locked, so they never become a point of contention.
 */
public enum HouseAccountKind {
    STAKES_HELD,
    PSP_CLEARING,
    PAYOUTS,
    BONUS_COST,
    REVENUE,
    TAX;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
