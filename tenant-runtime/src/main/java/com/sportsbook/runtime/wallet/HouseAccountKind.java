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
    TAX,
    /**
     * Minus what the brand's players owe in the currency: it goes negative when a reversal takes more than a
     * player has (see {@link WalletCommand.ReverseAllowingDebt}) and back up as the debt is repaid. Only the ledger
     * posts to it.
     */
    PLAYER_DEBT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
