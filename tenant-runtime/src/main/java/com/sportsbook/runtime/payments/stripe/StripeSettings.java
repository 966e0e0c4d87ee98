package com.sportsbook.runtime.payments.stripe;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiBase Stripe's API (overridden in tests by a local peer answering Stripe's documented JSON)
 * @param tenants tenants' Stripe credentials from configuration, used for a tenant the control plane's credentials
 *     vault has none for (tests, or a platform-wide account filled from the secret store)
 */
@ConfigurationProperties("runtime.payments.stripe")
record StripeSettings(URI apiBase, Map<String, Credentials> tenants) {

    /**
     * @param secretKey the tenant's (or platform's) secret API key
     * @param webhookSecret the signing secret of the tenant's webhook endpoint ({@code whsec_...})
     * @param connectAccount the tenant's connected account when the platform collects on its behalf; may be empty
     */
    record Credentials(String secretKey, String webhookSecret, String connectAccount) {
        /** Never the secrets themselves: this may end up in a log line or an exception message. */
        @Override
        public String toString() {
            return "Credentials[secretKey=" + (secretKey == null ? "none" : "****") + ", webhookSecret="
                    + (webhookSecret == null ? "none" : "****") + ", connectAccount=" + connectAccount + "]";
        }
    }

    StripeSettings {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }
}
