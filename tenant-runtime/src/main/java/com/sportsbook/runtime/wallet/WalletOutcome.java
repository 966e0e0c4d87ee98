package com.sportsbook.runtime.wallet;

import java.util.UUID;

/** The result of a money command; {@code replayed} says it was an idempotent replay of an earlier execution. */
public sealed interface WalletOutcome {

    boolean replayed();

    /**
     * @param transactionId the journal transaction written (null for a hold or a release, which post nothing)
     * @param holdId the hold placed, captured or released (null for transfers and reversals)
     */
    record Applied(UUID transactionId, UUID holdId, boolean replayed) implements WalletOutcome {
    }

    record Rejected(Rejection reason, String detail, boolean replayed) implements WalletOutcome {
    }
}
