package com.sportsbook.runtime.tenancy;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TenantCredentialsConfiguration {

    /** @param ttl how long fetched credentials are used before the vault is asked again (a rotated secret's delay) */
    @Bean
    TenantCredentials tenantCredentials(TenancySettings settings, Clock clock,
            @Value("${runtime.tenancy.credentials-ttl:60s}") Duration ttl) {
        return new TenantCredentials(settings.controlPlaneUrl(), settings.internalToken(), clock, ttl);
    }
}
