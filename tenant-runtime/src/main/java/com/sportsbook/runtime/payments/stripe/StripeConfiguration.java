package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.runtime.payments.PaymentProvider;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe is the provider when {@code runtime.payments.provider=stripe}. */
@Configuration
@ConditionalOnProperty(name = "runtime.payments.provider", havingValue = StripePsp.NAME)
class StripeConfiguration {

    @Bean
    PaymentProvider stripePsp(StripeSettings settings, @Value("${runtime.tenancy.control-plane-url}") URI controlPlane,
            @Value("${runtime.tenancy.internal-token}") String internalToken, Clock clock) {
        StripeCredentialsSource source = new StripeCredentialsSource(settings, controlPlane, internalToken, clock);
        return new StripePsp(settings.apiBase(), source::forTenant);
    }
}
