package com.sportsbook.runtime.payments.sandbox;

import com.sportsbook.runtime.payments.PaymentProvider;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox PSP is the provider unless another is configured (the embedded mode's default). */
@Configuration
@ConditionalOnProperty(name = "runtime.payments.provider", havingValue = SandboxPsp.NAME, matchIfMissing = true)
class SandboxConfiguration {

    @Bean
    PaymentProvider sandboxPsp(SandboxSettings settings, JsonMapper json, Clock clock) {
        return new SandboxPsp(settings, json, clock);
    }
}
