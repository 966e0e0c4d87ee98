package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.runtime.payments.PaymentProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe is the provider when {@code runtime.payments.provider=stripe}. */
@Configuration
@ConditionalOnProperty(name = "runtime.payments.provider", havingValue = StripePsp.NAME)
class StripeConfiguration {

    @Bean
    PaymentProvider stripePsp(StripeSettings settings) {
        return new StripePsp(settings);
    }
}
