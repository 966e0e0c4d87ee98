package com.sportsbook.runtime.wallet;

/** What a journal transaction is, for statements, reports and reconciliation. */
public enum TransactionKind {
    DEPOSIT,
    WITHDRAWAL_REQUESTED,
    WITHDRAWAL_PAID,
    WITHDRAWAL_RETURNED,
    STAKE,
    PAYOUT,
    BONUS,
    ADJUSTMENT,
    TRANSFER,
    REFUND,
    REVERSAL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TransactionKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
