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
    REVERSAL,
    /** A settled bet with no player posting, such as a lost bet: stakes held go to revenue. */
    SETTLEMENT,
    /**
     * Written by the ledger itself, right after a deposit or payout credits a player's cash while the player owes
     * debt: the credit repays the debt first.
     */
    DEBT_REPAYMENT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TransactionKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
