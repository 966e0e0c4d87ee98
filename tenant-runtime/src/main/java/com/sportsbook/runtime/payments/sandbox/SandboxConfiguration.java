package com.sportsbook.runtime.payments.sandbox;

import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.tenancy.TenantCredentials;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox PSP is the provider unless another is configured (the embedded mode's default). */
@Configuration
@ConditionalOnProperty(name = "runtime.payments.provider", havingValue = SandboxPsp.NAME, matchIfMissing = true)
class SandboxConfiguration {

    /** The tenant's own webhook secret comes from the credentials vault ({@code psp.sandbox}), when it stored one. */
    @Bean
    PaymentProvider sandboxPsp(SandboxSettings settings, JsonMapper json, Clock clock, TenantCredentials vault) {
        return new SandboxPsp(settings, json, clock,
                tenant -> vault.of(tenant, VAULT_PURPOSE).flatMap(secrets -> secrets.field("webhookSecret")));
    }

    static final String VAULT_PURPOSE = "psp.sandbox";
}
