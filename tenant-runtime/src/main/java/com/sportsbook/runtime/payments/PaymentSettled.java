package com.sportsbook.runtime.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * A player's money moved through payments, published in the transaction that moved it (listeners act after the
 * commit): a deposit credited, or a withdrawal requested (the money locked). For monitoring (AML) and reporting.
 * {@code paymentMethod} is the instrument of a deposit when the provider names it, else null.
 */
public record PaymentSettled(String tenant, UUID paymentId, UUID playerId, String brand, Kind kind, long amount,
        String currency, String paymentMethod, Instant at) {

    public enum Kind {
        DEPOSIT,
        WITHDRAWAL
    }
}
