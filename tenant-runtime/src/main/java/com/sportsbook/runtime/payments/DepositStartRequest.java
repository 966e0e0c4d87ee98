package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * @param paymentId our id; the provider's idempotency key for this deposit
 * @param brandHost where the provider sends its webhooks for this brand
 * @param paymentMethod the instrument the player chose, where the flow lets the server know it (the sandbox
 *     simulates it; Stripe collects it in the browser and names it in its webhook)
 */
public record DepositStartRequest(String tenant, String brand, String brandHost, UUID paymentId, UUID playerId,
        long amount, String currency, String paymentMethod) {

    public DepositStartRequest(String tenant, String brand, String brandHost, UUID paymentId, UUID playerId, long amount,
            String currency) {
        this(tenant, brand, brandHost, paymentId, playerId, amount, currency, null);
    }
}
