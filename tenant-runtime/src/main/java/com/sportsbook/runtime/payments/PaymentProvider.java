package com.sportsbook.runtime.payments;

import java.util.Map;

/**
 * A payment service provider. Starting a deposit only asks the provider to collect money; the outcome arrives later
 * as a signed webhook, which {@link #verify} authenticates and translates. Implementations must treat our payment
 * id as the provider-side idempotency key, so a retried start never charges twice.
 */
public interface PaymentProvider {

    /** The provider's name in URLs and records: {@code sandbox}, {@code stripe}. */
    String name();

    ProviderStart startDeposit(DepositStartRequest request);

    /** Asks the provider to pay a player out; the outcome arrives by webhook ({@code PAYOUT_PAID}/{@code PAYOUT_FAILED}). */
    ProviderStart startPayout(PayoutRequest request);

    /** Refunds (part of) a confirmed deposit; the outcome arrives by webhook. */
    ProviderStart refund(RefundRequest request);

    /**
     * Authenticates a webhook on its raw body (re-serialised JSON would break the signature) and translates it.
     *
     * @param headers the request's headers, names in lower case
     */
    WebhookVerification verify(String tenant, byte[] rawBody, Map<String, String> headers);
}
