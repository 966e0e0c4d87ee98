package com.sportsbook.runtime.payments;

import java.time.Instant;

/** A provider's webhook, verified and translated into our terms. */
public record ProviderEvent(String eventId, Type type, String reference, long amount, String currency,
        String failureReason, Instant occurredAt) {

    public enum Type {
        PAYMENT_PROCESSING,
        PAYMENT_SUCCEEDED,
        PAYMENT_FAILED,
        PAYOUT_PAID,
        PAYOUT_FAILED,
        /** A kind of event we do not act on; it is recorded and acknowledged. */
        OTHER
    }
}
