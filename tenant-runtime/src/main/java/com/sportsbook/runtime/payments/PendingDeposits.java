package com.sportsbook.runtime.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * Deposits started and not yet settled by the provider: the money a player may be about to have deposited. Compliance
 * counts them with the credited ones against deposit limits, so deposits started together cannot pass a limit by
 * their sum. A deposit stops counting when it is credited (the ledger counts it then), fails, is declined, or expires:
 * it is still {@code pending} (the provider never took it up, as when the player abandons the payment page) after
 * {@code runtime.payments.pending-deposit-expiry}. One the provider reported {@code processing} counts until it ends.
 */
public interface PendingDeposits {

    /**
     * The sum of the player's pending deposits in this currency started at or after {@code since} (minor units);
     * in the caller's transaction.
     */
    long total(UUID playerId, String currency, Instant since);
}
