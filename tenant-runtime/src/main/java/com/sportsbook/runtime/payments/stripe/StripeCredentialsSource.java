package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.runtime.tenancy.TenantCredentials;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * A tenant's Stripe credentials: from the control plane's credentials vault ({@link TenantCredentials}: kept for a
 * minute so a rotated secret arrives without a restart, dropped when Stripe refuses them), else from configuration
 * (tests, or a platform-wide account).
 */
final class StripeCredentialsSource {

    static final String PURPOSE = "psp.stripe";

    private final StripeSettings settings;
    private final TenantCredentials vault;

    StripeCredentialsSource(StripeSettings settings, URI controlPlaneUrl, String internalToken, Clock clock) {
        this(settings, new TenantCredentials(controlPlaneUrl, internalToken, clock, TenantCredentials.DEFAULT_TTL));
    }

    StripeCredentialsSource(StripeSettings settings, TenantCredentials vault) {
        this.settings = settings;
        this.vault = vault;
    }

    Optional<StripeSettings.Credentials> forTenant(String tenant) {
        return vault.of(tenant, PURPOSE)
                .map(secrets -> new StripeSettings.Credentials(secrets.field("secretKey").orElse(null),
                        secrets.field("webhookSecret").orElse(null), secrets.field("connectAccount").orElse(null)))
                .or(() -> Optional.ofNullable(settings.tenants().get(tenant)));
    }

    /** Stripe refused the tenant's key or its webhook signature: ask the vault again next time. */
    void forget(String tenant) {
        vault.forget(tenant, PURPOSE);
    }
}
