package com.sportsbook.runtime.payments;

import java.time.Instant;

/**
 * A provider's webhook, verified and translated into our terms. {@code paymentMethod} identifies the instrument a
 * deposit was paid with (a card fingerprint, a PSP payment-method id), when the provider says; AML counts them.
 */
public record ProviderEvent(String eventId, Type type, String reference, long amount, String currency,
        String failureReason, Instant occurredAt, String paymentMethod) {

    public ProviderEvent(String eventId, Type type, String reference, long amount, String currency, String failureReason,
            Instant occurredAt) {
        this(eventId, type, reference, amount, currency, failureReason, occurredAt, null);
    }

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
