package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * @param paymentId our id; the provider's idempotency key for this deposit
 * @param brandHost where the provider sends its webhooks for this brand
 */
public record DepositStartRequest(String tenant, String brand, String brandHost, UUID paymentId, UUID playerId,
        long amount, String currency) {
}
