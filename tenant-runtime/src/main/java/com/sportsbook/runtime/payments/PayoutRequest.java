package com.sportsbook.runtime.payments;

import java.util.UUID;

/** @param paymentId our id; the provider's idempotency key for this payout */
public record PayoutRequest(String tenant, String brand, String brandHost, UUID paymentId, UUID playerId, long amount,
        String currency) {
}
