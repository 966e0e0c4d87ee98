package com.sportsbook.runtime.compliance.kyc.sandbox;

import com.sportsbook.runtime.compliance.kyc.KycProvider;
import com.sportsbook.runtime.compliance.kyc.KycSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox KYC provider is the provider unless another is configured (the embedded mode's default). */
@Configuration
@ConditionalOnProperty(name = "runtime.compliance.kyc.provider", havingValue = SandboxKycProvider.NAME, matchIfMissing = true)
class SandboxKycConfiguration {

    @Bean
    KycProvider sandboxKycProvider(KycSettings settings, JsonMapper json, Clock clock) {
        return new SandboxKycProvider(settings.sandbox(), json, clock);
    }
}
