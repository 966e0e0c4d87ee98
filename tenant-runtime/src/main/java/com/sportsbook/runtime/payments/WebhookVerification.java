package com.sportsbook.runtime.payments;

/** A webhook either carries the provider's valid signature or is refused without being looked at further. */
public sealed interface WebhookVerification {

    record Verified(ProviderEvent event) implements WebhookVerification {
    }

    record Forged(String reason) implements WebhookVerification {
    }
}
