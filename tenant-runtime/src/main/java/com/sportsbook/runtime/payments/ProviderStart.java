package com.sportsbook.runtime.payments;

/** What a provider answers when asked to collect a deposit or to pay out. */
public sealed interface ProviderStart {

    /**
     * Collection started; the outcome comes by webhook.
     *
     * @param clientSecret what the skin needs to complete the payment with the provider (null for the sandbox)
     */
    record Pending(String reference, String clientSecret) implements ProviderStart {
    }

    /** Refused at once (a declined card, a blocked account). */
    record Declined(String reference, String reason) implements ProviderStart {
    }
}
