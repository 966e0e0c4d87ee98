package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * Gives (part of) a confirmed deposit back to the card it came from.
 *
 * @param paymentReference the provider's reference of the deposit
 * @param refundId our id; the provider's idempotency key for this refund
 */
public record RefundRequest(String tenant, String brandHost, String paymentReference, UUID refundId, long amount,
        String currency) {
}
