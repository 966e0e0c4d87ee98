package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.tenancy.TenantCredentials;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe is the provider when {@code runtime.payments.provider=stripe}. */
@Configuration
@ConditionalOnProperty(name = "runtime.payments.provider", havingValue = StripePsp.NAME)
class StripeConfiguration {

    @Bean
    PaymentProvider stripePsp(StripeSettings settings, TenantCredentials vault) {
        StripeCredentialsSource source = new StripeCredentialsSource(settings, vault);
        return new StripePsp(settings.apiBase(), source::forTenant, source::forget);
    }
}
